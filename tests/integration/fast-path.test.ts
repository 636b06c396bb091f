import { afterAll, beforeAll, expect, it } from 'vitest';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { startBuiltSite, type BuiltSite } from '../support/built-site.ts';
import { proxyBody } from './proxy-support.ts';

// The same requests, in the same order, to two servers of one build with the same environment:
// scripts/serve.ts (the fast path ahead of Astro) and the Node adapter's handler alone (the Astro
// routes). Each server has its own state, so counters and refusals line up request by request.
const ENV = { PLAYGROUND_RATE_LIMIT: '14', MOCK_BASIC_RATE_LIMIT: '4/60s' };
const CONTRACT_HEADERS = [
  'content-type',
  'cache-control',
  'x-content-type-options',
  'content-security-policy',
  'retry-after',
  'www-authenticate',
  'allow',
];
const DEMO = basicAuthorization('demo-key', 'demo-secret');
const REGIONS = '/mock/numbers/v1/projects/demo-project/availableRegions';

let fast: BuiltSite;
let astro: BuiltSite;

beforeAll(async () => {
  [fast, astro] = await Promise.all([
    startBuiltSite(ENV),
    startBuiltSite(ENV, [], 'tests/support/adapter-only-server.ts'),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all([fast.stop(), astro.stop()]);
});

/** One request, described relative to the server it is sent to. */
interface Case {
  name: string;
  path: string;
  init: (origin: string) => RequestInit;
}

const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
const proxyCall = (name: string, body: (origin: string) => unknown, headers = {}): Case => ({
  name,
  path: '/api/proxy',
  init: (origin) => ({
    method: 'POST',
    headers: { ...json, origin, ...headers },
    body: JSON.stringify(body(origin)),
  }),
});

const CASES: Case[] = [
  proxyCall('proxy to the mock', (o) => proxyBody(`${o}${REGIONS}`)),
  proxyCall('proxy to the mock, wrong key', (o) =>
    proxyBody(`${o}${REGIONS}`, { auth: { type: 'basic', username: 'x', password: 'y' } }),
  ),
  proxyCall('proxy, cross-site caller', (o) => proxyBody(`${o}${REGIONS}`), {
    origin: 'https://evil.example',
    'sec-fetch-site': 'cross-site',
  }),
  proxyCall('proxy, not JSON', (o) => proxyBody(`${o}${REGIONS}`), {
    'content-type': 'text/plain',
  }),
  {
    name: 'proxy, malformed JSON',
    path: '/api/proxy',
    init: (origin) => ({ method: 'POST', headers: { ...json, origin }, body: '{"method":' }),
  },
  proxyCall('proxy, origin not allowed', () => proxyBody('https://evil.example.com/v1/x')),
  proxyCall('proxy, CR/LF in the key ID', (o) =>
    proxyBody(`${o}${REGIONS}`, { auth: { type: 'basic', username: 'a\r\nb', password: 'c' } }),
  ),
  {
    name: 'proxy, body over the cap',
    path: '/api/proxy',
    init: (origin) => ({
      method: 'POST',
      headers: { ...json, origin },
      body: JSON.stringify(proxyBody(`${origin}${REGIONS}`, { body: 'x'.repeat(2 * 1024 * 1024) })),
    }),
  },
  {
    name: 'proxy, chunked body without a length',
    path: '/api/proxy',
    init: (origin) => ({
      method: 'POST',
      headers: { ...json, origin },
      body: new Blob([JSON.stringify(proxyBody(`${origin}${REGIONS}`))]).stream(),
      duplex: 'half',
    }),
  },
  { name: 'mock, no credentials', path: REGIONS, init: () => ({}) },
  { name: 'mock, unknown path', path: '/mock/nothing/here', init: () => ({}) },
  {
    name: 'mock, method not allowed',
    path: '/mock/numbers/v1/projects/demo-project/availableNumbers',
    init: () => ({ method: 'POST', headers: { authorization: DEMO } }),
  },
  {
    name: 'mock, token endpoint',
    path: '/mock/auth/oauth2/token',
    init: () => ({
      method: 'POST',
      headers: { authorization: DEMO, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }),
  },
  {
    name: 'mock, token endpoint, wrong grant',
    path: '/mock/auth/oauth2/token',
    init: () => ({
      method: 'POST',
      headers: { authorization: DEMO, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password',
    }),
  },
  // Past the mock's Basic-auth limit (4 per minute, the proxied calls above count too) and then
  // past the proxy's own limit (14 per minute).
  ...Array.from({ length: 4 }, (_, i) => ({
    name: `mock, Basic call ${i + 1}`,
    path: REGIONS,
    init: () => ({ headers: { authorization: DEMO } }),
  })),
  ...Array.from({ length: 8 }, (_, i) =>
    proxyCall(`proxy, call ${i + 1} of a burst`, (o) => proxyBody(`${o}${REGIONS}`)),
  ),
];

/** Status, contract headers and body with what legitimately differs per server blanked out. */
async function answer(site: BuiltSite, test: Case) {
  const response = await fetch(`${site.origin}${test.path}`, test.init(site.origin));
  const headers = Object.fromEntries(
    CONTRACT_HEADERS.map((name) => [name, response.headers.get(name)]),
  );
  // Retry-After counts down from each server's own first hit, a few milliseconds apart.
  if (headers['retry-after'] !== null) headers['retry-after'] = 'present';
  const text = await response.text();
  const body = text
    .replaceAll(site.origin, 'ORIGIN')
    .replace(/"durationMs":\d+/g, '"durationMs":0')
    .replace(/mock_[A-Za-z0-9_.-]+/g, 'TOKEN')
    .replace(/\\"retry-after\\":\\"\d+\\"/gi, '"retry-after":"present"')
    .replace(/"retry-after":"\d+"/gi, '"retry-after":"present"');
  return { status: response.status, headers, body };
}

it('gives the same status, contract headers and body as the Astro routes, refusals included', async () => {
  const statuses = new Set<number>();
  for (const test of CASES) {
    const [viaFastPath, viaAstro] = [await answer(fast, test), await answer(astro, test)];
    expect({ case: test.name, ...viaFastPath }).toEqual({ case: test.name, ...viaAstro });
    statuses.add(viaFastPath.status);
    if (viaFastPath.status === 200 && test.path === '/api/proxy')
      statuses.add((JSON.parse(viaFastPath.body) as { status: number }).status + 1000);
  }
  // The cases really reached the refusals: proxy 400/403/413/415/429, the mock's own
  // 401/404/405/429 (proxied answers are counted as 1000 + their status).
  expect([...statuses].sort()).toEqual(
    expect.arrayContaining([200, 400, 401, 403, 404, 405, 413, 415, 429, 1200, 1401, 1429]),
  );
}, 120_000);
