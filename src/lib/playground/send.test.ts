import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import type { ProxyEnvelope, ProxyRequest } from '../request/proxy-contract.ts';
import { DEMO_CREDENTIALS } from '../request/sample-credentials.ts';
import { initialFormState, type FormState } from './form-state.ts';
import type { PlaygroundModel } from './props.ts';
import {
  EMPTY_PROJECT_ID,
  sendPlaygroundRequest,
  sendProblems,
  sendProblemsText,
  type Fetch,
  type SendContext,
} from './send.ts';
import { TokenCache } from './token-cache.ts';

const ORIGIN = 'https://docs.example.com';
const TOKEN_URL = `${ORIGIN}/mock/auth/oauth2/token`;
let list: PlaygroundModel;

beforeAll(async () => {
  const document = await loadOpenApiDocument(
    resolve(import.meta.dirname, '../../openapi/numbers.yaml'),
  );
  const operation = toOperationModels(document).find(
    (model) => model.id === 'listAvailableNumbers',
  );
  if (!operation) throw new Error('listAvailableNumbers is missing from numbers.yaml');
  list = {
    operation,
    defaults: { regionCode: 'US', type: 'LOCAL' },
    server: 'mock',
    auth: 'basic',
  };
});

/** The list form with demo credentials and some fields changed. */
function form(changes: Partial<FormState> = {}): FormState {
  return { ...initialFormState(list), credentials: { ...DEMO_CREDENTIALS }, ...changes };
}

/** An envelope as the proxy returns it when the upstream answered. */
function envelope(status: number, body: unknown): ProxyEnvelope {
  const text = JSON.stringify(body);
  return {
    status,
    statusText: '',
    headers: {},
    body: text,
    bodyEncoding: 'utf8',
    durationMs: 3,
    sizeBytes: text.length,
    truncated: false,
  };
}

/** A fake fetch answering each proxy call with `answer(request)`, recording what was posted. */
function fakeFetch(answer: (request: ProxyRequest) => Response | Promise<Response>) {
  const calls: { path: string; init: RequestInit; request: ProxyRequest }[] = [];
  const fetch: Fetch = async (path, init) => {
    const request = JSON.parse(init.body as string) as ProxyRequest;
    calls.push({ path, init, request });
    return answer(request);
  };
  return { fetch, calls };
}

/** A send context around a fake fetch, with its own token cache and a fixed clock. */
function context(fetch: Fetch, signal = new AbortController().signal): SendContext {
  return { origin: ORIGIN, fetch, tokens: new TokenCache(), signal, now: () => 1_000_000 };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('sendProblems', () => {
  it('finds nothing to stop a complete form', () => {
    expect(sendProblems(list, form(), ORIGIN)).toEqual([]);
  });

  it('reports an empty project ID once, first, with its own message', () => {
    const problems = sendProblems(
      list,
      form({ credentials: { ...DEMO_CREDENTIALS, projectId: '' } }),
      ORIGIN,
    );
    expect(problems.filter((problem) => problem.field === 'projectId')).toEqual([
      { field: 'projectId', message: EMPTY_PROJECT_ID },
    ]);
    expect(problems[0]?.field).toBe('projectId');
    expect(sendProblemsText(problems)).toBe(`Cannot send: ${EMPTY_PROJECT_ID}`);
  });

  it.each([
    ['a project_id path parameter', '/v1/projects/{project_id}/x', []],
    [
      'a project ID in the server URL',
      '/x',
      [
        {
          url: 'https://porting.api.sinch.com/v1/projects/',
          template: 'https://porting.api.sinch.com/v1/projects/{projectId}',
          description: '',
          variables: [{ name: 'projectId', default: '', description: '' }],
        },
      ],
    ],
  ])('reports an empty project ID for %s', (_name, path, servers) => {
    const operation = {
      ...list.operation,
      path,
      parameters: [],
      ...(servers.length ? { servers } : {}),
    };
    const model = { ...list, operation };
    const server = servers[0]?.url ?? 'mock';
    const credentials = { ...DEMO_CREDENTIALS, projectId: '' };
    expect(sendProblems(model, form({ server, credentials }), ORIGIN)[0]).toEqual({
      field: 'projectId',
      message: EMPTY_PROJECT_ID,
    });
  });

  it('names every field at fault, each message once', () => {
    const problems = sendProblems(
      list,
      form({ credentials: { projectId: 'p', keyId: '', keySecret: '' }, params: {} }),
      ORIGIN,
    );
    expect(new Set(problems.map((problem) => problem.field))).toEqual(
      new Set(['keyId', 'regionCode', 'type']),
    );
    const text = sendProblemsText(problems);
    for (const { message } of problems) expect(text.split(message)).toHaveLength(2);
  });
});

describe('sendPlaygroundRequest', () => {
  it('posts the Basic request as JSON to the proxy and returns its envelope', async () => {
    const answer = envelope(200, { availableNumbers: [] });
    const { fetch, calls } = fakeFetch(() => json(200, answer));
    const result = await sendPlaygroundRequest(list, form(), context(fetch));
    expect(result).toEqual({
      kind: 'answered',
      outcome: { kind: 'response', envelope: answer },
      usedBasic: true,
      label: 'Response',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe('/api/proxy');
    expect(calls[0]?.init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(calls[0]?.request).toMatchObject({
      method: 'GET',
      url: `${ORIGIN}/mock/numbers/v1/projects/demo-project/availableNumbers?regionCode=US&type=LOCAL`,
      auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
    });
  });

  it('in OAuth2 mode exchanges the key for a token once, then sends Bearer', async () => {
    const { fetch, calls } = fakeFetch((request) =>
      request.url === TOKEN_URL
        ? json(200, envelope(200, { access_token: 'token-1', expires_in: 3600 }))
        : json(200, envelope(200, {})),
    );
    const shared = context(fetch);
    const state = form({ authMode: 'oauth2' });
    const first = await sendPlaygroundRequest(list, state, shared);
    await sendPlaygroundRequest(list, state, shared);
    expect(first).toMatchObject({ kind: 'answered', usedBasic: false, label: 'Response' });
    expect(calls.map((call) => call.request.url === TOKEN_URL)).toEqual([true, false, false]);
    expect(calls[0]?.request).toMatchObject({
      method: 'POST',
      body: 'grant_type=client_credentials',
      auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
    });
    expect(calls[2]?.request.auth).toEqual({ type: 'bearer', token: 'token-1' });
  });

  it('shows a refused token call under its own label and stops there', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, envelope(401, { error: 'unknown key' })));
    const result = await sendPlaygroundRequest(list, form({ authMode: 'oauth2' }), context(fetch));
    expect(result).toMatchObject({ kind: 'answered', label: 'Token request' });
    expect(result.kind === 'answered' && result.outcome).toMatchObject({
      kind: 'response',
      envelope: { status: 401 },
    });
    expect(calls).toHaveLength(1);
  });

  it('reads a proxy refusal as a proxy error', async () => {
    const error = { code: 'ORIGIN_NOT_ALLOWED', message: 'Not on the list.', hint: 'Pick Sinch.' };
    const { fetch } = fakeFetch(() => json(403, { error }));
    const result = await sendPlaygroundRequest(list, form(), context(fetch));
    expect(result.kind === 'answered' && result.outcome).toEqual({
      kind: 'proxy-error',
      status: 403,
      error,
    });
  });

  it('turns a failed fetch into a network outcome', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await sendPlaygroundRequest(list, form(), context(fetch));
    expect(result.kind === 'answered' && result.outcome).toEqual({
      kind: 'network',
      message: 'Failed to fetch',
    });
  });

  it('reports a cancel as cancelled, not as a failure', async () => {
    const controller = new AbortController();
    const fetch: Fetch = (_path, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        ),
      );
    const sending = sendPlaygroundRequest(list, form(), context(fetch, controller.signal));
    controller.abort();
    expect(await sending).toEqual({ kind: 'cancelled' });
  });
});

describe('sending with a token, an API key or no auth', () => {
  /** The list operation re-declared with other security schemes. */
  function withSchemes(
    securitySchemes: NonNullable<PlaygroundModel['operation']['securitySchemes']>,
  ): PlaygroundModel {
    return { ...list, operation: { ...list.operation, security: [], securitySchemes } };
  }
  const bearer = () => withSchemes([{ name: 'bearerAuth', type: 'bearer' }]);
  const headerKey = () =>
    withSchemes([{ name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Api-Key' }]);
  const queryKey = () =>
    withSchemes([{ name: 'key', type: 'apiKey', in: 'query', parameterName: 'api_key' }]);
  const keyless = { projectId: 'demo-project', keyId: '', keySecret: '' };

  it('asks for the token or key, not for the access key', () => {
    expect(
      sendProblems(bearer(), form({ authMode: 'bearer', credentials: keyless }), ORIGIN),
    ).toEqual([{ field: 'token', message: 'The access token is empty or malformed.' }]);
    expect(
      sendProblems(headerKey(), form({ authMode: 'apiKey', credentials: keyless }), ORIGIN),
    ).toEqual([{ field: 'apiKey', message: 'The API key is empty or malformed.' }]);
    expect(
      sendProblems(withSchemes([]), form({ authMode: 'none', credentials: keyless }), ORIGIN),
    ).toEqual([]);
  });

  it.each([
    {
      name: 'Bearer sends the typed token as auth',
      model: bearer,
      changes: { authMode: 'bearer', token: 'tok-1' } as const,
      expected: { auth: { type: 'bearer', token: 'tok-1' } },
    },
    {
      name: 'a header API key goes under its declared name, with no auth',
      model: headerKey,
      changes: { authMode: 'apiKey', apiKey: 'k-1' } as const,
      expected: { auth: { type: 'none' }, headers: { 'X-Api-Key': 'k-1' } },
    },
    {
      name: 'a query API key goes in the URL, with no auth',
      model: queryKey,
      changes: { authMode: 'apiKey', apiKey: 'k 1' } as const,
      expected: {
        auth: { type: 'none' },
        url: `${ORIGIN}/mock/numbers/v1/projects/demo-project/availableNumbers?regionCode=US&type=LOCAL&api_key=k%201`,
      },
    },
    {
      name: 'an operation without security sends no auth',
      model: () => withSchemes([]),
      changes: { authMode: 'none' } as const,
      expected: { auth: { type: 'none' } },
    },
  ])('$name', async ({ model, changes, expected }) => {
    const { fetch, calls } = fakeFetch(() => json(200, envelope(200, {})));
    const result = await sendPlaygroundRequest(
      model(),
      form({ credentials: keyless, ...changes }),
      context(fetch),
    );
    expect(result).toMatchObject({ kind: 'answered', usedBasic: false, label: 'Response' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.request).toMatchObject(expected);
    expect(calls[0]?.request.headers).not.toHaveProperty('Authorization');
  });
});
