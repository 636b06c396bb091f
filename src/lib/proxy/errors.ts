/** Headers set on every proxy response, success or refusal. */
export const PROXY_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'",
};

interface ProxyErrorEntry {
  status: number;
  message: string;
  hint: string;
}

/** Every way the proxy can refuse or fail, in one table: stable code, HTTP status, message and hint. */
export const PROXY_ERRORS = {
  CROSS_SITE_REQUEST: {
    status: 403,
    message: 'The proxy only answers requests from pages of this site.',
    hint: 'Send the request from the playground on this site, not from another origin or tool.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'The proxy only accepts a JSON request body.',
    hint: 'Set Content-Type: application/json on the call to /api/proxy.',
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    message: 'The request is larger than the proxy accepts (1 MiB).',
    hint: 'Shorten the request body; the playground is meant for small test requests.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    message: 'The request body did not arrive within the time cap (15 s).',
    hint: 'Send the whole request at once; the proxy does not wait for slow uploads.',
  },
  INVALID_JSON: {
    status: 400,
    message: 'The request body is not valid JSON.',
    hint: 'Send a JSON object with method, url, headers, body and auth.',
  },
  INVALID_REQUEST: {
    status: 400,
    message: 'A field of the request is missing or has the wrong type.',
    hint: 'Check the field named in the message against the documented request shape.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'The proxy only sends GET, POST, PUT, PATCH and DELETE.',
    hint: 'Pick one of the allowed methods.',
  },
  INVALID_URL: {
    status: 400,
    message: 'The target URL is not a valid absolute URL.',
    hint: 'Use a full https:// URL of a Sinch API, without spaces or control characters.',
  },
  URL_USERINFO: {
    status: 400,
    message: 'The target URL contains a user name or password before the host.',
    hint: 'Remove the part before "@"; credentials go in the credential fields, never in the URL.',
  },
  URL_PATH_NOT_ALLOWED: {
    status: 400,
    message: 'The target path contains dot segments, backslashes or encoded separators.',
    hint: 'Use a plain path without "..", "%2e", "%2f" or "%5c".',
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: 'The proxy does not send requests to this origin.',
    hint: "Use a Sinch API host over HTTPS or this site's mock under /mock/; other origins must be listed in PLAYGROUND_ALLOWED_ORIGINS.",
  },
  ADDRESS_NOT_ALLOWED: {
    status: 403,
    message: 'The target host resolves to a private or reserved address.',
    hint: 'The proxy only connects to public addresses; check the DNS of the host you configured.',
  },
  HEADER_NOT_ALLOWED: {
    status: 400,
    message: 'A request header is not on the list the proxy forwards.',
    hint: 'Send only Accept, Accept-Language, Content-Type and Sinch-specific headers; the proxy sets Authorization itself.',
  },
  INVALID_HEADER: {
    status: 400,
    message: 'A request header name or value contains characters that cannot be sent.',
    hint: 'Remove line breaks and other control characters from header names and values.',
  },
  BODY_NOT_ALLOWED: {
    status: 400,
    message: 'GET requests cannot carry a body.',
    hint: 'Move the data into query parameters or use POST, PUT or PATCH.',
  },
  INVALID_CREDENTIALS: {
    status: 400,
    message: 'The credentials cannot be sent in an Authorization header.',
    hint: 'Check the field named in the message: no ":" in the key ID, no line breaks or control characters, reasonable length.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests through the playground proxy from your address.',
    hint: 'Wait for the number of seconds in Retry-After, then send again.',
  },
  UPSTREAM_TIMEOUT: {
    status: 504,
    message: 'The API did not answer in time.',
    hint: 'Try again; if it keeps happening the API may be slow or unreachable from this server.',
  },
  UPSTREAM_UNREACHABLE: {
    status: 502,
    message: 'The proxy could not reach the API or the connection broke.',
    hint: 'Check the URL and try again later.',
  },
  UPSTREAM_TLS_FAILED: {
    status: 502,
    message: "The API's TLS certificate could not be verified.",
    hint: "The proxy always verifies certificates; use the API's official host name.",
  },
  RESPONSE_TOO_LARGE: {
    status: 502,
    message: 'The API response is larger than the proxy returns (5 MiB after decompression).',
    hint: 'Ask for less data, for example with a smaller page size.',
  },
  INTERNAL_ERROR: {
    status: 500,
    message: 'The proxy failed unexpectedly.',
    hint: 'Try again; if it persists, report it with the time of the request.',
  },
} as const satisfies Record<string, ProxyErrorEntry>;

/** A stable proxy error code, e.g. `ORIGIN_NOT_ALLOWED`. */
export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

/** Raised inside the proxy pipeline to stop with one table entry; `detail` refines the message. */
export class ProxyError extends Error {
  readonly code: ProxyErrorCode;
  readonly detail: string | undefined;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ProxyErrorCode,
    options: { detail?: string; field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(options.detail ?? PROXY_ERRORS[code].message);
    this.name = 'ProxyError';
    this.code = code;
    this.detail = options.detail;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** JSON response with the proxy's security headers. */
export function proxyJson(
  status: number,
  data: unknown,
  extraHeaders: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...PROXY_SECURITY_HEADERS,
      ...extraHeaders,
    },
  });
}

/** The `{ error: { code, message, hint } }` response for a refusal or upstream failure. */
export function proxyErrorResponse(error: ProxyError): Response {
  const entry = PROXY_ERRORS[error.code];
  const message = error.detail === undefined ? entry.message : `${entry.message} ${error.detail}`;
  const extra: Record<string, string> =
    error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(error.retryAfterSeconds) };
  return proxyJson(
    entry.status,
    {
      error: {
        code: error.code,
        message,
        hint: entry.hint,
        ...(error.field === undefined ? {} : { field: error.field }),
      },
    },
    extra,
  );
}
