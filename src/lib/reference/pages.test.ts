import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import { buildRequest } from '../request/build.ts';
import { loadReferenceApis } from './documents.ts';
import { referencePages } from './pages.ts';
import { API_REGISTRY } from './registry.ts';

const model = (id: string) =>
  ({
    id,
    method: 'GET',
    path: '/things',
    summary: '',
    tags: [],
    security: [],
    parameters: [],
    servers: [],
  }) as unknown as OperationModel;

describe('referencePages', () => {
  it('collects the pages once per loaded set of APIs', async () => {
    const apis = await loadReferenceApis();
    expect(referencePages(apis)).toBe(referencePages(apis));
    expect(referencePages([...apis])).not.toBe(referencePages(apis));
    expect(referencePages([...apis])).toEqual(referencePages(apis));
  });

  it('gives every registered operation one page with responses by status', async () => {
    const apis = await loadReferenceApis();
    const pages = referencePages(apis);
    expect(pages).toHaveLength(apis.reduce((sum, api) => sum + api.operations.length, 0));
    const send = pages.find((page) => page.model.id === 'sendFax')!;
    expect(send.pagePath).toBe('/reference/fax/send-fax/');
    expect(send.requestBody?.bodies.map((body) => body.contentType)).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
    expect(send.responses.map((response) => response.status)).toEqual(['200', 'default']);
    expect(send.servers).toHaveLength(6);
    const download = pages.find((page) => page.model.id === 'downloadFaxContent')!;
    expect(download.responses[0]?.bodies[0]?.contentType).toBe('application/pdf');
    const upload = pages.find((page) => page.model.id === 'uploadNumberOrderAttachment')!;
    expect(upload.playground).toMatchObject({ supported: false });
    expect(send.playground).toEqual({ supported: true });
    const templates = pages.find((page) => page.model.id === 'listTemplates')!;
    expect(templates.servers[0]?.variables).toEqual([
      expect.objectContaining({ name: 'region', defaultValue: 'us', values: ['us', 'eu', 'br'] }),
    ]);
  });

  it('starts every playground with a complete request: examples fill the required parameters', async () => {
    for (const page of referencePages(await loadReferenceApis())) {
      if (!page.playground.supported) continue;
      const example = page.model.requestBody?.example;
      const result = buildRequest({
        operation: page.model,
        serverUrl: 'https://mock.example/mock/api',
        params: { ...page.playgroundDefaults, projectId: 'demo-project' },
        body:
          example === undefined
            ? null
            : typeof example === 'string'
              ? example
              : JSON.stringify(example),
        auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
      });
      expect(result.ok ? [] : result.errors, page.model.id).toEqual([]);
    }
  });

  it('refuses two operations that map to one page path, naming both', () => {
    const entry = API_REGISTRY[0]!;
    const document = { paths: { '/things': { get: {} } } };
    expect(() =>
      referencePages([
        { entry, document, operations: [model('listThings'), model('list_things')] },
      ]),
    ).toThrow(
      'operationIds "listThings" and "list_things" both map to /reference/numbers/list-things/',
    );
  });
});
