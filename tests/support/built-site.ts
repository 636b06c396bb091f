import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './redis-server.ts';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

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
  return Math.max(...['src/lib', 'src/pages'].map((dir) => walk(path.join(ROOT, dir))));
}

/**
 * Builds the site into `outDir` unless that build is newer than the sources; a lock folder keeps
 * test files running in parallel from building into the same folder at once. Returns its path.
 */
export async function ensureBuild(outDir: string): Promise<string> {
  const dist = path.join(ROOT, outDir);
  const entry = path.join(dist, 'server/entry.mjs');
  const lock = `${dist}.lock`;
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A stale lock (a killed run) is dropped after ten minutes.
      if (waited > 6000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource()) {
      const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dist;
}

/** One server process on a free loopback port, with everything it printed. */
export interface SiteProcess {
  origin: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/**
 * Runs `script` (scripts/serve.ts unless given) for the build in `dist` with `env` on top of the
 * defaults, and resolves once GET /api/health answers.
 */
export async function startSite(
  dist: string,
  env: Record<string, string>,
  script = 'scripts/serve.ts',
): Promise<SiteProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: dist, HOST: '127.0.0.1', PORT: String(port), ...env },
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { origin, child, output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`server did not start:\n${output.join('')}`);
}
