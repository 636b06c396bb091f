import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import {
  mockBaseUrl,
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
