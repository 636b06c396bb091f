/**
 * The scale benchmark: builds the site with the generated 1,000-operation document registered
 * (SCALE_BENCH=1), three times, and reports the median build time and the highest peak memory of
 * the build's process tree, gzip HTML per generated operation page, JS before interaction and
 * Lighthouse (median of five runs) on one generated page.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { operationSlug } from '../src/lib/reference/slug.ts';
import { BENCH_SCALE, SCALE_API } from '../src/lib/reference/scale-bench.ts';
import { scaleDocument } from '../src/lib/reference/scale-document.ts';
import {
  measureLighthouse,
  measurePageWeight,
  OUT_DIR,
  ROOT,
  startServer,
  stopServer,
  type LighthouseResult,
  type WeightByType,
} from './site.ts';
import { percentile } from './stats.ts';

/** The goals of the scale issue on a 2-core machine. */
export const SCALE_GOALS = {
  buildMs: 60_000,
  peakRssBytes: 1.5 * 2 ** 30,
  htmlGzipBytes: 25 * 1024,
  jsGzipBytes: 25 * 1024,
  lighthouse: 100,
} as const;

/** What one scale run measured. */
export interface ScaleResult {
  operations: number;
  /** Median build time over the builds. */
  buildMs: number;
  /** The highest peak RSS of any build: the goal is a ceiling, so the worst build counts. */
  peakRssBytes: number;
  /** Each build's time and peak RSS, in run order. */
  builds: Array<{ ms: number; peakRssBytes: number }>;
  htmlGzip: { median: number; max: number; pages: number };
  page: string;
  initial: WeightByType;
  lighthouse: LighthouseResult;
}

const PAGE_SIZE = 4096;

/** Resident bytes of `root` and every process below it, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which sits in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Builds with the generated document, polling the build's tree RSS every 100 ms. */
async function timedBuild(): Promise<{ buildMs: number; peakRssBytes: number }> {
  rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
  const started = performance.now();
  const build = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', OUT_DIR],
    { cwd: ROOT, stdio: 'ignore', env: { ...process.env, SCALE_BENCH: '1' } },
  );
  let peakRssBytes = 0;
  const poll = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, treeRss(build.pid!));
  }, 100);
  const code = await new Promise<number | null>((done) => build.once('exit', done));
  clearInterval(poll);
  if (code !== 0) throw new Error(`astro build with SCALE_BENCH=1 failed (exit ${code})`);
  return { buildMs: performance.now() - started, peakRssBytes };
}

/** Gzip size of every generated operation page's HTML. */
function operationHtmlSizes(): number[] {
  const dir = join(ROOT, OUT_DIR, 'client/reference', SCALE_API.slug);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => gzipSync(readFileSync(join(dir, entry.name, 'index.html'))).length);
}

/** Builds `builds` times (the last build is kept for the page measures), measures, and removes it. */
export async function run(options = { builds: 3, lighthouseRuns: 5 }): Promise<ScaleResult> {
  const builds: ScaleResult['builds'] = [];
  for (let i = 0; i < options.builds; i++) {
    const { buildMs, peakRssBytes } = await timedBuild();
    builds.push({ ms: buildMs, peakRssBytes });
  }
  const buildMs = percentile(
    builds.map((build) => build.ms),
    50,
  );
  const peakRssBytes = Math.max(...builds.map((build) => build.peakRssBytes));
  const sizes = operationHtmlSizes();
  const paths = scaleDocument(BENCH_SCALE)['paths'] as Record<
    string,
    Record<string, { operationId: string }>
  >;
  const first = Object.values(Object.values(paths)[0]!)[1]!.operationId;
  const page = `/reference/${SCALE_API.slug}/${operationSlug(first)}/`;
  const { server } = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const { initial } = await measurePageWeight(browser, page);
    const lighthouse = await measureLighthouse(page, options.lighthouseRuns);
    return {
      operations: sizes.length,
      buildMs,
      peakRssBytes,
      builds,
      htmlGzip: { median: percentile(sizes, 50), max: Math.max(...sizes), pages: sizes.length },
      page,
      initial,
      lighthouse,
    };
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(JSON.stringify(await run(), null, 2));
