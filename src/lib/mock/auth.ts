import type { RateLimitResult } from '../proxy/rate-limit.ts';
import { sinchError } from './responses.ts';

/** Demo project and access key that work everywhere in the mock. */
export const DEMO_CREDENTIALS = {
  projectId: 'demo-project',
  keyId: 'demo-key',
  keySecret: 'demo-secret',
} as const;

/**
 * Access keys the mock knows. `other-key` / `other-secret` is valid but belongs to another
 * project, so using it on `demo-project` shows the 403 a key without access gets.
 */
export const MOCK_KEYS: Readonly<Record<string, { secret: string; projects: readonly string[] }>> =
  {
    [DEMO_CREDENTIALS.keyId]: {
      secret: DEMO_CREDENTIALS.keySecret,
      projects: [DEMO_CREDENTIALS.projectId],
    },
    'other-key': { secret: 'other-secret', projects: ['other-project'] },
  };

/** Lifetime of mock access tokens, like Sinch's. */
export const TOKEN_LIFETIME_SECONDS = 3600;

const MAX_TOKENS = 10_000;

/** Access tokens issued by the mock token endpoint; oldest dropped first beyond a fixed count. */
export class TokenStore {
  readonly #tokens = new Map<string, { keyId: string; expiresAt: number }>();

  /** Issues a fresh random token for `keyId`. */
  issue(keyId: string, now: number): string {
    const token = `mock_${crypto.randomUUID().replaceAll('-', '')}`;
    this.#tokens.set(token, { keyId, expiresAt: now + TOKEN_LIFETIME_SECONDS * 1000 });
    if (this.#tokens.size > MAX_TOKENS) {
      const oldest = this.#tokens.keys().next();
      if (oldest.done !== true) this.#tokens.delete(oldest.value);
    }
    return token;
  }

  /** The key ID a live token was issued to, or null. */
  keyFor(token: string, now: number): string | null {
    const entry = this.#tokens.get(token);
    if (entry === undefined || entry.expiresAt <= now) return null;
    return entry.keyId;
  }
}

/** Decoded Basic credentials, or null when the header is missing or malformed. */
export function parseBasic(header: string | null): { keyId: string; keySecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)$/i.exec(header ?? '');
  if (match?.[1] === undefined) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)),
    );
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { keyId: decoded.slice(0, colon), keySecret: decoded.slice(colon + 1) };
}

/** True when a key ID and secret match a known key. */
export function keyMatches(keyId: string, keySecret: string): boolean {
  return Object.hasOwn(MOCK_KEYS, keyId) && MOCK_KEYS[keyId]?.secret === keySecret;
}

const UNAUTHENTICATED_HEADERS = { 'WWW-Authenticate': 'Basic realm="Sinch mock", Bearer' };

/** 401 like Sinch's for missing, unknown or wrong credentials. */
export function unauthenticated(message: string): Response {
  return sinchError(401, 'UNAUTHENTICATED', message, [], UNAUTHENTICATED_HEADERS);
}

/** Context the Numbers handlers need to authorise a call. */
export interface AuthContext {
  tokens: TokenStore;
  basicLimit: (keyId: string) => Promise<RateLimitResult>;
  now: number;
}

/**
 * Authorises a Numbers call for `projectId`: Basic (rate limited per key) or a Bearer token from
 * the mock token endpoint (not limited). Returns null when allowed, else the error response.
 */
export async function authorize(
  request: Request,
  projectId: string,
  context: AuthContext,
): Promise<Response | null> {
  const header = request.headers.get('authorization');
  let keyId: string;
  if (header !== null && /^Bearer\s/i.test(header)) {
    const fromToken = context.tokens.keyFor(header.replace(/^Bearer\s+/i, ''), context.now);
    if (fromToken === null) return unauthenticated('The access token is unknown or has expired.');
    keyId = fromToken;
  } else {
    const basic = parseBasic(header);
    if (basic === null) return unauthenticated('Missing or malformed Authorization header.');
    if (!keyMatches(basic.keyId, basic.keySecret))
      return unauthenticated('Unknown key ID or wrong key secret.');
    keyId = basic.keyId;
    const verdict = await context.basicLimit(keyId);
    if (!verdict.allowed)
      return sinchError(
        429,
        'RESOURCE_EXHAUSTED',
        'Too many requests with Basic authentication. Use OAuth2 access tokens for sustained traffic.',
        [],
        { 'Retry-After': String(verdict.retryAfterSeconds) },
      );
  }
  if (!(MOCK_KEYS[keyId]?.projects.includes(projectId) ?? false))
    return sinchError(403, 'PERMISSION_DENIED', `The key has no access to project ${projectId}.`);
  return null;
}
