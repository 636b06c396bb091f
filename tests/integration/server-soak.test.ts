// Soak: about two minutes of slow headers, slow bodies, big bodies, token floods and Basic floods
// from many loopback addresses at once against the built server, while one reader's normal flow
// through the proxy keeps succeeding and the server's heap returns near its baseline. Every
// loop is bounded in count and time; all traffic stays on loopback. Prints its figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { startBuiltSite, type BuiltSite } from '../support/built-site.ts';
import {
  collectGarbage,
  GC_ON_SIGNAL,
  httpCall,
  sendHugeBody,
  trickle,
  watchPeakRss,
} from '../support/load.ts';

const ATTACK_MS = 90_000;
/**
 * How far above its starting heap (after a full collection) the server may stay once the attack
 * is over, and how far its RSS may climb during it. RSS itself does not come back down: V8 and
 * the allocator keep freed pages mapped for reuse, so the heap is what shows a leak.
 */
const HEAP_SETTLED_MIB = 20;
const PEAK_RSS_MIB = 400;
const MiB = 1024 * 1024;
const DEMO = basicAuthorization('demo-key', 'demo-secret');
const NUMBER = '%2B12025550100';

let site: BuiltSite;

beforeAll(async () => {
  site = await startBuiltSite({ PLAYGROUND_RATE_LIMIT: '600' }, GC_ON_SIGNAL);
}, 300_000);

afterAll(async () => {
  await site.stop();
});

const statuses = new Map<string, number>();
function count(kind: string, status: number): void {
  const key = `${kind} ${status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
}

/** Runs `step` until the deadline or `max` rounds, whichever comes first. */
async function loop(deadline: number, max: number, step: (i: number) => Promise<void>) {
  for (let i = 0; i < max && performance.now() < deadline; i += 1) await step(i);
}

/** One proxied call as the playground makes it; gives the upstream status and body. */
async function viaProxy(request: {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | null;
  auth: Record<string, string>;
}): Promise<{ status: number; body: string }> {
  const response = await httpCall(site.origin, '/api/proxy', {
    method: 'POST',
    localAddress: '127.0.0.1',
    headers: {
      'content-type': 'application/json',
      origin: site.origin,
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify({
      method: request.method,
      url: `${site.origin}/mock${request.path}`,
      headers: request.headers ?? {},
      body: request.body ?? null,
      auth: request.auth,
    }),
  });
  if (response.status !== 200) return { status: response.status, body: response.body };
  const envelope = JSON.parse(response.body) as { status: number; body: string };
  return { status: envelope.status, body: envelope.body };
}

/** The reader: token once, then list, rename and read back a number, over and over. */
async function reader(deadline: number) {
  const latencies: number[] = [];
  let failures = 0;
  const token = await viaProxy({
    method: 'POST',
    path: '/auth/oauth2/token',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
    auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
  });
  const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
  const auth = { type: 'bearer', token: accessToken };
  await loop(deadline, 200, async (i) => {
    const started = performance.now();
    const name = `Reader ${i}`;
    const list = await viaProxy({
      method: 'GET',
      path: '/numbers/v1/projects/demo-project/activeNumbers',
      auth,
    });
    const patch = await viaProxy({
      method: 'PATCH',
      path: `/numbers/v1/projects/demo-project/activeNumbers/${NUMBER}`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: name }),
      auth,
    });
    const read = await viaProxy({
      method: 'GET',
      path: `/numbers/v1/projects/demo-project/activeNumbers/${NUMBER}`,
      auth,
    });
    const ok =
      list.status === 200 &&
      patch.status === 200 &&
      read.status === 200 &&
      (JSON.parse(read.body) as { displayName: string }).displayName === name;
    if (!ok) failures += 1;
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  return { cycles: latencies.length, failures, latencies };
}

const attackers = (block: number, n: number) => `127.0.${block}.${(n % 250) + 1}`;

describe('soak', () => {
  it('stays up for one reader while under every abuse at once, and gives memory back', async () => {
    const pid = site.child.pid ?? 0;
    await httpCall(site.origin, '/mock/none');
    const baseline = await collectGarbage(site.child, site.output);
    const stopWatching = watchPeakRss(pid);
    const deadline = performance.now() + ATTACK_MS;
    const slowHead = [
      'POST /api/proxy HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Origin: ${site.origin}`,
      'Sec-Fetch-Site: same-origin',
      'Content-Length: 1000',
      '',
      '',
    ].join('\r\n');
    const work = [
      reader(deadline),
      // Slow headers and slow bodies, ten connections each at any time.
      ...Array.from({ length: 10 }, (_, w) =>
        loop(deadline, 20, async (i) => {
          const r = await trickle(
            site.origin,
            `GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(100)}`,
            {
              intervalMs: 1000,
              maxMs: 40_000,
              localAddress: attackers(1, w * 20 + i),
            },
          );
          count('slow-headers', r.answer === '' ? 0 : Number(r.answer.slice(9, 12)));
        }),
      ),
      ...Array.from({ length: 10 }, (_, w) =>
        loop(deadline, 20, async (i) => {
          const r = await trickle(site.origin, '{'.repeat(1000), {
            head: slowHead,
            intervalMs: 2000,
            maxMs: 40_000,
            localAddress: attackers(2, w * 20 + i),
          });
          count('slow-body', r.answer === '' ? 0 : Number(r.answer.slice(9, 12)));
        }),
      ),
      // Big bodies: two at a time, 64 MiB each, to the mock and the proxy.
      ...Array.from({ length: 2 }, (_, w) =>
        loop(deadline, 100, async (i) => {
          const path = i % 2 === 0 ? '/mock/auth/oauth2/token' : '/api/proxy';
          const r = await sendHugeBody(site.origin, path, {
            method: 'POST',
            maxBytes: 64 * MiB,
            localAddress: attackers(3, w * 100 + i),
            headers: {
              authorization: DEMO,
              'content-type':
                i % 2 === 0 ? 'application/x-www-form-urlencoded' : 'application/json',
              origin: site.origin,
              'sec-fetch-site': 'same-origin',
            },
          });
          count('big-body', r.status);
        }),
      ),
      // Token floods from ten addresses, Basic floods from fifty.
      ...Array.from({ length: 2 }, (_, w) =>
        loop(deadline, 5000, async (i) => {
          const r = await httpCall(site.origin, '/mock/auth/oauth2/token', {
            method: 'POST',
            localAddress: attackers(4, (w * 5 + i) % 10),
            headers: {
              authorization: basicAuthorization('other-key', 'other-secret'),
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: 'grant_type=client_credentials',
          });
          count('token-flood', r.status);
        }),
      ),
      ...Array.from({ length: 2 }, (_, w) =>
        loop(deadline, 5000, async (i) => {
          const r = await httpCall(
            site.origin,
            '/mock/numbers/v1/projects/demo-project/availableRegions',
            {
              localAddress: attackers(5, (w * 25 + i) % 50),
              headers: { authorization: DEMO },
            },
          );
          count('basic-flood', r.status);
        }),
      ),
    ];
    const [result] = (await Promise.all(work)) as [Awaited<ReturnType<typeof reader>>];
    const peak = stopWatching();
    const after = await collectGarbage(site.child, site.output);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(0);
    console.log(
      [
        `reader: ${result.cycles} cycles, ${result.failures} failed, cycle p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
        `RSS: baseline ${baseline.rssMiB.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, after ${after.rssMiB.toFixed(0)} MiB`,
        `heap after a full collection: baseline ${baseline.heapMiB.toFixed(1)} MiB, after ${after.heapMiB.toFixed(1)} MiB`,
        ...[...statuses].sort().map(([key, n]) => `${key}: ${n}`),
      ].join('\n'),
    );
    expect(result.cycles).toBeGreaterThan(10);
    expect(result.failures).toBe(0);
    expect(statuses.get('token-flood 429') ?? 0).toBeGreaterThan(0);
    expect(statuses.get('basic-flood 429') ?? 0).toBeGreaterThan(0);
    expect(statuses.get('big-body 200') ?? 0).toBe(0);
    expect(after.heapMiB - baseline.heapMiB).toBeLessThan(HEAP_SETTLED_MIB);
    expect(peak - baseline.rssMiB).toBeLessThan(PEAK_RSS_MIB);
  }, 240_000);
});
