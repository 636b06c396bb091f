import { describe, expect, it } from 'vitest';
import { toOperationModels } from '../openapi/operations.ts';
import { basicAuthorization } from '../request/basic.ts';
import {
  buildRoutes,
  cannedAnswer,
  exampleOf,
  matchRoute,
  mockBasePath,
  unknownHostValue,
  type MockApi,
} from './generic.ts';
import type { KeyValueStore } from '../http/store.ts';
import { createMockHandler } from './handler.ts';

const DEMO = basicAuthorization('demo-key', 'demo-secret');

/** A small document with the shapes the generic mock must handle. */
const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Widgets', version: '1' },
  servers: [{ url: 'https://widgets.api.sinch.com' }],
  security: [{ Basic: [] }],
  components: { securitySchemes: { Basic: { type: 'http', scheme: 'basic' } } },
  paths: {
    '/v1/projects/{projectId}/widgets': {
      parameters: [{ name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'listWidgets',
        parameters: [
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
          { name: 'color', in: 'query', schema: { type: 'string', enum: ['red', 'blue'] } },
          {
            name: 'code',
            in: 'query',
            required: true,
            schema: { type: 'string', pattern: '^[A-Z]{2}$' },
          },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                examples: { first: { value: { widgets: [{ id: 'w1' }] } } },
              },
            },
          },
        },
      },
      post: {
        operationId: 'createWidget',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string', maxLength: 10 },
                  size: { type: 'object', properties: { width: { type: 'integer' } } },
                },
              },
            },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { photo: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'created',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { id: { type: 'string', example: 'w9' }, name: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    '/v1/projects/{projectId}/widgets/{widgetId}': {
      parameters: [
        { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'widgetId', in: 'path', required: true, schema: { type: 'string' } },
      ],
      get: {
        operationId: 'getWidget',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { example: { id: 'w1', name: 'Canned' } } },
          },
        },
      },
      delete: { operationId: 'deleteWidget', responses: { '204': { description: 'gone' } } },
    },
    '/v1/projects/{projectId}/widgets/{widgetId}/manual': {
      get: {
        operationId: 'getWidgetManual',
        summary: 'Widget manual',
        parameters: [
          { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'widgetId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    '/v1/projects/{projectId}/widgets/{widgetId}:polish': {
      post: {
        operationId: 'polishWidget',
        parameters: [
          { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'widgetId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        security: [],
        responses: { '200': { description: 'ok', content: { 'text/plain': {} } } },
      },
    },
  },
};

const API: MockApi = { document: DOCUMENT, operations: toOperationModels(DOCUMENT) };
const ROUTES = buildRoutes([API], new Set());
const BASE = 'http://localhost/mock/widgets/v1/projects/demo-project';

describe('routing', () => {
  it('maps a document server to the playground mock base path', () => {
    expect(mockBasePath(API.operations[0]!)).toBe('/mock/widgets');
  });

  it('routes a host variable of the server as one more segment, and knows only its enum values', async () => {
    const regional = {
      ...DOCUMENT,
      servers: [
        {
          url: 'https://{region}.widgets.api.sinch.com',
          variables: { region: { default: 'us', enum: ['us', 'eu'] } },
        },
      ],
    };
    const routes = buildRoutes(
      [{ document: regional, operations: toOperationModels(regional) }],
      new Set(),
    );
    expect(routes[0]!.base).toBe('/mock/widgets/{region}');
    expect(matchRoute(routes, 'GET', '/mock/widgets/eu/v1/projects/p/widgets')).toMatchObject({
      route: { operation: { id: 'listWidgets' } },
      params: { region: 'eu', projectId: 'p' },
    });
    const [operation] = toOperationModels(regional);
    expect(unknownHostValue(operation!, { region: 'eu', projectId: 'p' })).toBeNull();
    expect(unknownHostValue(operation!, { region: 'mars', projectId: 'p' })).toBe(
      'No region "mars" here: region is one of us, eu.',
    );
    // Through the handler: a region the document does not list is a 404 naming it, before auth.
    const handler = createMockHandler({
      basicRateLimit: null,
      apis: Promise.resolve([{ document: regional, operations: toOperationModels(regional) }]),
    });
    const unknown = await handler(
      new Request('http://localhost/mock/widgets/mars/v1/projects/demo-project/widgets', {
        headers: { Authorization: DEMO },
      }),
      '127.0.0.1',
    );
    expect(unknown.status).toBe(404);
    const refusal = (await unknown.json()) as { error: { status: string; message: string } };
    expect(refusal.error.status).toBe('NOT_FOUND');
    expect(refusal.error.message).toContain('"mars"');
    const known = await handler(
      new Request('http://localhost/mock/widgets/eu/v1/projects/demo-project/widgets?code=GB', {
        headers: { Authorization: DEMO },
      }),
      '127.0.0.1',
    );
    expect(known.status).toBe(200);

    // A write in one region shows in that region only.
    const widgets = (region: string): string =>
      `http://localhost/mock/widgets/${region}/v1/projects/demo-project/widgets`;
    const created = await handler(
      new Request(widgets('eu'), {
        method: 'POST',
        body: '{"name":"Regional"}',
        headers: { Authorization: DEMO, 'content-type': 'application/json' },
      }),
      '127.0.0.1',
    );
    expect(created.status).toBe(201);
    const list = async (region: string): Promise<string> =>
      (
        await handler(
          new Request(`${widgets(region)}?code=GB`, { headers: { Authorization: DEMO } }),
          '127.0.0.1',
        )
      ).text();
    expect(await list('eu')).toContain('Regional');
    expect(await list('us')).not.toContain('Regional');
  });

  it('takes any text for a host variable without an enum', () => {
    const free = {
      ...DOCUMENT,
      servers: [
        { url: 'https://{zone}.widgets.api.sinch.com', variables: { zone: { default: 'a' } } },
      ],
    };
    const [operation] = toOperationModels(free);
    expect(unknownHostValue(operation!, { zone: 'anything' })).toBeNull();
  });

  it.each([
    ['GET', '/mock/widgets/v1/projects/p/widgets', 'listWidgets', {}],
    ['GET', '/mock/widgets/v1/projects/p/widgets/w%2B1', 'getWidget', { widgetId: 'w+1' }],
    ['POST', '/mock/widgets/v1/projects/p/widgets/w1:polish', 'polishWidget', { widgetId: 'w1' }],
  ])('%s %s → %s', (method, path, id, params) => {
    const match = matchRoute(ROUTES, method, path);
    expect(match).toMatchObject({
      route: { operation: { id } },
      params: { projectId: 'p', ...params },
    });
  });

  it('lists the allowed methods for a known path, and nothing for an unknown one', () => {
    expect(matchRoute(ROUTES, 'PUT', '/mock/widgets/v1/projects/p/widgets/w1')).toEqual({
      allow: ['GET', 'DELETE'],
    });
    expect(matchRoute(ROUTES, 'GET', '/mock/widgets/v1/projects/p/gadgets')).toBeNull();
    expect(matchRoute(ROUTES, 'GET', '/mock/widgets/v1/projects/%E0/widgets')).toEqual({
      malformed: true,
    });
  });

  it('leaves operations served elsewhere out', () => {
    const routes = buildRoutes([API], new Set(['getWidget']));
    expect(routes.map((route) => route.operation.id)).not.toContain('getWidget');
  });
});

describe('example selection', () => {
  it.each([
    ['media example', { example: { a: 1 }, examples: { x: { value: { a: 2 } } } }, { a: 1 }],
    ['first named example', { examples: { x: { value: { a: 2 } } } }, { a: 2 }],
    [
      'schema sample',
      { schema: { type: 'object', properties: { a: { type: 'integer', minimum: 3 } } } },
      { a: 3 },
    ],
  ])('%s', (_, media, expected) => expect(exampleOf(media)).toEqual(expected));

  it('answers the first 2xx status, empty when it has no content', () => {
    const [list, create, get, remove] = API.operations;
    expect(cannedAnswer(DOCUMENT, list!)).toEqual({
      status: 200,
      contentType: 'application/json',
      body: { widgets: [{ id: 'w1' }] },
    });
    expect(cannedAnswer(DOCUMENT, create!)).toMatchObject({
      status: 201,
      body: { id: 'w9', name: 'string' },
    });
    expect(cannedAnswer(DOCUMENT, get!).body).toEqual({ id: 'w1', name: 'Canned' });
    expect(cannedAnswer(DOCUMENT, remove!)).toEqual({ status: 204, contentType: null, body: null });
  });
});

describe('generic mock handler', () => {
  const mock = createMockHandler({ basicRateLimit: null, apis: Promise.resolve([API]) });
  const call = (path: string, init: RequestInit = {}, client = '10.0.0.1') =>
    mock(
      new Request(`${BASE}${path}`, { ...init, headers: { authorization: DEMO, ...init.headers } }),
      client,
    );

  it('answers a PDF operation with a real PDF file', async () => {
    const response = await call('/widgets/w1/manual');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(new TextDecoder('latin1').decode(bytes)).toContain(
      '(Sample Widget manual from the Sinch mock)',
    );
  });

  it('answers a valid request with the example', async () => {
    const response = await call('/widgets?code=US&pageSize=5&color=red');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ widgets: [{ id: 'w1' }] });
  });

  it.each([
    ['?pageSize=5', 'code', 'Required.'],
    ['?code=usa', 'code', 'Must match the pattern ^[A-Z]{2}$.'],
    ['?code=US&pageSize=0', 'pageSize', 'Must be at least 1.'],
    ['?code=US&pageSize=two', 'pageSize', 'Must be a whole number.'],
    ['?code=US&color=green', 'color', 'Must be one of red, blue.'],
  ])('query %s → 400 naming %s', async (query, field, description) => {
    const response = await call(`/widgets${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: 'Request contains invalid arguments.',
        details: [{ type: 'BadRequest', fieldViolations: [{ field, description }] }],
      },
    });
  });

  it.each([
    ['', [{ field: 'body', description: 'Required.' }]],
    ['{', [{ field: 'body', description: 'Must be valid JSON.' }]],
    [
      '{"size":{"width":"x"}}',
      [
        { field: 'name', description: 'Required.' },
        { field: 'size.width', description: 'Must be integer.' },
      ],
    ],
    ['{"name":"n","color":1}', [{ field: 'color', description: 'Unknown field.' }]],
    ['[]', [{ field: 'body', description: 'Must be object.' }]],
    [
      '{"name":"much too long"}',
      [{ field: 'name', description: 'Must NOT have more than 10 characters.' }],
    ],
  ])('body %s → 400 naming the fields', async (body, violations) => {
    const response = await call('/widgets', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as {
      error: { details: { fieldViolations: unknown }[] };
    };
    expect(answer.error.details[0]?.fieldViolations).toEqual(violations);
  });

  it('takes a multipart body as it is, while JSON is checked against the schema', async () => {
    const form = new FormData();
    form.append('photo', new Blob(['bytes']), 'a.png');
    const response = await call('/widgets', { method: 'POST', body: form });
    expect(response.status).toBe(201);
  });

  it('authenticates as the document asks: 401, 403, and none for a security-less operation', async () => {
    expect(
      (await call('/widgets?code=US', { headers: { authorization: 'Basic !!!' } })).status,
    ).toBe(401);
    const other = basicAuthorization('other-key', 'other-secret');
    expect((await call('/widgets?code=US', { headers: { authorization: other } })).status).toBe(
      403,
    );
    const polish = await mock(
      new Request(`${BASE}/widgets/w1:polish`, { method: 'POST' }),
      '10.0.0.1',
    );
    expect(polish.status).toBe(200);
    expect(polish.headers.get('content-type')).toBe('text/plain');
  });

  it('shows writes to the reader who made them only', async () => {
    const created = await call('/widgets', {
      method: 'POST',
      body: '{"name":"Mine"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 'w9', name: 'Mine' });
    expect(await (await call('/widgets/w9')).json()).toEqual({ id: 'w9', name: 'Mine' });
    expect(await (await call('/widgets/w9', {}, '10.0.0.2')).json()).toEqual({
      id: 'w1',
      name: 'Canned',
    });

    expect((await call('/widgets/w1', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/widgets/w1')).status).toBe(404);
    expect((await call('/widgets/w1', {}, '10.0.0.2')).status).toBe(200);
  });

  it("lists the reader's own created and deleted members, and nobody else's", async () => {
    const reader = '10.0.0.3';
    const created = await call(
      '/widgets',
      {
        method: 'POST',
        body: '{"name":"Listed"}',
        headers: { 'content-type': 'application/json' },
      },
      reader,
    );
    expect(created.status).toBe(201);
    expect(await (await call('/widgets?code=US', {}, reader)).json()).toEqual({
      widgets: [{ id: 'w1' }, { id: 'w9', name: 'Listed' }],
    });
    expect((await call('/widgets/w1', { method: 'DELETE' }, reader)).status).toBe(204);
    expect(await (await call('/widgets?code=US', {}, reader)).json()).toEqual({
      widgets: [{ id: 'w9', name: 'Listed' }],
    });
    expect(await (await call('/widgets?code=US', {}, '10.0.0.4')).json()).toEqual({
      widgets: [{ id: 'w1' }],
    });
  });

  it('refuses a method the path does not have with 405 and Allow', async () => {
    const response = await call('/widgets/w1', { method: 'PATCH', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE');
  });
});

describe('generic mock handler on a collection whose create answer has no id', () => {
  const document = {
    ...DOCUMENT,
    paths: {
      '/v1/projects/{projectId}/gadgets': {
        parameters: [{ name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'listGadgets',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { example: { gadgets: [{ id: 'g1' }] } } },
            },
          },
        },
        post: {
          operationId: 'createGadget',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { example: { accepted: true } } },
            },
          },
        },
      },
    },
  };
  const api: MockApi = { document, operations: toOperationModels(document) };
  const mock = createMockHandler({ basicRateLimit: null, apis: Promise.resolve([api]) });
  const call = (method: string) =>
    mock(new Request(`${BASE}/gadgets`, { method, headers: { authorization: DEMO } }), '10.0.0.6');

  it('keeps listing the collection after the create', async () => {
    expect(await (await call('POST')).json()).toEqual({ accepted: true });
    expect(await (await call('GET')).json()).toEqual({ gadgets: [{ id: 'g1' }] });
  });
});

describe('generic mock handler with a failing store', () => {
  /** A store whose reads or writes fail as a shared store that is down would. */
  const failing = (failOn: 'get' | 'set', error: Error): KeyValueStore => ({
    get: () => (failOn === 'get' ? Promise.reject(error) : Promise.resolve(undefined)),
    set: () => Promise.reject(error),
  });
  const send = (store: KeyValueStore, init: RequestInit & { path?: string } = {}) =>
    createMockHandler({ basicRateLimit: null, apis: Promise.resolve([API]), stateStore: store })(
      new Request(`${BASE}${init.path ?? '/widgets'}`, {
        method: 'POST',
        body: '{"name":"Mine"}',
        ...init,
        headers: { authorization: DEMO, 'content-type': 'application/json' },
      }),
      '10.0.0.5',
    );

  it.each([
    ['a write cannot be saved', 'set' as const, {}],
    ['earlier writes cannot be read for a write', 'get' as const, {}],
    [
      'earlier writes cannot be read for a read',
      'get' as const,
      { method: 'GET', body: null, path: '/widgets?code=US' },
    ],
  ])('answers 503 UNAVAILABLE with Retry-After when %s', async (_, failOn, init) => {
    const response = await send(failing(failOn, new Error('connection refused')), init);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({
      error: {
        code: 503,
        status: 'UNAVAILABLE',
        message: expect.stringContaining('nothing was changed') as unknown,
        details: [],
      },
    });
  });

  it('answers 400 naming the body when the store refuses the value as too large', async () => {
    const response = await send(
      failing('set', new RangeError('A value of 9 characters exceeds 8.')),
    );
    expect(response.status).toBe(400);
    const answer = (await response.json()) as {
      error: { status: string; details: { fieldViolations: { field: string }[] }[] };
    };
    expect(answer.error.status).toBe('INVALID_ARGUMENT');
    expect(answer.error.details[0]?.fieldViolations[0]?.field).toBe('body');
  });
});
