// Findings of the abuse review against the built server (`npm start`), each failing before its
// fix: run in a child process so memory and timeouts are the real server's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { startBuiltSite, type BuiltSite } from '../support/built-site.ts';
import { httpCall, rssMiB, sendHugeBody, trickle, watchPeakRss } from '../support/load.ts';

const DEMO = basicAuthorization('demo-key', 'demo-secret');
const MiB = 1024 * 1024;
const STACK_LINE = /\n\s+at \S.*\(.*:\d+:\d+\)/;

let site: BuiltSite;

beforeAll(async () => {
  site = await startBuiltSite({
    PLAYGROUND_RATE_LIMIT: '3',
    PLAYGROUND_TRUSTED_PROXIES: '127.0.0.2',
    MOCK_BASIC_RATE_LIMIT: '10/60s',
  });
}, 300_000);

afterAll(async () => {
  await site.stop();
});

/** A same-origin proxy call to the mock's regions, from a chosen loopback address. */
function proxyCall(localAddress: string, headers: Record<string, string> = {}) {
  return httpCall(site.origin, '/api/proxy', {
    method: 'POST',
    localAddress,
    headers: {
      'content-type': 'application/json',
      origin: site.origin,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body: JSON.stringify({
      method: 'GET',
      url: `${site.origin}/mock/numbers/v1/projects/demo-project/availableRegions`,
      headers: {},
      body: null,
      auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
    }),
  });
}

describe('built server under abuse', () => {
  it('finding 1: huge bodies to the mock get 413 and the server stays near its memory baseline', async () => {
    const pid = site.child.pid ?? 0;
    await httpCall(site.origin, '/mock/none');
    const baseline = rssMiB(pid);
    const stop = watchPeakRss(pid);
    const huge = (maxBytes: number, path: string, method: string, type: string) =>
      sendHugeBody(site.origin, path, {
        method,
        maxBytes,
        headers: {
          authorization: DEMO,
          'content-type': type,
          origin: site.origin,
          'sec-fetch-site': 'same-origin',
        },
      });
    const token = '/mock/auth/oauth2/token';
    const results = await Promise.all([
      huge(16 * MiB, token, 'POST', 'application/x-www-form-urlencoded'),
      huge(200 * MiB, token, 'POST', 'application/x-www-form-urlencoded'),
      huge(200 * MiB, token, 'POST', 'application/x-www-form-urlencoded'),
      huge(
        200 * MiB,
        '/mock/numbers/v1/projects/demo-project/activeNumbers/%2B12025550100',
        'PATCH',
        'application/json',
      ),
      huge(200 * MiB, '/api/proxy', 'POST', 'application/json'),
    ]);
    const peak = stop();
    console.log(
      `huge bodies: RSS baseline ${baseline.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB; sent ${results.map((r) => `${(r.sentBytes / MiB).toFixed(0)} MiB→${r.status}`).join(', ')}`,
    );
    expect(results.map((r) => r.status)).toEqual([413, 413, 413, 413, 413]);
    for (const result of results) expect(result.sentBytes).toBeLessThan(200 * MiB);
    expect(peak - baseline).toBeLessThan(150);
  }, 120_000);

  it('finding 5: slow headers and a slow proxy body are cut off by the time caps', async () => {
    const head = [
      'POST /api/proxy HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Origin: ${site.origin}`,
      'Sec-Fetch-Site: same-origin',
      'Content-Length: 100',
      '',
      '',
    ].join('\r\n');
    const [body, headers] = await Promise.all([
      trickle(site.origin, '{'.repeat(100), {
        head,
        intervalMs: 2000,
        maxMs: 40_000,
        localAddress: '127.0.0.3',
      }),
      trickle(site.origin, `GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(60)}\r\n\r\n`, {
        intervalMs: 1000,
        maxMs: 40_000,
      }),
    ]);
    console.log(
      `slow clients: body answered after ${((body.answeredMs ?? 0) / 1000).toFixed(1)} s, open ${(body.openMs / 1000).toFixed(1)} s; headers open ${(headers.openMs / 1000).toFixed(1)} s`,
    );
    expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(body.answer).toContain('REQUEST_TIMEOUT');
    expect(body.answeredMs).toBeLessThan(20_000);
    expect(body.openMs).toBeLessThan(35_000);
    expect(headers.openMs).toBeLessThan(15_000);
  }, 60_000);

  it('finding 6: behind a trusted reverse proxy each reader has its own bucket; nobody else’s header counts', async () => {
    const trusted = [];
    for (let i = 0; i < 4; i += 1)
      trusted.push((await proxyCall('127.0.0.2', { 'x-forwarded-for': '198.51.100.1' })).status);
    expect(trusted).toEqual([200, 200, 200, 429]);
    expect(
      (await proxyCall('127.0.0.2', { 'x-forwarded-for': '6.6.6.6, 198.51.100.2' })).status,
    ).toBe(200);
    const spoofed = [];
    for (let i = 0; i < 4; i += 1)
      spoofed.push(
        (await proxyCall('127.0.0.4', { 'x-forwarded-for': `198.51.100.${10 + i}` })).status,
      );
    expect(spoofed).toEqual([200, 200, 200, 429]);
  });

  it('finding 4: a Basic flood from one address does not lock out another', async () => {
    const call = (localAddress: string) =>
      httpCall(site.origin, '/mock/numbers/v1/projects/demo-project/availableRegions', {
        localAddress,
        headers: { authorization: DEMO, 'x-forwarded-for': '198.51.100.99' },
      });
    for (let i = 0; i < 11; i += 1) await call('127.0.0.5');
    expect((await call('127.0.0.5')).status).toBe(429);
    expect((await call('127.0.0.6')).status).toBe(200);
  });

  it('finding 7: TRACE and other unserved methods get 501 and no stack trace in the log', async () => {
    for (const [method, path] of [
      ['TRACE', '/'],
      ['TRACE', '/api/proxy'],
      ['TRACE', '/mock/auth/oauth2/token'],
      ['PROPFIND', '/authentication/basic/'],
    ] as const) {
      const response = await httpCall(site.origin, path, { method });
      expect(response.status, `${method} ${path}`).toBe(501);
      expect(response.body).not.toMatch(STACK_LINE);
    }
    expect(site.output.join('')).not.toMatch(STACK_LINE);
  });

  it.each(['br;q=0.0000', 'br; q = 0', 'br;q=2'])(
    'finding 8: Accept-Encoding %j does not get brotli',
    async (acceptEncoding) => {
      const response = await httpCall(site.origin, '/authentication/basic/', {
        headers: { 'accept-encoding': acceptEncoding },
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).not.toBe('br');
    },
  );

  it('finding 9: ETags come from content hashes, not modification times', async () => {
    const response = await httpCall(site.origin, '/authentication/basic/', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}-br"$/);
  });
});
