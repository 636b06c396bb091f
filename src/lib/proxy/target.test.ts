import { describe, expect, it } from 'vitest';
import { ProxyError } from './errors.ts';
import { checkTarget, SINCH_ORIGINS } from './target.ts';

const OWN = 'http://localhost:4321';
const allowed = new Set([...SINCH_ORIGINS, 'http://127.0.0.1:9999']);

/** The code `checkTarget` refuses with, or 'OK'. */
function verdict(url: string): string {
  try {
    return checkTarget(url, allowed, OWN).viaMock ? 'MOCK' : 'OK';
  } catch (error) {
    return error instanceof ProxyError ? error.code : 'THREW';
  }
}

describe('checkTarget', () => {
  it.each([
    ['https://numbers.api.sinch.com/v1/projects/p/availableNumbers?regionCode=US', 'OK'],
    ['https://eu1.fax.api.sinch.com/v3/faxes', 'OK'],
    ['https://us10dlc.numbers.api.sinch.com/v1/x', 'OK'],
    ['http://127.0.0.1:9999/anything', 'OK'],
    ['http://localhost:4321/mock/numbers/v1/projects/demo-project/availableRegions', 'MOCK'],
    ['http://localhost:4321/api/proxy', 'ORIGIN_NOT_ALLOWED'],
    ['http://127.0.0.1:4321/mock/numbers/v1/x', 'ORIGIN_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com.evil.com/', 'ORIGIN_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com./v1', 'ORIGIN_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com:444/v1', 'ORIGIN_NOT_ALLOWED'],
    ['http://numbers.api.sinch.com/v1', 'ORIGIN_NOT_ALLOWED'],
    ['ftp://numbers.api.sinch.com/v1', 'ORIGIN_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com@evil.com/', 'URL_USERINFO'],
    ['https://@numbers.api.sinch.com/', 'URL_USERINFO'],
    ['https://user:pw@numbers.api.sinch.com/', 'URL_USERINFO'],
    ['https://numbers.api.sinch.com/v1/../admin', 'URL_PATH_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com/v1/./x', 'URL_PATH_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com/v1/%2e%2e/admin', 'URL_PATH_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com/v1%2Fadmin', 'URL_PATH_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com/v1%5cadmin', 'URL_PATH_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com\\@evil.com/', 'URL_PATH_NOT_ALLOWED'],
    ['https://numbers.api.sinch.com/v1 x', 'INVALID_URL'],
    ['https://numbers.api.sinch.com/v1\r\nHost: evil', 'INVALID_URL'],
    ['/v1/projects', 'INVALID_URL'],
    ['', 'INVALID_URL'],
  ])('%s → %s', (url, expected) => {
    expect(verdict(url)).toBe(expected);
  });

  it('keeps a query string with dots and encoded characters', () => {
    expect(verdict('https://numbers.api.sinch.com/v1?numberPattern.pattern=%2B1..')).toBe('OK');
  });
});
