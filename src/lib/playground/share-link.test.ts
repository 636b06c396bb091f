import { describe, expect, it } from 'vitest';
import { decodeSharedState, encodeSharedState } from './share-link.ts';

describe('share links', () => {
  it('round-trips operation, server, auth and parameters, arrays included', () => {
    const state = {
      operation: 'listAvailableNumbers',
      server: 'https://numbers.api.sinch.com',
      auth: 'oauth2' as const,
      params: {
        regionCode: 'US',
        capabilities: ['SMS', 'VOICE'],
        'numberPattern.pattern': 'a&b=#',
      },
    };
    expect(decodeSharedState(encodeSharedState(state))).toEqual(state);
  });

  it('never carries the project ID or anything named like a secret', () => {
    const hash = encodeSharedState({
      operation: 'op',
      server: 'mock',
      auth: 'basic',
      params: { projectId: 'p', keySecret: 's', accessToken: 't', regionCode: 'SE' },
    });
    expect(hash).not.toMatch(/projectId|keySecret|accessToken/);
    expect(decodeSharedState('#try=op&p.keySecret=x&p.projectId=y')?.params).toEqual({});
  });

  it.each(['', '#', '#other=1'])('ignores %j', (hash) => {
    expect(decodeSharedState(hash)).toBeNull();
  });
});
