import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../src/lib/request/sample-credentials.ts';
import { AVAILABLE_NUMBERS, initialActiveNumbers } from '../../src/lib/mock/data.ts';
import {
  createMockHandler,
  HAND_WRITTEN_OPERATIONS,
  type MockHandler,
} from '../../src/lib/mock/handler.ts';
import { parameterSample, sampleFromSchema } from '../../src/lib/openapi/examples.ts';
import type { OperationModel, ParameterModel } from '../../src/lib/openapi/types.ts';
import {
  exampleBody,
  initialFormState,
  snippetInput,
} from '../../src/lib/playground/form-state.ts';
import { fillServerTemplate } from '../../src/lib/openapi/server-template.ts';
import {
  MOCK_SERVER,
  serverUrlFor,
  serverVariableValues,
} from '../../src/lib/playground/servers.ts';
import { loadReferenceApis } from '../../src/lib/reference/documents.ts';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { generateSnippet } from '../../src/lib/snippets/index.ts';
import { startUpstream, type Upstream } from './proxy-support.ts';

const run = promisify(execFile);
const apis = await loadReferenceApis();
const operations = apis.flatMap(({ entry, operations: list }) =>
  list.map((operation) => ({ api: entry.slug, operation })),
);
const workDir = mkdtempSync(join(tmpdir(), 'mock-all-'));
// curl reads this file first: it prints the status after the body, so the snippets stay as copied.
writeFileSync(join(workDir, '.curlrc'), 'write-out = "\\n%{http_code}"\n');
/** A small PDF for the operations that upload a file; the snippets read it from this path. */
const ATTACHMENT = join(workDir, 'attachment.pdf');
writeFileSync(ATTACHMENT, '%PDF-1.4\n%%EOF\n');
const ENV = {
  CURL_HOME: workDir,
  SINCH_PROJECT_ID: DEMO_CREDENTIALS.projectId,
  SINCH_KEY_ID: DEMO_CREDENTIALS.keyId,
  SINCH_KEY_SECRET: DEMO_CREDENTIALS.keySecret,
};
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

let mock: MockHandler;
let server: Upstream;

/** Feeds a loopback request to the current mock and writes its answer back. */
function serve(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body === null || req.method === 'GET' ? {} : { body }),
    });
    void mock(request, '127.0.0.1').then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
}

/**
 * Numbers the hand-written Numbers handlers hold (they answer 404 for others), by operation: an
 * active number of the demo project, and a number still for rent.
 */
const HELD_NUMBERS: Record<string, string> = {
  getActiveNumber: initialActiveNumbers(DEMO_CREDENTIALS.projectId)[0]!.phoneNumber,
  updateActiveNumber: initialActiveNumbers(DEMO_CREDENTIALS.projectId)[0]!.phoneNumber,
  getAvailableNumber: AVAILABLE_NUMBERS[1]!.phoneNumber,
};

/** A valid value for a parameter: a held number, else the engine's sample (its example first). */
function parameterValue(operation: OperationModel, parameter: ParameterModel): string | string[] {
  if (parameter.name === 'phoneNumber' && operation.id in HELD_NUMBERS)
    return HELD_NUMBERS[operation.id]!;
  return parameterSample(parameter);
}

/** The curl a reader copies in env mode with the demo credentials, against the mock. */
function copiedCurl(operation: OperationModel, auth: 'basic' | 'oauth2'): string {
  const model = { operation, defaults: {}, server: 'mock' as const, auth };
  const state = initialFormState(model);
  state.useEnv = true;
  state.credentials = { ...DEMO_CREDENTIALS };
  for (const parameter of operation.parameters)
    if (parameter.required && parameter.name !== 'projectId')
      state.params[parameter.name] = parameterValue(operation, parameter);
  const files = operation.requestBody?.contents?.[0]?.fileFields ?? [];
  if (files.length > 0)
    state.files = Object.fromEntries(files.map((field) => [field.name, { path: ATTACHMENT }]));
  const example = exampleBody(model);
  if (operation.requestBody && (example === null || example === ''))
    state.body = JSON.stringify(sampleFromSchema(operation.requestBody.schema));
  const input = snippetInput(model, state, server.origin, true);
  if (!input.ok) throw new Error(`${operation.id}: ${JSON.stringify(input.errors)}`);
  return generateSnippet('curl', input.value);
}

/** True for a schema some string breaks. */
function constrained(parameter: ParameterModel): boolean {
  const schema =
    parameter.schema.type === 'array' ? (parameter.schema.items ?? {}) : parameter.schema;
  return (
    schema.enum !== undefined ||
    schema.pattern !== undefined ||
    schema.type === 'integer' ||
    schema.type === 'number'
  );
}

/**
 * A request the document forbids: a JSON body of the wrong type, a required body left out, a query value its schema
 * refuses, a required query parameter left out, or a path value breaking its pattern. Null when
 * every value the operation takes is valid.
 */
function invalidRequest(operation: OperationModel): { path: string; init: RequestInit } | null {
  const badPath =
    !HAND_WRITTEN_OPERATIONS.has(operation.id) &&
    operation.parameters.some((p) => p.in === 'path' && p.name !== 'projectId' && constrained(p));
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'projectId') return DEMO_CREDENTIALS.projectId;
    if (badPath) return '~not-valid';
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String(parameter ? parameterValue(operation, parameter) : 'x'));
  });
  const headers = {
    authorization: basicAuthorization(DEMO_CREDENTIALS.keyId, DEMO_CREDENTIALS.keySecret),
  };
  const init: RequestInit = { method: operation.method, headers };
  const spec = operation.requestBody;
  if (spec && /json/.test(spec.contentType))
    return {
      path,
      init: { ...init, body: '[]', headers: { ...headers, 'content-type': 'application/json' } },
    };
  if (spec?.required === true && !HAND_WRITTEN_OPERATIONS.has(operation.id)) return { path, init };
  const query = operation.parameters.find((p) => p.in === 'query' && constrained(p));
  if (query !== undefined) return { path: `${path}?${query.name}=%7Enot-valid`, init };
  if (operation.parameters.some((p) => p.in === 'query' && p.required)) return { path, init };
  return badPath ? { path, init } : null;
}

/**
 * Operations no request can make invalid: their only inputs are the project and free-form path
 * IDs, or they are hand-written Numbers reads that answer 404 for a number they do not hold, or
 * the token endpoint, which answers in OAuth2's own error shape.
 */
const UNREFUSABLE = [
  'getAvailableNumber',
  'getActiveNumber',
  'getNumberOrder',
  'getNumberOrderRegistration',
  'submitNumberOrder',
  'getCallbackConfiguration',
  'getAccessToken',
  'getFax',
  'downloadFaxContent',
  'deleteFaxContent',
  'listTemplates',
  'getTemplate',
  'deleteTemplate',
  'listTemplateTranslations',
];

beforeAll(async () => {
  server = await startUpstream(serve);
});
beforeEach(() => {
  // A fresh mock per operation: one operation's writes never change what another reads.
  mock = createMockHandler({ basicRateLimit: null, apis: Promise.resolve(apis) });
});
afterAll(async () => {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe.each(operations)('$api $operation.id', ({ operation }) => {
  const modes = operation.security.includes('oauth2')
    ? (['basic', 'oauth2'] as const)
    : (['basic'] as const);
  it.each(modes)(
    'the copied curl (env mode, %s) gets a 2xx that matches the response schema',
    async (auth) => {
      const file = join(workDir, `${operation.id}-${auth}.sh`);
      writeFileSync(file, copiedCurl(operation, auth));
      const { stdout } = await run('bash', [file], {
        env: { ...process.env, ...ENV },
        timeout: 30_000,
      });
      const cut = stdout.lastIndexOf('\n');
      const [body, status] = [stdout.slice(0, cut), Number(stdout.slice(cut + 1))];
      expect(status, body).toBeGreaterThanOrEqual(200);
      expect(status, body).toBeLessThan(300);
      if (operation.responseSchema !== undefined) {
        const validate = ajv.compile(operation.responseSchema);
        expect(validate(JSON.parse(body)), JSON.stringify(validate.errors)).toBe(true);
      }
    },
  );
});

const refusable = operations.filter(({ operation }) => invalidRequest(operation) !== null);

describe.each(refusable)('$api $operation.id', ({ operation }) => {
  it('an invalid request gets the 400 shape', async () => {
    const invalid = invalidRequest(operation)!;
    const base = fillServerTemplate(
      serverUrlFor(MOCK_SERVER, operation, server.origin),
      [],
      serverVariableValues(operation, MOCK_SERVER, {}),
    );
    const response = await fetch(`${base}${invalid.path}`, invalid.init);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as {
      error: { details: { type: string; fieldViolations: { field: string }[] }[] };
    };
    expect(answer).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    expect(answer.error.details[0]?.fieldViolations.length).toBeGreaterThan(0);
  });
});

it('only operations whose every input is valid (or, for the hand-written ones, served from held data) have no invalid request', () => {
  const unrefusable = operations
    .filter(({ operation }) => invalidRequest(operation) === null)
    .map(({ operation }) => operation.id);
  expect(unrefusable).toEqual(UNREFUSABLE);
});
