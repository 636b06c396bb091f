// Findings of the abuse review against the mock and the proxy's path to it, in process: each case
// failed before the mock kept per-reader state, signed its tokens and capped its bodies.
import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../../src/lib/http/store.ts';
import { createMockHandler, type MockHandler } from '../../src/lib/mock/handler.ts';
import type { ProxyEnvelope } from '../../src/lib/proxy/handler.ts';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { callProxy, makeProxy, proxyBody, SITE, startUpstream } from './proxy-support.ts';

const MOCK = `${SITE}/mock`;
const NUMBERS = `${MOCK}/numbers/v1/projects/demo-project`;
const DEMO = basicAuthorization('demo-key', 'demo-secret');
const FIRST_NUMBER = '%2B12025550100';

/** A request whose body is `size` bytes in 64 KiB chunks, counting the chunks pulled. */
function bigBody(
  url: string,
  size: number,
  init: { method: string; headers: Record<string, string> },
) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled * chunk.byteLength >= size) controller.close();
        else {
          pulled += 1;
          controller.enqueue(chunk);
        }
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(url, { ...init, body, duplex: 'half' } as RequestInit);
  return { request, pulledBytes: () => pulled * chunk.byteLength };
}

function token(mock: MockHandler, client: string, authorization = DEMO): Promise<Response> {
  return mock(
    new Request(`${MOCK}/auth/oauth2/token`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }),
    client,
  );
}

function patch(mock: MockHandler, client: string, body: string): Promise<Response> {
  return mock(
    new Request(`${NUMBERS}/activeNumbers/${FIRST_NUMBER}`, {
      method: 'PATCH',
      headers: { authorization: DEMO, 'content-type': 'application/json' },
      body,
    }),
    client,
  );
}

async function listActive(mock: MockHandler, client: string, authorization = DEMO) {
  const response = await mock(
    new Request(`${NUMBERS}/activeNumbers?pageSize=1`, { headers: { authorization } }),
    client,
  );
  return {
    status: response.status,
    body: (await response.json()) as { activeNumbers?: { displayName: string }[] },
  };
}

describe('finding 1: no body cap on /mock/', () => {
  it.each([
    [
      'the token endpoint',
      `${MOCK}/auth/oauth2/token`,
      'POST',
      'application/x-www-form-urlencoded',
    ],
    [
      'an active number PATCH',
      `${NUMBERS}/activeNumbers/${FIRST_NUMBER}`,
      'PATCH',
      'application/json',
    ],
  ])(
    'refuses a 16 MiB body to %s with 413 after reading little more than 1 MiB',
    async (_, url, method, type) => {
      const mock = createMockHandler({ basicRateLimit: null });
      const { request, pulledBytes } = bigBody(url, 16 * 1024 * 1024, {
        method,
        headers: { authorization: DEMO, 'content-type': type },
      });
      const response = await mock(request, '198.51.100.1');
      expect(response.status).toBe(413);
      expect(pulledBytes()).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
    },
  );
});

describe('finding 2: one reader breaks the shared demo for everyone', () => {
  it('keeps each reader’s edits to that reader; the others see the pristine data', async () => {
    const mock = createMockHandler({ basicRateLimit: null });
    const pristine = (await listActive(mock, '198.51.100.2')).body.activeNumbers?.[0]?.displayName;
    expect((await patch(mock, '198.51.100.1', '{"displayName":"Mine"}')).status).toBe(200);
    expect((await listActive(mock, '198.51.100.1')).body.activeNumbers?.[0]?.displayName).toBe(
      'Mine',
    );
    expect((await listActive(mock, '198.51.100.2')).body.activeNumbers?.[0]?.displayName).toBe(
      pristine,
    );
    const otherKey = await listActive(
      mock,
      '198.51.100.1',
      basicAuthorization('other-key', 'other-secret'),
    );
    expect(otherKey.status).toBe(403);
  });

  it.each([
    [
      'a 6 MiB callbackUrl',
      JSON.stringify({ callbackUrl: `https://x.example/${'a'.repeat(6 * 1024 * 1024)}` }),
      413,
    ],
    [
      'a 1 MB servicePlanId',
      JSON.stringify({ smsConfiguration: { servicePlanId: 'p'.repeat(1_000_000) } }),
      400,
    ],
    [
      'a 600-character callbackUrl',
      JSON.stringify({ callbackUrl: `https://x.example/${'a'.repeat(600)}` }),
      400,
    ],
    ['a 101-character displayName', JSON.stringify({ displayName: 'd'.repeat(101) }), 400],
    [
      'a 65-character campaignId',
      JSON.stringify({ smsConfiguration: { servicePlanId: 'p', campaignId: 'c'.repeat(65) } }),
      400,
    ],
  ])('refuses %s and every reader can still list numbers', async (_, body, status) => {
    const mock = createMockHandler({ basicRateLimit: null });
    expect((await patch(mock, '198.51.100.1', body)).status).toBe(status);
    expect((await listActive(mock, '198.51.100.1')).status).toBe(200);
    expect((await listActive(mock, '198.51.100.2')).status).toBe(200);
  });

  it('through the proxy: six 1 MB servicePlanIds leave "list active numbers" working for everyone', async () => {
    const { handler } = makeProxy();
    const url = `${NUMBERS}/activeNumbers/${FIRST_NUMBER}`;
    for (let i = 0; i < 6; i += 1) {
      const response = await callProxy(
        handler,
        proxyBody(url, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            smsConfiguration: { servicePlanId: String(i).repeat(1_000_000) },
          }),
        }),
        { client: '198.51.100.1' },
      );
      expect(((await response.json()) as ProxyEnvelope).status).toBe(400);
    }
    for (const client of ['198.51.100.1', '198.51.100.2']) {
      const listed = (await (
        await callProxy(handler, proxyBody(`${NUMBERS}/activeNumbers`), { client })
      ).json()) as ProxyEnvelope;
      expect(listed.status).toBe(200);
    }
  });
});

describe('finding 3: anyone can log every reader out of OAuth2', () => {
  it('a flood of 10,001 tokens for another key leaves the victim’s token valid', async () => {
    const mock = createMockHandler({ basicRateLimit: null, tokenRateLimit: null });
    const victim = ((await (await token(mock, '198.51.100.1')).json()) as { access_token: string })
      .access_token;
    const other = basicAuthorization('other-key', 'other-secret');
    for (let i = 0; i < 10_001; i += 1) await token(mock, '198.51.100.66', other);
    const response = await mock(
      new Request(`${NUMBERS}/availableRegions`, {
        headers: { authorization: `Bearer ${victim}` },
      }),
      '198.51.100.1',
    );
    expect(response.status).toBe(200);
  });

  it('limits token issuance per reader, not for everyone', async () => {
    const mock = createMockHandler({
      basicRateLimit: null,
      tokenRateLimit: { limit: 3, windowMs: 60_000 },
    });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await token(mock, '198.51.100.66')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await token(mock, '198.51.100.1')).status).toBe(200);
  });

  it('refuses forged, altered and expired tokens', async () => {
    let now = Date.now();
    const mock = createMockHandler({ basicRateLimit: null, clock: () => now });
    const real = ((await (await token(mock, '198.51.100.1')).json()) as { access_token: string })
      .access_token;
    const other = createMockHandler({ basicRateLimit: null });
    const foreign = (
      (await (await token(other, '198.51.100.1')).json()) as { access_token: string }
    ).access_token;
    const [prefix = '', , signature = ''] = real.split('.');
    const forged = `${prefix}.${Math.floor(now / 1000) + 999_999}.${signature}`;
    const status = async (bearer: string) =>
      (
        await mock(
          new Request(`${NUMBERS}/availableRegions`, {
            headers: { authorization: `Bearer ${bearer}` },
          }),
          '198.51.100.1',
        )
      ).status;
    expect(await status(real)).toBe(200);
    expect(await status(foreign)).toBe(401);
    expect(await status(forged)).toBe(401);
    now += 3600 * 1000;
    expect(await status(real)).toBe(401);
  });
});

describe('finding 4: one client locks everyone out of Basic', () => {
  it('counts Basic calls per reader and key, directly and through the proxy', async () => {
    const mock = createMockHandler({ basicRateLimit: { limit: 10, windowMs: 60_000 } });
    const call = (client: string) =>
      mock(
        new Request(`${NUMBERS}/availableRegions`, { headers: { authorization: DEMO } }),
        client,
      );
    for (let i = 0; i < 11; i += 1) await call('198.51.100.66');
    expect((await call('198.51.100.66')).status).toBe(429);
    expect((await call('198.51.100.1')).status).toBe(200);

    const { handler } = makeProxy({ mock });
    const viaProxy = async (client: string) =>
      (
        (await (
          await callProxy(handler, proxyBody(`${NUMBERS}/availableRegions`), { client })
        ).json()) as ProxyEnvelope
      ).status;
    expect(await viaProxy('198.51.100.66')).toBe(429);
    expect(await viaProxy('198.51.100.2')).toBe(200);
  });
});

describe('finding 5: slow clients hold the proxy', () => {
  it('answers 408 when the caller’s body does not arrive within the time cap', async () => {
    const { handler } = makeProxy({ timeoutMs: 300 });
    const encoder = new TextEncoder();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sent += 1;
        if (sent > 100) controller.close();
        else controller.enqueue(encoder.encode(' '));
      },
    });
    const started = performance.now();
    const response = await handler(
      new Request(`${SITE}/api/proxy`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: SITE,
          'sec-fetch-site': 'same-origin',
        },
        body,
        duplex: 'half',
      } as RequestInit),
      '198.51.100.1',
    );
    expect(response.status).toBe(408);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'REQUEST_TIMEOUT',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('finding 9: a listed loopback name resolving to an IPv4-mapped loopback address', () => {
  it('reaches the upstream', async () => {
    const upstream = await startUpstream((_, res) => res.end('reached'));
    try {
      const port = new URL(upstream.origin).port;
      const { handler } = makeProxy({
        extraOrigins: [`http://localhost:${port}`],
        resolve: () => Promise.resolve([{ address: '::ffff:127.0.0.1', family: 6 }]),
      });
      const response = await callProxy(handler, proxyBody(`http://localhost:${port}/`));
      expect(((await response.json()) as ProxyEnvelope).body).toBe('reached');
    } finally {
      await upstream.close();
    }
  });
});

describe('finding 7: client errors never become server errors', () => {
  /** A request whose body breaks off after a few bytes, as when the client disconnects. */
  const brokenBody = (url: string, method: string, type: string) =>
    new Request(url, {
      method,
      headers: { authorization: DEMO, 'content-type': type },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"disp'));
          controller.error(new Error('connection reset'));
        },
      }),
      duplex: 'half',
    } as RequestInit);

  it.each([
    ['token endpoint', `${MOCK}/auth/oauth2/token`, 'POST', 'application/x-www-form-urlencoded'],
    ['PATCH', `${NUMBERS}/activeNumbers/${FIRST_NUMBER}`, 'PATCH', 'application/json'],
  ])('a body broken off mid-way to the %s gets 400', async (_, url, method, type) => {
    const mock = createMockHandler({ basicRateLimit: null });
    expect((await mock(brokenBody(url, method, type), '198.51.100.1')).status).toBe(400);
  });

  it('edits beyond what the store keeps for one reader get 400, not 500', async () => {
    const mock = createMockHandler({
      basicRateLimit: null,
      stateStore: new MemoryKeyValueStore({ maxEntries: 10, maxValueLength: 100 }),
    });
    const response = await patch(
      mock,
      '198.51.100.1',
      JSON.stringify({ displayName: 'd'.repeat(100) }),
    );
    expect(response.status).toBe(400);
  });
});
