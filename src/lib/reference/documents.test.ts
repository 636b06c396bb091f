import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import {
  assertUniqueOperationIds,
  documentText,
  loadReferenceApis,
  parseDocumentText,
} from './documents.ts';
import { API_REGISTRY, type ApiEntry } from './registry.ts';

const SINCH_NUMBERS = resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/sinch-openapi/numbers.yaml',
);

/** Operation ids of one registered API, in document order. */
async function idsOf(slug: string): Promise<string[]> {
  const api = (await loadReferenceApis()).find((candidate) => candidate.entry.slug === slug);
  return api?.operations.map((operation) => operation.id) ?? [];
}

describe('registered documents', () => {
  it.each([
    ['oauth2', ['getAccessToken']],
    ['fax', ['listFaxes', 'sendFax', 'getFax', 'downloadFaxContent', 'deleteFaxContent']],
    [
      'template-management',
      [
        'listTemplates',
        'createTemplate',
        'getTemplate',
        'updateTemplate',
        'deleteTemplate',
        'listTemplateTranslations',
      ],
    ],
  ])('%s has exactly its operations', async (slug, ids) => {
    expect(await idsOf(slug)).toEqual(ids);
  });

  it('Numbers keeps the six operations the guides use and has all 22', async () => {
    const ids = await idsOf('numbers');
    expect(ids).toHaveLength(22);
    expect(ids).toEqual(
      expect.arrayContaining([
        'listAvailableNumbers',
        'getAvailableNumber',
        'listAvailableRegions',
        'listActiveNumbers',
        'getActiveNumber',
        'updateActiveNumber',
      ]),
    );
  });

  it('Fax offers a file upload and a content URL for sending, and a PDF download', async () => {
    const fax = (await loadReferenceApis()).find((api) => api.entry.slug === 'fax')!;
    const send = (
      fax.document['paths'] as Record<string, Record<string, { requestBody: { content: object } }>>
    )['/v3/projects/{projectId}/faxes']!['post']!;
    expect(Object.keys(send.requestBody.content)).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
    expect(fax.operations[0]?.servers.map((server) => server.url)).toContain(
      'https://eu1.fax.api.sinch.com',
    );
  });

  it('Template Management declares its region server variable', async () => {
    const templates = (await loadReferenceApis()).find(
      (api) => api.entry.slug === 'template-management',
    )!;
    const [server] = templates.document['servers'] as { url: string; variables: object }[];
    expect(server?.url).toBe('https://{region}.template.api.sinch.com');
    expect(server?.variables).toEqual({
      region: {
        default: 'us',
        enum: ['us', 'eu', 'br'],
        description: expect.any(String) as string,
      },
    });
  });

  it('every registry entry points at a document', () => {
    for (const entry of API_REGISTRY)
      expect(documentText(entry).startsWith('openapi: 3.')).toBe(true);
  });

  it('names the entry whose document is missing', () => {
    const entry: ApiEntry = { ...API_REGISTRY[0]!, slug: 'ghost', document: 'ghost.yaml' };
    expect(() => documentText(entry)).toThrow('API registry entry "ghost": document "ghost.yaml"');
  });

  it('refuses an operationId used by two APIs, naming both', () => {
    const [first, second] = API_REGISTRY;
    const operations = [{ id: 'sameId' }] as never[];
    expect(() =>
      assertUniqueOperationIds([
        { entry: first!, operations },
        { entry: second!, operations },
      ]),
    ).toThrow(`operationId "sameId" is in both "${first!.slug}" and "${second!.slug}"`);
  });
});

describe('parseDocumentText', () => {
  it.each([
    ['JSON', '{"openapi": "3.1.0", "paths": {}}', { openapi: '3.1.0', paths: {} }],
    ['JSON after blank lines', '\n  {"info": {"title": "T"}}', { info: { title: 'T' } }],
    ['YAML', 'openapi: 3.1.0\npaths: {}\n', { openapi: '3.1.0', paths: {} }],
    ['a YAML flow mapping', '{openapi: 3.1.0, paths: {}}', { openapi: '3.1.0', paths: {} }],
  ])('reads %s', (_, text, expected) => {
    expect(parseDocumentText(text)).toEqual(expected);
  });
});

describe.skipIf(!existsSync(SINCH_NUMBERS))(
  "our Numbers document against Sinch's (skipped where ../shared/fixtures is absent)",
  () => {
    it('has the same operations: method and path, and operationId without the NumberService_ prefix', async () => {
      const sinch = toOperationModels(await loadOpenApiDocument(SINCH_NUMBERS));
      const ours = (await loadReferenceApis()).find(
        (api) => api.entry.slug === 'numbers',
      )!.operations;
      const key = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;
      expect(ours.map(key).sort()).toEqual(sinch.map(key).sort());
      const expectedIds = new Map(
        sinch.map((operation) => {
          const bare = operation.id.replace(/^NumberService_/, '');
          return [key(operation), bare[0]!.toLowerCase() + bare.slice(1)];
        }),
      );
      for (const operation of ours)
        expect(operation.id, key(operation)).toBe(expectedIds.get(key(operation)));
    });
  },
);
