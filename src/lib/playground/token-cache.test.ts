import { describe, expect, it } from 'vitest';
import { TOKEN_REFRESH_MARGIN_SECONDS, TokenCache } from './token-cache.ts';

describe('TokenCache', () => {
  it('hands out a token until shortly before it expires', () => {
    const cache = new TokenCache();
    cache.set('url', 'key', 'tok', 3600, 0);
    expect(cache.get('url', 'key', (3600 - TOKEN_REFRESH_MARGIN_SECONDS - 1) * 1000)).toBe('tok');
    expect(cache.get('url', 'key', (3600 - TOKEN_REFRESH_MARGIN_SECONDS) * 1000)).toBeUndefined();
    expect(cache.get('url', 'other-key', 0)).toBeUndefined();
  });

  it('forgets everything on clear', () => {
    const cache = new TokenCache();
    cache.set('url', 'key', 'tok', 3600, 0);
    cache.clear();
    expect(cache.get('url', 'key', 0)).toBeUndefined();
  });
});
