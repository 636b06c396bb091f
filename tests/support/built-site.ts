import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The build every server test shares, separate from the `dist` of `npm start`. */
export const TEST_DIST = path.join(ROOT, 'dist-b');
const ENTRY = path.join(TEST_DIST, 'server/entry.mjs');
const LOCK = `${TEST_DIST}.lock`;

/** Newest modification time under the folders the server's routes are built from. */
function newestSource(): number {
  const walk = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
        entry.isDirectory()
          ? walk(path.join(dir, entry.name))
          : statSync(path.join(dir, entry.name)).mtimeMs,
      ),
    );
  return Math.max(
    ...['src', 'astro.config.mjs'].map((name) => {
      const full = path.join(ROOT, name);
      return statSync(full).isDirectory() ? walk(full) : statSync(full).mtimeMs;
    }),
  );
}

const fresh = () => existsSync(ENTRY) && statSync(ENTRY).mtimeMs >= newestSource();

/**
 * Builds the site into `dist-b` unless that build is newer than the sources. Test files run in
 * parallel, so one builds under a lock directory while the others wait for it (bounded).
 */
export async function ensureTestBuild(): Promise<void> {
  for (let attempt = 0; attempt < 600 && !fresh(); attempt += 1) {
    try {
      mkdirSync(LOCK);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!fresh()) {
        const build = spawnSync('npx', ['astro', 'build', '--outDir', 'dist-b'], {
          cwd: ROOT,
          encoding: 'utf8',
        });
        if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  if (!fresh()) throw new Error('the test build did not finish in time');
}

/** A production server started from the test build in a child process. */
export interface BuiltSite {
  origin: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output: string[];
  stop: () => Promise<void>;
}

/**
 * Starts `script` (`scripts/serve.ts` unless given) on a free port (PORT=0) and resolves with the
 * origin it prints, once it listens. `env` adds to (or, with undefined, removes from) the test's
 * environment.
 */
export async function startBuiltSite(
  env: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
  script = 'scripts/serve.ts',
): Promise<BuiltSite> {
  await ensureTestBuild();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: TEST_DIST, HOST: '127.0.0.1', PORT: '0', ...env },
  });
  const output: string[] = [];
  const origin = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Serving on (http:\/\/\S+)/.exec(output.join(''));
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    origin,
    child,
    output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) resolve();
        else {
          child.once('exit', () => resolve());
          child.kill();
        }
      }),
  };
}
