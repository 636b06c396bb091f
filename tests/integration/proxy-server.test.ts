import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyEnvelope } from '../../src/lib/proxy/handler.ts';
import { basicAuthorization } from '../../src/lib/request/basic.ts';
import { startBuiltSite, type BuiltSite } from '../support/built-site.ts';
import { proxyBody, startUpstream, type Upstream } from './proxy-support.ts';

const CANARY = 'CANARY-server-9b1e';

let site: BuiltSite;
let SITE: string;
let upstream: Upstream;
let output: string[];

beforeAll(async () => {
  upstream = await startUpstream((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' });
    res.end('{"from":"upstream"}');
  });
  site = await startBuiltSite({
    PLAYGROUND_ALLOWED_ORIGINS: upstream.origin,
    PLAYGROUND_RATE_LIMIT: 'off',
    MOCK_BASIC_RATE_LIMIT: '3/60s',
  });
  SITE = site.origin;
  output = site.output;
}, 180_000);

afterAll(async () => {
  await site.stop();
  await upstream.close();
});

function proxy(body: unknown, origin = SITE): Promise<Response> {
  return fetch(`${SITE}/api/proxy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  });
}

describe('built server', () => {
  it('serves pages and assets precompressed to clients that accept it', async () => {
    const page = await fetch(`${SITE}/authentication/basic/`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('vary')).toBe('Accept-Encoding');
    expect(await page.text()).toContain('Basic authentication');
  });

  it('answers GET /api/health with a small uncached JSON body', async () => {
    const response = await fetch(`${SITE}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${SITE}/api/health`, { method: 'POST' })).status).not.toBe(200);
  });

  it('serves the mock directly under /mock/', async () => {
    const response = await fetch(`${SITE}/mock/numbers/v1/projects/demo-project/availableRegions`, {
      headers: { authorization: basicAuthorization('other-key', 'other-secret') },
    });
    expect(response.status).toBe(403);
  });

  it('answers a form POST to the mock token endpoint from a non-browser client', async () => {
    const response = await fetch(`${SITE}/mock/auth/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization('demo-key', 'demo-secret'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });

  it('proxies to its own mock and to a listed loopback upstream, with the security headers', async () => {
    const mock = await proxy(
      proxyBody(`${SITE}/mock/numbers/v1/projects/demo-project/availableRegions`),
    );
    expect(mock.status).toBe(200);
    expect(mock.headers.get('cache-control')).toBe('no-store');
    expect(mock.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mock.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(((await mock.json()) as ProxyEnvelope).status).toBe(200);
    const up = (await (
      await proxy(proxyBody(`${upstream.origin}/v1?secret=${CANARY}`))
    ).json()) as ProxyEnvelope;
    expect(up).toMatchObject({ status: 200, body: '{"from":"upstream"}' });
    expect(up.headers['set-cookie']).toBeUndefined();
  });

  it('refuses cross-site callers and unlisted origins', async () => {
    expect((await proxy(proxyBody(`${SITE}/mock/x`), 'https://evil.example')).status).toBe(403);
    // An unlisted loopback port: refused by the allowlist before any connection is tried.
    const unlisted = new URL(upstream.origin);
    unlisted.port = String(Number(unlisted.port) === 65535 ? 1 : Number(unlisted.port) + 1);
    const refused = await proxy(proxyBody(unlisted.origin + '/'));
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
  });

  it('applies MOCK_BASIC_RATE_LIMIT to Basic calls but not to OAuth2 Bearer tokens', async () => {
    const url = `${SITE}/mock/numbers/v1/projects/demo-project/availableNumbers?regionCode=GB&type=MOBILE`;
    const token = (await (
      await proxy({
        ...proxyBody(`${SITE}/mock/auth/oauth2/token`),
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      })
    ).json()) as ProxyEnvelope;
    const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push(((await (await proxy(proxyBody(url))).json()) as ProxyEnvelope).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    const limited = (await (await proxy(proxyBody(url))).json()) as ProxyEnvelope;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const bearer = (await (
      await proxy(proxyBody(url, { auth: { type: 'bearer', token: accessToken } }))
    ).json()) as ProxyEnvelope;
    expect(bearer.status).toBe(200);
  });

  it('logs one JSON line per proxied request, without query strings', () => {
    const lines = output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{"time"'))
      .map((line) => JSON.parse(line) as { event: string; path: string | null });
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.every((line) => line.event === 'proxy')).toBe(true);
    expect(output.join('')).not.toContain(CANARY);
  });
});
