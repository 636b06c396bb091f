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

  it('round-trips server variables, the media type and the example', () => {
    const state = {
      operation: 'sendFax',
      server: 'mock',
      auth: 'basic' as const,
      params: {},
      serverVariables: { region: 'eu' },
      mediaType: 'multipart/form-data',
      example: 'withCallback',
    };
    const hash = encodeSharedState(state);
    expect(hash).toContain('v.region=eu');
    expect(hash).toContain('media=multipart%2Fform-data');
    expect(decodeSharedState(hash)).toEqual(state);
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
    // Nor as a server variable, under either spelling of the project ID.
    const variables = encodeSharedState({
      operation: 'op',
      server: 'mock',
      auth: 'basic',
      params: { project_id: 'p' },
      serverVariables: { project_id: 'p', apiKey: 'k', region: 'eu' },
    });
    expect(variables).not.toMatch(/project_id|apiKey/);
    expect(decodeSharedState('#try=op&v.projectId=p&v.token=t&v.region=eu')).toMatchObject({
      serverVariables: { region: 'eu' },
    });
    expect(decodeSharedState('#try=op&v.projectId=p')).not.toHaveProperty('serverVariables');
  });

  it.each(['', '#', '#other=1'])('ignores %j', (hash) => {
    expect(decodeSharedState(hash)).toBeNull();
  });
});
