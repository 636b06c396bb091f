import { randomBytes } from 'node:crypto';
import { BodyTooLargeError, MAX_BODY_BYTES, readBodyText } from '../http/body.ts';
import {
  createRateLimiter,
  MemoryRateLimitStore,
  type RateLimitResult,
  type RateLimitRule,
  type RateLimitStore,
} from '../http/rate-limit.ts';
import { MemoryKeyValueStore, type KeyValueStore } from '../http/store.ts';
import { authorize, keyMatches, parseBasic, TOKEN_LIFETIME_SECONDS, TokenSigner } from './auth.ts';
import { initialActiveNumbers, type ActiveNumberEdits, type MockActiveNumber } from './data.ts';
import {
  buildRoutes,
  matchRoute,
  unknownHostValue,
  type MockApi,
  type RouteMatch,
} from './generic.ts';
import {
  getAvailableNumber,
  listActiveNumbers,
  listAvailableNumbers,
  listAvailableRegions,
  parseActiveNumberUpdate,
} from './numbers.ts';
import { invalidArgument, json, notFound, sinchError, type FieldViolation } from './responses.ts';
import { BodyValidator, parameterViolations } from './validate.ts';
import { addWrite, listWithWrites, overlay, parseWrites, safeDecode } from './writes.ts';

/** Settings of one mock instance; the composition root fills them from the environment. */
export interface MockConfig {
  /** Basic-auth limit per reader and key (MOCK_BASIC_RATE_LIMIT); null turns it off. */
  basicRateLimit: RateLimitRule | null;
  /** Token issuance limit per reader (MOCK_TOKEN_RATE_LIMIT); null turns it off. */
  tokenRateLimit?: RateLimitRule | null;
  /** Signs access tokens (MOCK_TOKEN_SECRET); random per process when absent. */
  tokenSecret?: Uint8Array;
  /** Where the rate-limit counters live; in memory by default. */
  rateLimitStore?: RateLimitStore;
  /** Where each reader's edits live; in memory (bounded) by default. */
  stateStore?: KeyValueStore;
  /**
   * The registered APIs whose every operation the mock answers (loaded once, at start-up); the
   * hand-written Numbers and token endpoints are served without them.
   */
  apis?: Promise<readonly MockApi[]>;
  clock?: () => number;
}

/**
 * The embedded mock: takes a web Request for a `/mock/…` URL and the reader's address (from the
 * server, never from a header) and answers like Sinch.
 */
export type MockHandler = (request: Request, clientAddress: string) => Promise<Response>;

/** Default limit on tokens issued per reader. */
export const DEFAULT_TOKEN_RATE_LIMIT: RateLimitRule = { limit: 30, windowMs: 60_000 };

/** How long a reader's edits live after their last write. */
export const EDITS_TTL_MS = 60 * 60 * 1000;

/**
 * Bounds of the default in-memory state store: readers (address, key and project) held at once,
 * and the longest value (every active number edited with every field at its longest fits).
 */
export const STATE_LIMITS = { maxEntries: 500, maxValueLength: 64 * 1024 } as const;

/** Operations served by the hand-written Numbers handlers below, not by the generic layer. */
export const HAND_WRITTEN_OPERATIONS: ReadonlySet<string> = new Set([
  'listAvailableNumbers',
  'getAvailableNumber',
  'listAvailableRegions',
  'listActiveNumbers',
  'getActiveNumber',
  'updateActiveNumber',
  'getAccessToken',
]);

const NUMBERS_ROUTE =
  /^\/mock\/numbers\/v1\/projects\/([^/]+)\/(availableNumbers|availableRegions|activeNumbers)(?:\/([^/]+))?$/;

/** The mock's 413, in the Numbers API's error shape. */
function bodyTooLarge(): Response {
  return sinchError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
  );
}

/**
 * The body as text under the cap, or why not: larger than the cap, or broken off by the client
 * (a client error, answered without a stack trace in the log).
 */
async function readCappedText(
  request: Request,
): Promise<{ text: string } | { problem: 'too large' | 'unreadable' }> {
  try {
    return { text: await readBodyText(request, MAX_BODY_BYTES) };
  } catch (error) {
    return { problem: error instanceof BodyTooLargeError ? 'too large' : 'unreadable' };
  }
}

/** POST /mock/auth/oauth2/token: client credentials from Basic auth or the form body. */
async function issueToken(request: Request, tokens: TokenSigner, now: number): Promise<Response> {
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    return json(400, { error: 'invalid_request', error_description: 'Send a form-encoded body.' });
  const body = await readCappedText(request);
  if ('problem' in body)
    return body.problem === 'too large'
      ? json(413, {
          error: 'invalid_request',
          error_description: `The body is larger than ${MAX_BODY_BYTES} bytes.`,
        })
      : json(400, { error: 'invalid_request', error_description: 'The body could not be read.' });
  const form = new URLSearchParams(body.text);
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

/** Applies a reader's edits to the pristine numbers of a project. */
function withEdits(
  numbers: MockActiveNumber[],
  edits: Readonly<Record<string, ActiveNumberEdits>>,
): MockActiveNumber[] {
  return numbers.map((n) =>
    Object.hasOwn(edits, n.phoneNumber) ? { ...n, ...edits[n.phoneNumber] } : n,
  );
}

/** A JSON value, bytes or text as a response of the given media type; no body for a null type. */
function cannedResponse(status: number, contentType: string | null, body: unknown): Response {
  if (contentType === null) return new Response(null, { status });
  const payload =
    body instanceof Uint8Array
      ? new Uint8Array(body)
      : /json/i.test(contentType)
        ? JSON.stringify(body)
        : String(body);
  return new Response(payload, { status, headers: { 'Content-Type': contentType } });
}

/** What the generic layer needs from the mock it runs in. */
interface GenericContext {
  tokens: TokenSigner;
  /** Counts one Basic call under a limiter key. */
  basicLimit: (counterKey: string) => Promise<RateLimitResult>;
  state: KeyValueStore;
  validator: BodyValidator;
}

/**
 * Answers one request routed to a documented operation: authenticates as the document asks,
 * validates parameters and body (400 naming each field), then answers the document's example,
 * or what this reader wrote or deleted at the same path.
 */
async function answerOperation(
  match: RouteMatch,
  request: Request,
  url: URL,
  clientAddress: string,
  now: number,
  context: GenericContext,
): Promise<Response> {
  if ('malformed' in match) return sinchError(404, 'NOT_FOUND', 'Malformed path segment.');
  if ('allow' in match)
    return sinchError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not supported here.`, [], {
      Allow: match.allow.join(', '),
    });
  const { route, params } = match;
  const { operation } = route;
  const unknownHost = unknownHostValue(operation, params);
  if (unknownHost !== null) return sinchError(404, 'NOT_FOUND', unknownHost);
  const projectId = params['projectId'] ?? params['project_id'] ?? null;
  let keyId = '';
  if (operation.security.length > 0) {
    const auth = await authorize(request, projectId, {
      tokens: context.tokens,
      basicLimit: (key) => context.basicLimit(`mock-basic|${clientAddress}|${key}`),
      now,
    });
    if ('refused' in auth) return auth.refused;
    keyId = auth.keyId;
  }
  const violations: FieldViolation[] = parameterViolations(operation.parameters, {
    path: params,
    query: url.searchParams,
    headers: request.headers,
  });
  let body: unknown;
  const spec = operation.requestBody;
  // A JSON body (as sent, else as the operation prefers) is checked against the schema; other
  // media types (multipart uploads, files) are taken as they are.
  if (spec !== undefined) {
    const read = await readCappedText(request);
    if ('problem' in read)
      return read.problem === 'too large'
        ? bodyTooLarge()
        : invalidArgument([{ field: 'body', description: 'The body could not be read.' }]);
    const { text } = read;
    if (text === '') {
      if (spec.required) violations.push({ field: 'body', description: 'Required.' });
    } else if (/json/i.test(request.headers.get('content-type') ?? spec.contentType)) {
      try {
        body = JSON.parse(text);
      } catch {
        violations.push({ field: 'body', description: 'Must be valid JSON.' });
      }
      if (body !== undefined) violations.push(...context.validator.violations(spec.schema, body));
    }
  }
  if (violations.length > 0) return invalidArgument(violations);
  const { answer } = route;
  const stateKey = `mock-writes|${clientAddress}|${keyId}|${route.base}|${projectId ?? ''}`;
  let stored: string | undefined;
  try {
    stored = await context.state.get(stateKey);
  } catch {
    return storeUnavailable();
  }
  const writes = parseWrites(stored);
  const written = writes[url.pathname];
  if (request.method === 'GET') {
    if (written === undefined) {
      const isJson = answer.contentType !== null && /json/i.test(answer.contentType);
      const body = isJson ? listWithWrites(answer.body, url.pathname, writes) : answer.body;
      return cannedResponse(answer.status, answer.contentType, body);
    }
    if ('deleted' in written) return notFound('Resource', url.pathname);
    return cannedResponse(answer.status, answer.contentType, written.body);
  }
  const result = request.method === 'DELETE' ? answer.body : overlay(answer.body, body);
  const id = (result as { id?: unknown } | null)?.id;
  // A POST answer without an id names no member; kept at the collection's own path it would
  // replace the collection's list answer with one member, so it is not remembered.
  if (request.method === 'POST' && typeof id !== 'string')
    return cannedResponse(answer.status, answer.contentType, result);
  const target =
    request.method === 'POST' ? `${url.pathname}/${encodeURIComponent(String(id))}` : url.pathname;
  const entry = request.method === 'DELETE' ? { deleted: true as const } : { body: result };
  const limit = STATE_LIMITS.maxValueLength;
  try {
    await context.state.set(stateKey, addWrite(writes, target, entry, limit), EDITS_TTL_MS);
  } catch (error) {
    if (error instanceof RangeError)
      return invalidArgument([
        {
          field: 'body',
          description: 'With your earlier writes this is more than the demo keeps.',
        },
      ]);
    return storeUnavailable();
  }
  return cannedResponse(answer.status, answer.contentType, result);
}

/**
 * 503 UNAVAILABLE when the store of readers' writes cannot be read or written (a shared store
 * that is down and has no fallback): the write did not happen, and trying again may work.
 */
function storeUnavailable(): Response {
  return sinchError(
    503,
    'UNAVAILABLE',
    'The mock could not reach the store that keeps your changes; nothing was changed. Try again in a moment.',
    [],
    { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) },
  );
}

/** Seconds a reader is asked to wait after a store failure. */
const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * Builds a mock. Its state is per reader: Basic calls are counted per reader and key, tokens
 * issued per reader are limited, and edits to active numbers are kept per reader, key and
 * project in a bounded store where they expire; other readers see the pristine demo data.
 */
export function createMockHandler(config: MockConfig): MockHandler {
  const clock = config.clock ?? Date.now;
  const tokens = new TokenSigner(config.tokenSecret ?? randomBytes(32));
  const counters = config.rateLimitStore ?? new MemoryRateLimitStore();
  const basicLimit = createRateLimiter(config.basicRateLimit, counters, clock);
  const tokenLimit = createRateLimiter(
    config.tokenRateLimit === undefined ? DEFAULT_TOKEN_RATE_LIMIT : config.tokenRateLimit,
    counters,
    clock,
  );
  const state = config.stateStore ?? new MemoryKeyValueStore(STATE_LIMITS, clock);
  const routes = (config.apis ?? Promise.resolve([])).then((apis) =>
    buildRoutes(apis, HAND_WRITTEN_OPERATIONS),
  );
  const generic: GenericContext = {
    tokens,
    basicLimit,
    state,
    validator: new BodyValidator(),
  };
  const editsOf = async (key: string): Promise<Record<string, ActiveNumberEdits>> =>
    JSON.parse((await state.get(key)) ?? '{}') as Record<string, ActiveNumberEdits>;

  return async (request, clientAddress) => {
    const url = new URL(request.url);
    const now = clock();
    if (url.pathname === '/mock/auth/oauth2/token') {
      if (request.method !== 'POST')
        return json(405, { error: 'invalid_request' }, { Allow: 'POST' });
      const verdict = await tokenLimit(`mock-token|${clientAddress}`);
      if (!verdict.allowed)
        return json(
          429,
          { error: 'slow_down', error_description: 'Too many token requests from your address.' },
          { 'Retry-After': String(verdict.retryAfterSeconds) },
        );
      return issueToken(request, tokens, now);
    }
    const operation = matchRoute(await routes, request.method, url.pathname);
    if (operation !== null)
      return answerOperation(operation, request, url, clientAddress, now, generic);
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
    const auth = await authorize(request, projectId, {
      tokens,
      basicLimit: (keyId) => basicLimit(`mock-basic|${clientAddress}|${keyId}`),
      now,
    });
    if ('refused' in auth) return auth.refused;
    const stateKey = `mock-edits|${clientAddress}|${auth.keyId}|${projectId}`;
    const edits = await editsOf(stateKey);
    const active = withEdits(initialActiveNumbers(projectId), edits);
    const rented = new Set(active.map((n) => n.phoneNumber));
    if (collection === 'availableRegions') return listAvailableRegions(url.searchParams);
    if (collection === 'availableNumbers')
      return phoneNumber === undefined
        ? listAvailableNumbers(url.searchParams, rented)
        : getAvailableNumber(phoneNumber, rented);
    if (phoneNumber === undefined) return listActiveNumbers(url.searchParams, active);
    const number = active.find((n) => n.phoneNumber === phoneNumber);
    if (number === undefined) return notFound('ActiveNumber', phoneNumber);
    if (request.method !== 'PATCH') return json(200, number);
    const body = await readCappedText(request);
    if ('problem' in body)
      return body.problem === 'too large'
        ? bodyTooLarge()
        : invalidArgument([{ field: 'body', description: 'The body could not be read.' }]);
    const update = parseActiveNumberUpdate(body.text);
    if ('refused' in update) return update.refused;
    const merged = { ...edits[phoneNumber], ...update.edits };
    try {
      await state.set(stateKey, JSON.stringify({ ...edits, [phoneNumber]: merged }), EDITS_TTL_MS);
    } catch {
      return invalidArgument([
        { field: 'body', description: 'With your earlier edits this is more than the demo keeps.' },
      ]);
    }
    return json(200, { ...number, ...merged });
  };
}
