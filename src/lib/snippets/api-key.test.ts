import { describe, expect, it } from 'vitest';
import { SNIPPET_TARGETS } from './index.ts';
import { ENV, plainHeaders, snippetUrl } from './shared.ts';
import type { SnippetInput } from './types.ts';

const KEY = "k'e$y&1";

/** A GET with a project ID in the path and one query parameter, authenticated by an API key. */
function input(where: 'header' | 'query', mode: 'inline' | 'env'): SnippetInput {
  return {
    request: {
      method: 'GET',
      url: 'https://api.example.com/v1/projects/p1/items?limit=5',
      // A stray copy of the key header is dropped: the auth code writes the header.
      headers: {
        Accept: 'application/json',
        ...(where === 'header' ? { 'x-api-key': 'must-not-leak' } : {}),
      },
      body: null,
      auth: { type: 'none' },
    },
    url: {
      server: [{ text: 'https://api.example.com' }],
      path: [{ text: '/v1/projects/' }, { projectId: 'p1' }, { text: '/items' }],
      query: 'limit=5',
    },
    auth: {
      type: 'apiKey',
      in: where,
      name: where === 'header' ? 'X-Api-Key' : 'api_key',
      key: KEY,
    },
    credentialMode: mode,
  };
}

describe('snippetUrl with a query API key', () => {
  it.each([
    [
      'inline',
      [
        { text: 'https://api.example.com/v1/projects/p1/items?limit=5&api_key=' },
        { variable: 'apiKey' },
      ],
    ],
    [
      'env',
      [
        { text: 'https://api.example.com/v1/projects/' },
        { variable: 'projectId' },
        { text: '/items?limit=5&api_key=' },
        { variable: 'apiKey' },
      ],
    ],
  ] as const)('%s mode', (mode, expected) => {
    expect(snippetUrl(input('query', mode))).toEqual(expected);
  });

  it('starts the query when the URL has none', () => {
    const bare = {
      ...input('query', 'inline'),
      url: { server: [{ text: 'https://a.example' }], path: [{ text: '/x' }], query: '' },
    };
    expect(snippetUrl(bare)).toEqual([
      { text: 'https://a.example/x?api_key=' },
      { variable: 'apiKey' },
    ]);
  });
});

describe('plainHeaders', () => {
  it('leaves the API key header to the auth code', () => {
    expect(plainHeaders(input('header', 'inline'))).toEqual([['Accept', 'application/json']]);
  });
});

describe.each(SNIPPET_TARGETS.map((target) => [target.id, target] as const))(
  '%s: API keys',
  (_id, target) => {
    it.each(['header', 'query'] as const)(
      'inline, in the %s: the typed key, no Authorization',
      (where) => {
        const text = target.generate(input(where, 'inline'));
        expect(text).toContain(where === 'header' ? 'X-Api-Key' : 'api_key=');
        expect(text).not.toContain(ENV.apiKey);
        expect(text).not.toContain('must-not-leak');
        expect(text).not.toMatch(/Authorization/);
      },
    );

    it.each(['header', 'query'] as const)(
      'env, in the %s: read from SINCH_API_KEY, never written',
      (where) => {
        const text = target.generate(input(where, 'env'));
        expect(text).toContain(ENV.apiKey);
        expect(text).not.toContain('e$y&1');
        expect(text).not.toContain('must-not-leak');
      },
    );
  },
);
