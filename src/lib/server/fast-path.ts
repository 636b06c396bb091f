/**
 * POST /api/proxy and /mock/* straight from Node's server to the same handler instances the Astro
 * routes call, skipping the router and its per-request work. Anything unusual (no Host the URL
 * parser accepts, HEAD, a closed socket) is left to Astro, which answers it as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ServerInstances } from './instances.ts';

/** The handlers the fast path serves, looked up per request (they are built on first use). */
export type FastPathHandlers = () => Pick<ServerInstances, 'proxy' | 'mock' | 'client'>;

/** The web Request Astro's Node adapter would build for `req`, with the same URL and headers. */
function toRequest(req: IncomingMessage, url: URL): Request {
  // From Node's parsed headers, as the adapter does: duplicates are merged or dropped alike.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (typeof value === 'string') headers.append(name, value);
    else for (const item of value) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET') return new Request(url, { method, headers });
  // The body streams through (undici takes an async iterable), so the handler's capped,
  // deadline-aware reader stops a large or slow body as it does on the Astro route.
  const init = { method, headers, body: req, duplex: 'half' };
  return new Request(url, init as unknown as RequestInit);
}

/** Writes a web Response to Node's response in one go (our handlers' bodies are in memory). */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  const headers: string[] = [];
  for (const [name, value] of response.headers) headers.push(name, value);
  if (body !== null && !response.headers.has('content-length'))
    headers.push('content-length', String(body.byteLength));
  if (response.statusText === '') res.writeHead(response.status, headers);
  else res.writeHead(response.status, response.statusText, headers);
  res.end(body);
}

/**
 * A Node request listener step: serves the request and returns true when it is POST /api/proxy or
 * under /mock/, returns false (touching nothing) otherwise.
 */
export function createFastPath(
  handlers: FastPathHandlers,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = req.url ?? '';
    const proxyCall = req.method === 'POST' && (path === '/api/proxy' || path === '/api/proxy/');
    if (!proxyCall && !path.startsWith('/mock/')) return false;
    if (req.method === 'HEAD') return false;
    const socketAddress = req.socket.remoteAddress;
    const host = req.headers.host;
    if (socketAddress === undefined || host === undefined) return false;
    const protocol = (req.socket as Partial<TLSSocket>).encrypted === true ? 'https' : 'http';
    let url: URL;
    try {
      url = new URL(`${protocol}://${host}${path}`);
    } catch {
      return false;
    }
    // Dot segments can move a /mock/ path elsewhere: only paths that stay put are served here.
    if (!proxyCall && !url.pathname.startsWith('/mock/')) return false;
    void (async () => {
      try {
        const request = toRequest(req, url);
        // The same client key the Astro routes compute from the adapter's clientAddress.
        const { proxy, mock, client } = handlers();
        const key = client(request, socketAddress);
        await writeResponse(res, await (proxyCall ? proxy(request, key) : mock(request, key)));
      } catch {
        if (res.headersSent) res.destroy();
        else res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      }
    })();
    return true;
  };
}
