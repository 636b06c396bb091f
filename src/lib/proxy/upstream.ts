import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import { Agent } from 'undici';
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

/** An upstream answer with its whole body, already decompressed and within the size cap. */
export interface UpstreamResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Iterable<[string, string]>;
  body: Uint8Array;
}

/** Raised when a body (before or after decompression) would pass the response cap. */
export class ResponseTooLargeError extends Error {
  constructor() {
    super('upstream response exceeds the size cap');
    this.name = 'ResponseTooLargeError';
  }
}

/** Sends one request upstream over a guarded agent: TLS verified, redirects never followed. */
export type SendUpstream = (
  url: URL,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string | Uint8Array | null;
    signal: AbortSignal;
    /** Most bytes the body may have, compressed or not. */
    maxBytes: number;
  },
) => Promise<UpstreamResponse>;

/** The encodings the sender asks for, and the decoders that enforce the cap on their output. */
const DECODERS: Record<string, (input: Uint8Array, options: ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Undoes a single known Content-Encoding within `max` bytes of output; other bodies pass as they are. */
export async function decodeBody(
  encoding: string | undefined,
  bytes: Uint8Array,
  max: number,
): Promise<Uint8Array> {
  const decode = DECODERS[(encoding ?? '').trim().toLowerCase()];
  if (decode === undefined) return bytes;
  try {
    return await decode(bytes, { maxOutputLength: max });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ResponseTooLargeError();
    throw error;
  }
}

/** Reads a Node stream into one buffer, giving up (and destroying it) once `max` bytes arrived. */
async function readStreamCapped(stream: AsyncIterable<Buffer> & { destroy(): void }, max: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > max) {
      stream.destroy();
      throw new ResponseTooLargeError();
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

/**
 * Builds the only Node-specific piece of the proxy on undici's dispatcher API, which costs a
 * fraction of `fetch` per request: no redirects are ever followed (the dispatcher has none),
 * bodies are capped while they stream and again while they are decompressed.
 */
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
  return async (url, init) => {
    const response = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: init.method,
      headers: { ...init.headers, 'accept-encoding': ACCEPT_ENCODING },
      body: init.body,
      signal: init.signal,
    });
    const raw = await readStreamCapped(response.body, init.maxBytes);
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined)
        headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
    const encoding = response.headers['content-encoding'];
    return {
      status: response.statusCode,
      statusText: response.statusText,
      headers,
      body: await decodeBody(
        typeof encoding === 'string' ? encoding : undefined,
        raw,
        init.maxBytes,
      ),
    };
  };
}
