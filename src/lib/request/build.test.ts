import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import { buildRequest } from './build.ts';
import { encodeComponent, serialiseQuery } from './serialise.ts';

const LIST: OperationModel = {
  id: 'list',
  method: 'GET',
  path: '/v1/projects/{projectId}/availableNumbers',
  summary: '',
  description: '',
  tags: [],
  deprecated: false,
  servers: [{ url: 'https://numbers.api.sinch.com', description: '' }],
  parameters: [
    {
      name: 'projectId',
      in: 'path',
      required: true,
      description: '',
      schema: {},
      deprecated: false,
    },
    {
      name: 'regionCode',
      in: 'query',
      required: true,
      description: '',
      schema: {},
      deprecated: false,
    },
    {
      name: 'numberPattern.pattern',
      in: 'query',
      required: false,
      description: '',
      schema: {},
      deprecated: false,
    },
    {
      name: 'capabilities',
      in: 'query',
      required: false,
      description: '',
      schema: { type: 'array' },
      deprecated: false,
    },
  ],
  security: ['basic'],
};
const RENT: OperationModel = {
  ...LIST,
  id: 'rent',
  method: 'POST',
  path: '/v1/projects/{projectId}/availableNumbers/{phoneNumber}:rent',
  parameters: [
    LIST.parameters[0]!,
    {
      name: 'phoneNumber',
      in: 'path',
      required: true,
      description: '',
      schema: {},
      deprecated: false,
    },
  ],
  requestBody: { contentType: 'application/json', required: false, schema: {} },
};
const AUTH = { type: 'basic', username: 'demo-key', password: 'demo-secret' } as const;

describe('encodeComponent', () => {
  it.each([
    ['+46700', '%2B46700'],
    ["a'b!(c)*", '%27b%21%28c%29%2A'.replace(/^/, 'a')],
    ['a/b?c#d&e=f%g h', 'a%2Fb%3Fc%23d%26e%3Df%25g%20h'],
    ['-_.~', '-_.~'],
    ['é日', '%C3%A9%E6%97%A5'],
  ])('%s → %s', (value, expected) => {
    expect(encodeComponent(value)).toBe(expected);
  });
});

describe('serialiseQuery', () => {
  it('repeats exploded arrays, keeps dotted names and drops empty values', () => {
    expect(
      serialiseQuery(LIST.parameters, {
        regionCode: 'US',
        'numberPattern.pattern': '',
        capabilities: ['SMS', 'VOICE'],
      }),
    ).toBe('regionCode=US&capabilities=SMS&capabilities=VOICE');
  });
  it('joins non-exploded arrays with commas', () => {
    const parameters = [{ ...LIST.parameters[3]!, explode: false }];
    expect(serialiseQuery(parameters, { capabilities: ['SMS', 'VOICE'] })).toBe(
      'capabilities=SMS,VOICE',
    );
  });
});

describe('buildRequest', () => {
  it('builds the full URL, headers and auth', () => {
    const result = buildRequest({
      operation: LIST,
      serverUrl: 'https://numbers.api.sinch.com/',
      params: { projectId: 'p 1', regionCode: 'US', 'numberPattern.pattern': '206' },
      auth: AUTH,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        method: 'GET',
        url: 'https://numbers.api.sinch.com/v1/projects/p%201/availableNumbers?regionCode=US&numberPattern.pattern=206',
        headers: { Accept: 'application/json' },
        body: null,
        auth: AUTH,
      },
    });
  });

  it('keeps the :rent suffix and encodes + in the path', () => {
    const result = buildRequest({
      operation: RENT,
      serverUrl: 'https://numbers.api.sinch.com',
      params: { projectId: 'p', phoneNumber: '+12065550100' },
      body: '{"smsConfiguration":{}}',
      auth: AUTH,
    });
    expect(result.ok && result.value.url).toBe(
      'https://numbers.api.sinch.com/v1/projects/p/availableNumbers/%2B12065550100:rent',
    );
    expect(result.ok && result.value.headers['Content-Type']).toBe('application/json');
  });

  it.each([
    [{ projectId: '', regionCode: 'US' }, undefined, 'projectId'],
    [{ projectId: 'p' }, undefined, 'regionCode'],
    [{ projectId: '..', regionCode: 'US' }, undefined, 'projectId'],
  ])('names the field for %j', (params, _body, field) => {
    const result = buildRequest({
      operation: LIST,
      serverUrl: 'https://x.test',
      params,
      auth: AUTH,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.field)).toContain(field);
  });

  it.each([
    ['ftp://numbers.api.sinch.com', 'serverUrl'],
    ['https://user:pw@numbers.api.sinch.com', 'serverUrl'],
    ['not a url', 'serverUrl'],
  ])('rejects server %s', (serverUrl, field) => {
    const result = buildRequest({
      operation: LIST,
      serverUrl,
      params: { projectId: 'p', regionCode: 'US' },
      auth: AUTH,
    });
    expect(!result.ok && result.errors[0]?.field).toBe(field);
  });

  it('rejects a body that is not JSON, naming the body', () => {
    const result = buildRequest({
      operation: RENT,
      serverUrl: 'https://x.test',
      params: { projectId: 'p', phoneNumber: '+1' },
      body: '{oops',
      auth: AUTH,
    });
    expect(!result.ok && result.errors[0]?.field).toBe('body');
    expect(!result.ok && result.errors[0]?.message).toMatch(/not valid JSON/);
  });

  it('rejects credentials with a colon in the key ID, naming keyId', () => {
    const result = buildRequest({
      operation: LIST,
      serverUrl: 'https://x.test',
      params: { projectId: 'p', regionCode: 'US' },
      auth: { type: 'basic', username: 'a:b', password: 'c' },
    });
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['keyId']);
  });
});
