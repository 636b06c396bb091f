import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import {
  chosenServer,
  editableVariables,
  mockBaseUrl,
  serverVariableValues,
  sinchTokenUrl,
  serverUrlFor,
  SINCH_FALLBACK,
  sinchServerUrl,
  tokenUrlFor,
} from './servers.ts';

const ORIGIN = 'https://docs.example.com';

/** An operation with the given servers and token URL; nothing else matters here. */
function operation(servers: string[], tokenUrl?: string): OperationModel {
  return {
    id: 'op',
    method: 'GET',
    path: '/v1/x',
    summary: '',
    description: '',
    tags: [],
    deprecated: false,
    servers: servers.map((url) => ({ url, description: '' })),
    parameters: [],
    security: ['basic'],
    ...(tokenUrl === undefined ? {} : { tokenUrl }),
  };
}

describe('mockBaseUrl', () => {
  it.each([
    ['https://numbers.api.sinch.com', `${ORIGIN}/mock/numbers`],
    ['https://us.sms.api.sinch.com/xms', `${ORIGIN}/mock/us`],
    ['https://auth.sinch.com', `${ORIGIN}/mock/auth`],
  ])('%s → %s', (sinch, mock) => expect(mockBaseUrl(sinch, ORIGIN)).toBe(mock));
});

describe('server and token URLs', () => {
  const declared = operation(['https://sms.api.sinch.com'], 'https://auth.example.com/token');
  const bare = operation([]);

  it.each([
    ['the mock of the first server', 'mock', declared, `${ORIGIN}/mock/sms`],
    [
      'a chosen Sinch server as is',
      'https://eu.sms.api.sinch.com',
      declared,
      'https://eu.sms.api.sinch.com',
    ],
    ['the mock of the fallback server', 'mock', bare, `${ORIGIN}/mock/numbers`],
  ])('serverUrlFor: %s', (_name, server, model, expected) =>
    expect(serverUrlFor(server, model, ORIGIN)).toBe(expected),
  );

  it.each([
    ['the declared endpoint', declared, 'https://auth.example.com/token'],
    ['the fallback endpoint', bare, SINCH_FALLBACK.tokenUrl],
  ])('sinchTokenUrl: %s', (_name, model, expected) => expect(sinchTokenUrl(model)).toBe(expected));

  it('falls back to the Numbers server when a document names none', () => {
    expect(sinchServerUrl(bare)).toBe(SINCH_FALLBACK.serverUrl);
    expect(sinchServerUrl(declared)).toBe('https://sms.api.sinch.com');
  });
});

describe('servers', () => {
  it('maps Sinch servers onto the mock of this site', () => {
    expect(mockBaseUrl('https://numbers.api.sinch.com', 'http://localhost:4321')).toBe(
      'http://localhost:4321/mock/numbers',
    );
    expect(mockBaseUrl('https://auth.sinch.com', 'http://x')).toBe('http://x/mock/auth');
    expect(tokenUrlFor('mock', 'https://auth.sinch.com/oauth2/token', 'http://x')).toBe(
      'http://x/mock/auth/oauth2/token',
    );
    expect(
      tokenUrlFor(
        'https://numbers.api.sinch.com',
        'https://auth.sinch.com/oauth2/token',
        'http://x',
      ),
    ).toBe('https://auth.sinch.com/oauth2/token');
  });
});

describe('server variables', () => {
  /** Template Management's shape: a region in the host, plus a project ID in the path. */
  const regional: OperationModel = {
    ...operation([]),
    servers: [
      {
        url: 'https://us.template.api.sinch.com/v1/projects/',
        template: 'https://{region}.template.api.sinch.com/v1/projects/{projectId}',
        description: '',
        variables: [
          { name: 'region', default: 'us', enum: ['us', 'eu', 'br'], description: '' },
          { name: 'projectId', default: '', description: '' },
        ],
      },
      { url: 'https://plain.example.com', description: '' },
    ],
    tokenUrl: 'https://{region}.auth.example.com/token',
  };

  it('turns each host variable into a segment of the mock base, a project ID excepted', () => {
    expect(mockBaseUrl('https://{region}.template.api.sinch.com', ORIGIN)).toBe(
      `${ORIGIN}/mock/template/{region}`,
    );
    expect(mockBaseUrl('https://{projectId}.x.sinch.com', ORIGIN)).toBe(`${ORIGIN}/mock/x`);
  });

  it.each([
    ['the mock', 'mock', `${ORIGIN}/mock/template/{region}`],
    [
      'a server with variables, as its template',
      'https://us.template.api.sinch.com/v1/projects/',
      'https://{region}.template.api.sinch.com/v1/projects/{projectId}',
    ],
    ['a server without variables, as is', 'https://plain.example.com', 'https://plain.example.com'],
    ['an undeclared URL, as is', 'https://{x}.other.example', 'https://{x}.other.example'],
  ])('serverUrlFor: %s', (_name, server, expected) =>
    expect(serverUrlFor(server, regional, ORIGIN)).toBe(expected),
  );

  it('offers every variable but the project ID for editing', () => {
    expect(editableVariables(chosenServer(regional, 'mock')).map((v) => v.name)).toEqual([
      'region',
    ]);
    expect(editableVariables(chosenServer(regional, 'https://plain.example.com'))).toEqual([]);
    expect(editableVariables(undefined)).toEqual([]);
  });

  it.each([
    ['defaults of the mocked server', 'mock', {}, { region: 'us' }],
    ['the reader over the default', 'mock', { region: 'eu' }, { region: 'eu' }],
    [
      'a server found by its template',
      'https://{region}.template.api.sinch.com/v1/projects/{projectId}',
      {},
      { region: 'us' },
    ],
    ['no defaults for an undeclared server', 'https://{x}.example', { x: '1' }, { x: '1' }],
  ])('serverVariableValues: %s', (_name, server, chosen, expected) =>
    expect(serverVariableValues(regional, server, chosen)).toEqual(expected),
  );

  it('fills the variables a token URL shares with the server, but never for the mock', () => {
    const sinch = sinchTokenUrl(regional);
    expect(tokenUrlFor('https://x', sinch, ORIGIN, { region: 'eu' })).toBe(
      'https://eu.auth.example.com/token',
    );
    expect(tokenUrlFor('mock', sinch, ORIGIN, { region: 'eu' })).toBe(
      `${ORIGIN}/mock/auth/oauth2/token`,
    );
  });
});
