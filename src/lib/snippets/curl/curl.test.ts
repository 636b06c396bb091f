import { describe, expect, it } from 'vitest';
import type { SnippetInput } from '../types.ts';
import { curlTarget, shellQuote } from './curl.ts';

const BASE: SnippetInput = {
  request: {
    method: 'GET',
    url: 'https://numbers.api.sinch.com/v1/projects/demo-project/availableNumbers?regionCode=US',
    headers: { Accept: 'application/json' },
    body: null,
    auth: { type: 'none' },
  },
  auth: { type: 'basic', keyId: 'demo-key', keySecret: 'demo-secret' },
  credentialMode: 'inline',
  url: {
    server: [{ text: 'https://numbers.api.sinch.com' }],
    path: [{ text: '/v1/projects/' }, { projectId: 'demo-project' }, { text: '/availableNumbers' }],
    query: 'regionCode=US',
  },
};

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['$HOME `x` "q" \\', '\'$HOME `x` "q" \\\''],
    ['', "''"],
  ])('%j', (value, expected) => {
    expect(shellQuote(value)).toBe(expected);
  });
});

describe('curl target', () => {
  it('writes a readable GET without -X noise', () => {
    expect(curlTarget.generate(BASE)).toBe(
      [
        "curl 'https://numbers.api.sinch.com/v1/projects/demo-project/availableNumbers?regionCode=US' \\",
        "  --header 'Accept: application/json' \\",
        "  --user 'demo-key:demo-secret'",
        '',
      ].join('\n'),
    );
  });

  it('sends bodies with --data-raw so a leading @ is never a file name', () => {
    const text = curlTarget.generate({
      ...BASE,
      request: { ...BASE.request, method: 'PATCH', body: '@/etc/passwd' },
    });
    expect(text).toContain('--request PATCH');
    expect(text).toContain("--data-raw '@/etc/passwd'");
  });

  it('reads credentials and project ID from the environment in env mode', () => {
    const text = curlTarget.generate({ ...BASE, credentialMode: 'env' });
    expect(text).toContain('"${SINCH_PROJECT_ID:?');
    expect(text).toContain(
      `'https://numbers.api.sinch.com/v1/projects/'"\${SINCH_PROJECT_ID}"'/availableNumbers?regionCode=US'`,
    );
    expect(text).toContain('--user "${SINCH_KEY_ID}:${SINCH_KEY_SECRET}"');
    expect(text).not.toContain('demo-secret');
  });

  it('fetches a token first in OAuth2 mode and sends it as Bearer', () => {
    const text = curlTarget.generate({
      ...BASE,
      auth: {
        type: 'oauth2',
        keyId: 'k',
        keySecret: 's',
        tokenUrl: 'https://auth.sinch.com/oauth2/token',
      },
    });
    expect(text).toContain("--data-urlencode 'grant_type=client_credentials'");
    expect(text).toContain('--header "Authorization: Bearer ${SINCH_ACCESS_TOKEN}"');
    expect(text.indexOf('oauth2/token')).toBeLessThan(text.indexOf('availableNumbers'));
  });
});
