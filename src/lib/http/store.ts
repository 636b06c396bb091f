/**
 * The store behind state that strangers can write (the mock's per-reader edits): a tiny async
 * key-value interface with expiry, so a shared implementation (for example Redis `GET` and
 * `SET … PX`) can replace the in-memory one when several instances serve one site.
 */

/** Async get/set with a time to live; every value expires, nothing is kept forever. */
export interface KeyValueStore {
  /** The value stored under `key`, or undefined when there is none or it has expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any earlier value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** Bounds of the in-memory store: at most `maxEntries` values of at most `maxValueLength` characters. */
export interface MemoryStoreLimits {
  maxEntries: number;
  maxValueLength: number;
}

/**
 * A KeyValueStore in this process's memory, bounded in count and size: past `maxEntries`, expired
 * entries go first, then the least recently written.
 */
export class MemoryKeyValueStore implements KeyValueStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  readonly #limits: MemoryStoreLimits;
  readonly #clock: () => number;

  constructor(limits: MemoryStoreLimits, clock: () => number = Date.now) {
    this.#limits = limits;
    this.#clock = clock;
  }

  get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (entry === undefined) return Promise.resolve(undefined);
    if (entry.expiresAt <= this.#clock()) {
      this.#entries.delete(key);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.value);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    const { maxEntries, maxValueLength } = this.#limits;
    if (value.length > maxValueLength)
      return Promise.reject(
        new RangeError(`A value of ${value.length} characters exceeds ${maxValueLength}.`),
      );
    const now = this.#clock();
    // Re-inserting moves the key to the end, so iteration order is the order of last writes.
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: now + ttlMs });
    if (this.#entries.size > maxEntries) {
      for (const [k, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(k);
      for (const k of this.#entries.keys()) {
        if (this.#entries.size <= maxEntries) break;
        this.#entries.delete(k);
      }
    }
    return Promise.resolve();
  }

  /** Number of entries held, expired or not, so tests can see that memory is bounded. */
  get size(): number {
    return this.#entries.size;
  }
}
