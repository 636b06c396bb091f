import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from './load.ts';
import { foldAllOf, toOperationModels } from './operations.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = resolve(ROOT, '../shared/fixtures/sinch-openapi');

describe('foldAllOf', () => {
  it.each([
    [
      'a schema without allOf, unchanged',
      { type: 'object', required: ['a'] },
      { type: 'object', required: ['a'] },
    ],
    [
      'parts and own fields merged, required lists joined once',
      {
        allOf: [
          { properties: { a: { type: 'string' } }, required: ['a'] },
          { allOf: [{ properties: { b: { type: 'integer' } }, required: ['a', 'b'] }] },
        ],
        properties: { c: {} },
      },
      {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'integer' }, c: {} },
        required: ['a', 'b'],
      },
    ],
  ] as const)('%s', (_name, schema, folded) => expect(foldAllOf(schema)).toEqual(folded));

  it('finds the file field and required list of a multipart body written with allOf', async () => {
    const models = toOperationModels(
      await loadOpenApiDocument(resolve(ROOT, 'src/openapi/fax.yaml')),
    );
    const multipart = models
      .find((model) => model.id === 'sendFax')
      ?.requestBody?.contents?.find((media) => media.kind === 'multipart');
    expect(multipart?.fileFields).toEqual([
      { name: 'file', contentType: 'application/octet-stream' },
    ]);
    expect(multipart?.schema.required).toEqual(['to', 'file']);
    expect(multipart?.examples[0]?.value).not.toHaveProperty('file');
  });
});

describe('our documents', () => {
  it('Numbers: the six guide operations first, with merged parameters, servers and both auth schemes', async () => {
    const models = toOperationModels(
      await loadOpenApiDocument(resolve(ROOT, 'src/openapi/numbers.yaml')),
    );
    expect(models.map((model) => model.id).slice(0, 6)).toEqual([
      'listAvailableNumbers',
      'getAvailableNumber',
      'listAvailableRegions',
      'listActiveNumbers',
      'getActiveNumber',
      'updateActiveNumber',
    ]);
    const list = models[0]!;
    expect(list.servers).toEqual([{ url: 'https://numbers.api.sinch.com', description: 'Global' }]);
    expect(list.security).toEqual(['basic', 'oauth2']);
    expect(list.tokenUrl).toBe('https://auth.sinch.com/oauth2/token');
    expect(list.parameters.find((p) => p.name === 'type')?.schema.enum).toEqual([
      'MOBILE',
      'LOCAL',
      'TOLL_FREE',
    ]);
    expect(list.parameters.find((p) => p.name === 'regionCode')).toMatchObject({
      required: true,
      example: 'US',
    });
    expect(list.responseSchema?.properties?.['availableNumbers']?.type).toBe('array');
    expect(models[5]!.requestBody?.contentType).toBe('application/json');
  });

  it('OAuth2: the token operation with its form body', async () => {
    const [token] = toOperationModels(
      await loadOpenApiDocument(resolve(ROOT, 'src/openapi/auth.yaml')),
    );
    expect(token).toMatchObject({ id: 'getAccessToken', method: 'POST', path: '/oauth2/token' });
    expect(token?.requestBody?.contentType).toBe('application/x-www-form-urlencoded');
  });
});

describe.skipIf(!existsSync(FIXTURES))(
  "Sinch's own documents (skipped where ../shared/fixtures is absent)",
  () => {
    it('numbers.yaml: all 22 operations become models', async () => {
      const models = toOperationModels(
        await loadOpenApiDocument(resolve(FIXTURES, 'numbers.yaml')),
      );
      expect(models).toHaveLength(22);
      const list = models.find((model) => model.id === 'NumberService_ListAvailableNumbers')!;
      expect(list.parameters.map((p) => p.name)).toEqual(
        expect.arrayContaining([
          'projectId',
          'numberPattern.pattern',
          'capabilities',
          'regionCode',
          'type',
        ]),
      );
      expect(models.find((model) => model.id === 'NumberService_RentNumber')?.path).toMatch(
        /:rent$/,
      );
      expect(
        models.every((model) => model.servers[0]?.url === 'https://numbers.api.sinch.com'),
      ).toBe(true);
    });

    it('numbers-legacy.yaml: scheme-relative server and password flow token URL', async () => {
      const models = toOperationModels(
        await loadOpenApiDocument(resolve(FIXTURES, 'numbers-legacy.yaml')),
      );
      expect(models).toHaveLength(7);
      expect(models[0]!.servers[0]!.url).toMatch(/^https:\/\/numbers\.api\.sinch\.com/);
      expect(models.some((model) => model.tokenUrl?.startsWith('https://'))).toBe(true);
    });
  },
);
