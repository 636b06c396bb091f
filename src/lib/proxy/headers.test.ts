import { describe, expect, it } from 'vitest';
import { ProxyError } from './errors.ts';
import { filterRequestHeaders, filterResponseHeaders } from './headers.ts';

function codeFor(headers: Record<string, string>, apiKeyHeaders?: ReadonlySet<string>): string {
  try {
    filterRequestHeaders(headers, apiKeyHeaders);
    return 'OK';
  } catch (error) {
    return error instanceof ProxyError ? error.code : 'THREW';
  }
}

describe('filterRequestHeaders', () => {
  it.each([
    [{ Accept: 'application/json' }, 'OK'],
    [{ 'Content-Type': 'application/json' }, 'OK'],
    [{ 'Sinch-Request-Id': 'x' }, 'OK'],
    [{ Host: 'evil.com' }, 'HEADER_NOT_ALLOWED'],
    [{ Cookie: 'a=b' }, 'HEADER_NOT_ALLOWED'],
    [{ Authorization: 'Basic eDp5' }, 'HEADER_NOT_ALLOWED'],
    [{ 'Transfer-Encoding': 'chunked' }, 'HEADER_NOT_ALLOWED'],
    [{ 'Proxy-Authorization': 'x' }, 'HEADER_NOT_ALLOWED'],
    [{ 'X-HTTP-Method-Override': 'DELETE' }, 'HEADER_NOT_ALLOWED'],
    [{ 'X-Forwarded-For': '127.0.0.1' }, 'HEADER_NOT_ALLOWED'],
    [{ Forwarded: 'for=1.2.3.4' }, 'HEADER_NOT_ALLOWED'],
    [{ Connection: 'close' }, 'HEADER_NOT_ALLOWED'],
    [{ Accept: 'a\r\nX-Evil: 1' }, 'INVALID_HEADER'],
    [{ Accept: 'a\u0000' }, 'INVALID_HEADER'],
    [{ Accept: 'text/plain;\tq=0.5' }, 'OK'],
    [{ 'Sinch-Note': 'a\tb' }, 'OK'],
    [{ Accept: 'a\u000bb' }, 'INVALID_HEADER'],
    [{ 'Bad Name': 'x' }, 'INVALID_HEADER'],
    [{ 'Bad\nName': 'x' }, 'INVALID_HEADER'],
  ])('%j → %s', (headers, expected) => {
    expect(codeFor(headers)).toBe(expected);
  });

  it.each([
    [{ 'X-Api-Key': 'k' }, 'OK'],
    [{ 'x-api-key': 'k', Accept: 'application/json' }, 'OK'],
    [{ 'X-Other-Key': 'k' }, 'HEADER_NOT_ALLOWED'],
    [{ 'X-Api-Key': 'k\r\nX-Evil: 1' }, 'INVALID_HEADER'],
    [{ Authorization: 'k' }, 'HEADER_NOT_ALLOWED'],
    [{ Cookie: 'k' }, 'HEADER_NOT_ALLOWED'],
    [{ 'X-Forwarded-For': '1.2.3.4' }, 'HEADER_NOT_ALLOWED'],
  ])('with declared API key headers: %j → %s', (headers, expected) => {
    // A document declaring Authorization or Cookie as an API key still cannot get them through.
    const declared = new Set(['x-api-key', 'authorization', 'cookie', 'x-forwarded-for']);
    expect(codeFor(headers, declared)).toBe(expected);
  });

  it('refuses an API key header without the declaration', () => {
    expect(codeFor({ 'X-Api-Key': 'k' })).toBe('HEADER_NOT_ALLOWED');
  });

  it('lower-cases the names it keeps', () => {
    expect(filterRequestHeaders({ ACCEPT: 'text/plain' })).toEqual({ accept: 'text/plain' });
  });
});

describe('filterResponseHeaders', () => {
  it('keeps the allowlist and drops cookies, CORS and hop-by-hop headers', () => {
    const upstream = new Headers({
      'Content-Type': 'application/json',
      'Retry-After': '7',
      Location: 'http://169.254.169.254/',
      'Set-Cookie': 'session=1',
      'Access-Control-Allow-Origin': '*',
      Connection: 'keep-alive',
      'Content-Encoding': 'gzip',
      'Sinch-Trace': 'abc',
    });
    expect(filterResponseHeaders(upstream)).toEqual({
      'content-type': 'application/json',
      'retry-after': '7',
      location: 'http://169.254.169.254/',
      'sinch-trace': 'abc',
    });
  });
});
