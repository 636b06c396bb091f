import { createHmac, timingSafeEqual } from 'node:crypto';
import { base64ToBytes } from '../http/base64.ts';
import type { RateLimitResult } from '../http/rate-limit.ts';
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

const TOKEN_PREFIX = 'mock_';

/** Base64url of an HMAC-SHA256 over `payload`. */
function sign(secret: Uint8Array, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * Self-verifying access tokens: `mock_<key ID>.<expiry>.<signature>`, signed with HMAC-SHA256.
 * Nothing is stored, so no flood of new tokens can push out a reader's live one. Every instance
 * with the same secret accepts the others' tokens.
 */
export class TokenSigner {
  readonly #secret: Uint8Array;

  constructor(secret: Uint8Array) {
    this.#secret = secret;
  }

  /** Issues a token for `keyId`, valid for TOKEN_LIFETIME_SECONDS from `now`. */
  issue(keyId: string, now: number): string {
    const expiresAt = Math.floor(now / 1000) + TOKEN_LIFETIME_SECONDS;
    const payload = `${Buffer.from(keyId).toString('base64url')}.${expiresAt}`;
    return `${TOKEN_PREFIX}${payload}.${sign(this.#secret, payload)}`;
  }

  /** The key ID a token was issued to, or null when it is forged, malformed or expired. */
  keyFor(token: string, now: number): string | null {
    const match = /^mock_([A-Za-z0-9_-]{1,400})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (match === null) return null;
    const [, encodedKey = '', expiry = '', signature = ''] = match;
    const expected = Buffer.from(sign(this.#secret, `${encodedKey}.${expiry}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(expiry) * 1000 <= now) return null;
    return Buffer.from(encodedKey, 'base64url').toString();
  }
}

/** Decoded Basic credentials, or null when the header is missing or malformed. */
export function parseBasic(header: string | null): { keyId: string; keySecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)$/i.exec(header ?? '');
  if (match?.[1] === undefined) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(match[1]));
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

/** Context the mock needs to authorise a call. */
export interface AuthContext {
  tokens: TokenSigner;
  /** Counts one Basic call by the reader for `keyId`. */
  basicLimit: (keyId: string) => Promise<RateLimitResult>;
  now: number;
}

/**
 * Authorises a call for `projectId` (null when the path names no project): Basic (rate limited
 * per reader and key) or a Bearer token from the mock token endpoint (not limited). Gives the
 * key ID when allowed, else the error response.
 */
export async function authorize(
  request: Request,
  projectId: string | null,
  context: AuthContext,
): Promise<{ keyId: string } | { refused: Response }> {
  const header = request.headers.get('authorization');
  let keyId: string;
  if (header !== null && /^Bearer\s/i.test(header)) {
    const fromToken = context.tokens.keyFor(header.replace(/^Bearer\s+/i, ''), context.now);
    if (fromToken === null)
      return { refused: unauthenticated('The access token is unknown or has expired.') };
    keyId = fromToken;
  } else {
    const basic = parseBasic(header);
    if (basic === null)
      return { refused: unauthenticated('Missing or malformed Authorization header.') };
    if (!keyMatches(basic.keyId, basic.keySecret))
      return { refused: unauthenticated('Unknown key ID or wrong key secret.') };
    keyId = basic.keyId;
    const verdict = await context.basicLimit(keyId);
    if (!verdict.allowed)
      return {
        refused: sinchError(
          429,
          'RESOURCE_EXHAUSTED',
          'Too many requests with Basic authentication. Use OAuth2 access tokens for sustained traffic.',
          [],
          { 'Retry-After': String(verdict.retryAfterSeconds) },
        ),
      };
  }
  if (projectId !== null && !(MOCK_KEYS[keyId]?.projects.includes(projectId) ?? false))
    return {
      refused: sinchError(
        403,
        'PERMISSION_DENIED',
        `The key has no access to project ${projectId}.`,
      ),
    };
  return { keyId };
}
