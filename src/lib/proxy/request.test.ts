import { describe, expect, it } from 'vitest';
import { ProxyError } from './errors.ts';
import { parseProxyRequest } from './request.ts';

const valid = {
  method: 'GET',
  url: 'https://numbers.api.sinch.com/v1',
  headers: {},
  body: null,
  auth: { type: 'basic', username: 'key', password: 'secret' },
};

function refusal(input: unknown): [string, string | undefined] {
  try {
    parseProxyRequest(input);
    return ['OK', undefined];
  } catch (error) {
    return error instanceof ProxyError ? [error.code, error.field] : ['THREW', undefined];
  }
}

describe('parseProxyRequest', () => {
  it('accepts the documented shape', () => {
    expect(refusal(valid)).toEqual(['OK', undefined]);
  });

  it.each([
    [{ ...valid, method: 'TRACE' }, 'METHOD_NOT_ALLOWED', 'method'],
    [{ ...valid, method: 'get' }, 'METHOD_NOT_ALLOWED', 'method'],
    [{ ...valid, method: 7 }, 'INVALID_REQUEST', 'method'],
    [{ ...valid, url: null }, 'INVALID_REQUEST', 'url'],
    [{ ...valid, headers: { Accept: 1 } }, 'INVALID_REQUEST', 'headers.Accept'],
    [{ ...valid, body: {} }, 'INVALID_REQUEST', 'body'],
    [{ ...valid, body: 'x' }, 'BODY_NOT_ALLOWED', 'body'],
    [{ ...valid, auth: { type: 'digest' } }, 'INVALID_REQUEST', 'auth.type'],
    [{ ...valid, extra: 1 }, 'INVALID_REQUEST', 'request'],
    [[], 'INVALID_REQUEST', 'request'],
    [
      { ...valid, auth: { type: 'basic', username: 'a:b', password: 's' } },
      'INVALID_CREDENTIALS',
      'auth.username',
    ],
    [
      { ...valid, auth: { type: 'basic', username: 'a\r\nb', password: 's' } },
      'INVALID_CREDENTIALS',
      'auth.username',
    ],
    [
      { ...valid, auth: { type: 'basic', username: 'a', password: 's\u0000' } },
      'INVALID_CREDENTIALS',
      'auth.password',
    ],
    [
      { ...valid, auth: { type: 'basic', username: 'a', password: 's\tx' } },
      'INVALID_CREDENTIALS',
      'auth.password',
    ],
    [
      { ...valid, auth: { type: 'basic', username: 'a'.repeat(300), password: 's' } },
      'INVALID_CREDENTIALS',
      'auth.username',
    ],
    [
      { ...valid, auth: { type: 'bearer', token: 'abc\ndef' } },
      'INVALID_CREDENTIALS',
      'auth.token',
    ],
    [{ ...valid, auth: { type: 'bearer', token: 'a b' } }, 'INVALID_CREDENTIALS', 'auth.token'],
  ])('%j → %s on %s', (input, code, field) => {
    expect(refusal(input)).toEqual([code, field]);
  });
});

describe('parseProxyRequest bodies', () => {
  const post = { ...valid, method: 'POST' };

  it('decodes base64 bodies to their bytes and counts decoded bytes against the cap', () => {
    const parsed = parseProxyRequest({ ...post, body: 'AAEC/w==', bodyEncoding: 'base64' });
    expect([...parsed.body!]).toEqual([0, 1, 2, 255]);
    expect(refusal({ ...post, body: 'AAAA', bodyEncoding: 'base64' })).toEqual(['OK', undefined]);
    expect(() =>
      parseProxyRequest({ ...post, body: 'AAAAAAAA', bodyEncoding: 'base64' }, 5),
    ).toThrow(expect.objectContaining({ code: 'REQUEST_TOO_LARGE' }) as Error);
  });

  it.each([
    [{ ...post, body: 'not base64!', bodyEncoding: 'base64' }, 'INVALID_REQUEST', 'body'],
    [{ ...post, body: 'x', bodyEncoding: 'hex' }, 'INVALID_REQUEST', 'bodyEncoding'],
    [
      { ...post, body: 'x', headers: { 'Content-Type': 'multipart/form-data' } },
      'INVALID_HEADER',
      'headers.Content-Type',
    ],
    [
      { ...post, body: 'x', headers: { 'Content-Type': 'multipart/form-data; boundary="a b "' } },
      'INVALID_HEADER',
      'headers.Content-Type',
    ],
    [
      {
        ...post,
        body: 'x',
        headers: { 'content-type': `multipart/form-data; boundary=${'b'.repeat(71)}` },
      },
      'INVALID_HEADER',
      'headers.content-type',
    ],
    [
      { ...post, body: 'x', headers: { 'Content-Type': 'multipart/form-data; boundary=ok-1' } },
      'OK',
      undefined,
    ],
  ])('%j → %s on %s', (input, code, field) => {
    expect(refusal(input)).toEqual([code, field]);
  });
});
