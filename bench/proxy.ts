/** Throughput and latency of the same loopback upstream, hit directly and through the proxy. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import {
  makeProxy,
  proxyBody,
  serveHandler,
  startUpstream,
} from '../tests/integration/proxy-support.ts';
import { round, summarise } from './stats.ts';

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

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/** One autocannon run; fails loudly if any request errored or got a non-2xx status. */
async function measure(options: LoadOptions): Promise<Sample> {
  const result = await autocannon({ connections: 10, duration: 3, ...options });
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(`benchmark run had ${result.errors} errors, ${result.non2xx} non-2xx`);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Starts one server role in its own Node process (as on a real host) and returns its origin. */
async function spawnRole(
  role: string,
  ...args: string[]
): Promise<{ origin: string; child: ChildProcess }> {
  const child = fork(import.meta.filename, [role, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [origin] = (await once(child, 'message')) as [string];
  return { origin, child };
}

/** Body of the child processes: a small JSON upstream, or the proxy handler served over HTTP. */
async function serveRole(role: string, upstreamOrigin: string): Promise<void> {
  const server =
    role === 'upstream'
      ? await startUpstream((_, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            '{"availableNumbers":[{"phoneNumber":"+12025550107","regionCode":"US","type":"LOCAL"}]}',
          );
        })
      : await serveHandler(
          makeProxy({ extraOrigins: [upstreamOrigin], rateLimit: null, log: () => undefined })
            .handler,
        );
  process.send?.(server.origin);
}

/** Alternates direct and proxied runs against one upstream and reports medians with min/max. */
export async function run(rounds = 3): Promise<Record<string, unknown>> {
  const upstream = await spawnRole('upstream');
  const proxy = await spawnRole('proxy', upstream.origin);
  const direct: Sample[] = [];
  const proxied: Sample[] = [];
  try {
    for (let i = 0; i < rounds; i += 1) {
      direct.push(await measure({ url: `${upstream.origin}/v1/numbers` }));
      proxied.push(
        await measure({
          url: `${proxy.origin}/api/proxy`,
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: proxy.origin },
          body: JSON.stringify(proxyBody(`${upstream.origin}/v1/numbers`)),
        }),
      );
    }
  } finally {
    proxy.child.kill();
    upstream.child.kill();
  }
  const ratio = proxied.map(
    (p, i) => p.requestsPerSecond / (direct[i]?.requestsPerSecond ?? Number.NaN),
  );
  const addedP50 = proxied.map((p, i) => p.p50 - (direct[i]?.p50 ?? Number.NaN));
  const addedP99 = proxied.map((p, i) => p.p99 - (direct[i]?.p99 ?? Number.NaN));
  const summary = (values: number[]) => {
    const s = summarise(values);
    return { median: round(s.median), min: round(s.min), max: round(s.max), runs: s.runs };
  };
  return {
    connections: 10,
    secondsPerRun: 3,
    directRequestsPerSecond: summary(direct.map((d) => d.requestsPerSecond)),
    proxiedRequestsPerSecond: summary(proxied.map((p) => p.requestsPerSecond)),
    throughputRatio: summary(ratio),
    addedP50Ms: summary(addedP50),
    addedP99Ms: summary(addedP99),
    goal: 'added median latency < 1 ms and throughput ratio >= 0.6',
  };
}

const [role, upstreamArg] = process.argv.slice(2);
if (role === 'upstream' || role === 'proxy') await serveRole(role, upstreamArg ?? '');
else if (import.meta.main) console.log(JSON.stringify(await run(), null, 2));
