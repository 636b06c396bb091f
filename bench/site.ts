/**
 * Site benchmarks against the built production server: build time, server start, page weight
 * from real Chromium network events, typing-to-snippet latency and Lighthouse scores.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { percentile, summarise, type Summary } from './stats.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const OUT_DIR = 'dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4460);
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** Bytes of one resource class, raw and gzip. */
export interface Weight {
  raw: number;
  gzip: number;
}
/** Bytes per resource class at one moment of a page's life. */
export type WeightByType = Record<'js' | 'css' | 'html', Weight>;

/** Times `astro build` (a fresh output folder each run) and returns the summary in ms. */
export function measureBuild(runs: number): Summary {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', OUT_DIR],
      { cwd: ROOT, stdio: 'ignore' },
    );
    if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status})`);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * Starts the built production server on `port` (with `env` on top of the defaults) and resolves
 * once `/` answers, with the time that took in ms.
 */
export async function startServer(
  port = PORT,
  env: Record<string, string> = {},
): Promise<{ server: ChildProcess; startMs: number; origin: string }> {
  const started = performance.now();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      DIST_DIR: OUT_DIR,
      HOST: '127.0.0.1',
      PORT: String(port),
      PLAYGROUND_RATE_LIMIT: 'off',
      ...env,
    },
  });
  for (;;) {
    if (performance.now() - started > 60_000) {
      server.kill();
      throw new Error('server did not answer within 60 s');
    }
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return { server, startMs: performance.now() - started, origin };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Stops a server started by `startServer`. */
export async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
}

/** Time from process start to first successful response, over several starts. */
export async function measureServerStart(runs: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { server, startMs } = await startServer();
    samples.push(startMs);
    await stopServer(server);
  }
  return summarise(samples);
}

/** Every prerendered docs page of the build, as URL paths. */
export function listPages(): string[] {
  const clientDir = join(ROOT, OUT_DIR, 'client');
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('_') && entry.name !== 'pagefind')
        walk(path);
      else if (entry.name === 'index.html') {
        const route = `/${relative(clientDir, dir)}`.replace(/\/?$/, '/');
        pages.push(route === '//' ? '/' : route);
      }
    }
  };
  walk(clientDir);
  return pages.sort();
}

/**
 * The pages the per-page measures visit: every guide page, and of the generated reference each
 * API's overview and its first operation page (the rest are built from the same template; the
 * byte budgets for all of them are tests). Lighthouse on every reference page would take an hour.
 */
export function samplePages(pages: readonly string[]): string[] {
  const firstOperation = new Map<string, string>();
  const sample: string[] = [];
  for (const route of pages) {
    const [, api, operation] = /^\/reference\/([^/]+)\/(?:([^/]+)\/)?$/.exec(route) ?? [];
    if (api === undefined) sample.push(route);
    else if (operation === undefined) sample.push(route);
    else if (!firstOperation.has(api)) firstOperation.set(api, route);
  }
  return [...sample, ...firstOperation.values()].sort();
}

/** Records every response of a page with its raw and gzip body size. */
function recordResponses(page: Page): Array<{ type: string; raw: number; gzip: number }> {
  const seen: Array<{ type: string; raw: number; gzip: number }> = [];
  page.on('response', (response: Response) => {
    void (async () => {
      const type = response.request().resourceType();
      const body = await response.body().catch(() => Buffer.alloc(0));
      seen.push({ type, raw: body.length, gzip: gzipSync(body).length });
    })();
  });
  return seen;
}

/** Sums recorded responses by class. */
function weigh(seen: ReadonlyArray<{ type: string; raw: number; gzip: number }>): WeightByType {
  const total = (type: string): Weight =>
    seen
      .filter((entry) => entry.type === type)
      .reduce((sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip }), {
        raw: 0,
        gzip: 0,
      });
  return { js: total('script'), css: total('stylesheet'), html: total('document') };
}

/** Page weight before interaction, after the first hover (lazy highlighter), and after opening the body editor. */
export async function measurePageWeight(
  browser: Browser,
  route: string,
): Promise<{
  initial: WeightByType;
  afterHighlight: WeightByType;
  afterEditor: WeightByType | null;
}> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = recordResponses(page);
  await page.goto(ORIGIN + route, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const initial = weigh(seen);
  const playground = page.locator('sinch-playground').first();
  if ((await playground.count()) > 0) {
    await playground.hover();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }
  const afterHighlight = weigh(seen);
  let afterEditor: WeightByType | null = null;
  const editor = page.getByRole('textbox', { name: /request body/i }).first();
  if ((await editor.count()) > 0) {
    await editor.focus();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    afterEditor = weigh(seen);
  }
  await context.close();
  return { initial, afterHighlight, afterEditor };
}

/** What one weighing adds to an earlier one, per class. */
function added(after: WeightByType, before: WeightByType): WeightByType {
  const minus = (a: Weight, b: Weight): Weight => ({ raw: a.raw - b.raw, gzip: a.gzip - b.gzip });
  return {
    js: minus(after.js, before.js),
    css: minus(after.css, before.css),
    html: minus(after.html, before.html),
  };
}

/**
 * What opening the in-browser runner downloads on top of the page after its first hover: Monaco,
 * the TypeScript worker and the runner (its CSS travels inside the JavaScript). Null when the page
 * has no playground. Measured until the type checker reports on the snippet, so the worker is in.
 */
export async function measureRunnerWeight(
  browser: Browser,
  route: string,
): Promise<WeightByType | null> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = recordResponses(page);
  await page.goto(ORIGIN + route, { waitUntil: 'networkidle' });
  const playground = page.locator('sinch-playground').first();
  if ((await playground.count()) === 0) {
    await context.close();
    return null;
  }
  await playground.hover();
  await playground.getByRole('tab', { name: 'TypeScript' }).click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const before = weigh(seen);
  await playground.getByRole('button', { name: 'Edit and run' }).click();
  await playground.getByText('No type errors.').waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const opened = added(weigh(seen), before);
  await context.close();
  return opened;
}

/**
 * Types `keystrokes` characters into the credentials and first parameter inputs and measures,
 * inside the page, the time from each input event to the snippet text changing in the DOM.
 * Keystrokes that change no snippet text (the masked secret) have nothing to time.
 */
export async function measureTyping(
  browser: Browser,
  route: string,
  keystrokes: number,
): Promise<{ p50: number; p95: number; max: number; samples: number } | null> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(ORIGIN + route, { waitUntil: 'networkidle' });
  const keyId = page.getByLabel('Key ID').first();
  if ((await keyId.count()) === 0) {
    await context.close();
    return null;
  }
  await page.evaluate(() => {
    const state = {
      pending: null as { at: number; playground: Element } | null,
      samples: [] as number[],
    };
    (window as unknown as { __typing: typeof state }).__typing = state;
    // Only the latest keystroke is pending, and only its own playground's snippet counts: a
    // keystroke that changes no text (the masked secret) is dropped by the next one instead of
    // being paired with the other playgrounds catching up on earlier keystrokes when idle.
    document.addEventListener(
      'input',
      (event) => {
        const playground = (event.target as Element).closest('sinch-playground');
        state.pending = playground === null ? null : { at: performance.now(), playground };
      },
      true,
    );
    const observer = new MutationObserver((records) => {
      const pending = state.pending;
      if (pending === null || !records.some((r) => pending.playground.contains(r.target))) return;
      state.samples.push(performance.now() - pending.at);
      state.pending = null;
    });
    observer.observe(document.body, { subtree: true, characterData: true, childList: true });
  });
  const inputs = [
    keyId,
    page.getByLabel('Project ID').first(),
    page.getByLabel('Key secret').first(),
  ];
  for (let i = 0; i < keystrokes; i++) {
    const input = inputs[i % inputs.length];
    if (input === undefined) continue;
    await input.press(i % 7 === 6 ? 'Backspace' : 'a');
  }
  await page.waitForTimeout(200);
  const samples = await page.evaluate(
    () => (window as unknown as { __typing: { samples: number[] } }).__typing.samples,
  );
  await context.close();
  if (samples.length === 0) return null;
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    samples: samples.length,
  };
}

/** Lighthouse category scores (0–100) and core metrics for one page, mobile profile. */
export interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** Runs Lighthouse (mobile, default throttling) `runs` times and keeps the median run by performance. */
export async function measureLighthouse(route: string, runs: number): Promise<LighthouseResult> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    });
    try {
      const result = await lighthouse(ORIGIN + route, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
      const { categories, audits } = result.lhr;
      const score = (id: string): number => Math.round((categories[id]?.score ?? 0) * 100);
      results.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
        tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
        cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      });
    } finally {
      chrome.kill();
    }
  }
  const sorted = [...results].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)] as LighthouseResult;
}

/** Everything this module measures, in one object. */
export async function run(options = { buildRuns: 3, startRuns: 5, lighthouseRuns: 3 }) {
  const build = measureBuild(options.buildRuns);
  const serverStart = await measureServerStart(options.startRuns);
  const pages = samplePages(listPages());
  const { server } = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const weights: Record<string, Awaited<ReturnType<typeof measurePageWeight>>> = {};
    const typing: Record<string, Awaited<ReturnType<typeof measureTyping>>> = {};
    const runner: Record<string, WeightByType | null> = {};
    const lighthouse: Record<string, LighthouseResult> = {};
    for (const route of pages) {
      weights[route] = await measurePageWeight(browser, route);
      typing[route] = await measureTyping(browser, route, 200);
      runner[route] = await measureRunnerWeight(browser, route);
      lighthouse[route] = await measureLighthouse(route, options.lighthouseRuns);
    }
    return { build, serverStart, pages, weights, typing, runner, lighthouse };
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
  }
}

if (import.meta.main && existsSync(ROOT)) {
  console.log(
    JSON.stringify(await run({ buildRuns: 1, startRuns: 3, lighthouseRuns: 1 }), null, 2),
  );
}
