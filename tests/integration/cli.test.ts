import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../src/lib/openapi/load.ts';
import { toOperationModels } from '../../src/lib/openapi/operations.ts';
import { snippetInput, type FormState } from '../../src/lib/playground/form-state.ts';
import { generateSnippet } from '../../src/lib/snippets/index.ts';
import { startEchoServer, type EchoServer } from '../support/echo-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OWN_DOCUMENTS = join(ROOT, 'src/openapi');
const SINCH_DOCUMENTS = resolve(ROOT, '../shared/fixtures/sinch-openapi');
const NUMBERS = join(OWN_DOCUMENTS, 'numbers.yaml');
const CREDENTIALS = {
  SINCH_PROJECT_ID: 'cli-project',
  SINCH_KEY_ID: 'cli-key',
  SINCH_KEY_SECRET: 'cli:secret',
};

/** Runs a script with Node 24 (vitest's own) and returns its exit code and output. */
async function script(
  name: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SINCH_')),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts', name), ...args],
      { cwd: ROOT, env: { ...clean, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** YAML and JSON documents in a folder. */
const documentsIn = (dir: string) =>
  readdirSync(dir).filter((name) => /\.(ya?ml|json)$/.test(name));

describe('spec:check', () => {
  // Every operation of our own documents is fully supported: each exits 0.
  it.each(documentsIn(OWN_DOCUMENTS))('exits 0 for src/openapi/%s', async (name) => {
    const result = await script('spec-check.ts', [join(OWN_DOCUMENTS, name)]);
    expect(result.stdout).toContain('Every operation is fully supported.');
    expect(result.code).toBe(0);
  });

  const hasSinch = existsSync(SINCH_DOCUMENTS);
  describe.skipIf(!hasSinch)(
    hasSinch ? 'Sinch documents' : 'Sinch documents (skipped: ../shared is absent)',
    () => {
      it.each(hasSinch ? documentsIn(SINCH_DOCUMENTS) : [])('exits 0 for %s', async (name) => {
        const result = await script('spec-check.ts', [join(SINCH_DOCUMENTS, name)]);
        expect(result.stdout).toContain('Every operation is fully supported.');
        expect(result.code, result.stdout).toBe(0);
      });
    },
  );

  it.each([
    { args: [join(ROOT, 'absent.yaml')], message: 'absent.yaml: no such file.' },
    { args: [join(ROOT, 'package.json')], message: 'package.json: cannot be read as OpenAPI' },
    { args: [], message: 'Usage: npm run spec:check' },
  ])('exits 2 with "$message"', async ({ args, message }) => {
    const result = await script('spec-check.ts', args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('snippet', () => {
  let echo: EchoServer;
  beforeAll(async () => {
    echo = await startEchoServer();
  });
  afterAll(() => echo.close());

  const listing = [
    '--spec',
    NUMBERS,
    '--operation',
    'listAvailableNumbers',
    '--param',
    'regionCode=US',
    '--param',
    'type=LOCAL',
  ];

  it.each(['curl', 'python', 'java'])(
    'prints what generateSnippet writes for Copy (%s)',
    async (target) => {
      const operation = toOperationModels(await loadOpenApiDocument(NUMBERS)).find(
        (candidate) => candidate.id === 'listAvailableNumbers',
      )!;
      const state: FormState = {
        server: operation.servers[0]!.url,
        authMode: 'basic',
        credentials: {
          projectId: CREDENTIALS.SINCH_PROJECT_ID,
          keyId: CREDENTIALS.SINCH_KEY_ID,
          keySecret: CREDENTIALS.SINCH_KEY_SECRET,
        },
        params: { regionCode: 'US', type: 'LOCAL' },
        body: null,
        useEnv: false,
        revealSecret: false,
      };
      const input = snippetInput(
        { operation, defaults: {}, server: 'sinch', auth: 'basic' },
        state,
        '',
        true,
      );
      if (!input.ok) throw new Error('the form state does not build');
      const result = await script('snippet.ts', [...listing, '--target', target], CREDENTIALS);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(generateSnippet(target, input.value));
    },
  );

  it.each([{ env: false }, { env: true }])(
    'prints a curl that reaches the server with the SINCH_* credentials (env mode: $env)',
    async ({ env }) => {
      const base = `/cli-${env ? 'env' : 'inline'}`;
      const result = await script(
        'snippet.ts',
        [
          ...listing,
          '--target',
          'curl',
          '--server-url',
          echo.origin + base,
          ...(env ? ['--env'] : []),
        ],
        CREDENTIALS,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.includes('cli:secret')).toBe(!env);
      await promisify(execFile)('bash', ['-c', result.stdout], {
        env: { ...process.env, ...CREDENTIALS },
        timeout: 60_000,
      });
      const received = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
      expect(received?.method).toBe('GET');
      expect(received?.rawUrl).toBe(
        `${base}/v1/projects/cli-project/availableNumbers?regionCode=US&type=LOCAL`,
      );
      expect(received?.basic).toEqual({ username: 'cli-key', password: 'cli:secret' });
    },
  );

  it.each([
    {
      name: 'an unknown flag',
      args: ['--target', 'curl', '--key-secret', 'x'],
      message: "Unknown option '--key-secret'",
    },
    {
      name: 'an unknown operation',
      args: ['--target', 'curl', '--operation', 'nope'],
      message: '--operation nope: unknown operation. Valid: listAvailableNumbers,',
    },
    {
      name: 'an unknown target',
      args: ['--target', 'cobol'],
      message: '--target cobol: unknown target. Valid: curl, typescript',
    },
    {
      name: 'a bad --param',
      args: ['--target', 'curl', '--param', 'regionCode'],
      message: '--param "regionCode": expected name=value.',
    },
    {
      name: 'a missing document',
      args: ['--target', 'curl', '--spec', 'absent.yaml'],
      message: 'absent.yaml: no such file.',
    },
  ])('exits 2 for $name', async ({ args, message }) => {
    const result = await script('snippet.ts', [...listing, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
