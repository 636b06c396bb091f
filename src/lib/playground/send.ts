/**
 * Sending a playground's request, without the DOM: the checks before sending, the OAuth2 token
 * exchange, the POST to /api/proxy and reading its answer. `fetch` is passed in, so tests
 * exercise every path with a fake.
 */
import type { FieldError } from '../request/errors.ts';
import { PROXY_PATH, type ProxyRequest } from '../request/proxy-contract.ts';
import { validateBasicCredentials } from '../request/basic.ts';
import { isProjectIdName } from '../request/build.ts';
import type { RequestAuth } from '../request/types.ts';
import { usesAccessKey } from './auth.ts';
import { playgroundRequest, type FormState } from './form-state.ts';
import { readProxyAnswer, type Outcome } from './outcome.ts';
import type { PlaygroundModel } from './props.ts';
import { chosenServer, serverVariableValues, sinchTokenUrl, tokenUrlFor } from './servers.ts';
import type { TokenCache } from './token-cache.ts';

/** The `fetch` the send module calls; the browser's, or a fake in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** What a send needs besides the form. */
export interface SendContext {
  /** The page's origin, for the mock's URLs. */
  origin: string;
  fetch: Fetch;
  /** OAuth2 tokens shared by every playground on the page. */
  tokens: TokenCache;
  signal: AbortSignal;
  /** Milliseconds since the epoch; token expiry is measured with it. */
  now?: () => number;
}

/** How a send ended: cancelled by the reader, or an outcome to show under a label. */
export type SendResult =
  | { kind: 'cancelled' }
  | {
      kind: 'answered';
      outcome: Outcome;
      /** Basic auth was used, which changes the advice on a 429. */
      usedBasic: boolean;
      /** Which call the outcome belongs to: the token exchange or the request itself. */
      label: 'Token request' | 'Response';
    };

/** Message shown for an empty project ID, in place of the request builder's generic one. */
export const EMPTY_PROJECT_ID = 'Project ID is empty.';

/** True when the path or the chosen server's URL has a place for the project ID, under any spelling. */
function usesProjectId(model: PlaygroundModel, server: string): boolean {
  const templates = `${model.operation.path} ${chosenServer(model.operation, server)?.template ?? ''}`;
  return [...templates.matchAll(/\{([^}]+)\}/g)].some((match) => isProjectIdName(match[1]!));
}

/** Every problem that stops a send, first the one to focus; one message per problem. */
export function sendProblems(
  model: PlaygroundModel,
  state: FormState,
  origin: string,
): FieldError[] {
  const { credentials } = state;
  const { result } = playgroundRequest(model, state, origin, { forSend: true });
  const problems = [
    ...(usesAccessKey(state.authMode)
      ? validateBasicCredentials(credentials.keyId, credentials.keySecret)
      : []),
    ...(result.ok ? [] : result.errors),
  ];
  if (credentials.projectId !== '' || !usesProjectId(model, state.server)) return problems;
  return [
    { field: 'projectId', message: EMPTY_PROJECT_ID },
    ...problems.filter((problem) => problem.field !== 'projectId'),
  ];
}

/** The status line for problems that stop a send, each message once. */
export function sendProblemsText(problems: readonly FieldError[]): string {
  return `Cannot send: ${[...new Set(problems.map((problem) => problem.message))].join(' ')}`;
}

/** Posts one request to the playground proxy and reads its answer. */
export async function postToProxy(
  request: ProxyRequest,
  context: Pick<SendContext, 'fetch' | 'signal'>,
): Promise<Outcome> {
  const response = await context.fetch(PROXY_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    signal: context.signal,
  });
  return readProxyAnswer(response);
}

/** A cached or freshly fetched OAuth2 token, or the outcome of the failed token call. */
export async function accessToken(
  tokenUrl: string,
  keyId: string,
  keySecret: string,
  context: SendContext,
): Promise<string | Outcome> {
  const now = context.now ?? Date.now;
  const cached = context.tokens.get(tokenUrl, keyId, now());
  if (cached) return cached;
  const outcome = await postToProxy(
    {
      method: 'POST',
      url: tokenUrl,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      auth: { type: 'basic', username: keyId, password: keySecret },
    },
    context,
  );
  if (outcome.kind !== 'response' || outcome.envelope.status !== 200) return outcome;
  const data = JSON.parse(outcome.envelope.body) as { access_token?: string; expires_in?: number };
  if (!data.access_token) return outcome;
  context.tokens.set(tokenUrl, keyId, data.access_token, data.expires_in ?? 3600, now());
  return data.access_token;
}

/**
 * Sends the form's request through the proxy, first exchanging the key for a token in OAuth2
 * mode (a Bearer API token or an API key goes as typed). Call it after `sendProblems` found
 * nothing. A cancel gives `cancelled`; any other failure (network, unreadable token answer)
 * becomes a `network` outcome, never a throw.
 */
export async function sendPlaygroundRequest(
  model: PlaygroundModel,
  state: FormState,
  context: SendContext,
): Promise<SendResult> {
  const usedBasic = state.authMode === 'basic';
  const { keyId, keySecret } = state.credentials;
  try {
    let auth: RequestAuth | undefined;
    if (state.authMode === 'oauth2') {
      const tokenUrl = tokenUrlFor(
        state.server,
        sinchTokenUrl(model.operation),
        context.origin,
        serverVariableValues(model.operation, state.server, state.serverVariables ?? {}),
      );
      const token = await accessToken(tokenUrl, keyId, keySecret, context);
      if (typeof token !== 'string')
        return { kind: 'answered', outcome: token, usedBasic, label: 'Token request' };
      auth = { type: 'bearer', token };
    }
    const { result } = playgroundRequest(model, state, context.origin, {
      forSend: true,
      ...(auth ? { auth } : {}),
    });
    if (!result.ok)
      return {
        kind: 'answered',
        outcome: { kind: 'network', message: sendProblemsText(result.errors) },
        usedBasic,
        label: 'Response',
      };
    const outcome = await postToProxy(result.value, context);
    return { kind: 'answered', outcome, usedBasic, label: 'Response' };
  } catch (error) {
    if ((error as Error).name === 'AbortError') return { kind: 'cancelled' };
    return {
      kind: 'answered',
      outcome: { kind: 'network', message: (error as Error).message },
      usedBasic,
      label: 'Response',
    };
  }
}
