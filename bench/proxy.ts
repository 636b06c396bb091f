/**
 * What the proxy adds to a request, all in one run: one small JSON upstream on loopback hit
 * directly; through a bare Node pass-through (what any Node proxy pays on this machine); through
 * cors-anywhere (the peer API consoles use, which checks nothing); the built production server's
 * cheapest route, GET /api/health (what any Astro route pays); and POST /api/proxy of that same
 * server with every check on, its rate limiter in memory and, on a second server, in Redis.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Agent, Client } from 'undici';
import {
  callProxy,
  makeProxy,
  proxyBody,
  startUpstream,
} from '../tests/integration/proxy-support.ts';
import { startRedis } from '../tests/support/redis-server.ts';
import { measureBuild, OUT_DIR, ROOT, startServer, stopServer } from './site.ts';
import { percentile, round, summarise } from './stats.ts';

/** The part of autocannon's API this benchmark uses (the package ships no types). */
interface LoadOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface LoadResult {
  errors: number;
  non2xx: number;
  requests: { average: number };
  latency: { p50: number; p99: number };
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: LoadOptions & { connections: number; duration: number },
) => Promise<LoadResult>;

const CONNECTIONS = 10;
const SECONDS_PER_RUN = 3;
const SEQUENTIAL_REQUESTS = 1000;
/** Service time of the second upstream, in the range of a real API's answers. */
const SLOW_UPSTREAM_MS = 50;
const UPSTREAM_BODY =
  '{"availableNumbers":[{"phoneNumber":"+12025550107","regionCode":"US","type":"LOCAL"}]}';

interface LoadSample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/** One autocannon run; fails loudly if any request errored or got a non-2xx status. */
async function load(options: LoadOptions): Promise<LoadSample> {
  const result = await autocannon({
    connections: CONNECTIONS,
    duration: SECONDS_PER_RUN,
    ...options,
  });
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(
      `load run on ${options.url} had ${result.errors} errors, ${result.non2xx} non-2xx`,
    );
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Latency of one request at a time over one kept-alive connection, in ms with µs precision. */
async function sequential(options: LoadOptions, count: number): Promise<number[]> {
  const url = new URL(options.url);
  const client = new Client(url.origin);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      const response = await client.request({
        path: url.pathname,
        method: options.method === 'POST' ? 'POST' : 'GET',
        headers: options.headers ?? {},
        body: options.body ?? null,
      });
      await response.body.text();
      if (response.statusCode !== 200)
        throw new Error(`${options.url} answered ${response.statusCode}`);
      samples.push(performance.now() - started);
    }
  } finally {
    await client.close();
  }
  return samples;
}

/** Starts one server role in its own Node process (as on a real host) and returns its origin. */
async function spawnRole(role: string): Promise<{ origin: string; child: ChildProcess }> {
  const child = fork(import.meta.filename, [role], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [origin] = (await once(child, 'message')) as [string];
  return { origin, child };
}

/** The server roles this file runs as child processes. */
const ROLES = ['upstream', 'slow-upstream', 'bare', 'cors-anywhere'];

/**
 * Body of the child processes: a JSON upstream (instant or slow), cors-anywhere with its defaults,
 * or the bare pass-through.
 */
async function serveRole(role: string): Promise<void> {
  if (role === 'cors-anywhere') {
    const corsAnywhere = createRequire(import.meta.url)('cors-anywhere') as {
      createServer: (options: object) => Server;
    };
    const server = corsAnywhere.createServer({});
    server.listen(0, '127.0.0.1', () => {
      process.send?.(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
    return;
  }
  if (role === 'upstream' || role === 'slow-upstream') {
    const delay = role === 'upstream' ? 0 : SLOW_UPSTREAM_MS;
    const server = await startUpstream((_, res) => {
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(UPSTREAM_BODY);
      };
      if (delay === 0) answer();
      else setTimeout(answer, delay);
    });
    process.send?.(server.origin);
    return;
  }
  // The least a Node proxy does: read the JSON call, send it on, wrap the answer in JSON.
  const agent = new Agent();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const call = JSON.parse(Buffer.concat(chunks).toString()) as { url: string };
        const url = new URL(call.url);
        const answer = await agent.request({
          origin: url.origin,
          path: url.pathname,
          method: 'GET',
        });
        const body = await answer.body.text();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: answer.statusCode, body }));
      })();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
}

/**
 * Starts the built production server with the upstream allowed (building it when missing) and the
 * rate limiter on, so it costs what it costs in production, with a limit no run reaches.
 */
async function startSite(port: number, env: Record<string, string>) {
  if (!existsSync(join(ROOT, OUT_DIR, 'server/entry.mjs'))) measureBuild(1);
  return startServer(port, { PLAYGROUND_RATE_LIMIT: '1000000000', ...env });
}

const summary = (values: number[]) => {
  const s = summarise(values);
  return { median: round(s.median), min: round(s.min), max: round(s.max), runs: s.runs };
};

/**
 * CPU time of the handler alone, in process, with the upstream answered at once: median per call
 * in ms over `rounds` rounds of `calls` calls (request construction included).
 */
async function handlerCost(rounds: number, calls: number): Promise<number[]> {
  const body = new TextEncoder().encode(UPSTREAM_BODY);
  const { handler } = makeProxy({
    extraOrigins: ['https://upstream.example'],
    log: () => undefined,
    send: () =>
      Promise.resolve({
        status: 200,
        statusText: 'OK',
        headers: [['content-type', 'application/json']],
        body,
      }),
  });
  const call = proxyBody('https://upstream.example/v1/numbers');
  const perCall: number[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    const started = performance.now();
    for (let i = 0; i < calls; i += 1) await (await callProxy(handler, call)).text();
    // Round 0 warms the JIT up and is not recorded.
    if (round > 0) perCall.push((performance.now() - started) / calls);
  }
  return perCall;
}

/**
 * Starts every server, alternates the paths round by round so drift on a shared machine hits them
 * alike, then reports medians over rounds with min and max.
 */
export async function run(rounds = 3): Promise<Record<string, unknown>> {
  // Everything started is stopped at the end, also when a later start fails.
  const stops: (() => unknown)[] = [];
  const role = async (name: string) => {
    const started = await spawnRole(name);
    stops.push(() => started.child.kill());
    return started;
  };
  const site = async (port: number, env: Record<string, string>) => {
    const started = await startSite(port, env);
    stops.push(() => stopServer(started.server));
    return started;
  };
  try {
    const upstream = await role('upstream');
    const slow = await role('slow-upstream');
    const bare = await role('bare');
    const cors = await role('cors-anywhere');
    const allowed = `${upstream.origin},${slow.origin}`;
    const memorySite = await site(4390, { PLAYGROUND_ALLOWED_ORIGINS: allowed });
    const ensured = spawnSync('bash', [join(ROOT, 'scripts/ensure-redis.sh')], {
      stdio: 'inherit',
    });
    if (ensured.status !== 0) throw new Error('redis-server is needed for the shared-limit row');
    const redis = await startRedis();
    stops.push(() => redis.stop());
    const redisSite = await site(4391, {
      PLAYGROUND_ALLOWED_ORIGINS: allowed,
      PLAYGROUND_REDIS_URL: redis.url,
    });
    return await measure({ upstream, slow, bare, cors, site: memorySite, redisSite }, rounds);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/** The origins of everything `run` started. */
interface Started {
  upstream: { origin: string };
  slow: { origin: string };
  bare: { origin: string };
  cors: { origin: string };
  site: { origin: string };
  redisSite: { origin: string };
}

/** The alternating rounds over every path, and the summary of them. */
async function measure(
  { upstream, slow, bare, cors, site, redisSite }: Started,
  rounds: number,
): Promise<Record<string, unknown>> {
  const handlerMs = await handlerCost(rounds, 3000);
  const target = `${upstream.origin}/v1/numbers`;
  const call = (origin: string, path: string, to = target): LoadOptions => ({
    url: `${origin}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(proxyBody(to)),
  });
  const paths = {
    direct: { url: target },
    bare: call(bare.origin, '/'),
    cors: { url: `${cors.origin}/${target}` },
    route: { url: `${site.origin}/api/health` },
    proxy: call(site.origin, '/api/proxy'),
    proxyRedis: call(redisSite.origin, '/api/proxy'),
  };
  type Path = keyof typeof paths;
  const loaded: Record<Path, LoadSample[]> = {
    direct: [],
    bare: [],
    cors: [],
    route: [],
    proxy: [],
    proxyRedis: [],
  };
  const unloaded: Record<Path, { p50: number; p99: number }[]> = {
    direct: [],
    bare: [],
    cors: [],
    route: [],
    proxy: [],
    proxyRedis: [],
  };
  const slowLoaded = { direct: [] as LoadSample[], proxy: [] as LoadSample[] };
  const slowUnloaded = { direct: [] as number[], proxy: [] as number[] };
  // Warm up every path (JIT, connection pools) before anything is recorded.
  for (const options of Object.values(paths)) await sequential(options, 300);
  for (let i = 0; i < rounds; i += 1) {
    for (const [name, options] of Object.entries(paths) as [Path, LoadOptions][]) {
      const samples = await sequential(options, SEQUENTIAL_REQUESTS);
      unloaded[name].push({ p50: percentile(samples, 50), p99: percentile(samples, 99) });
      loaded[name].push(await load(options));
    }
  }
  // The same comparison against an upstream that takes as long as a real API to answer.
  const slowTarget = `${slow.origin}/v1/numbers`;
  for (let i = 0; i < rounds; i += 1) {
    for (const [name, options] of [
      ['direct', { url: slowTarget }],
      ['proxy', call(site.origin, '/api/proxy', slowTarget)],
    ] as const) {
      slowUnloaded[name].push(percentile(await sequential(options, 60), 50));
      slowLoaded[name].push(await load(options));
    }
  }
  const ratio = (a: Path, b: Path) =>
    loaded[a].map((s, i) => s.requestsPerSecond / (loaded[b][i]?.requestsPerSecond ?? NaN));
  const added = (key: 'p50' | 'p99', from: typeof unloaded | typeof loaded, path: Path) =>
    from[path].map((s, i) => s[key] - (from.direct[i]?.[key] ?? NaN));
  const addedRatio = (path: Path) => {
    const ours = added('p50', unloaded, path);
    return added('p50', unloaded, 'cors').map((theirs, i) => (ours[i] ?? NaN) / theirs);
  };
  return {
    connections: CONNECTIONS,
    secondsPerRun: SECONDS_PER_RUN,
    sequentialRequests: SEQUENTIAL_REQUESTS,
    handlerCpuMsPerCall: summary(handlerMs),
    directRequestsPerSecond: summary(loaded.direct.map((s) => s.requestsPerSecond)),
    bareRequestsPerSecond: summary(loaded.bare.map((s) => s.requestsPerSecond)),
    healthRouteRequestsPerSecond: summary(loaded.route.map((s) => s.requestsPerSecond)),
    proxiedRequestsPerSecond: summary(loaded.proxy.map((s) => s.requestsPerSecond)),
    throughputRatio: summary(ratio('proxy', 'direct')),
    bareThroughputRatio: summary(ratio('bare', 'direct')),
    healthRouteThroughputRatio: summary(ratio('route', 'direct')),
    proxyToHealthRouteRatio: summary(ratio('proxy', 'route')),
    corsAnywhereRequestsPerSecond: summary(loaded.cors.map((s) => s.requestsPerSecond)),
    redisProxiedRequestsPerSecond: summary(loaded.proxyRedis.map((s) => s.requestsPerSecond)),
    corsAnywhereThroughputRatio: summary(ratio('cors', 'direct')),
    redisThroughputRatio: summary(ratio('proxyRedis', 'direct')),
    proxyToCorsAnywhereRatio: summary(ratio('proxy', 'cors')),
    redisProxyToCorsAnywhereRatio: summary(ratio('proxyRedis', 'cors')),
    unloadedDirectP50Ms: summary(unloaded.direct.map((s) => s.p50)),
    unloadedAddedP50Ms: summary(added('p50', unloaded, 'proxy')),
    unloadedAddedP99Ms: summary(added('p99', unloaded, 'proxy')),
    unloadedBareAddedP50Ms: summary(added('p50', unloaded, 'bare')),
    unloadedHealthRouteAddedP50Ms: summary(added('p50', unloaded, 'route')),
    unloadedCorsAnywhereAddedP50Ms: summary(added('p50', unloaded, 'cors')),
    unloadedRedisAddedP50Ms: summary(added('p50', unloaded, 'proxyRedis')),
    addedP50ToCorsAnywhereRatio: summary(addedRatio('proxy')),
    redisAddedP50ToCorsAnywhereRatio: summary(addedRatio('proxyRedis')),
    slowUpstreamMs: SLOW_UPSTREAM_MS,
    slowUpstreamThroughputRatio: summary(
      slowLoaded.proxy.map(
        (s, i) => s.requestsPerSecond / (slowLoaded.direct[i]?.requestsPerSecond ?? NaN),
      ),
    ),
    slowUpstreamAddedP50Ms: summary(
      slowUnloaded.proxy.map((p50, i) => p50 - (slowUnloaded.direct[i] ?? NaN)),
    ),
    loadedAddedP50Ms: summary(added('p50', loaded, 'proxy')),
    loadedAddedP99Ms: summary(added('p99', loaded, 'proxy')),
    goal: 'throughput at least cors-anywhere’s and added p50 at most cors-anywhere’s',
  };
}

const [role] = process.argv.slice(2);
if (role !== undefined && ROLES.includes(role)) await serveRole(role);
else if (import.meta.main) console.log(JSON.stringify(await run(), null, 2));
