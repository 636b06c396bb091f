import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import { SNIPPET_TARGETS } from '../snippets/index.ts';
import { loadCliOperations } from './document.ts';
import { UsageError } from './errors.ts';
import { checkOperations, formatSpecReport } from './spec-check.ts';

/** A one-operation document with the given server, security schemes and operation fields. */
function documentWith(options: {
  server?: object;
  schemes?: Record<string, object>;
  operation?: Record<string, unknown>;
}) {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    servers: [options.server ?? { url: 'https://api.example.com' }],
    components: {
      securitySchemes: options.schemes ?? { basic: { type: 'http', scheme: 'basic' } },
    },
    security: [
      Object.fromEntries(Object.keys(options.schemes ?? { basic: 0 }).map((n) => [n, []])),
    ],
    paths: {
      '/v1/things': {
        post: {
          operationId: 'makeThing',
          responses: { '200': { description: 'ok' } },
          ...options.operation,
        },
      },
    },
  };
}

/** Checks the document and returns the failing checks of its one operation. */
async function failures(document: object) {
  const report = checkOperations(
    'test.yaml',
    toOperationModels(await loadOpenApiDocument(document)),
  );
  return Object.fromEntries(
    report.operations[0]!.checks.filter((check) => !check.ok).map((c) => [c.subject, c.reason]),
  );
}

/** Matches any text containing `text`. */
const containing = (text: string): unknown => expect.stringContaining(text);

const everySnippet = (reason: string) =>
  Object.fromEntries(SNIPPET_TARGETS.map(({ id }) => [`snippet:${id}`, containing(reason)]));

describe('checkOperations', () => {
  it.each([
    {
      name: 'a Basic operation with a JSON example',
      document: documentWith({
        operation: { requestBody: { content: { 'application/json': { example: { a: 1 } } } } },
      }),
      expected: {},
    },
    {
      name: 'a multipart body with a file part (placeholder file)',
      document: documentWith({
        operation: {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: {
                    file: { type: 'string', format: 'binary' },
                    note: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      }),
      expected: {},
    },
    {
      name: 'a multipart file part whose name curl cannot write',
      document: documentWith({
        operation: {
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { 'a=b': { type: 'string', format: 'binary' } },
                },
              },
            },
          },
        },
      }),
      expected: {
        'snippet:curl':
          'the multipart file part "a=b" cannot be written: curl ends a --form name at "="',
      },
    },
    {
      name: 'an operation with an API key in a header',
      document: documentWith({
        schemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
      }),
      expected: {},
    },
    {
      name: 'an operation with an API key in the query',
      document: documentWith({
        schemes: { key: { type: 'apiKey', in: 'query', name: 'api_key' } },
      }),
      expected: {},
    },
    {
      name: 'a bearer-only operation',
      document: documentWith({
        schemes: { token: { type: 'http', scheme: 'bearer' } },
      }),
      expected: {},
    },
    {
      name: 'an operation without security',
      document: { ...documentWith({}), security: [] },
      expected: {},
    },
    {
      name: 'an operation accepting only an API key in a cookie',
      document: documentWith({
        schemes: { key: { type: 'apiKey', in: 'cookie', name: 'session' } },
      }),
      expected: {
        form: containing('accepts only "key" (API key in cookie "session")'),
        ...everySnippet(
          'security scheme "key" (API key in cookie "session") has no snippet support',
        ),
      },
    },
    {
      name: 'a free-text server variable in the host',
      document: documentWith({
        server: { url: 'https://{tenant}.example.com', variables: { tenant: { default: 'acme' } } },
      }),
      expected: { request: containing('server variable "tenant"') },
    },
    {
      name: 'a first example that does not build',
      document: documentWith({
        operation: {
          requestBody: {
            required: true,
            content: { 'application/json': { example: '{not json' } },
          },
        },
      }),
      expected: {
        request: containing('the first example does not build: body: The body is not valid JSON'),
        ...everySnippet('no request to write'),
      },
    },
  ])('$name', async ({ document, expected }) => {
    expect(await failures(document)).toEqual(expected);
  });

  it('marks the document unsupported and formats one line per failing check', async () => {
    const operations = toOperationModels(
      await loadOpenApiDocument(
        documentWith({
          server: { url: 'https://{tenant}.example.com', variables: { tenant: { default: 'a' } } },
        }),
      ),
    );
    const report = checkOperations('test.yaml', operations);
    expect(report.supported).toBe(false);
    expect(formatSpecReport(report)).toBe(
      [
        'test.yaml: 1 operations',
        'FAIL makeThing (POST /v1/things)',
        '       request: test.yaml: server variable "tenant" in the host of https://{tenant}.example.com has no enum, so the proxy cannot list its origins.',
        '1 of 1 operations are not fully supported.',
        '',
      ].join('\n'),
    );
  });
});

describe('loadCliOperations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-check-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  it.each([
    {
      name: 'a missing file',
      path: join(dir, 'absent.yaml'),
      message: 'absent.yaml: no such file.',
    },
    {
      name: 'unparseable YAML',
      path: file('bad.yaml', 'openapi: [3.1\n  : :'),
      message: 'bad.yaml: cannot be read as OpenAPI',
    },
    {
      name: 'Swagger 2',
      path: file('old.json', '{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{}}'),
      message: '"openapi" must be 3.0.x or 3.1.x',
    },
  ])('rejects $name with a UsageError naming it', async ({ path, message }) => {
    const error: unknown = await loadCliOperations(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });

  it('reads a JSON document', async () => {
    const path = file('ok.json', JSON.stringify(documentWith({})));
    expect((await loadCliOperations(path)).map((operation) => operation.id)).toEqual(['makeThing']);
  });
});
