/** A limit of `limit` hits per `windowMs` milliseconds. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Outcome of one hit: allowed, or refused with the seconds until the window resets. */
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Where counters live. The in-memory store serves one process; several instances share limits
 * by implementing this over a shared store (for example Redis through `rate-limiter-flexible`).
 */
export interface RateLimitStore {
  /** Adds one hit for `key` in a fixed window and returns the count and when the window ends. */
  hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
}

/** Fixed-window counters in this process's memory; expired windows are swept as time passes. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #nextSweep = 0;

  hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }> {
    if (now >= this.#nextSweep) {
      for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
      this.#nextSweep = now + windowMs;
    }
    let window = this.#windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ count: window.count, resetAt: window.resetAt });
  }

  /** Number of live windows, so tests can see that memory is bounded. */
  get size(): number {
    return this.#windows.size;
  }
}

/** A limiter for one rule over one store; `null` rule means unlimited. */
export function createRateLimiter(
  rule: RateLimitRule | null,
  store: RateLimitStore = new MemoryRateLimitStore(),
  clock: () => number = Date.now,
): (key: string) => Promise<RateLimitResult> {
  return async (key) => {
    if (rule === null) return { allowed: true };
    const now = clock();
    const { count, resetAt } = await store.hit(key, rule.windowMs, now);
    if (count <= rule.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
  };
}
