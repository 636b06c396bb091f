import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS_KEY,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from './credentials.ts';

/** A Storage backed by a Map, as browsers provide. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
}

const VALUE = { projectId: 'p', keyId: 'k', keySecret: 's', remember: false };

describe('credentials storage', () => {
  it('keeps credentials in the tab only by default', () => {
    const [session, local] = [new MemoryStorage(), new MemoryStorage()];
    saveCredentials(VALUE, session, local);
    expect(loadCredentials(session, local)).toEqual(VALUE);
    expect(local.getItem(CREDENTIALS_KEY)).toBeNull();
  });

  it('remembers on the device only after opting in, and drops that copy when turned off', () => {
    const [session, local] = [new MemoryStorage(), new MemoryStorage()];
    saveCredentials({ ...VALUE, remember: true }, session, local);
    expect(loadCredentials(new MemoryStorage(), local)).toEqual({ ...VALUE, remember: true });
    saveCredentials(VALUE, session, local);
    expect(local.getItem(CREDENTIALS_KEY)).toBeNull();
  });

  it('forgets every copy', () => {
    const [session, local] = [new MemoryStorage(), new MemoryStorage()];
    saveCredentials({ ...VALUE, remember: true }, session, local);
    forgetCredentials(session, local);
    expect(session.length + local.length).toBe(0);
    expect(loadCredentials(session, local).keySecret).toBe('');
  });

  it.each(['not json', '[]', '{"keyId":42}'])('ignores a malformed entry %j', (raw) => {
    const session = new MemoryStorage();
    session.setItem(CREDENTIALS_KEY, raw);
    expect(loadCredentials(session, new MemoryStorage()).keyId).toBe('');
  });
});
