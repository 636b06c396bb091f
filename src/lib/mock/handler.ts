import { createRateLimiter, type RateLimitRule, type RateLimitStore } from '../proxy/rate-limit.ts';
import { authorize, keyMatches, parseBasic, TOKEN_LIFETIME_SECONDS, TokenStore } from './auth.ts';
import { initialActiveNumbers, type MockActiveNumber } from './data.ts';
import {
  getAvailableNumber,
  listActiveNumbers,
  listAvailableNumbers,
  listAvailableRegions,
  updateActiveNumber,
} from './numbers.ts';
import { json, notFound, sinchError } from './responses.ts';

/** Settings of one mock instance. */
export interface MockConfig {
  /** Basic-auth limit per key (MOCK_BASIC_RATE_LIMIT); null turns it off. */
  basicRateLimit: RateLimitRule | null;
  /** Where those counters live; this process's memory when absent. */
  basicRateLimitStore?: RateLimitStore;
  clock?: () => number;
}

/** The embedded mock: takes a web Request for a `/mock/…` URL and answers like Sinch. */
export type MockHandler = (request: Request) => Promise<Response>;

const NUMBERS_ROUTE =
  /^\/mock\/numbers\/v1\/projects\/([^/]+)\/(availableNumbers|availableRegions|activeNumbers)(?:\/([^/]+))?$/;

/** Percent-decodes a path segment, or null when it is malformed. */
function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** POST /mock/auth/oauth2/token: client credentials from Basic auth or the form body. */
async function issueToken(request: Request, tokens: TokenStore, now: number): Promise<Response> {
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    return json(400, { error: 'invalid_request', error_description: 'Send a form-encoded body.' });
  const form = new URLSearchParams(await request.text());
  if (form.get('grant_type') !== 'client_credentials')
    return json(400, {
      error: 'unsupported_grant_type',
      error_description: 'Only client_credentials is supported.',
    });
  const basic = parseBasic(request.headers.get('authorization'));
  const keyId = basic?.keyId ?? form.get('client_id') ?? '';
  const keySecret = basic?.keySecret ?? form.get('client_secret') ?? '';
  if (!keyMatches(keyId, keySecret))
    return json(
      401,
      { error: 'invalid_client', error_description: 'Unknown key ID or wrong key secret.' },
      { 'WWW-Authenticate': 'Basic realm="Sinch mock"' },
    );
  return json(200, {
    access_token: tokens.issue(keyId, now),
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    scope: '',
  });
}

/** Builds a mock with its own state (issued tokens, rate-limit counters, edits to active numbers). */
export function createMockHandler(config: MockConfig): MockHandler {
  const clock = config.clock ?? Date.now;
  const tokens = new TokenStore();
  const basicLimit = createRateLimiter(config.basicRateLimit, config.basicRateLimitStore, clock);
  const projects = new Map<string, MockActiveNumber[]>();
  const activeNumbersOf = (projectId: string): MockActiveNumber[] => {
    let numbers = projects.get(projectId);
    if (numbers === undefined) {
      numbers = initialActiveNumbers(projectId);
      projects.set(projectId, numbers);
    }
    return numbers;
  };

  return async (request) => {
    const url = new URL(request.url);
    const now = clock();
    if (url.pathname === '/mock/auth/oauth2/token') {
      if (request.method !== 'POST')
        return json(405, { error: 'invalid_request' }, { Allow: 'POST' });
      return issueToken(request, tokens, now);
    }
    const route = NUMBERS_ROUTE.exec(url.pathname);
    if (route === null) return sinchError(404, 'NOT_FOUND', `No mock endpoint at ${url.pathname}.`);
    const [, rawProject = '', collection, rawNumber] = route;
    const projectId = safeDecode(rawProject);
    const phoneNumber = rawNumber === undefined ? undefined : safeDecode(rawNumber);
    if (projectId === null || phoneNumber === null)
      return sinchError(404, 'NOT_FOUND', 'Malformed path segment.');
    const allowed =
      phoneNumber !== undefined && collection === 'activeNumbers' ? ['GET', 'PATCH'] : ['GET'];
    if (
      !allowed.includes(request.method) ||
      (collection === 'availableRegions' && phoneNumber !== undefined)
    )
      return sinchError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not supported here.`, [], {
        Allow: allowed.join(', '),
      });
    const refused = await authorize(request, projectId, { tokens, basicLimit, now });
    if (refused !== null) return refused;
    const rented = new Set(activeNumbersOf(projectId).map((n) => n.phoneNumber));
    if (collection === 'availableRegions') return listAvailableRegions(url.searchParams);
    if (collection === 'availableNumbers')
      return phoneNumber === undefined
        ? listAvailableNumbers(url.searchParams, rented)
        : getAvailableNumber(phoneNumber, rented);
    if (phoneNumber === undefined)
      return listActiveNumbers(url.searchParams, activeNumbersOf(projectId));
    const number = activeNumbersOf(projectId).find((n) => n.phoneNumber === phoneNumber);
    if (number === undefined) return notFound('ActiveNumber', phoneNumber);
    return request.method === 'PATCH' ? updateActiveNumber(request, number) : json(200, number);
  };
}
