import { describe, expect, it } from 'vitest';
import { parsePlaygroundEnv } from './config.ts';

describe('parsePlaygroundEnv', () => {
  it('has the documented defaults', () => {
    expect(parsePlaygroundEnv({})).toEqual({
      PLAYGROUND_ALLOWED_ORIGINS: [],
      PLAYGROUND_RATE_LIMIT: { limit: 60, windowMs: 60_000 },
      PLAYGROUND_TRUSTED_PROXIES: [],
      MOCK_BASIC_RATE_LIMIT: { limit: 10, windowMs: 60_000 },
      MOCK_TOKEN_RATE_LIMIT: { limit: 30, windowMs: 60_000 },
      MOCK_TOKEN_SECRET: undefined,
    });
  });

  it('reads trusted proxies and a token secret', () => {
    const env = parsePlaygroundEnv({
      PLAYGROUND_TRUSTED_PROXIES: '10.0.0.0/8, ::1',
      MOCK_TOKEN_SECRET: 'x'.repeat(32),
    });
    expect(env.PLAYGROUND_TRUSTED_PROXIES).toHaveLength(2);
    expect(env.MOCK_TOKEN_SECRET).toEqual(new TextEncoder().encode('x'.repeat(32)));
  });

  it.each([
    [{ PLAYGROUND_RATE_LIMIT: 'off' }, 'PLAYGROUND_RATE_LIMIT', null],
    [{ PLAYGROUND_RATE_LIMIT: '5' }, 'PLAYGROUND_RATE_LIMIT', { limit: 5, windowMs: 60_000 }],
    [{ MOCK_BASIC_RATE_LIMIT: '3/2m' }, 'MOCK_BASIC_RATE_LIMIT', { limit: 3, windowMs: 120_000 }],
    [{ MOCK_BASIC_RATE_LIMIT: 'off' }, 'MOCK_BASIC_RATE_LIMIT', null],
    [
      { PLAYGROUND_REDIS_URL: 'redis://cache:6379/2' },
      'PLAYGROUND_REDIS_URL',
      'redis://cache:6379/2',
    ],
    [
      { PLAYGROUND_REDIS_URL: ' rediss://u:p@cache ' },
      'PLAYGROUND_REDIS_URL',
      'rediss://u:p@cache',
    ],
    [{ PLAYGROUND_REDIS_URL: '' }, 'PLAYGROUND_REDIS_URL', undefined],
    [
      {
        PLAYGROUND_ALLOWED_ORIGINS:
          'https://api.example.com, http://127.0.0.1:8080,http://localhost:3000/',
      },
      'PLAYGROUND_ALLOWED_ORIGINS',
      ['https://api.example.com', 'http://127.0.0.1:8080', 'http://localhost:3000'],
    ],
  ] as const)('%j', (env, key, expected) => {
    expect(parsePlaygroundEnv(env)[key]).toEqual(expected);
  });

  it.each([
    [{ PLAYGROUND_RATE_LIMIT: 'lots' }, 'PLAYGROUND_RATE_LIMIT'],
    [{ PLAYGROUND_RATE_LIMIT: '0' }, 'PLAYGROUND_RATE_LIMIT'],
    [{ MOCK_BASIC_RATE_LIMIT: '10 per minute' }, 'MOCK_BASIC_RATE_LIMIT'],
    [{ MOCK_BASIC_RATE_LIMIT: '10/0s' }, 'MOCK_BASIC_RATE_LIMIT'],
    [{ PLAYGROUND_ALLOWED_ORIGINS: 'not a url' }, 'PLAYGROUND_ALLOWED_ORIGINS'],
    [{ PLAYGROUND_TRUSTED_PROXIES: '10.0.0.0/8, proxy.local' }, 'PLAYGROUND_TRUSTED_PROXIES'],
    [{ MOCK_TOKEN_SECRET: 'short' }, 'MOCK_TOKEN_SECRET'],
    [{ MOCK_TOKEN_RATE_LIMIT: 'many' }, 'MOCK_TOKEN_RATE_LIMIT'],
    [{ PLAYGROUND_REDIS_URL: 'cache:6379' }, 'PLAYGROUND_REDIS_URL'],
    [{ PLAYGROUND_REDIS_URL: 'http://cache:6379' }, 'PLAYGROUND_REDIS_URL'],
    [{ PLAYGROUND_ALLOWED_ORIGINS: 'http://api.example.com' }, 'PLAYGROUND_ALLOWED_ORIGINS'],
    [{ PLAYGROUND_ALLOWED_ORIGINS: 'https://api.example.com/v1' }, 'PLAYGROUND_ALLOWED_ORIGINS'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => parsePlaygroundEnv(env)).toThrow(name);
  });
});
