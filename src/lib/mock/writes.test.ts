import { describe, expect, it } from 'vitest';
import {
  addWrite,
  listWithWrites,
  MAX_WRITES,
  overlay,
  parseWrites,
  safeDecode,
  type Writes,
} from './writes.ts';

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

describe('listWithWrites', () => {
  const list = {
    widgets: [
      { id: 'w1', name: 'One' },
      { id: 'w2', name: 'Two' },
    ],
    totalSize: 2,
  };
  it.each<[string, unknown, Writes, unknown]>([
    ['no writes below the list', list, { '/widgets': { body: 1 }, '/other/w3': { body: 1 } }, list],
    [
      'a created member joins',
      list,
      { '/widgets/w3': { body: { id: 'w3', name: 'Mine' } } },
      { ...list, widgets: [...list.widgets, { id: 'w3', name: 'Mine' }] },
    ],
    [
      'an updated member replaces its item',
      list,
      { '/widgets/w2': { body: { id: 'w2', name: 'Renamed' } } },
      { ...list, widgets: [list.widgets[0], { id: 'w2', name: 'Renamed' }] },
    ],
    [
      'a deleted member leaves',
      list,
      { '/widgets/w1': { deleted: true } },
      { ...list, widgets: [list.widgets[1]] },
    ],
    [
      'an escaped id is matched decoded',
      { numbers: [{ phoneNumber: '+1 555' }] },
      { '/widgets/%2B1%20555': { deleted: true } },
      { numbers: [] },
    ],
    [
      'an answer that is an array',
      [{ id: 'w1' }],
      { '/widgets/w2': { body: { id: 'w2' } } },
      [{ id: 'w1' }, { id: 'w2' }],
    ],
    ['an answer without a list', { id: 'w1' }, { '/widgets/w2': { body: {} } }, { id: 'w1' }],
    [
      'deeper paths and malformed escapes are no members',
      list,
      { '/widgets/w1/parts/p1': { deleted: true }, '/widgets/%E0': { deleted: true } },
      list,
    ],
  ])('%s', (_, answer, writes, expected) => {
    expect(listWithWrites(answer, '/widgets', writes)).toEqual(expected);
  });
});

describe('safeDecode', () => {
  it.each([
    ['a%20b', 'a b'],
    ['%E0', null],
  ])('%s', (segment, expected) => expect(safeDecode(segment)).toBe(expected));
});
