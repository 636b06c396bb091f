import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, fetch } from 'undici';
import { isForbiddenAddress, isLoopbackAddress } from './address.ts';

/** Resolves a host name to its addresses; injectable so tests can simulate hostile DNS. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** Code on the connect error raised when a host resolves to a private or reserved address. */
export const ADDRESS_REFUSED = 'E_PROXY_ADDRESS_REFUSED';

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true });

/**
 * The connect-time address check: every address a name resolves to must be public. A loopback
 * name the operator listed in PLAYGROUND_ALLOWED_ORIGINS (`loopbackHosts`, e.g. `localhost`) must
 * instead resolve to loopback addresses only.
 */
export function guardedLookup(
  resolve: Resolver,
  loopbackHosts: ReadonlySet<string>,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const first = addresses[0];
        const refused = loopbackHosts.has(hostname)
          ? (a: LookupAddress) => !isLoopbackAddress(a.address)
          : (a: LookupAddress) => isForbiddenAddress(a.address);
        if (first === undefined || addresses.some(refused)) {
          callback(
            Object.assign(new Error(`${hostname} resolves to a refused address`), {
              code: ADDRESS_REFUSED,
            }),
            '',
          );
          return;
        }
        if (options.all === true) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), '');
      },
    );
  };
}

/** Options of the Node-side sender. */
export interface UpstreamOptions {
  /** Loopback host names listed in PLAYGROUND_ALLOWED_ORIGINS. */
  loopbackHosts: ReadonlySet<string>;
  resolve?: Resolver;
  timeoutMs: number;
}

/** Sends one request upstream over a guarded agent: TLS verified, redirects never followed. */
export type SendUpstream = (
  url: URL,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string | null;
    signal: AbortSignal;
  },
) => Promise<Response>;

/** Builds the only Node-specific piece of the proxy: `fetch` and `Agent` from the same undici. */
export function createUpstreamSender(options: UpstreamOptions): SendUpstream {
  const agent = new Agent({
    connect: {
      lookup: guardedLookup(options.resolve ?? systemResolver, options.loopbackHosts),
      rejectUnauthorized: true,
      timeout: options.timeoutMs,
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  return async (url, init) =>
    (await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: init.signal,
      dispatcher: agent,
    })) as unknown as Response;
}
