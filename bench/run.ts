/**
 * `npm run bench`: every benchmark in one run, printed as Markdown and written to
 * bench/results.json. Timings are medians of several runs with min and max beside them.
 */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { round, type Summary } from './stats.ts';
import * as proxyBench from './proxy.ts';
import * as scaleBench from './scale.ts';
import * as site from './site.ts';
import * as snippetBench from './snippets.ts';

const started = new Date();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

console.error('Benchmarking snippet generation…');
const snippets = await snippetBench.run();
console.error('Benchmarking the proxy…');
const proxy = await proxyBench.run();
console.error('Benchmarking the site (build, start, page weight, typing, Lighthouse)…');
const siteResults = await site.run();
console.error('Benchmarking scale (the site with a generated 1,000-operation document)…');
const scale = await scaleBench.run();

const results = {
  started: started.toISOString(),
  machine,
  snippets,
  proxy,
  site: siteResults,
  scale,
};
writeFileSync(
  resolve(import.meta.dirname, 'results.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${round(value)} ms`;
const span = (summary: Summary): string =>
  `${ms(summary.median)} (${ms(summary.min)}–${ms(summary.max)}, ${summary.runs} runs)`;

const lines: string[] = [];
lines.push(`## Benchmark results`, '', `Machine: ${machine}. Run: ${started.toISOString()}.`, '');
lines.push('### Page weight (gzip; raw in brackets)', '');
lines.push(
  '| Page | JS before interaction | JS after first hover (highlighter) | JS after body editor | CSS | HTML |',
);
lines.push('| --- | --- | --- | --- | --- | --- |');
for (const route of siteResults.pages) {
  const weight = siteResults.weights[route];
  if (!weight) continue;
  const js = (w: site.WeightByType | null): string =>
    w ? `${kb(w.js.gzip)} (${kb(w.js.raw)})` : '–';
  lines.push(
    `| ${route} | ${js(weight.initial)} | ${js(weight.afterHighlight)} | ${js(weight.afterEditor)} | ${kb(weight.initial.css.gzip)} | ${kb(weight.initial.html.gzip)} |`,
  );
}
lines.push(
  '',
  '### Opening the in-browser runner ("Edit and run": Monaco and its TypeScript worker)',
  '',
);
lines.push('| Page | JS downloaded, gzip (raw) |', '| --- | --- |');
for (const [route, weight] of Object.entries(siteResults.runner)) {
  if (weight) lines.push(`| ${route} | ${kb(weight.js.gzip)} (${kb(weight.js.raw)}) |`);
}
lines.push('', '### Typing to snippet (200 keystrokes, in-page Performance API)', '');
lines.push('| Page | p50 | p95 | max | samples |', '| --- | --- | --- | --- | --- |');
for (const [route, typing] of Object.entries(siteResults.typing)) {
  if (typing)
    lines.push(
      `| ${route} | ${ms(typing.p50)} | ${ms(typing.p95)} | ${ms(typing.max)} | ${typing.samples} |`,
    );
}
lines.push('', '### Lighthouse (mobile profile, median run)', '');
lines.push(
  '| Page | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const [route, lh] of Object.entries(siteResults.lighthouse)) {
  lines.push(
    `| ${route} | ${lh.performance} | ${lh.accessibility} | ${lh.bestPractices} | ${lh.seo} | ${ms(lh.lcpMs)} | ${ms(lh.tbtMs)} | ${round(lh.cls)} |`,
  );
}
lines.push('', '### Build and start', '');
lines.push(`- Build: ${span(siteResults.build)}`);
lines.push(`- Server start to first response: ${span(siteResults.serverStart)}`);
/** Rows for every Summary-shaped value of a result object. */
function summaryRows(result: Record<string, unknown>, unit: string): string[] {
  const rows: string[] = [];
  for (const [name, value] of Object.entries(result)) {
    if (typeof value !== 'object' || value === null || !('median' in value)) continue;
    const s = value as Summary;
    rows.push(
      `| ${name} | ${round(s.median)}${unit} | ${round(s.min)}${unit} | ${round(s.max)}${unit} | ${s.runs} |`,
    );
  }
  return rows;
}
lines.push('', '### Snippet generation (build the request and all targets, inline and env)', '');
lines.push('| Measure | Median | Min | Max | Runs |', '| --- | --- | --- | --- | --- |');
lines.push(...summaryRows(snippets, ' ms'));
lines.push('', '### Proxy overhead (one loopback upstream, every path in the same run)', '');
const p = proxy as Record<string, Summary>;
const cell = (name: string, unit = ''): string => {
  const s = p[name];
  return s === undefined ? '–' : `${round(s.median)}${unit} (${round(s.min)}–${round(s.max)})`;
};
lines.push(
  '| Path | Requests/s, 10 connections | Share of direct | Added p50, one request at a time |',
  '| --- | --- | --- | --- |',
  `| Upstream, direct | ${cell('directRequestsPerSecond')} | 1 | – |`,
  `| Bare Node pass-through (reference) | ${cell('bareRequestsPerSecond')} | ${cell('bareThroughputRatio')} | ${cell('unloadedBareAddedP50Ms', ' ms')} |`,
  `| Cheapest Astro route, GET /api/health (reference) | ${cell('healthRouteRequestsPerSecond')} | ${cell('healthRouteThroughputRatio')} | ${cell('unloadedHealthRouteAddedP50Ms', ' ms')} |`,
  `| POST /api/proxy | ${cell('proxiedRequestsPerSecond')} | ${cell('throughputRatio')} | ${cell('unloadedAddedP50Ms', ' ms')} |`,
  '',
  `/api/proxy throughput as a share of the cheapest Astro route: ${cell('proxyToHealthRouteRatio')}. ` +
    `The handler alone, in process with the upstream stubbed: ${cell('handlerCpuMsPerCall', ' ms')} per call. ` +
    `Added p99 one at a time: ${cell('unloadedAddedP99Ms', ' ms')}; ` +
    `added p50 / p99 at 10 connections: ${cell('loadedAddedP50Ms', ' ms')} / ${cell('loadedAddedP99Ms', ' ms')}. ` +
    `Against an upstream that takes ${String(proxy['slowUpstreamMs'])} ms to answer: throughput share ` +
    `${cell('slowUpstreamThroughputRatio')}, added p50 one at a time ${cell('slowUpstreamAddedP50Ms', ' ms')}.`,
);
lines.push(
  '',
  '### Proxy against its peer (same upstream, same run, rate limiter on)',
  '',
  '| Path | Requests/s, 10 connections | Throughput ÷ cors-anywhere | Added p50, one at a time | Added p50 ÷ cors-anywhere |',
  '| --- | --- | --- | --- | --- |',
  `| Upstream, direct | ${cell('directRequestsPerSecond')} | – | – | – |`,
  `| cors-anywhere 0.4.4 (checks nothing) | ${cell('corsAnywhereRequestsPerSecond')} | 1 | ${cell('unloadedCorsAnywhereAddedP50Ms', ' ms')} | 1 |`,
  `| POST /api/proxy | ${cell('proxiedRequestsPerSecond')} | ${cell('proxyToCorsAnywhereRatio')} | ${cell('unloadedAddedP50Ms', ' ms')} | ${cell('addedP50ToCorsAnywhereRatio')} |`,
  `| POST /api/proxy, limiter in Redis | ${cell('redisProxiedRequestsPerSecond')} | ${cell('redisProxyToCorsAnywhereRatio')} | ${cell('unloadedRedisAddedP50Ms', ' ms')} | ${cell('redisAddedP50ToCorsAnywhereRatio')} |`,
  '',
  `Goal: ${String(proxy['goal'])}.`,
);
const goals = scaleBench.SCALE_GOALS;
const verdict = (value: number, goal: number): string => (value <= goal ? 'met' : 'MISSED');
lines.push('', `### Scale (${scale.operations} generated operation pages)`, '');
lines.push('| Measure | Value | Goal | |', '| --- | --- | --- | --- |');
lines.push(
  `| Build, median of ${scale.builds.length} | ${ms(scale.buildMs)} | < ${ms(goals.buildMs)} | ${verdict(scale.buildMs, goals.buildMs)} |`,
  `| Peak RSS of the build's process tree, highest of ${scale.builds.length} (each: ${scale.builds.map((build) => (build.peakRssBytes / 2 ** 20).toFixed(0)).join(', ')}) | ${(scale.peakRssBytes / 2 ** 20).toFixed(0)} MiB | < 1536 MiB | ${verdict(scale.peakRssBytes, goals.peakRssBytes)} |`,
  `| HTML per operation page, gzip median / max | ${kb(scale.htmlGzip.median)} / ${kb(scale.htmlGzip.max)} | ≤ ${kb(goals.htmlGzipBytes)} | ${verdict(scale.htmlGzip.max, goals.htmlGzipBytes)} |`,
  `| JS before interaction on ${scale.page}, gzip | ${kb(scale.initial.js.gzip)} | ≤ ${kb(goals.jsGzipBytes)} | ${verdict(scale.initial.js.gzip, goals.jsGzipBytes)} |`,
  `| Lighthouse mobile on ${scale.page}, median of 5 (perf / a11y / best practices / SEO) | ${scale.lighthouse.performance} / ${scale.lighthouse.accessibility} / ${scale.lighthouse.bestPractices} / ${scale.lighthouse.seo} | ${goals.lighthouse} | ${scale.lighthouse.performance === goals.lighthouse ? 'met' : 'MISSED'} |`,
);
console.log(lines.join('\n'));
