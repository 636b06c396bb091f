import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROXY_ERRORS,
  PROXY_SECURITY_HEADERS,
  type ProxyErrorCode,
} from '../../src/lib/proxy/errors.ts';
import { callProxy, makeProxy, proxyBody, startUpstream, type Upstream } from './proxy-support.ts';

let upstream: Upstream;
let proxy: ReturnType<typeof makeProxy>;
let resolved: string[];

beforeAll(async () => {
  upstream = await startUpstream((_, res) => res.end('reached'));
  resolved = [];
  proxy = makeProxy({
    extraOrigins: [upstream.origin],
    maxRequestBytes: 64 * 1024,
    // Hostile DNS: Sinch names resolve to internal addresses in these tests.
    resolve: (hostname) => {
      resolved.push(hostname);
      const address = hostname.startsWith('lookup.')
        ? '::ffff:10.0.0.1'
        : hostname.startsWith('auth.')
          ? '64:ff9b::a9fe:a9fe'
          : '169.254.169.254';
      return Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]);
    },
  });
});
afterAll(() => upstream.close());

type Case = {
  name: string;
  code: ProxyErrorCode;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
};

// Cases name the loopback upstream by a placeholder host, replaced once its port is known.
const PLACEHOLDER = 'upstream.placeholder';
const u = (path: string) => `http://${PLACEHOLDER}${path}`;
const basic = (username: string, password: string) => ({
  auth: { type: 'basic', username, password },
});

const CASES: Case[] = [
  // Where it may go: userinfo and backslash tricks.
  {
    name: 'userinfo before an allowed host',
    code: 'URL_USERINFO',
    body: proxyBody('https://numbers.api.sinch.com@127.0.0.1/'),
  },
  {
    name: 'empty userinfo',
    code: 'URL_USERINFO',
    body: proxyBody('https://@numbers.api.sinch.com/v1'),
  },
  {
    name: 'user and password',
    code: 'URL_USERINFO',
    body: proxyBody(`http://a:b@${PLACEHOLDER}/x`),
  },
  {
    name: 'backslash authority trick',
    code: 'URL_PATH_NOT_ALLOWED',
    body: proxyBody('https://numbers.api.sinch.com\\@127.0.0.1/'),
  },
  { name: 'backslash in path', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a\\b')) },
  // Look-alike, trailing dot, ports, schemes.
  {
    name: 'look-alike suffix host',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://numbers.api.sinch.com.evil.example/'),
  },
  {
    name: 'look-alike prefix host',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://evilnumbers.api.sinch.com/'),
  },
  {
    name: 'unicode look-alike host',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://numbers.api.sіnch.com/'),
  },
  {
    name: 'trailing-dot host',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://numbers.api.sinch.com./v1'),
  },
  {
    name: 'other port',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://numbers.api.sinch.com:8443/v1'),
  },
  {
    name: 'plain http to Sinch',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('http://numbers.api.sinch.com/v1'),
  },
  {
    name: 'loopback upstream on another port',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('http://127.0.0.1:1/'),
  },
  {
    name: 'https to the http loopback upstream',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody(`https://${PLACEHOLDER}/`),
  },
  { name: 'file scheme', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('file:///etc/passwd') },
  { name: 'gopher scheme', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('gopher://127.0.0.1:25/') },
  { name: 'data URL', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('data:text/plain,hi') },
  { name: 'javascript URL', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('javascript:alert(1)') },
  { name: 'relative URL', code: 'INVALID_URL', body: proxyBody('/v1/projects') },
  // Numeric IPv4 and IPv6 forms.
  { name: 'decimal IPv4', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://2130706433/') },
  { name: 'octal IPv4', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://0177.0.0.1/') },
  { name: 'hex IPv4', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://0x7f.0x0.0x0.0x1/') },
  { name: 'short IPv4', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://127.1/') },
  {
    name: 'IPv4-mapped IPv6 literal',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('http://[::ffff:127.0.0.1]/'),
  },
  {
    name: '6to4 IPv6 literal',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://[2002:7f00:1::]/'),
  },
  {
    name: 'NAT64 IPv6 literal',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://[64:ff9b::a9fe:a9fe]/'),
  },
  {
    name: 'Teredo IPv6 literal',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'),
  },
  { name: 'IPv6 loopback literal', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://[::1]/') },
  { name: 'localhost', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://localhost/') },
  { name: '0.0.0.0', code: 'ORIGIN_NOT_ALLOWED', body: proxyBody('http://0.0.0.0/') },
  {
    name: 'metadata address',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('http://169.254.169.254/latest/meta-data/'),
  },
  {
    name: 'metadata host name',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('http://metadata.google.internal/'),
  },
  {
    name: 'own origin outside /mock/',
    code: 'ORIGIN_NOT_ALLOWED',
    body: proxyBody('http://localhost:4321/api/proxy'),
  },
  // Names that resolve to private or reserved addresses (connect-time check).
  {
    name: 'Sinch name resolving to metadata',
    code: 'ADDRESS_NOT_ALLOWED',
    body: proxyBody('https://numbers.api.sinch.com/v1'),
  },
  {
    name: 'Sinch name resolving to IPv4-mapped private',
    code: 'ADDRESS_NOT_ALLOWED',
    body: proxyBody('https://lookup.api.sinch.com/v1'),
  },
  {
    name: 'Sinch name resolving to NAT64 metadata',
    code: 'ADDRESS_NOT_ALLOWED',
    body: proxyBody('https://auth.sinch.com/oauth2/token'),
  },
  // Path traversal.
  { name: 'dot-dot segment', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a/../b')) },
  { name: 'dot segment', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a/./b')) },
  { name: 'encoded dot-dot', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a/%2e%2e/b')) },
  { name: 'mixed-case encoded dot', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a/%2E./b')) },
  { name: 'encoded slash', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a%2fb')) },
  { name: 'encoded backslash', code: 'URL_PATH_NOT_ALLOWED', body: proxyBody(u('/a%5Cb')) },
  {
    name: 'mock path traversal',
    code: 'URL_PATH_NOT_ALLOWED',
    body: proxyBody('http://localhost:4321/mock/../api/proxy'),
  },
  // CR/LF/NUL in every field.
  { name: 'CRLF in URL', code: 'INVALID_URL', body: proxyBody(u('/a\r\nHost: evil')) },
  { name: 'NUL in URL', code: 'INVALID_URL', body: proxyBody(u('/a\u0000')) },
  { name: 'tab in URL', code: 'INVALID_URL', body: proxyBody(u('/a\tb')) },
  {
    name: 'CRLF in header value',
    code: 'INVALID_HEADER',
    body: proxyBody(u('/'), { headers: { Accept: 'a\r\nX-Injected: 1' } }),
  },
  {
    name: 'NUL in header value',
    code: 'INVALID_HEADER',
    body: proxyBody(u('/'), { headers: { Accept: 'a\u0000' } }),
  },
  {
    name: 'LF in header name',
    code: 'INVALID_HEADER',
    body: proxyBody(u('/'), { headers: { 'Acc\nept': 'a' } }),
  },
  {
    name: 'CR in key ID',
    code: 'INVALID_CREDENTIALS',
    body: proxyBody(u('/'), basic('key\r', 'secret')),
  },
  {
    name: 'LF in key secret',
    code: 'INVALID_CREDENTIALS',
    body: proxyBody(u('/'), basic('key', 'sec\nret')),
  },
  {
    name: 'NUL in key secret',
    code: 'INVALID_CREDENTIALS',
    body: proxyBody(u('/'), basic('key', 'sec\u0000')),
  },
  {
    name: 'CRLF in bearer token',
    code: 'INVALID_CREDENTIALS',
    body: proxyBody(u('/'), { auth: { type: 'bearer', token: 'abc\r\nX: y' } }),
  },
  {
    name: 'colon in key ID',
    code: 'INVALID_CREDENTIALS',
    body: proxyBody(u('/'), basic('key:id', 'secret')),
  },
  {
    name: 'over-long key secret',
    code: 'INVALID_CREDENTIALS',
    body: proxyBody(u('/'), basic('key', 's'.repeat(5000))),
  },
  // Methods.
  { name: 'TRACE', code: 'METHOD_NOT_ALLOWED', body: proxyBody(u('/'), { method: 'TRACE' }) },
  { name: 'CONNECT', code: 'METHOD_NOT_ALLOWED', body: proxyBody(u('/'), { method: 'CONNECT' }) },
  { name: 'PROPFIND', code: 'METHOD_NOT_ALLOWED', body: proxyBody(u('/'), { method: 'PROPFIND' }) },
  {
    name: 'lower-case get',
    code: 'METHOD_NOT_ALLOWED',
    body: proxyBody(u('/'), { method: 'get' }),
  },
  // Forbidden headers.
  ...[
    'Host',
    'Cookie',
    'Authorization',
    'Transfer-Encoding',
    'Proxy-Authorization',
    'X-HTTP-Method-Override',
    'X-Forwarded-For',
    'Connection',
    'Forwarded',
  ].map((header): Case => ({
    name: `header ${header}`,
    code: 'HEADER_NOT_ALLOWED',
    body: proxyBody(u('/'), { headers: { [header]: 'x' } }),
  })),
  // Sizes, content types, callers, JSON.
  {
    name: 'oversized body field',
    code: 'REQUEST_TOO_LARGE',
    body: proxyBody(u('/'), { method: 'POST', body: 'x'.repeat(70 * 1024) }),
  },
  { name: 'GET with a body', code: 'BODY_NOT_ALLOWED', body: proxyBody(u('/'), { body: '{}' }) },
  {
    name: 'text/plain caller',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    body: proxyBody(u('/')),
    headers: { 'content-type': 'text/plain' },
  },
  {
    name: 'form caller',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    body: proxyBody(u('/')),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
  {
    name: 'look-alike JSON type',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    body: proxyBody(u('/')),
    headers: { 'content-type': 'application/json-patch+json' },
  },
  {
    name: 'cross-site Origin (browser without fetch metadata)',
    code: 'CROSS_SITE_REQUEST',
    body: proxyBody(u('/')),
    headers: { origin: 'https://evil.example', 'sec-fetch-site': '' },
  },
  {
    name: 'null Origin',
    code: 'CROSS_SITE_REQUEST',
    body: proxyBody(u('/')),
    headers: { origin: 'null', 'sec-fetch-site': '' },
  },
  {
    name: 'cross-site fetch metadata',
    code: 'CROSS_SITE_REQUEST',
    body: proxyBody(u('/')),
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  },
  {
    name: 'same-site (sibling subdomain) fetch metadata',
    code: 'CROSS_SITE_REQUEST',
    body: proxyBody(u('/')),
    headers: { 'sec-fetch-site': 'same-site' },
  },
  {
    name: 'no Origin and no fetch metadata',
    code: 'CROSS_SITE_REQUEST',
    body: proxyBody(u('/')),
    headers: { origin: '', 'sec-fetch-site': '' },
  },
  { name: 'malformed JSON', code: 'INVALID_JSON', raw: '{"method": "GET",' },
  { name: 'empty body', code: 'INVALID_JSON', raw: '' },
  // Wrong types in every field.
  { name: 'method as number', code: 'INVALID_REQUEST', body: proxyBody(u('/'), { method: 1 }) },
  { name: 'url as array', code: 'INVALID_REQUEST', body: proxyBody(u('/'), { url: [u('/')] }) },
  {
    name: 'headers as string',
    code: 'INVALID_REQUEST',
    body: proxyBody(u('/'), { headers: 'Accept: x' }),
  },
  {
    name: 'header value as number',
    code: 'INVALID_REQUEST',
    body: proxyBody(u('/'), { headers: { Accept: 1 } }),
  },
  {
    name: 'body as object',
    code: 'INVALID_REQUEST',
    body: proxyBody(u('/'), { method: 'POST', body: { a: 1 } }),
  },
  { name: 'auth missing', code: 'INVALID_REQUEST', body: proxyBody(u('/'), { auth: undefined }) },
  {
    name: 'auth type unknown',
    code: 'INVALID_REQUEST',
    body: proxyBody(u('/'), { auth: { type: 'digest' } }),
  },
  {
    name: 'username as number',
    code: 'INVALID_REQUEST',
    body: proxyBody(u('/'), { auth: { type: 'basic', username: 1, password: 'x' } }),
  },
  { name: 'top-level array', code: 'INVALID_REQUEST', body: [proxyBody(u('/'))] },
  { name: 'top-level null', code: 'INVALID_REQUEST', body: null },
];

describe('hostile input battery', () => {
  it('has at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)('$name → $code, no upstream connection', async (testCase) => {
    const body = JSON.parse(
      JSON.stringify(testCase.body ?? null).replaceAll(PLACEHOLDER, new URL(upstream.origin).host),
    ) as unknown;
    const before = upstream.connections();
    const response = await callProxy(proxy.handler, body, {
      ...(testCase.raw === undefined ? {} : { raw: testCase.raw }),
      ...(testCase.headers === undefined ? {} : { headers: testCase.headers }),
    });
    const json = (await response.json()) as {
      error: { code: string; message: string; hint: string };
    };
    expect(json.error.code).toBe(testCase.code);
    expect(response.status).toBe(PROXY_ERRORS[testCase.code].status);
    expect(json.error.hint).toBe(PROXY_ERRORS[testCase.code].hint);
    for (const [name, value] of Object.entries(PROXY_SECURITY_HEADERS))
      expect(response.headers.get(name)).toBe(value);
    expect(upstream.connections()).toBe(before);
  });

  it('checked the resolved addresses of the hostile names at connect time', () => {
    expect(resolved).toEqual(
      expect.arrayContaining(['numbers.api.sinch.com', 'lookup.api.sinch.com', 'auth.sinch.com']),
    );
  });

  it('still reaches the listed loopback upstream for a clean request (the counter works)', async () => {
    const response = await callProxy(proxy.handler, proxyBody(`${upstream.origin}/ok`));
    expect(((await response.json()) as { body: string }).body).toBe('reached');
    expect(upstream.connections()).toBe(1);
  });
});
