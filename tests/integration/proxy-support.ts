import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createMockHandler } from '../../src/lib/mock/handler.ts';
import { createProxyHandler, type ProxyHandlerConfig } from '../../src/lib/proxy/handler.ts';

/** The origin the tests pretend the site is served from. */
export const SITE = 'http://localhost:4321';

/** A loopback HTTP server that counts every TCP connection it accepts. */
export interface Upstream {
  origin: string;
  connections: () => number;
  close: () => Promise<void>;
}

/** Starts a loopback server on a random port; `handle` answers (or misbehaves on) each request. */
export async function startUpstream(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Upstream> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer(handle);
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A proxy handler wired like the route, with a fresh mock, captured logs and optional overrides. */
export function makeProxy(overrides: Partial<ProxyHandlerConfig> = {}) {
  const logs: string[] = [];
  const handler = createProxyHandler({
    extraOrigins: [],
    rateLimit: null,
    mock: createMockHandler({ basicRateLimit: null }),
    log: (line) => logs.push(line),
    ...overrides,
  });
  return { handler, logs };
}

/** Calls the proxy handler the way the playground does: same-origin JSON POST. */
export function callProxy(
  handler: ReturnType<typeof makeProxy>['handler'],
  body: unknown,
  options: { headers?: Record<string, string>; raw?: string; client?: string } = {},
): Promise<Response> {
  // An empty string in `options.headers` leaves that header out.
  const headers = Object.entries({
    'content-type': 'application/json',
    origin: SITE,
    'sec-fetch-site': 'same-origin',
    ...options.headers,
  }).filter(([, value]) => value !== '');
  return handler(
    new Request(`${SITE}/api/proxy`, {
      method: 'POST',
      headers,
      body: options.raw ?? JSON.stringify(body),
    }),
    options.client ?? '203.0.113.7',
  );
}

/** A valid proxy request body for `url`, with Basic demo-style credentials unless given. */
export function proxyBody(
  url: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    method: 'GET',
    url,
    headers: { Accept: 'application/json' },
    body: null,
    auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
    ...extra,
  };
}

/** Serves a proxy-style handler over real HTTP on a random loopback port, like the adapter does. */
export async function serveHandler(
  handler: (request: Request, clientAddress: string) => Promise<Response>,
): Promise<Upstream> {
  return startUpstream((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length === 0 ? {} : { body: Buffer.concat(chunks) }),
      });
      void handler(request, req.socket.remoteAddress ?? '').then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
}
