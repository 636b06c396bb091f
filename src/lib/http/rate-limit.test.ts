import { describe, expect, it } from 'vitest';
import { createRateLimiter, MemoryRateLimitStore } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows `limit` hits per window per key, then gives Retry-After until the window ends', async () => {
    let now = 1_000_000;
    const limit = createRateLimiter(
      { limit: 2, windowMs: 10_000 },
      new MemoryRateLimitStore(),
      () => now,
    );
    expect(await limit('a')).toEqual({ allowed: true });
    expect(await limit('a')).toEqual({ allowed: true });
    expect(await limit('b')).toEqual({ allowed: true });
    now += 2_500;
    expect(await limit('a')).toEqual({ allowed: false, retryAfterSeconds: 8 });
    now += 7_500;
    expect(await limit('a')).toEqual({ allowed: true });
  });

  it('never limits when the rule is off', async () => {
    const limit = createRateLimiter(null);
    for (let i = 0; i < 100; i += 1) expect(await limit('a')).toEqual({ allowed: true });
  });

  it('sweeps expired windows so memory stays bounded', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore();
    const limit = createRateLimiter({ limit: 1, windowMs: 1_000 }, store, () => now);
    for (let i = 0; i < 500; i += 1) await limit(`client-${i}`);
    expect(store.size).toBe(500);
    now += 5_000;
    await limit('late');
    expect(store.size).toBe(1);
  });
});
