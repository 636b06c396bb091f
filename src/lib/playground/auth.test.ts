import { describe, expect, it } from 'vitest';
import type { OperationModel, SecuritySchemeModel } from '../openapi/types.ts';
import { apiKeyScheme, authChoices, initialAuth, usesAccessKey, type AuthChoice } from './auth.ts';

/** An operation accepting the given schemes, `security` reduced as the loader does. */
function operation(schemes: SecuritySchemeModel[]): OperationModel {
  return {
    id: 'op',
    method: 'GET',
    path: '/v1/x',
    summary: '',
    description: '',
    tags: [],
    deprecated: false,
    servers: [{ url: 'https://api.example.com', description: '' }],
    parameters: [],
    security: [
      ...new Set(
        schemes.flatMap((s) => (s.type === 'basic' || s.type === 'oauth2' ? [s.type] : [])),
      ),
    ],
    securitySchemes: schemes,
  };
}

const BASIC: SecuritySchemeModel = { name: 'Basic', type: 'basic' };
const OAUTH2: SecuritySchemeModel = { name: 'OAuth2', type: 'oauth2', tokenUrl: 'https://a/t' };
const BEARER: SecuritySchemeModel = { name: 'bearerAuth', type: 'bearer' };
const HEADER_KEY: SecuritySchemeModel = {
  name: 'key',
  type: 'apiKey',
  in: 'header',
  parameterName: 'X-Api-Key',
};
const QUERY_KEY: SecuritySchemeModel = {
  name: 'q',
  type: 'apiKey',
  in: 'query',
  parameterName: 'api_key',
};
const COOKIE_KEY: SecuritySchemeModel = {
  name: 'c',
  type: 'apiKey',
  in: 'cookie',
  parameterName: 'session',
};

describe('authChoices', () => {
  it.each<[string, SecuritySchemeModel[], AuthChoice[]]>([
    ['no security', [], ['none']],
    ['Basic only (OAuth2 is offered too, as Sinch accepts both)', [BASIC], ['basic', 'oauth2']],
    ['Basic and OAuth2', [BASIC, OAUTH2], ['basic', 'oauth2']],
    ['Bearer only', [BEARER], ['bearer']],
    ['an API key in a header', [HEADER_KEY], ['apiKey']],
    ['an API key in the query', [QUERY_KEY], ['apiKey']],
    ['an API key in a cookie only', [COOKIE_KEY], []],
    ['everything', [BASIC, OAUTH2, BEARER, HEADER_KEY], ['basic', 'oauth2', 'bearer', 'apiKey']],
  ])('%s', (_name, schemes, expected) => {
    expect(authChoices(operation(schemes))).toEqual(expected);
  });
});

describe('apiKeyScheme', () => {
  it('picks the first header or query key, skipping cookies', () => {
    expect(apiKeyScheme(operation([COOKIE_KEY, QUERY_KEY, HEADER_KEY]))).toEqual(QUERY_KEY);
    expect(apiKeyScheme(operation([COOKIE_KEY]))).toBeUndefined();
  });
});

describe('initialAuth', () => {
  it.each<[string, SecuritySchemeModel[], 'basic' | 'oauth2', AuthChoice]>([
    ['keeps the page prop when offered', [BASIC, OAUTH2], 'oauth2', 'oauth2'],
    ['falls back to the first choice', [BEARER], 'basic', 'bearer'],
    ['is none without security', [], 'basic', 'none'],
  ])('%s', (_name, schemes, auth, expected) => {
    expect(initialAuth({ operation: operation(schemes), defaults: {}, server: 'mock', auth })).toBe(
      expected,
    );
  });
});

describe('usesAccessKey', () => {
  it.each<[AuthChoice, boolean]>([
    ['basic', true],
    ['oauth2', true],
    ['bearer', false],
    ['apiKey', false],
    ['none', false],
  ])('%s: %s', (choice, expected) => {
    expect(usesAccessKey(choice)).toBe(expected);
  });
});
