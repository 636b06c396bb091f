import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../src/lib/openapi/load.ts';
import { toOperationModels } from '../../src/lib/openapi/operations.ts';
import type { OperationModel } from '../../src/lib/openapi/types.ts';
import { prepareRequest } from '../../src/lib/request/build.ts';
import type { HttpRequest } from '../../src/lib/request/types.ts';
import { SNIPPET_CASES, type SnippetCase } from '../../src/lib/snippets/cases.ts';
import { SNIPPET_TARGETS } from '../../src/lib/snippets/index.ts';
import type { CredentialMode, SnippetInput, SnippetTarget } from '../../src/lib/snippets/types.ts';
import { ECHO_TOKEN, startEchoServer, type EchoServer } from '../support/echo-server.ts';
import {
  hasRunnerProgram,
  runnerProgram,
  runProgram,
  SNIPPET_RUNNERS,
} from '../support/snippet-runners.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SINCH_DOCUMENT = resolve(ROOT, '../shared/fixtures/sinch-openapi/numbers.yaml');
const hasSinchDocument = existsSync(SINCH_DOCUMENT);
const workDir = mkdtempSync(join(tmpdir(), 'snippets-'));
let echo: EchoServer;
let runCounter = 0;

/** Runs one snippet file and returns its output, failing the test with stderr on a non-zero exit. */
async function execute(runner: string, file: string, env: Record<string, string>) {
  const [command, args] = SNIPPET_RUNNERS[runner]!(file);
  return runProgram(command, args, { env: { ...process.env, ...env }, timeout: 60_000 });
}

/** Builds the request for a case against a unique base path on the echo server. */
function prepare(operations: OperationModel[], kind: 'core' | 'sinch', testCase: SnippetCase) {
  const operation = operations.find((candidate) => candidate.id === testCase.operation[kind]);
  if (!operation) throw new Error(`No operation ${testCase.operation[kind]}`);
  const base = `/run-${++runCounter}`;
  const prepared = prepareRequest({
    operation,
    serverUrl: echo.origin + base,
    params: { projectId: testCase.projectId, ...testCase.params },
    body: testCase.body ?? null,
    auth: { type: 'basic', username: testCase.keyId, password: testCase.keySecret },
  });
  const result = prepared.ok ? { ok: true as const, value: prepared.value.request } : prepared;
  return { operation, base, result, prepared };
}

/** Asserts the echo server saw exactly the request model: method, raw path, query, body, credentials. */
function expectReceived(
  base: string,
  request: HttpRequest,
  auth: 'basic' | 'oauth2',
  testCase: SnippetCase,
) {
  const main = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
  expect(main, 'the snippet reached the echo server').toBeDefined();
  expect(main!.method).toBe(request.method);
  expect(main!.rawUrl).toBe(request.url.slice(echo.origin.length));
  expect(main!.body.equals(Buffer.from(request.body ?? '', 'utf8'))).toBe(true);
  if (auth === 'basic') {
    expect(main!.basic).toEqual({ username: testCase.keyId, password: testCase.keySecret });
  } else {
    expect(main!.bearer).toBe(ECHO_TOKEN);
  }
}

/** Writes a snippet into its own folder and returns the file path. */
function writeSnippet(target: SnippetTarget, name: string, text: string): string {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, target.fileName);
  writeFileSync(file, text);
  return file;
}

const ENV_FOR = (testCase: SnippetCase) => ({
  SINCH_PROJECT_ID: testCase.projectId,
  SINCH_KEY_ID: testCase.keyId,
  SINCH_KEY_SECRET: testCase.keySecret,
});

/** Credential cases the OAuth2 variants run (quoting, Unicode, empty and long secrets). */
const OAUTH2_CASES = SNIPPET_CASES.filter((testCase) =>
  [
    'plain credentials',
    'single quote in secret',
    'dollar in secret',
    'backslash in secret',
    'Japanese',
    'emoji',
    '1 KB secret',
    'empty secret',
    'colon in secret',
  ].includes(testCase.name),
);

/** Generates, type-checks where relevant, runs and verifies every valid case for one target. */
function describeTarget(
  kind: 'core' | 'sinch',
  getOperations: () => OperationModel[],
  runners: readonly string[],
) {
  const valid = SNIPPET_CASES.filter((testCase) => !testCase.invalidField);
  for (const runner of runners) {
    const target = SNIPPET_TARGETS.find((candidate) => candidate.id === runner.replace('-sh', ''))!;
    const program = runnerProgram(runner);
    const available = hasRunnerProgram(runner);
    describe
      .skipIf(!available)
      .concurrent(`${target.label} via ${runner} (${kind}; skipped without ${program})`, () => {
        for (const mode of ['inline', 'env'] as CredentialMode[]) {
          for (const auth of ['basic', 'oauth2'] as const) {
            // OAuth2 runs on a spread of credential cases: the token call is where they matter.
            const byAuth = auth === 'oauth2' ? OAUTH2_CASES : valid;
            // curl in env mode splices $SINCH_PROJECT_ID in unencoded (POSIX sh has no URL
            // encoder): right for Sinch's UUID project IDs, so IDs needing encoding are not run.
            const selected =
              runner.startsWith('curl') && mode === 'env'
                ? byAuth.filter((c) => encodeURIComponent(c.projectId) === c.projectId)
                : byAuth;
            it.each(selected.map((testCase) => [testCase.name, testCase] as const))(
              `${mode} ${auth}: %s`,
              async (_name, testCase) => {
                const { operation, base, result, prepared } = prepare(
                  getOperations(),
                  kind,
                  testCase,
                );
                if (!result.ok || !prepared.ok) throw new Error(JSON.stringify(result));
                const input: SnippetInput = {
                  request: result.value,
                  url: prepared.value.url,
                  content: prepared.value.content,
                  auth:
                    auth === 'basic'
                      ? { type: 'basic', keyId: testCase.keyId, keySecret: testCase.keySecret }
                      : {
                          type: 'oauth2',
                          keyId: testCase.keyId,
                          keySecret: testCase.keySecret,
                          tokenUrl: `${echo.origin}${base}-token/oauth2/token`,
                        },
                  credentialMode: mode,
                  ...(operation.responseSchema ? { responseSchema: operation.responseSchema } : {}),
                  responseTypeName: 'ResponseBody',
                };
                const text = target.generate(input);
                if (mode === 'inline' && auth === 'basic' && testCase.keySecret.length < 100) {
                  expect(text).not.toContain('SINCH_KEY_SECRET');
                }
                const file = writeSnippet(
                  target,
                  `${runner}-${kind}-${mode}-${auth}-${runCounter}`,
                  text,
                );
                await execute(runner, file, mode === 'env' ? ENV_FOR(testCase) : {});
                expectReceived(base, result.value, auth, testCase);
                if (auth === 'oauth2') {
                  const token = echo.received.find(
                    (entry) => entry.rawUrl === `${base}-token/oauth2/token`,
                  );
                  expect(token?.method).toBe('POST');
                  expect(token?.body.toString()).toBe('grant_type=client_credentials');
                  expect(token?.basic).toEqual({
                    username: testCase.keyId,
                    password: testCase.keySecret,
                  });
                }
              },
            );
          }
        }
      });
  }
}

beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(async () => {
  await echo.close();
  rmSync(workDir, { recursive: true, force: true });
});

let coreOperations: OperationModel[] = [];
let sinchOperations: OperationModel[] = [];
beforeAll(async () => {
  coreOperations = toOperationModels(
    await loadOpenApiDocument(resolve(ROOT, 'src/openapi/numbers.yaml')),
  );
  if (hasSinchDocument)
    sinchOperations = toOperationModels(await loadOpenApiDocument(SINCH_DOCUMENT));
});

describe('snippets run against our Numbers document', () => {
  describeTarget('core', () => coreOperations, Object.keys(SNIPPET_RUNNERS));
});

describe.skipIf(!hasSinchDocument)(
  "snippets run against Sinch's own Numbers document (skipped where ../shared/fixtures is absent)",
  () => {
    describeTarget('sinch', () => sinchOperations, ['curl', 'typescript', 'python']);
  },
);

describe('invalid inputs name the field', () => {
  it.each(SNIPPET_CASES.filter((c) => c.invalidField).map((c) => [c.name, c] as const))(
    '%s',
    (_name, testCase) => {
      const { result } = prepare(coreOperations, 'core', testCase);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors.map((error) => error.field)).toContain(testCase.invalidField);
    },
  );
});

describe('env mode stops with a clear message when a variable is missing', () => {
  it.each(['curl', 'typescript', 'javascript', 'python', 'java', 'php'])('%s', async (runner) => {
    const target = SNIPPET_TARGETS.find((candidate) => candidate.id === runner)!;
    const testCase = SNIPPET_CASES[0]!;
    const { operation, result, prepared } = prepare(coreOperations, 'core', testCase);
    if (!result.ok || !prepared.ok) throw new Error('case 0 must be valid');
    const text = target.generate({
      request: result.value,
      url: prepared.value.url,
      auth: { type: 'basic', keyId: 'x', keySecret: 'y' },
      credentialMode: 'env',
      ...(operation.responseSchema ? { responseSchema: operation.responseSchema } : {}),
    });
    const file = writeSnippet(target, `missing-${runner}`, text);
    const env = { ...process.env };
    delete env['SINCH_KEY_ID'];
    const [command, args] = SNIPPET_RUNNERS[runner]!(file);
    const outcome = await runProgram(command, args, {
      env: { ...env, SINCH_PROJECT_ID: 'p', SINCH_KEY_SECRET: 's' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome?.code).not.toBe(0);
    expect(outcome?.stderr).toContain('SINCH_KEY_ID');
  });
});
