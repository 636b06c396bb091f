import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '../request/basic.ts';
import type { Credentials } from '../request/types.ts';
import {
  authFromHeader,
  ENV_PLACEHOLDERS,
  replyFor,
  sandboxEnv,
  substituteCredentials,
  substituteUrl,
  toProxyRequest,
} from './bridge.ts';
import type { SandboxFetch } from './messages.ts';

const CREDENTIALS: Credentials = {
  projectId: 'proj/ä 1',
  keyId: 'real-key',
  keySecret: 's3cr:et ü',
};
const P = ENV_PLACEHOLDERS;

describe('sandboxEnv', () => {
  it.each([
    ['inline', CREDENTIALS, {}],
    [
      'env',
      CREDENTIALS,
      {
        SINCH_PROJECT_ID: P.SINCH_PROJECT_ID,
        SINCH_KEY_ID: P.SINCH_KEY_ID,
        SINCH_KEY_SECRET: P.SINCH_KEY_SECRET,
      },
    ],
    ['env', { projectId: 'p', keyId: '', keySecret: '' }, { SINCH_PROJECT_ID: P.SINCH_PROJECT_ID }],
  ] as const)('%s mode gives placeholders, never values', (mode, credentials, expected) => {
    const env = sandboxEnv(mode, credentials);
    expect(env).toEqual(expected);
    expect(JSON.stringify(env)).not.toContain(credentials.keySecret || '\u0000');
  });
});

describe('substitution', () => {
  it.each([
    [`${P.SINCH_KEY_ID}`, 'real-key'],
    [`${P.SINCH_KEY_SECRET}`, 's3cr:et ü'],
    [`x-${P.SINCH_PROJECT_ID}-${P.SINCH_PROJECT_ID}`, 'x-proj/ä 1-proj/ä 1'],
    ['no placeholder', 'no placeholder'],
  ])('credential value %s becomes %s', (value, expected) => {
    expect(substituteCredentials(value, CREDENTIALS)).toBe(expected);
  });

  it('puts the encoded project ID into a URL and leaves key placeholders alone', () => {
    const url = `https://numbers.api.sinch.com/v1/projects/${P.SINCH_PROJECT_ID}/x?k=${P.SINCH_KEY_SECRET}&i=${P.SINCH_KEY_ID}`;
    expect(substituteUrl(url, CREDENTIALS)).toBe(
      `https://numbers.api.sinch.com/v1/projects/proj%2F%C3%A4%201/x?k=${P.SINCH_KEY_SECRET}&i=${P.SINCH_KEY_ID}`,
    );
  });

  it('placeholders survive encodeURIComponent unchanged, as the snippets encode the project ID', () => {
    for (const placeholder of Object.values(P))
      expect(encodeURIComponent(placeholder)).toBe(placeholder);
  });
});

describe('authFromHeader', () => {
  it.each([
    ['no header', undefined, { ok: true, auth: { type: 'none' } }],
    [
      'Basic with placeholders',
      basicAuthorization(P.SINCH_KEY_ID, P.SINCH_KEY_SECRET),
      { ok: true, auth: { type: 'basic', username: 'real-key', password: 's3cr:et ü' } },
    ],
    [
      'Basic typed inline, UTF-8, colon in the secret',
      basicAuthorization('k', 'a:b ü'),
      { ok: true, auth: { type: 'basic', username: 'k', password: 'a:b ü' } },
    ],
    [
      'lower-case scheme',
      `basic ${btoa('k:s')}`,
      { ok: true, auth: { type: 'basic', username: 'k', password: 's' } },
    ],
    ['Bearer', 'Bearer abc.def', { ok: true, auth: { type: 'bearer', token: 'abc.def' } }],
    [
      'Bearer placeholder',
      `Bearer ${P.SINCH_KEY_SECRET}`,
      { ok: true, auth: { type: 'bearer', token: 's3cr:et ü' } },
    ],
  ] as const)('%s', (_name, header, expected) => {
    expect(authFromHeader(header, CREDENTIALS)).toEqual(expected);
  });

  it.each([
    ['Digest abc', 'Basic credentials or a Bearer token only'],
    ['Basic', 'Basic credentials or a Bearer token only'],
    ['Basic !!!!', 'not valid base64'],
    [`Basic ${btoa('\u00ff\u00fe')}`, 'not valid base64 of UTF-8'],
    [`Basic ${btoa('no-colon')}`, '"keyId:keySecret"'],
  ])('refuses %s, naming the header', (header, message) => {
    const result = authFromHeader(header, CREDENTIALS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('Authorization header');
      expect(result.message).toContain(message);
    }
  });
});

describe('toProxyRequest', () => {
  const call = (overrides: Partial<SandboxFetch> = {}): SandboxFetch => ({
    type: 'fetch',
    id: 1,
    url: `https://numbers.api.sinch.com/v1/projects/${P.SINCH_PROJECT_ID}/availableNumbers?regionCode=GB`,
    method: 'get',
    headers: [
      ['accept', 'application/json'],
      ['authorization', basicAuthorization(P.SINCH_KEY_ID, P.SINCH_KEY_SECRET)],
    ],
    body: null,
    ...overrides,
  });

  it('moves Authorization into auth, keeps other headers and substitutes the project ID', () => {
    expect(toProxyRequest(call(), CREDENTIALS)).toEqual({
      ok: true,
      request: {
        method: 'GET',
        url: 'https://numbers.api.sinch.com/v1/projects/proj%2F%C3%A4%201/availableNumbers?regionCode=GB',
        headers: { accept: 'application/json' },
        body: null,
        auth: { type: 'basic', username: 'real-key', password: 's3cr:et ü' },
      },
    });
  });

  it('leaves placeholders in the body: credentials go only where the proxy never echoes them', () => {
    const result = toProxyRequest(
      call({ method: 'POST', body: `{"secret":"${P.SINCH_KEY_SECRET}"}` }),
      CREDENTIALS,
    );
    expect(result.ok && result.request.body).toBe(`{"secret":"${P.SINCH_KEY_SECRET}"}`);
  });

  it.each([
    [{ method: 'TRACE' }, 'method: TRACE is not one of GET, POST, PUT, PATCH, DELETE.'],
    [{ url: '/api/proxy' }, 'url: "/api/proxy" is not an absolute URL.'],
    [
      { headers: [['Authorization', 'Token x']] as Array<[string, string]> },
      'Authorization header: the runner sends Basic credentials or a Bearer token only.',
    ],
  ])('refuses %j', (overrides, message) => {
    expect(toProxyRequest(call(overrides), CREDENTIALS)).toEqual({ ok: false, message });
  });
});

describe('replyFor', () => {
  it('passes the upstream response on, whatever its status', () => {
    expect(
      replyFor(3, {
        kind: 'response',
        envelope: {
          status: 401,
          statusText: 'Unauthorized',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          bodyEncoding: 'utf8',
          durationMs: 4,
          sizeBytes: 2,
          truncated: false,
        },
      }),
    ).toEqual({
      type: 'response',
      id: 3,
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      bodyEncoding: 'utf8',
    });
  });

  it.each([
    [
      {
        kind: 'proxy-error',
        status: 403,
        error: { code: 'ORIGIN_NOT_ALLOWED', message: 'Not allowed.', hint: 'Use Sinch.' },
      },
      'The playground proxy refused the request (ORIGIN_NOT_ALLOWED): Not allowed. Use Sinch.',
    ],
    [{ kind: 'network', message: 'offline' }, 'offline'],
  ] as const)(
    'turns a failed outcome into a failure the code sees as a TypeError',
    (outcome, message) => {
      expect(replyFor(7, outcome)).toEqual({ type: 'failure', id: 7, message });
    },
  );
});
