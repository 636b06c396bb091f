import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNIPPET_TARGETS } from '../../src/lib/snippets/index.ts';
import type { CredentialMode, SnippetInput } from '../../src/lib/snippets/types.ts';
import { startEchoServer, type EchoServer } from '../support/echo-server.ts';

const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'snippets-api-key-'));
// Quotes and `$` test each language's quoting; `+`, `/` and `=` test URL encoding in the query.
const KEY = "k'e$y+/=1";
const PROJECT = 'proj-1';
let echo: EchoServer;
let counter = 0;

/** How each target's program is run. */
const RUNNERS: Record<string, (file: string) => [string, string[]]> = {
  curl: (file) => ['bash', [file]],
  typescript: (file) => [process.execPath, [file]],
  javascript: (file) => [process.execPath, [file]],
  python: (file) => ['python3', [file]],
  java: (file) => ['java', [file]],
  php: (file) => ['php', [file]],
};

/** A GET to a unique path on the echo server, authenticated by an API key. */
function input(base: string, where: 'header' | 'query', mode: CredentialMode): SnippetInput {
  return {
    request: {
      method: 'GET',
      url: `${echo.origin}${base}/v1/projects/${PROJECT}/items?limit=5`,
      headers: { Accept: 'application/json' },
      body: null,
      auth: { type: 'none' },
    },
    url: {
      server: [{ text: echo.origin + base }],
      path: [{ text: '/v1/projects/' }, { projectId: PROJECT }, { text: '/items' }],
      query: 'limit=5',
    },
    auth: {
      type: 'apiKey',
      in: where,
      name: where === 'header' ? 'X-Api-Key' : 'api_key',
      key: KEY,
    },
    credentialMode: mode,
  };
}

beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(async () => {
  await echo.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe.each(SNIPPET_TARGETS.map((target) => [target.id, target] as const))(
  '%s sends the API key',
  (id, target) => {
    const [program] = RUNNERS[id]!('x');
    const available = spawnSync('sh', ['-c', `command -v '${program}'`]).status === 0;
    const cases = (['header', 'query'] as const).flatMap((where) =>
      (['inline', 'env'] as const).map((mode) => [where, mode] as const),
    );
    it.skipIf(!available).each(cases)(
      `in the %s, %s (skipped without ${program})`,
      async (where, mode) => {
        const base = `/key-${++counter}`;
        const dir = join(workDir, `${id}-${counter}`);
        mkdirSync(dir);
        const file = join(dir, target.fileName);
        writeFileSync(file, target.generate(input(base, where, mode)));
        const [command, args] = RUNNERS[id]!(file);
        const env = mode === 'env' ? { SINCH_PROJECT_ID: PROJECT, SINCH_API_KEY: KEY } : {};
        await run(command, args, { env: { ...process.env, ...env }, timeout: 60_000 });
        const seen = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
        expect(seen, 'the snippet reached the echo server').toBeDefined();
        const url = new URL(seen!.rawUrl, echo.origin);
        expect(url.pathname).toBe(`${base}/v1/projects/${PROJECT}/items`);
        expect(url.searchParams.get('limit')).toBe('5');
        expect(seen!.headers.authorization).toBeUndefined();
        if (where === 'header') {
          expect(seen!.headers['x-api-key']).toBe(KEY);
          expect(url.searchParams.has('api_key')).toBe(false);
        } else {
          expect(url.searchParams.get('api_key')).toBe(KEY);
          expect(seen!.headers['x-api-key']).toBeUndefined();
        }
      },
    );
  },
);
