import { afterAll, beforeAll, expect, it } from 'vitest';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { startBuiltSite, type BuiltSite } from '../support/built-site.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { proxyBody } from './proxy-support.ts';

// Two production servers (scripts/serve.ts, separate processes) sharing one real redis-server.
let redis: TestRedis;
let sites: BuiltSite[];

beforeAll(async () => {
  redis = await startRedis();
  const env = {
    PLAYGROUND_REDIS_URL: redis.url,
    PLAYGROUND_RATE_LIMIT: '10',
    MOCK_BASIC_RATE_LIMIT: 'off',
    MOCK_TOKEN_SECRET: 'shared-secret-of-the-test-instances-0123456789',
  };
  sites = await Promise.all([startBuiltSite(env), startBuiltSite(env)]);
}, 300_000);

afterAll(async () => {
  await Promise.all(sites.map((site) => site.stop()));
  await redis.stop();
});

async function health(site: BuiltSite): Promise<string> {
  const response = await fetch(`${site.origin}/api/health`);
  return ((await response.json()) as { status: string }).status;
}

/** One proxied call to the site's own mock; returns the proxy's HTTP status. */
async function call(site: BuiltSite): Promise<number> {
  const response = await fetch(`${site.origin}/api/proxy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site.origin },
    body: JSON.stringify(
      proxyBody(`${site.origin}/mock/numbers/v1/projects/demo-project/availableRegions`),
    ),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Six calls through each instance, alternating; the statuses in order. */
async function sixEach(): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) for (const site of sites) statuses.push(await call(site));
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

it('enforces one combined limit, keeps serving without Redis, and shares again once it is back', async () => {
  for (const site of sites) await expect.poll(() => health(site), { timeout: 15_000 }).toBe('ok');
  const shared = await sixEach();
  expect(count(shared, 429)).toBe(2);
  expect(count(shared, 200)).toBe(10);

  await redis.kill();
  const during: number[] = [];
  for (const site of sites) {
    await expect.poll(() => health(site), { timeout: 15_000 }).toBe('degraded');
    for (let i = 0; i < 3; i += 1) during.push(await call(site));
  }
  // Each instance counts on its own in memory: three calls each stay under the limit of 10.
  expect(during).toEqual([200, 200, 200, 200, 200, 200]);
  for (const site of sites) {
    expect(site.child.exitCode).toBeNull();
    expect(site.output.join('').match(/Redis is unreachable/g)).toHaveLength(1);
  }

  await redis.restart();
  for (const site of sites) await expect.poll(() => health(site), { timeout: 15_000 }).toBe('ok');
  // The restarted Redis is empty: the two instances again share one count of 10.
  const again = await sixEach();
  expect(count(again, 429)).toBe(2);
  expect(count(again, 500)).toBe(0);
}, 120_000);

it('accepts on one instance a mock token issued by the other', async () => {
  const [one, two] = sites as [BuiltSite, BuiltSite];
  const issued = await fetch(`${one.origin}/mock/auth/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: basicAuthorization('demo-key', 'demo-secret'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const used = await fetch(`${two.origin}/mock/numbers/v1/projects/demo-project/availableRegions`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(used.status).toBe(200);
  const forged = await fetch(
    `${two.origin}/mock/numbers/v1/projects/demo-project/availableRegions`,
    { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } },
  );
  expect(forged.status).toBe(401);
});
