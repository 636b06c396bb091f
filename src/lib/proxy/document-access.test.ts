import { describe, expect, it } from 'vitest';
import type { OperationModel, SecuritySchemeModel } from '../openapi/types.ts';
import { accessKey, documentAccess } from './document-access.ts';

/** An operation on `server` accepting `schemes`. */
function operation(server: string, schemes: SecuritySchemeModel[]): OperationModel {
  return {
    id: 'op',
    method: 'GET',
    path: '/x',
    summary: '',
    description: '',
    tags: [],
    deprecated: false,
    servers: [{ url: server, description: '' }],
    parameters: [],
    security: [],
    securitySchemes: schemes,
  };
}

const headerKey = (name: string): SecuritySchemeModel => ({
  name: 'key',
  type: 'apiKey',
  in: 'header',
  parameterName: name,
});

describe('documentAccess', () => {
  const access = documentAccess([
    {
      origins: ['https://eu.keyed.example.com', 'https://us.keyed.example.com'],
      operations: [
        operation('https://us.keyed.example.com', [
          headerKey('X-Api-Key'),
          { name: 'q', type: 'apiKey', in: 'query', parameterName: 'api_key' },
        ]),
      ],
    },
    {
      origins: ['https://plain.example.com'],
      operations: [operation('https://plain.example.com', [{ name: 'Basic', type: 'basic' }])],
    },
    {
      origins: [
        'http://plain-http.example.com',
        'https://10.0.0.1',
        'https://[::1]',
        'https://localhost:8443',
      ],
      operations: [],
    },
    {
      origins: ['https://greedy.example.com'],
      operations: [
        operation('https://greedy.example.com', [
          headerKey('Cookie'),
          headerKey('Authorization'),
          headerKey('X-Forwarded-For'),
          headerKey('Proxy-Authorization'),
          headerKey('Host'),
        ]),
      ],
    },
  ]);

  it('lists every HTTPS host-name origin of every document (no HTTP, IP literal or loopback)', () => {
    expect([...access.origins].sort()).toEqual([
      'https://eu.keyed.example.com',
      'https://greedy.example.com',
      'https://plain.example.com',
      'https://us.keyed.example.com',
    ]);
  });

  it.each([
    ['https://eu.keyed.example.com', ['x-api-key']],
    ['https://us.keyed.example.com', ['x-api-key']],
    ['/mock/us', ['x-api-key']],
    ['https://plain.example.com', undefined],
    ['https://greedy.example.com', undefined],
  ])('API key headers for %s: only the declared header names', (target, expected) => {
    const names = access.apiKeyHeaders.get(target);
    expect(names ? [...names] : undefined).toEqual(expected);
  });
});

describe('accessKey', () => {
  it.each([
    ['https://us.keyed.example.com/v1/x?y=1', false, 'https://us.keyed.example.com'],
    ['http://localhost:4321/mock/sms/xms/v1/plan/batches', true, '/mock/sms'],
  ])('%s (mock: %s) → %s', (url, viaMock, expected) => {
    expect(accessKey(new URL(url), viaMock)).toBe(expected);
  });
});
