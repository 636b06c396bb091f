/**
 * Connection-level limits of the production server, chosen to fit the proxy's caps (15 s for a
 * whole proxied exchange, 1 MiB bodies): a caller gets 10 s to send its headers and 30 s for the
 * whole request, so the proxy's own 408/504 answers first and a slow client is cut off soon after.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Server timeouts and connection cap (milliseconds and a count), documented in the README. */
export const SERVER_LIMITS = {
  /** Time to receive the request headers. */
  headersTimeoutMs: 10_000,
  /** Time to receive the whole request, body included. */
  requestTimeoutMs: 30_000,
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: 5_000,
  /** How often Node checks the two timeouts above (its default is 30 s). */
  connectionsCheckingIntervalMs: 1_000,
  /** Connections open at once; more are closed on arrival. */
  maxConnections: 1_000,
} as const;

/** The methods some route of this site answers; anything else never reaches the adapter. */
export const SERVED_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/**
 * Answers a method no route serves (TRACE, CONNECT, WebDAV verbs, …) with 501 and a JSON error,
 * before the adapter, which fails on them with a 500 and a stack trace in the log. Returns false
 * (touching nothing) for served methods.
 */
export function refuseUnservedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (SERVED_METHODS.has(req.method ?? '')) return false;
  res.writeHead(501, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Allow: [...SERVED_METHODS].join(', '),
  });
  res.end(
    JSON.stringify({
      error: {
        code: 'METHOD_NOT_IMPLEMENTED',
        message: 'This server does not implement that method.',
        hint: `Use one of ${[...SERVED_METHODS].join(', ')}.`,
      },
    }),
  );
  return true;
}
