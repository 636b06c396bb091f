import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyEnvelope } from '../../src/lib/proxy/handler.ts';
import {
  callProxy,
  makeProxy,
  proxyBody,
  SITE,
  startUpstream,
  type Upstream,
} from './proxy-support.ts';

const CAP_MS = 1000;
const received: {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}[] = [];
const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));

/** One route per fault; each misbehaves the way its name says. */
const ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/slow-headers': () => undefined,
  '/slow-body': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
  },
  '/reset': (req) => req.socket.destroy(),
  '/redirect': (_, res) => {
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    res.end();
  },
  '/huge': (_, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(1024 * 1024, 97);
    for (let i = 0; i < 10; i += 1) res.write(chunk);
    res.end();
  },
  '/bomb': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(bomb);
  },
  '/gzip-ok': (_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync('{"ok":true}'));
  },
  '/limited': (_, res) => {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' });
    res.end('{"error":"slow down"}');
  },
  '/cookie': (_, res) => {
    res.writeHead(200, {
      'content-type': 'text/plain',
      'set-cookie': 'session=abc; HttpOnly',
      'access-control-allow-origin': '*',
      'x-request-id': 'req-1',
    });
    res.end('hello');
  },
  '/binary': (_, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from([0xff, 0x00, 0xfe]));
  },
};

let upstream: Upstream;
let refusedOrigin: string;
let proxy: ReturnType<typeof makeProxy>;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const route = ROUTES[(req.url ?? '').split('?')[0] ?? ''];
      if (route === undefined) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"echo":true}');
      } else route(req, res);
    });
  });
  const closed = await startUpstream(() => undefined);
  refusedOrigin = closed.origin;
  await closed.close();
  proxy = makeProxy({ extraOrigins: [upstream.origin, refusedOrigin], timeoutMs: CAP_MS });
});
afterAll(() => upstream.close());

async function send(path: string, extra: Record<string, unknown> = {}, origin = upstream.origin) {
  const started = performance.now();
  const response = await callProxy(proxy.handler, proxyBody(`${origin}${path}`, extra));
  return {
    response,
    json: (await response.json()) as ProxyEnvelope & { error: { code: string } },
    elapsed: performance.now() - started,
  };
}

describe('proxy against misbehaving loopback upstreams', () => {
  it.each([
    ['/slow-headers', 504, 'UPSTREAM_TIMEOUT'],
    ['/slow-body', 504, 'UPSTREAM_TIMEOUT'],
    ['/reset', 502, 'UPSTREAM_UNREACHABLE'],
    ['/huge', 502, 'RESPONSE_TOO_LARGE'],
    ['/bomb', 502, 'RESPONSE_TOO_LARGE'],
  ])('%s → %i %s within the time cap', async (path, status, code) => {
    const { response, json, elapsed } = await send(path);
    expect(response.status).toBe(status);
    expect(json.error.code).toBe(code);
    expect(elapsed).toBeLessThan(CAP_MS + 1500);
  });

  it('refused connection → 502 UPSTREAM_UNREACHABLE', async () => {
    const { response, json } = await send('/', {}, refusedOrigin);
    expect(response.status).toBe(502);
    expect(json.error.code).toBe('UPSTREAM_UNREACHABLE');
  });

  it('returns a redirect as data and does not follow it', async () => {
    const before = received.length;
    const { response, json } = await send('/redirect');
    expect(response.status).toBe(200);
    expect(json.status).toBe(302);
    expect(json.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
    expect(received.length).toBe(before + 1);
  });

  it('passes an upstream 429 back with its Retry-After', async () => {
    const { response, json } = await send('/limited');
    expect(response.status).toBe(200);
    expect(json).toMatchObject({
      status: 429,
      headers: { 'retry-after': '42' },
      body: '{"error":"slow down"}',
    });
  });

  it('drops Set-Cookie and CORS headers, keeps allowlisted ones', async () => {
    const { response, json } = await send('/cookie');
    expect(Object.keys(json.headers).sort()).toEqual(['content-type', 'date', 'x-request-id']);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('decompresses a normal gzip response and reports its decompressed size', async () => {
    const { json } = await send('/gzip-ok');
    expect(json).toMatchObject({
      status: 200,
      body: '{"ok":true}',
      bodyEncoding: 'utf8',
      sizeBytes: 11,
      truncated: false,
    });
  });

  it('returns non-UTF-8 bodies as base64', async () => {
    const { json } = await send('/binary');
    expect(json).toMatchObject({ body: '/wD+', bodyEncoding: 'base64', sizeBytes: 3 });
  });

  it('forwards method, body, allowlisted headers and its own Authorization', async () => {
    const { json } = await send('/echo?x=1', {
      method: 'PATCH',
      body: '{"displayName":"a"}',
      headers: { 'Content-Type': 'application/json', 'Sinch-Test': 'yes' },
      auth: { type: 'bearer', token: 'tok-123' },
    });
    expect(json.status).toBe(200);
    const last = received.at(-1);
    expect(last).toMatchObject({ method: 'PATCH', url: '/echo?x=1', body: '{"displayName":"a"}' });
    expect(last?.headers).toMatchObject({
      authorization: 'Bearer tok-123',
      'content-type': 'application/json',
      'sinch-test': 'yes',
    });
    expect(last?.headers.cookie).toBeUndefined();
  });

  it('reaches its own mock in process, without a connection', async () => {
    const before = upstream.connections();
    const response = await callProxy(
      proxy.handler,
      proxyBody(`${SITE}/mock/numbers/v1/projects/demo-project/availableRegions`),
    );
    const json = (await response.json()) as ProxyEnvelope;
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toHaveProperty('availableRegions');
    expect(upstream.connections()).toBe(before);
  });

  it('writes one JSON log line per request without query strings', async () => {
    const { handler, logs } = makeProxy({ extraOrigins: [upstream.origin] });
    await callProxy(handler, proxyBody(`${upstream.origin}/logged?token=abc`));
    await callProxy(handler, proxyBody('https://evil.example/x?y=1'));
    expect(logs.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({
        method: 'GET',
        origin: upstream.origin,
        path: '/logged',
        status: 200,
        error: null,
      }),
      expect.objectContaining({
        method: 'GET',
        origin: null,
        path: null,
        status: null,
        error: 'ORIGIN_NOT_ALLOWED',
      }),
    ]);
    expect(logs.join('\n')).not.toContain('token=abc');
  });
});

describe('proxy rate limit', () => {
  it('answers 429 with Retry-After per client address', async () => {
    const { handler } = makeProxy({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const url = `${SITE}/mock/numbers/v1/projects/demo-project/availableRegions`;
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await callProxy(handler, proxyBody(url), { client: '198.51.100.1' })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await callProxy(handler, proxyBody(url), { client: '198.51.100.1' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await callProxy(handler, proxyBody(url), { client: '198.51.100.2' })).status).toBe(200);
  });
});

describe('callers', () => {
  const mockPath = '/mock/numbers/v1/projects/demo-project/availableRegions';
  it.each([
    [
      'same-origin fetch metadata behind an HTTPS-terminating proxy',
      'https://docs.example.com',
      'same-origin',
      200,
    ],
    ['matching Origin without fetch metadata', SITE, '', 200],
  ])('accepts %s and routes own-origin mock URLs in process', async (_, origin, site, status) => {
    const { handler } = makeProxy();
    const response = await callProxy(handler, proxyBody(`${origin}${mockPath}`), {
      headers: { origin, 'sec-fetch-site': site },
    });
    expect(response.status).toBe(status);
    expect(((await response.json()) as ProxyEnvelope).status).toBe(200);
  });
});
