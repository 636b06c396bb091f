import { describe, expect, it } from 'vitest';
import {
  displayBody,
  formatBytes,
  hintFor,
  readProxyAnswer,
  retryAfterSeconds,
  statusClass,
  type Outcome,
} from './outcome.ts';

const envelope = (status: number, headers: Record<string, string> = {}, body = '{}') =>
  ({
    kind: 'response',
    envelope: {
      status,
      statusText: '',
      headers,
      body,
      bodyEncoding: 'utf8',
      durationMs: 1,
      sizeBytes: body.length,
      truncated: false,
    },
  }) as Outcome;

describe('statusClass', () => {
  it.each([
    [200, 'success'],
    [302, 'redirect'],
    [404, 'client-error'],
    [503, 'server-error'],
  ])('%i → %s', (status, expected) => {
    expect(statusClass(status)).toBe(expected);
  });
});

describe('hintFor', () => {
  it.each<[Outcome, boolean, RegExp]>([
    [envelope(401), true, /key ID is unknown/],
    [envelope(403), true, /no access to this project/],
    [envelope(404), true, /E\.164/],
    [
      envelope(429, { 'Retry-After': '42' }),
      true,
      /heavily rate limited.*Retry after 42 seconds.*OAuth2/,
    ],
    [envelope(429), false, /^Too many requests\.$/],
    [{ kind: 'network', message: 'offline.' }, true, /did not complete/],
    [
      {
        kind: 'proxy-error',
        status: 502,
        error: { code: 'UPSTREAM_UNREACHABLE', message: 'x.' },
      },
      true,
      /mock server/,
    ],
    [
      {
        kind: 'proxy-error',
        status: 403,
        error: { code: 'ORIGIN_NOT_ALLOWED', message: 'No.', hint: 'Use Sinch.' },
      },
      true,
      /^No\. Use Sinch\.$/,
    ],
  ])('%#', (outcome, usedBasic, text) => {
    expect(hintFor(outcome, usedBasic)?.text).toMatch(text);
  });

  it('offers the mock only when Sinch was unreachable', () => {
    expect(
      hintFor(
        { kind: 'proxy-error', status: 504, error: { code: 'UPSTREAM_TIMEOUT', message: '' } },
        true,
      )?.offerMock,
    ).toBe(true);
    expect(hintFor(envelope(200), true)).toBeNull();
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds({ 'retry-after': '7' })).toBe(7);
    expect(retryAfterSeconds({ 'Retry-After': new Date(10_000).toUTCString() }, 0)).toBe(10);
    expect(retryAfterSeconds({})).toBeUndefined();
  });
  it('formats sizes and pretty-prints JSON bodies only', () => {
    expect(formatBytes(2048)).toBe('2.0 KB');
    const json = envelope(200, {}, '{"a":1}');
    if (json.kind === 'response')
      expect(displayBody(json.envelope)).toEqual({ text: '{\n  "a": 1\n}', isJson: true });
    const text = envelope(200, {}, '<b>hi</b>');
    if (text.kind === 'response')
      expect(displayBody(text.envelope)).toEqual({ text: '<b>hi</b>', isJson: false });
  });
  it.each([
    [
      'CSV that came as base64 is shown as text',
      'text/csv',
      'YSxiCjEsMgo=',
      'base64',
      'a,b\n1,2\n',
    ],
    [
      'a PDF is noted, not dumped',
      'application/pdf',
      'JVBERi0=',
      'base64',
      'Binary answer (application/pdf, 5 B): not shown here; download it instead.',
    ],
    [
      'untyped bytes are noted',
      '',
      '/wD+',
      'base64',
      'Binary answer (no media type, 3 B): not shown here; download it instead.',
    ],
  ] as const)('%s', (_name, type, body, bodyEncoding, expected) => {
    const shown = displayBody({
      status: 200,
      statusText: 'OK',
      headers: type ? { 'content-type': type } : {},
      body,
      bodyEncoding,
      durationMs: 1,
      sizeBytes: body === '/wD+' ? 3 : 5,
      truncated: false,
    });
    expect(shown).toEqual({ text: expected, isJson: false });
  });
  it('reads proxy answers: envelope, error, and junk', async () => {
    expect(
      (await readProxyAnswer(new Response(JSON.stringify({ status: 200, body: '' })))).kind,
    ).toBe('response');
    const error = await readProxyAnswer(
      new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Slow.' } }), {
        status: 429,
      }),
    );
    expect(error).toEqual({
      kind: 'proxy-error',
      status: 429,
      error: { code: 'RATE_LIMITED', message: 'Slow.' },
    });
    expect((await readProxyAnswer(new Response('<html>', { status: 502 }))).kind).toBe('network');
  });
});
