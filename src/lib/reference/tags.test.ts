import { describe, expect, it } from 'vitest';
import { declaredTags, groupByTag, UNTAGGED } from './tags.ts';

const op = (id: string, ...tags: string[]) => ({ id, tags });

describe('groupByTag', () => {
  it('keeps declared order, then undeclared tags, then untagged operations', () => {
    const groups = groupByTag(
      [op('a', 'Late'), op('b', 'First'), op('c'), op('d', 'Undeclared'), op('e', 'First', 'Late')],
      [
        { name: 'First', description: 'one' },
        { name: 'Late', description: 'two' },
        { name: 'Empty', description: 'never used' },
      ],
    );
    expect(groups.map((g) => [g.name, g.operations.map((o) => o.id)])).toEqual([
      ['First', ['b', 'e']],
      ['Late', ['a']],
      ['Undeclared', ['d']],
      [UNTAGGED, ['c']],
    ]);
    expect(groups[0]?.description).toBe('one');
  });

  it('returns no groups for no operations', () => {
    expect(groupByTag([])).toEqual([]);
  });
});

describe('declaredTags', () => {
  it.each([
    [
      { tags: [{ name: 'A', description: 'x' }, { name: 'B' }] },
      [
        { name: 'A', description: 'x' },
        { name: 'B', description: '' },
      ],
    ],
    [{ tags: [null, { description: 'no name' }, 'text'] }, []],
    [{}, []],
  ])('%j', (document, expected) => {
    expect(declaredTags(document)).toEqual(expected);
  });
});
