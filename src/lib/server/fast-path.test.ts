import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastPath } from './fast-path.ts';

/** What the handlers received, for the assertions. */
const seen: { handler: string; url: string; client?: string; body: string; contentType: string }[] =
  [];
let failNext = false;

const fastPath = createFastPath(() => ({
  client: (_, socketAddress) => `client ${socketAddress}`,
  proxy: async (request, client) => {
    const body = await request.text();
    seen.push({ handler: 'proxy', url: request.url, client, body, contentType: '' });
    if (failNext) throw new Error('boom');
    return new Response(JSON.stringify({ got: body.length }), {
      status: 201,
      statusText: 'Made',
      headers: [
        ['content-type', 'application/json'],
        ['cache-control', 'no-store'],
      ],
    });
  },
  mock: async (request, client) => {
    seen.push({
      handler: 'mock',
      url: request.url,
      client,
      body: request.method === 'GET' ? '' : await request.text(),
      contentType: request.headers.get('content-type') ?? '',
    });
    return new Response(null, { status: 204, headers: { allow: 'GET' } });
  },
}));

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!fastPath(req, res)) res.writeHead(418).end('fell through');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('createFastPath', () => {
  it.each([
    ['GET /api/proxy', 'GET', '/api/proxy'],
    ['POST /api/proxy with a query', 'POST', '/api/proxy?x=1'],
    ['POST /api/health', 'POST', '/api/health'],
    ['HEAD under /mock/', 'HEAD', '/mock/numbers'],
    ['a page', 'GET', '/authentication/basic/'],
    ['dot segments out of /mock/', 'GET', '/mock/../api/health'],
  ])('leaves %s to the next handler', async (_, method, path) => {
    const before = seen.length;
    // node:http sends the path as written (fetch would resolve the dot segments first).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      httpRequest(`${origin}${path}`, { method }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(418);
    expect(seen.length).toBe(before);
  });

  it('gives the proxy the URL from Host, the client key of the socket address and the body, and writes its answer', async () => {
    const response = await fetch(`${origin}/api/proxy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-length')).toBe('9');
    expect(await response.json()).toEqual({ got: 7 });
    expect(seen.at(-1)).toMatchObject({
      handler: 'proxy',
      url: `${origin}/api/proxy`,
      client: 'client 127.0.0.1',
      body: '{"a":1}',
    });
  });

  it.each([
    ['a body without a declared length', () => new Blob(['x'.repeat(1000)]).stream(), 1000],
    ['a body larger than the in-memory size', () => 'y'.repeat(200_000), 200_000],
  ])('streams %s through to the handler', async (_, body, length) => {
    const response = await fetch(`${origin}/api/proxy`, {
      method: 'POST',
      body: body(),
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toEqual({ got: length });
  });

  it('serves /mock/ paths with every method but HEAD, headers and body intact', async () => {
    const response = await fetch(`${origin}/mock/auth/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET');
    expect(seen.at(-1)).toMatchObject({
      handler: 'mock',
      url: `${origin}/mock/auth/oauth2/token`,
      client: 'client 127.0.0.1',
      body: 'grant_type=client_credentials',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('answers 500 without details when a handler throws', async () => {
    failNext = true;
    try {
      const response = await fetch(`${origin}/api/proxy`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('Internal Server Error');
    } finally {
      failNext = false;
    }
  });
});
