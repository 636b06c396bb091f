import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from './store.ts';

describe('MemoryKeyValueStore', () => {
  it('returns a value until it expires', async () => {
    let now = 0;
    const store = new MemoryKeyValueStore({ maxEntries: 10, maxValueLength: 10 }, () => now);
    await store.set('a', 'one', 1000);
    expect(await store.get('a')).toBe('one');
    expect(await store.get('b')).toBeUndefined();
    now = 999;
    expect(await store.get('a')).toBe('one');
    now = 1000;
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping expired entries first, then the oldest write', async () => {
    let now = 0;
    const store = new MemoryKeyValueStore({ maxEntries: 3, maxValueLength: 10 }, () => now);
    await store.set('short', 'x', 10);
    await store.set('old', 'x', 1000);
    await store.set('mid', 'x', 1000);
    now = 20;
    await store.set('new', 'x', 1000);
    expect(store.size).toBe(3);
    expect(await store.get('old')).toBe('x');
    await store.set('old', 'y', 1000);
    await store.set('newest', 'x', 1000);
    expect(store.size).toBe(3);
    expect(await store.get('mid')).toBeUndefined();
    expect(await store.get('old')).toBe('y');
  });

  it('refuses a value longer than maxValueLength', async () => {
    const store = new MemoryKeyValueStore({ maxEntries: 3, maxValueLength: 4 });
    await expect(store.set('a', 'hello', 1000)).rejects.toThrow(RangeError);
    expect(store.size).toBe(0);
  });
});
