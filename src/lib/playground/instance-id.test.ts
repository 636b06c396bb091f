import { describe, expect, it } from 'vitest';
import { playgroundUid } from './instance-id.ts';

describe('playgroundUid', () => {
  it('numbers repeated operations on one page and starts again on the next page', () => {
    const page = {};
    expect(
      ['list', 'get', 'list', 'list', 'get'].map((operation) => playgroundUid(page, operation)),
    ).toEqual(['pg-list', 'pg-get', 'pg-list-2', 'pg-list-3', 'pg-get-2']);
    expect(playgroundUid({}, 'list')).toBe('pg-list');
  });
});
