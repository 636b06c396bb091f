import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedRequest } from '../../src/lib/request/build.ts';
import { SNIPPET_TARGETS } from '../../src/lib/snippets/index.ts';
import { ECHO_TOKEN, startEchoServer, type EchoServer } from '../support/echo-server.ts';
import {
  API_TOKEN,
  caseLabel,
  collectFixtureCases,
  CREDENTIALS,
  FILE_BYTES,
  FILE_NAME,
  FIXTURE_ENV,
  fixtureSnippetInput,
  hasFixtures,
  prepareFixtureCase,
  type FixtureCase,
} from '../support/fixture-cases.ts';
import {
  hasProgram,
  hasRunnerProgram,
  pool,
  runnerProgram,
  runProgram,
  SNIPPET_RUNNERS,
} from '../support/snippet-runners.ts';

const workDir = mkdtempSync(join(tmpdir(), 'snippets-fixtures-'));
const FILE_PATH = join(workDir, FILE_NAME);
const JAVA_HARNESS = resolve(import.meta.dirname, '../support/SnippetHarness.java');

/** One case written for one target: where it sends, what it should send, and its file. */
interface Job {
  testCase: FixtureCase;
  base: string;
  prepared: PreparedRequest;
  file: string;
  text: string;
}

/** Asserts the echo server saw exactly what the request model says, part by part for multipart. */
function expectReceived(echo: EchoServer, job: Job) {
  const { testCase, base } = job;
  const { request, content } = job.prepared;
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
        expect(received.filename).toBe(FILE_NAME);
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

/** Runs each job's file on its own, at most three at once; returns the failures by case id. */
async function runEach(runner: string, jobs: readonly Job[]): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  await pool(jobs, 3, async (job) => {
    const [command, args] = SNIPPET_RUNNERS[runner]!(job.file);
    await runProgram(command, args, {
      env: { ...process.env, ...(job.testCase.mode === 'env' ? FIXTURE_ENV : {}) },
      timeout: 120_000,
    }).catch((error: Error) => failures.set(job.testCase.id, error.message));
  });
  return failures;
}

/** A failed child process's output, as execFile reports it. */
interface ProcessFailure {
  message: string;
  stdout?: string;
  stderr?: string;
}

/**
 * Compiles every Java job with one javac run and runs them all in one JVM through
 * SnippetHarness (see there how a snippet's System.exit is handled). A file that does not compile
 * fails its case and is left out of a second javac run, so one bad snippet hides no others.
 */
async function runJavaInOneJvm(jobs: readonly Job[]): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  const classes = join(workDir, 'java-classes');
  const options = { maxBuffer: 256 * 1024 * 1024, timeout: 600_000 };
  let compiled = [...jobs];
  for (;;) {
    const files = [JAVA_HARNESS, ...compiled.map((job) => job.file)];
    const outcome = await runProgram(
      'javac',
      ['-encoding', 'UTF-8', '-nowarn', '-d', classes, ...files],
      options,
    ).then(
      () => null,
      (error: ProcessFailure) => `${error.stdout ?? ''}${error.stderr ?? error.message}`,
    );
    if (outcome === null) break;
    const broken = compiled.filter((job) => outcome.includes(`${job.file}:`));
    if (broken.length === 0) throw new Error(`javac failed:\n${outcome.slice(0, 4000)}`);
    for (const job of broken) {
      const errors = outcome
        .split('\n')
        .filter((line) => line.startsWith(`${job.file}:`))
        .join('\n');
      failures.set(job.testCase.id, `javac: ${errors}`);
    }
    compiled = compiled.filter((job) => !broken.includes(job));
  }
  // One JVM has one environment: it gets the SINCH_* variables, and the table checks separately
  // that inline snippets never read them.
  let pending = compiled.map((job) => `${job.testCase.id}.SinchRequest`);
  while (pending.length > 0) {
    const stderr = await runProgram('java', ['-cp', classes, 'SnippetHarness', ...pending], {
      ...options,
      env: { ...process.env, ...FIXTURE_ENV },
    }).then(
      (result) => result.stderr,
      (error: ProcessFailure) => error.stderr ?? error.message,
    );
    let current: string | null = null;
    let output: string[] = [];
    let started = 0;
    for (const line of stderr.split('\n')) {
      const marker = /^@@(start|ok|fail) (\S+) ?(.*)$/.exec(line);
      if (!marker) {
        output.push(line);
        continue;
      }
      const [, event, className, detail] = marker;
      const id = className!.split('.')[0]!;
      if (event === 'start') {
        current = id;
        output = [];
        started = pending.indexOf(className!) + 1;
      } else {
        if (event === 'fail') failures.set(id, `${detail} ${output.join('\n')}`);
        current = null;
      }
    }
    if (started === 0) throw new Error(`The Java harness did not start:\n${stderr.slice(0, 4000)}`);
    if (current !== null)
      failures.set(current, `stopped the JVM (System.exit): ${output.join('\n').slice(0, 400)}`);
    pending = current === null ? [] : pending.slice(started);
  }
  return failures;
}

/**
 * How each target's table runs. Java snippets each get their own package (the generated class is
 * always SinchRequest) so all of them compile together.
 */
const TABLE_TARGETS: Record<
  string,
  {
    prepareText?: (text: string, testCase: FixtureCase) => string;
    execute: (jobs: readonly Job[]) => Promise<Map<string, string>>;
  }
> = {
  curl: { execute: (jobs) => runEach('curl', jobs) },
  typescript: { execute: (jobs) => runEach('typescript', jobs) },
  javascript: { execute: (jobs) => runEach('javascript', jobs) },
  python: { execute: (jobs) => runEach('python', jobs) },
  php: { execute: (jobs) => runEach('php', jobs) },
  java: {
    prepareText: (text, testCase) => `package ${testCase.id};\n\n${text}`,
    execute: runJavaInOneJvm,
  },
};

/** What only env-mode snippets may mention: the variables credentials come from. */
const READS_ENV = new RegExp(Object.keys(FIXTURE_ENV).join('|'));

let echo: EchoServer;
let cases: FixtureCase[] = [];
beforeAll(async () => {
  echo = await startEchoServer();
  if (!hasFixtures) return;
  writeFileSync(FILE_PATH, FILE_BYTES);
  cases = await collectFixtureCases();
});
// Removing thousands of snippet files and compiled classes takes a while on a loaded machine.
afterAll(async () => {
  await echo.close();
  rmSync(workDir, { recursive: true, force: true });
}, 120_000);

describe.skipIf(!hasFixtures)(
  'every operation of every Sinch document runs in every target (skipped where ../shared/fixtures is absent)',
  () => {
    for (const [runner, table] of Object.entries(TABLE_TARGETS)) {
      // The table compiles Java ahead of time, so it needs javac as well as java.
      const program = runner === 'java' ? 'javac' : basename(runnerProgram(runner));
      it.skipIf(!hasRunnerProgram(runner) || !hasProgram(program))(
        `${runner} (skipped without ${program})`,
        async () => {
          const target = SNIPPET_TARGETS.find((candidate) => candidate.id === runner)!;
          const jobs = cases.map((testCase): Job => {
            const base = `/${runner}-${testCase.id}`;
            const prepared = prepareFixtureCase(testCase, `${echo.origin}${base}`, FILE_PATH);
            const input = fixtureSnippetInput(
              testCase,
              prepared,
              `${echo.origin}${base}-token/oauth2/token`,
            );
            const text = target.generate(input);
            const dir = join(workDir, runner, testCase.id);
            mkdirSync(dir, { recursive: true });
            const file = join(dir, target.fileName);
            writeFileSync(file, table.prepareText ? table.prepareText(text, testCase) : text);
            return { testCase, base, prepared, file, text };
          });
          const failures = await table.execute(jobs);
          const messages: string[] = [];
          for (const job of jobs) {
            const failure = failures.get(job.testCase.id);
            if (failure === undefined && job.testCase.mode === 'inline' && READS_ENV.test(job.text))
              messages.push(`${caseLabel(job.testCase)}: an inline snippet reads SINCH_ variables`);
            else if (failure !== undefined)
              messages.push(`${caseLabel(job.testCase)}: ${failure.slice(0, 400)}`);
            else
              try {
                expectReceived(echo, job);
              } catch (error) {
                messages.push(
                  `${caseLabel(job.testCase)}: ${String((error as Error).message).slice(0, 400)}`,
                );
              }
          }
          expect(messages).toEqual([]);
          expect(cases.length).toBeGreaterThan(200);
        },
        1_800_000,
      );
    }
  },
);
