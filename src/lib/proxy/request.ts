import { z } from 'astro/zod';
import { validateBasicCredentials } from '../request/basic.ts';
import { HTTP_METHODS, type HttpMethod, type HttpRequest } from '../request/types.ts';
import { ProxyError } from './errors.ts';

const MAX_TOKEN_LENGTH = 4096;
// RFC 6750 b64token.
const BEARER_TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/** Schema of the POST /api/proxy body (the contract in ARCHITECTURE.md); method is checked separately for its own code. */
export const proxyRequestSchema = z.strictObject({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
  bodyEncoding: z.enum(['utf8', 'base64']).optional(),
  auth: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('basic'), username: z.string(), password: z.string() }),
    z.strictObject({ type: z.literal('bearer'), token: z.string() }),
    z.strictObject({ type: z.literal('none') }),
  ]),
});

const BASIC_FIELDS: Record<string, string> = { keyId: 'auth.username', keySecret: 'auth.password' };

/** A checked proxy request, its body decoded to the bytes that go upstream. */
export type ParsedProxyRequest = Omit<HttpRequest, 'body' | 'bodyEncoding'> & {
  body: Uint8Array<ArrayBuffer> | null;
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// RFC 2046 boundary: 1 to 70 characters from bchars, not ending in a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The body's bytes: UTF-8 text as it is, base64 decoded; bad base64 names the field. */
function decodeBody(body: string, encoding: 'utf8' | 'base64'): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf8') return new TextEncoder().encode(body);
  if (!BASE64.test(body))
    throw new ProxyError('INVALID_REQUEST', {
      field: 'body',
      detail: 'Field "body" is not valid base64 (bodyEncoding is "base64").',
    });
  return Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
}

/** Refuses a multipart Content-Type without a well-formed boundary (RFC 2046). */
function checkMultipart(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-type' || !/^\s*multipart\//i.test(value)) continue;
    const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(value);
    const boundary = match?.[1] ?? match?.[2] ?? '';
    if (!BOUNDARY.test(boundary))
      throw new ProxyError('INVALID_HEADER', {
        field: `headers.${name}`,
        detail: `The ${name} header of a multipart body needs a boundary of 1 to 70 allowed characters.`,
      });
  }
}

/**
 * Parses and validates a proxy request body, refusing with a code and the field at fault. The
 * body is decoded (`bodyEncoding`), and its decoded bytes count against `maxBodyBytes`.
 */
export function parseProxyRequest(json: unknown, maxBodyBytes = 1024 * 1024): ParsedProxyRequest {
  const result = proxyRequestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? 'request' : issue.path.join('.');
    throw new ProxyError('INVALID_REQUEST', {
      field,
      detail: `Field "${field}": ${issue?.message ?? 'invalid'}.`,
    });
  }
  const { method, auth, body, bodyEncoding, ...rest } = result.data;
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw new ProxyError('METHOD_NOT_ALLOWED', { field: 'method' });
  if (body !== null && method === 'GET')
    throw new ProxyError('BODY_NOT_ALLOWED', { field: 'body' });
  if (auth.type === 'basic') {
    const [problem] = validateBasicCredentials(auth.username, auth.password);
    if (problem !== undefined)
      throw new ProxyError('INVALID_CREDENTIALS', {
        field: BASIC_FIELDS[problem.field] ?? problem.field,
        detail: problem.message,
      });
  } else if (
    auth.type === 'bearer' &&
    (!BEARER_TOKEN.test(auth.token) || auth.token.length > MAX_TOKEN_LENGTH)
  ) {
    throw new ProxyError('INVALID_CREDENTIALS', {
      field: 'auth.token',
      detail: 'The token must be a single line of letters, digits and -._~+/ characters.',
    });
  }
  checkMultipart(rest.headers);
  const bytes = body === null ? null : decodeBody(body, bodyEncoding ?? 'utf8');
  if (bytes !== null && bytes.byteLength > maxBodyBytes) throw new ProxyError('REQUEST_TOO_LARGE');
  return { ...rest, method: method as HttpMethod, auth, body: bytes };
}
