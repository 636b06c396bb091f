import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

/** Runs a program and resolves with its output; rejects with stderr on a non-zero exit. */
export const runProgram = promisify(execFile);

/**
 * The Python interpreter itself, asked once: a version manager's `python3` shim (pyenv) would
 * start a shell before every snippet, which costs more than the snippet.
 */
const PYTHON = (() => {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : 'python3';
})();

/**
 * How each target's snippet file is run: the command and its arguments. TypeScript runs on the
 * test's own Node (24, which strips types); `curl-sh` runs the curl target under plain `sh`.
 */
export const SNIPPET_RUNNERS: Record<string, (file: string) => [string, string[]]> = {
  curl: (file) => ['bash', [file]],
  'curl-sh': (file) => ['sh', [file]],
  typescript: (file) => [process.execPath, [file]],
  javascript: (file) => [process.execPath, [file]],
  python: (file) => [PYTHON, [file]],
  java: (file) => ['java', [file]],
  php: (file) => ['php', [file]],
};

/** The program a runner needs on PATH, e.g. `python3`. */
export function runnerProgram(runner: string): string {
  return SNIPPET_RUNNERS[runner]!('x')[0];
}

/**
 * True when the runner's program is on PATH. Runtimes come from scripts/ensure-runtimes.sh; where
 * one cannot be installed, that runner's tests skip and say which program is missing.
 */
export function hasRunnerProgram(runner: string): boolean {
  return hasProgram(runnerProgram(runner));
}

/** True when `program` is on PATH (or is a path to one). */
export function hasProgram(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v '${program}'`]).status === 0;
}

/** Runs async jobs with at most `limit` at once (the machines running the suite have 2 cores). */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  job: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await job(items[next++]!);
    }),
  );
}
