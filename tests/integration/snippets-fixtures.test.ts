import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parameterSample } from '../../src/lib/openapi/examples.ts';
import { loadOpenApiDocument } from '../../src/lib/openapi/load.ts';
import { toOperationModels } from '../../src/lib/openapi/operations.ts';
import type { OperationModel, SecuritySchemeModel } from '../../src/lib/openapi/types.ts';
import { prepareRequest, type PreparedRequest } from '../../src/lib/request/build.ts';
import type { ParameterValues, RequestAuth } from '../../src/lib/request/types.ts';
import { SNIPPET_TARGETS } from '../../src/lib/snippets/index.ts';
import type { CredentialMode, SnippetAuth } from '../../src/lib/snippets/types.ts';
import { ECHO_TOKEN, startEchoServer, type EchoServer } from '../support/echo-server.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, '../shared/fixtures/sinch-openapi');
const hasFixtures = existsSync(FIXTURES);
const workDir = mkdtempSync(join(tmpdir(), 'snippets-fixtures-'));
const CREDENTIALS = { projectId: 'demo-project', keyId: 'demo-key', keySecret: "s3cr'et $x" };
const API_TOKEN = 'api-token-123';
/** A file with every byte value, at a path with a space and a quote, as readers' files have. */
const FILE_BYTES = Buffer.from(Array.from({ length: 600 }, (_, index) => (index * 7) % 256));
const FILE_PATH = join(workDir, "fax page's 1.pdf");

/** One run: an operation, a media type, a security scheme and a credential mode. */
interface Case {
  id: string;
  document: string;
  operation: OperationModel;
  mediaType?: string;
  scheme: SecuritySchemeModel | null;
  mode: CredentialMode;
}

/** Every operation × media type × security scheme × credential mode of every fixture document. */
async function collectCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    const operations = toOperationModels(await loadOpenApiDocument(join(FIXTURES, file)));
    for (const operation of operations) {
      const mediaTypes = operation.requestBody?.contents?.map((media) => media.contentType) ?? [
        undefined,
      ];
      const schemes = operation.securitySchemes?.length ? operation.securitySchemes : [null];
      for (const mediaType of mediaTypes)
        for (const scheme of schemes)
          for (const mode of ['inline', 'env'] as const)
            cases.push({
              id: `c${cases.length}`,
              document: file,
              operation,
              ...(mediaType ? { mediaType } : {}),
              scheme,
              mode,
            });
    }
  }
  return cases;
}

/** Parameter values generated from the document (examples, else the schema). */
function sampleParams(operation: OperationModel): ParameterValues {
  const params: ParameterValues = { projectId: CREDENTIALS.projectId };
  for (const parameter of operation.parameters)
    if (!/^project[-_]?id$/i.test(parameter.name))
      params[parameter.name] = parameterSample(parameter);
  return params;
}

/** The request for a case, sent to its own base path on the echo server. */
function prepareCase(testCase: Case, echo: EchoServer, base: string): PreparedRequest {
  const media = testCase.operation.requestBody?.contents?.find(
    (candidate) => candidate.contentType === testCase.mediaType,
  );
  const files: Record<string, { path: string; bytes: Uint8Array }> = {};
  for (const field of media?.fileFields ?? [])
    files[field.name] = { path: FILE_PATH, bytes: FILE_BYTES };
  if (media?.kind === 'binary') files['body'] = { path: FILE_PATH, bytes: FILE_BYTES };
  const auth: RequestAuth =
    testCase.scheme?.type === 'basic'
      ? { type: 'basic', username: CREDENTIALS.keyId, password: CREDENTIALS.keySecret }
      : testCase.scheme?.type === 'oauth2'
        ? { type: 'bearer', token: ECHO_TOKEN }
        : testCase.scheme?.type === 'bearer'
          ? { type: 'bearer', token: API_TOKEN }
          : { type: 'none' };
  const result = prepareRequest({
    operation: testCase.operation,
    serverUrl: `${echo.origin}${base}`,
    params: sampleParams(testCase.operation),
    body: media ? JSON.stringify(media.examples[0]?.value ?? {}) : null,
    ...(testCase.mediaType ? { mediaType: testCase.mediaType } : {}),
    files,
    auth,
  });
  if (!result.ok)
    throw new Error(
      `${testCase.document} ${testCase.operation.id}: ${JSON.stringify(result.errors)}`,
    );
  return result.value;
}

/** The snippet auth for a case's scheme. */
function snippetAuth(testCase: Case, echo: EchoServer): SnippetAuth {
  const scheme = testCase.scheme;
  if (scheme?.type === 'basic') return { type: 'basic', ...CREDENTIALS };
  if (scheme?.type === 'oauth2')
    return {
      type: 'oauth2',
      ...CREDENTIALS,
      tokenUrl: `${echo.origin}/${testCase.id}-token/oauth2/token`,
    };
  if (scheme?.type === 'bearer') return { type: 'bearer', token: API_TOKEN };
  return { type: 'none' };
}

const ENV = {
  SINCH_PROJECT_ID: CREDENTIALS.projectId,
  SINCH_KEY_ID: CREDENTIALS.keyId,
  SINCH_KEY_SECRET: CREDENTIALS.keySecret,
  SINCH_API_TOKEN: API_TOKEN,
};

/** How each target's files run. The other targets join once their full table has been run here. */
const RUNNERS: Record<string, (file: string) => [string, string[]]> = {
  curl: (file) => ['bash', [file]],
};

/** Runs async jobs with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, job: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await job(items[next++]!);
    }),
  );
}

/** Asserts the echo server saw exactly what the request model says, part by part for multipart. */
function expectReceived(echo: EchoServer, base: string, testCase: Case, prepared: PreparedRequest) {
  const { request, content } = prepared;
  const main = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
  expect(main, `${base} reached the echo server`).toBeDefined();
  expect(main!.method).toBe(request.method);
  expect(main!.rawUrl).toBe(request.url.slice(echo.origin.length));
  for (const [name, value] of Object.entries(request.headers)) {
    if (/^content-type$/i.test(name) && content.kind === 'multipart') continue;
    expect(main!.headers[name.toLowerCase()], `header ${name}`).toBe(value);
  }
  if (testCase.scheme?.type === 'basic')
    expect(main!.basic).toEqual({ username: CREDENTIALS.keyId, password: CREDENTIALS.keySecret });
  else if (testCase.scheme?.type === 'oauth2') expect(main!.bearer).toBe(ECHO_TOKEN);
  else if (testCase.scheme?.type === 'bearer') expect(main!.bearer).toBe(API_TOKEN);
  else expect(main!.headers.authorization).toBeUndefined();
  if (content.kind === 'multipart') {
    expect(main!.parts?.map((part) => part.name)).toEqual(content.parts.map((part) => part.name));
    content.parts.forEach((part, index) => {
      const received = main!.parts![index]!;
      if ('path' in part) {
        expect(received.filename).toBe("fax page's 1.pdf");
        expect(received.body.equals(FILE_BYTES), `file part ${part.name} bytes`).toBe(true);
      } else {
        expect(received.body.toString('utf8')).toBe(part.value);
      }
    });
  } else if (content.kind === 'file') {
    expect(main!.body.equals(FILE_BYTES)).toBe(true);
  } else {
    expect(main!.body.toString('utf8')).toBe(content.kind === 'text' ? content.text : '');
  }
}

let echo: EchoServer;
let cases: Case[] = [];
beforeAll(async () => {
  echo = await startEchoServer();
  if (!hasFixtures) return;
  writeFileSync(FILE_PATH, FILE_BYTES);
  cases = await collectCases();
});
afterAll(async () => {
  await echo.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(!hasFixtures)(
  'every operation of every Sinch document runs in every target (skipped where ../shared/fixtures is absent)',
  () => {
    it.each(Object.keys(RUNNERS))(
      '%s',
      async (runner) => {
        const target = SNIPPET_TARGETS.find((candidate) => candidate.id === runner)!;
        const failures: string[] = [];
        await pool(cases, 3, async (testCase) => {
          const base = `/${runner}-${testCase.id}`;
          const prepared = prepareCase(testCase, echo, base);
          const dir = join(workDir, `${runner}-${testCase.id}`);
          mkdirSync(dir, { recursive: true });
          const file = join(dir, target.fileName);
          const auth = snippetAuth(testCase, echo);
          writeFileSync(
            file,
            target.generate({
              request: prepared.request,
              url: prepared.url,
              content: prepared.content,
              auth:
                auth.type === 'oauth2'
                  ? { ...auth, tokenUrl: `${echo.origin}${base}-token/oauth2/token` }
                  : auth,
              credentialMode: testCase.mode,
              ...(testCase.operation.responseSchema
                ? { responseSchema: testCase.operation.responseSchema }
                : {}),
              responseTypeName: 'ResponseBody',
            }),
          );
          const [command, args] = RUNNERS[runner]!(file);
          try {
            await run(command, args, {
              env: { ...process.env, ...(testCase.mode === 'env' ? ENV : {}) },
              timeout: 120_000,
            });
            expectReceived(echo, base, testCase, prepared);
          } catch (error) {
            failures.push(
              `${testCase.document} ${testCase.operation.id} ${testCase.mediaType ?? ''} ${testCase.scheme?.name ?? 'none'} ${testCase.mode}: ${String((error as Error).message).slice(0, 400)}`,
            );
          }
        });
        expect(failures).toEqual([]);
        expect(cases.length).toBeGreaterThan(200);
      },
      900_000,
    );
  },
);
