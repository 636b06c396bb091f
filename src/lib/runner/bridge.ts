/**
 * Turns a `fetch` call from the sandbox into the proxy request "Send request" would make, and the
 * proxy's answer back into a reply for the sandbox. The sandbox never holds the reader's stored
 * credentials: in environment mode its `process.env` carries placeholders, and only here, on the
 * page side, do they become the real values, in the URL (project ID) and inside the credentials
 * of the `Authorization` header (which becomes the proxy's `auth`, never a forwarded header).
 */
import { ENV } from '../snippets/shared.ts';
import type { Outcome } from '../playground/outcome.ts';
import {
  HTTP_METHODS,
  type Credentials,
  type HttpRequest,
  type RequestAuth,
} from '../request/types.ts';
import type { CredentialMode } from '../snippets/types.ts';
import type { PageMessage, SandboxFetch } from './messages.ts';

/** What the sandbox's `process.env` holds instead of each credential. */
export const ENV_PLACEHOLDERS = {
  [ENV.projectId]: 'runner-placeholder-project-id',
  [ENV.keyId]: 'runner-placeholder-key-id',
  [ENV.keySecret]: 'runner-placeholder-key-secret',
} as const;

/**
 * The sandbox's `process.env`: in environment mode a placeholder for each credential the reader
 * has filled in (so an empty one fails the snippet's own "Set the … variable" check), else empty.
 */
export function sandboxEnv(mode: CredentialMode, credentials: Credentials): Record<string, string> {
  if (mode === 'inline') return {};
  const env: Record<string, string> = {};
  if (credentials.projectId !== '') env[ENV.projectId] = ENV_PLACEHOLDERS[ENV.projectId];
  if (credentials.keyId !== '') env[ENV.keyId] = ENV_PLACEHOLDERS[ENV.keyId];
  if (credentials.keySecret !== '') env[ENV.keySecret] = ENV_PLACEHOLDERS[ENV.keySecret];
  return env;
}

/** Replaces every placeholder in a credential value (key ID, key secret, token) with the real one. */
export function substituteCredentials(value: string, credentials: Credentials): string {
  return value
    .replaceAll(ENV_PLACEHOLDERS[ENV.projectId], credentials.projectId)
    .replaceAll(ENV_PLACEHOLDERS[ENV.keyId], credentials.keyId)
    .replaceAll(ENV_PLACEHOLDERS[ENV.keySecret], credentials.keySecret);
}

/**
 * Replaces the project ID placeholder in a URL with the encoded real project ID. Key placeholders
 * stay as they are: credentials never travel in a URL.
 */
export function substituteUrl(url: string, credentials: Credentials): string {
  return url.replaceAll(ENV_PLACEHOLDERS[ENV.projectId], encodeURIComponent(credentials.projectId));
}

/** Decodes standard base64 to UTF-8 text; null when it is not valid base64 or UTF-8. */
function decodeBase64Utf8(value: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1) return null;
  try {
    const bytes = Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The proxy's `auth` for an `Authorization` header value: Basic credentials (decoded) or a Bearer
 * token, with placeholders replaced; `none` without a header. Other schemes are refused.
 */
export function authFromHeader(
  header: string | undefined,
  credentials: Credentials,
): { ok: true; auth: RequestAuth } | { ok: false; message: string } {
  if (header === undefined) return { ok: true, auth: { type: 'none' } };
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  const value = match?.[2] ?? '';
  if (scheme === 'bearer')
    return { ok: true, auth: { type: 'bearer', token: substituteCredentials(value, credentials) } };
  if (scheme !== 'basic')
    return {
      ok: false,
      message: 'Authorization header: the runner sends Basic credentials or a Bearer token only.',
    };
  const decoded = decodeBase64Utf8(value);
  if (decoded === null)
    return {
      ok: false,
      message: 'Authorization header: the Basic credentials are not valid base64 of UTF-8 text.',
    };
  const colon = decoded.indexOf(':');
  if (colon === -1)
    return {
      ok: false,
      message: 'Authorization header: the Basic credentials need the form "keyId:keySecret".',
    };
  return {
    ok: true,
    auth: {
      type: 'basic',
      username: substituteCredentials(decoded.slice(0, colon), credentials),
      password: substituteCredentials(decoded.slice(colon + 1), credentials),
    },
  };
}

/** The proxy request for a sandbox `fetch` call, or a message naming what is wrong with it. */
export function toProxyRequest(
  call: SandboxFetch,
  credentials: Credentials,
): { ok: true; request: HttpRequest } | { ok: false; message: string } {
  const method = call.method.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    return {
      ok: false,
      message: `method: ${call.method} is not one of ${HTTP_METHODS.join(', ')}.`,
    };
  if (!URL.canParse(call.url))
    return { ok: false, message: `url: "${call.url}" is not an absolute URL.` };
  const headers: Record<string, string> = {};
  let authorization: string | undefined;
  for (const [name, value] of call.headers) {
    if (name.toLowerCase() === 'authorization') authorization = value;
    else headers[name] = value;
  }
  const auth = authFromHeader(authorization, credentials);
  if (!auth.ok) return auth;
  return {
    ok: true,
    request: {
      method: method as HttpRequest['method'],
      url: substituteUrl(call.url, credentials),
      headers,
      body: call.body,
      auth: auth.auth,
    },
  };
}

/** The reply to a sandbox `fetch` call: the upstream response, or why there is none. */
export function replyFor(id: number, outcome: Outcome): PageMessage {
  if (outcome.kind === 'response') {
    const { status, statusText, headers, body, bodyEncoding } = outcome.envelope;
    return { type: 'response', id, status, statusText, headers, body, bodyEncoding };
  }
  if (outcome.kind === 'network') return { type: 'failure', id, message: outcome.message };
  const { code, message, hint } = outcome.error;
  return {
    type: 'failure',
    id,
    message: `The playground proxy refused the request (${code}): ${message}${hint ? ` ${hint}` : ''}`,
  };
}
