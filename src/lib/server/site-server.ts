/**
 * The production HTTP server, under the timeouts and connection cap of SERVER_LIMITS: POST
 * /api/proxy and /mock/* go straight to their handlers (the same instances the Astro routes use),
 * then the build's precompressed files to clients that accept them, then the Node adapter's
 * standalone handler (static files, pages, API routes).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFastPath } from './fast-path.ts';
import { serverInstances } from './instances.ts';
import { refuseUnservedMethod, SERVER_LIMITS } from './limits.ts';
import { createPrecompressedHandler } from './precompressed.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts the built site from `dist` on `host:port`; resolves once it listens. */
export async function startSiteServer(options: {
  dist: string;
  host: string;
  port: number;
}): Promise<{ server: Server; origin: string }> {
  const dist = resolve(options.dist);
  // The adapter's entry starts its own server on import unless told not to.
  process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
  const entry = (await import(pathToFileURL(join(dist, 'server/entry.mjs')).href)) as {
    handler: NodeHandler;
  };
  const precompressed = createPrecompressedHandler(join(dist, 'client'));
  const fastPath = createFastPath(serverInstances);
  const server = createServer(
    {
      headersTimeout: SERVER_LIMITS.headersTimeoutMs,
      requestTimeout: SERVER_LIMITS.requestTimeoutMs,
      keepAliveTimeout: SERVER_LIMITS.keepAliveTimeoutMs,
      connectionsCheckingInterval: SERVER_LIMITS.connectionsCheckingIntervalMs,
    },
    (req, res) => {
      if (!refuseUnservedMethod(req, res) && !fastPath(req, res) && !precompressed(req, res))
        entry.handler(req, res);
    },
  );
  server.maxConnections = SERVER_LIMITS.maxConnections;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, done);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { server, origin: `http://${host}:${port}` };
}
