import { ProxyError } from './errors.ts';

const FORWARDED_REQUEST_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-type',
  'idempotency-key',
]);
const FORWARDED_REQUEST_PREFIXES = ['sinch-', 'x-sinch-'];

const RETURNED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-disposition',
  'content-language',
  'date',
  'etag',
  'last-modified',
  'location',
  'retry-after',
  'www-authenticate',
  'x-request-id',
  'x-correlation-id',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]);
const RETURNED_RESPONSE_PREFIXES = ['sinch-', 'x-sinch-'];

// Never forwarded, whoever asks: the proxy sets Authorization itself; the rest belong to the hop.
const NEVER_FORWARDED = new Set([
  'authorization',
  'host',
  'cookie',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
  'forwarded',
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
]);
const NEVER_FORWARDED_PREFIXES = ['proxy-', 'x-forwarded-'];

/** False for a header the proxy never forwards, even when a document declares it as an API key. */
export function canForwardHeader(lowerName: string): boolean {
  return (
    !NEVER_FORWARDED.has(lowerName) &&
    !NEVER_FORWARDED_PREFIXES.some((prefix) => lowerName.startsWith(prefix))
  );
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Header values: visible ASCII and Latin-1, spaces and tabs inside; no CR, LF, NUL or other controls.
const FIELD_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

/**
 * Checks the reader's headers against the forwarding allowlist and returns them lower-cased.
 * `apiKeyHeaders` adds the API key headers the target's document declares (lower-cased).
 * Anything else (Host, Cookie, Authorization, hop-by-hop, Proxy-*, Forwarded, X-Forwarded-*,
 * X-HTTP-Method-Override, …) is refused with a message naming the header.
 */
export function filterRequestHeaders(
  headers: Readonly<Record<string, string>>,
  apiKeyHeaders: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value))
      throw new ProxyError('INVALID_HEADER', { field: `headers.${name}` });
    const lower = name.toLowerCase();
    const declaredKey = apiKeyHeaders.has(lower) && canForwardHeader(lower);
    if (
      !declaredKey &&
      !FORWARDED_REQUEST_HEADERS.has(lower) &&
      !FORWARDED_REQUEST_PREFIXES.some((p) => lower.startsWith(p))
    )
      throw new ProxyError('HEADER_NOT_ALLOWED', {
        field: `headers.${name}`,
        detail: `Header "${name}" is not forwarded.`,
      });
    out[lower] = value;
  }
  return out;
}

/**
 * Keeps only the upstream response headers the reader may see (never Set-Cookie or
 * Access-Control-*). Names must already be lower-case, as `Headers` and Node give them.
 */
export function filterResponseHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (
      RETURNED_RESPONSE_HEADERS.has(name) ||
      RETURNED_RESPONSE_PREFIXES.some((p) => name.startsWith(p))
    )
      out[name] = value;
  }
  return out;
}
