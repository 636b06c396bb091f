import { describe, expect, it } from 'vitest';
import { addWrite, MAX_WRITES, overlay, parseWrites } from './writes.ts';

describe('parseWrites', () => {
  it.each([
    [undefined, {}],
    ['not json', {}],
    ['[1]', {}],
    ['{"/a":{"deleted":true}}', { '/a': { deleted: true } }],
  ])('%s', (text, expected) => expect(parseWrites(text)).toEqual(expected));
});

describe('addWrite', () => {
  it('replaces an earlier write to the same path and keeps the newest last', () => {
    const text = addWrite({ '/a': { body: 1 }, '/b': { body: 2 } }, '/a', { body: 3 }, 1000);
    expect(Object.entries(parseWrites(text))).toEqual([
      ['/b', { body: 2 }],
      ['/a', { body: 3 }],
    ]);
  });

  it(`keeps at most ${MAX_WRITES} writes, forgetting the oldest`, () => {
    let writes = {};
    for (let i = 0; i <= MAX_WRITES; i++)
      writes = parseWrites(addWrite(writes, `/${i}`, { body: i }, 100_000));
    expect(Object.keys(writes)).toHaveLength(MAX_WRITES);
    expect(writes).not.toHaveProperty('/0');
  });

  it('stays within the length limit, dropping a write too large to keep', () => {
    expect(addWrite({ '/a': { body: 'x' } }, '/b', { body: 'y'.repeat(50) }, 40)).toBe('{}');
    expect(addWrite({ '/a': { body: 'x'.repeat(30) } }, '/b', { body: 'y' }, 40)).toBe(
      '{"/b":{"body":"y"}}',
    );
  });
});

describe('overlay', () => {
  it.each([
    ['same kinds replace', { a: 1, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'y' }],
    ['other kinds stay', { a: 1, b: [1] }, { a: 'two', b: {} }, { a: 1, b: [1] }],
    ['unknown fields stay out', { a: 1 }, { z: 1 }, { a: 1 }],
    ['non-objects pass through', [1], { a: 1 }, [1]],
  ])('%s', (_, answer, request, expected) => expect(overlay(answer, request)).toEqual(expected));
});
