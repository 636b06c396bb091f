import { bytesToBase64 } from '../http/base64.ts';
import { BodyTimeoutError, BodyTooLargeError, MAX_BODY_BYTES, readBody } from '../http/body.ts';
import { createRateLimiter, type RateLimitRule, type RateLimitStore } from '../http/rate-limit.ts';
import { basicAuthorization } from '../request/basic.ts';
import type { ProxyEnvelope } from '../request/proxy-contract.ts';
import type { HttpRequest } from '../request/types.ts';
import { isLoopbackHost } from './address.ts';
import { ProxyError, proxyErrorResponse, proxyJson, type ProxyErrorCode } from './errors.ts';
import { filterRequestHeaders, filterResponseHeaders } from './headers.ts';
import { parseProxyRequest } from './request.ts';
import { logProxyRequest, stdoutSink, type LogSink } from './log.ts';
import { accessKey, NO_DOCUMENT_ACCESS, type DocumentAccess } from './document-access.ts';
import { checkTarget, SINCH_ORIGINS } from './target.ts';
import {
  ADDRESS_REFUSED,
  createUpstreamSender,
  ResponseTooLargeError,
  type Resolver,
  type SendUpstream,
  type UpstreamResponse,
} from './upstream.ts';

/** Re-exported so the proxy's tests keep one import for the envelope they read. */
export type { ProxyEnvelope };

/** Default caps (see the proxy's limits in ARCHITECTURE.md). */
export const PROXY_DEFAULTS = {
  timeoutMs: 15_000,
  maxRequestBytes: MAX_BODY_BYTES,
  maxResponseBytes: 5 * 1024 * 1024,
} as const;

/**
 * This server's mock, called in process for `{own origin}/mock/…` targets. `clientAddress` is
 * the reader's address, so the mock counts and keeps state per reader, not per proxy.
 */
export type InProcessMock = (request: Request, clientAddress: string) => Promise<Response>;

/** Everything the proxy handler needs; tests shrink the caps and inject DNS, mock and log sink. */
export interface ProxyHandlerConfig {
  /** Extra origins from PLAYGROUND_ALLOWED_ORIGINS, on top of the built-in Sinch list. */
  extraOrigins: readonly string[];
  /**
   * The registered documents' origins and declared API key headers (`documentAccess()`), loaded
   * once; none when absent.
   */
  documents?: DocumentAccess | Promise<DocumentAccess>;
  rateLimit: RateLimitRule | null;
  rateLimitStore?: RateLimitStore;
  mock: InProcessMock;
  resolve?: Resolver;
  send?: SendUpstream;
  log?: LogSink;
  timeoutMs?: number;
  maxRequestBytes?: number;
  maxResponseBytes?: number;
}

/** Handles one POST /api/proxy call; `clientAddress` comes from the adapter, never from a header. */
export type ProxyHandler = (request: Request, clientAddress: string) => Promise<Response>;

// Built once: creating decoders per request is measurably slow.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const UTF8 = new TextDecoder();

/** Reads a body under the cap (and deadline), turning a refusal into the proxy error `code`. */
async function readCapped(
  message: Request | Response,
  max: number,
  code: ProxyErrorCode,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  try {
    return await readBody(message, max, signal);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ProxyError(code);
    if (error instanceof BodyTimeoutError) throw new ProxyError('REQUEST_TIMEOUT');
    throw error;
  }
}

/** Text when the bytes are valid UTF-8, base64 otherwise. */
function encodeBody(bytes: Uint8Array): { body: string; bodyEncoding: 'utf8' | 'base64' } {
  try {
    return { body: UTF8_STRICT.decode(bytes), bodyEncoding: 'utf8' };
  } catch {
    return { body: bytesToBase64(bytes), bodyEncoding: 'base64' };
  }
}

/**
 * Refuses callers that are not pages of this site, and bodies that are not JSON. Returns the
 * site's origin as the browser sees it: with `Sec-Fetch-Site: same-origin` (set by the browser,
 * unforgeable by pages) that is the `Origin` header, which stays right behind a reverse proxy
 * that terminates HTTPS; otherwise `Origin` must equal the origin of the request URL. The result
 * only decides which URLs reach the in-process mock, which never opens a connection.
 */
function checkCaller(request: Request): string {
  const urlOrigin = new URL(request.url).origin;
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const sameOrigin = site === null ? origin === urlOrigin : site === 'same-origin';
  if (!sameOrigin) throw new ProxyError('CROSS_SITE_REQUEST');
  const mediaType = (request.headers.get('content-type') ?? '')
    .split(';', 1)[0]
    ?.trim()
    .toLowerCase();
  if (mediaType !== 'application/json') throw new ProxyError('UNSUPPORTED_MEDIA_TYPE');
  return origin ?? urlOrigin;
}

/** The in-process mock's answer in the sender's shape, under the same response cap. */
async function fromMock(response: Response, max: number): Promise<UpstreamResponse> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: await readCapped(response, max, 'RESPONSE_TOO_LARGE'),
  };
}

/** Maps a failed send or body read to a proxy error code. */
function upstreamFailure(error: unknown, timedOut: boolean): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof ResponseTooLargeError) return new ProxyError('RESPONSE_TOO_LARGE');
  if (timedOut) return new ProxyError('UPSTREAM_TIMEOUT');
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (code === ADDRESS_REFUSED) return new ProxyError('ADDRESS_NOT_ALLOWED');
    if (typeof code === 'string' && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
      return new ProxyError('UPSTREAM_TLS_FAILED');
    if (typeof code === 'string' && /TIMEOUT/.test(code)) return new ProxyError('UPSTREAM_TIMEOUT');
    cause = cause.cause;
  }
  return new ProxyError('UPSTREAM_UNREACHABLE');
}

/** The Authorization header the proxy sets itself from `auth`. */
function authorizationHeader(auth: HttpRequest['auth']): Record<string, string> {
  if (auth.type === 'basic')
    return { authorization: basicAuthorization(auth.username, auth.password) };
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {};
}

/**
 * Builds the POST /api/proxy handler: caller checks, rate limit, body cap, schema, target and header
 * allowlists, then one request (in process to the own mock, or over the guarded agent) under a
 * time cap, a response cap after decompression, and a JSON envelope. One log line per call.
 */
export function createProxyHandler(config: ProxyHandlerConfig): ProxyHandler {
  const timeoutMs = config.timeoutMs ?? PROXY_DEFAULTS.timeoutMs;
  const maxRequestBytes = config.maxRequestBytes ?? PROXY_DEFAULTS.maxRequestBytes;
  const maxResponseBytes = config.maxResponseBytes ?? PROXY_DEFAULTS.maxResponseBytes;
  const rules = Promise.resolve(config.documents ?? NO_DOCUMENT_ACCESS).then((access) => ({
    allowed: new Set([...SINCH_ORIGINS, ...config.extraOrigins, ...access.origins]),
    apiKeyHeaders: access.apiKeyHeaders,
  }));
  // A failed load surfaces on the first request (INTERNAL_ERROR), not as an unhandled rejection.
  rules.catch(() => undefined);
  const loopbackHosts = new Set(
    config.extraOrigins
      .map((origin) => new URL(origin).hostname)
      .filter((host) => isLoopbackHost(host)),
  );
  const send =
    config.send ??
    createUpstreamSender({
      loopbackHosts,
      timeoutMs,
      ...(config.resolve === undefined ? {} : { resolve: config.resolve }),
    });
  const limit = createRateLimiter(config.rateLimit, config.rateLimitStore);
  const log = config.log ?? stdoutSink;

  return async (request, clientAddress) => {
    const started = performance.now();
    const entry = {
      method: 'unknown',
      origin: null as string | null,
      path: null as string | null,
      status: null as number | null,
    };
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    let errorCode: string | null = null;
    try {
      const ownOrigin = checkCaller(request);
      const verdict = await limit(`proxy|${clientAddress}`);
      if (!verdict.allowed)
        throw new ProxyError('RATE_LIMITED', { retryAfterSeconds: verdict.retryAfterSeconds });
      const raw = await readCapped(
        request,
        // Base64 bodies take 4/3 of their bytes; the decoded cap is checked after parsing.
        Math.ceil((maxRequestBytes * 4) / 3) + 64 * 1024,
        'REQUEST_TOO_LARGE',
        controller.signal,
      );
      let json: unknown;
      try {
        json = JSON.parse(UTF8.decode(raw));
      } catch {
        throw new ProxyError('INVALID_JSON');
      }
      const parsed = parseProxyRequest(json, maxRequestBytes);
      entry.method = parsed.method;
      const { allowed, apiKeyHeaders } = await rules;
      const target = checkTarget(parsed.url, allowed, ownOrigin);
      entry.origin = target.url.origin;
      entry.path = target.url.pathname;
      const headers = {
        ...filterRequestHeaders(
          parsed.headers,
          apiKeyHeaders.get(accessKey(target.url, target.viaMock)),
        ),
        ...authorizationHeader(parsed.auth),
      };
      let upstream: UpstreamResponse;
      try {
        upstream = target.viaMock
          ? await fromMock(
              await config.mock(
                new Request(target.url, { method: parsed.method, headers, body: parsed.body }),
                clientAddress,
              ),
              maxResponseBytes,
            )
          : await send(target.url, {
              method: parsed.method,
              headers,
              body: parsed.body,
              signal: controller.signal,
              maxBytes: maxResponseBytes,
            });
      } catch (error) {
        throw upstreamFailure(error, controller.signal.aborted);
      }
      entry.status = upstream.status;
      const envelope: ProxyEnvelope = {
        status: upstream.status,
        statusText: upstream.statusText,
        headers: filterResponseHeaders(upstream.headers),
        ...encodeBody(upstream.body),
        durationMs: Math.round(performance.now() - started),
        sizeBytes: upstream.body.byteLength,
        truncated: false,
      };
      return proxyJson(200, envelope);
    } catch (error) {
      const failure = error instanceof ProxyError ? error : new ProxyError('INTERNAL_ERROR');
      errorCode = failure.code;
      return proxyErrorResponse(failure);
    } finally {
      clearTimeout(timer);
      logProxyRequest(log, {
        ...entry,
        durationMs: Math.round(performance.now() - started),
        error: errorCode,
      });
    }
  };
}
