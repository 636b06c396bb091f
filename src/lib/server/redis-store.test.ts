import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../tests/support/redis-server.ts';
import { STATE_LIMITS } from '../mock/handler.ts';
import {
  connectRedis,
  RedisKeyValueStore,
  RedisLink,
  RedisRateLimitStore,
  RETRY_AFTER_FAILURE_MS,
  sharedStores,
  withFailover,
} from './redis-store.ts';

/** A stand-in connection whose state the test sets and whose events it emits. */
class FakeConnection extends EventEmitter {
  status = 'connecting';
  go(status: string, event: 'ready' | 'close' | 'error'): void {
    this.status = status;
    this.emit(event);
  }
}

function makeLink() {
  const connection = new FakeConnection();
  const logs: string[] = [];
  let now = 1_000;
  const link = new RedisLink(
    connection,
    (line) => logs.push(line),
    () => now,
  );
  return { connection, logs, link, advance: (ms: number) => (now += ms) };
}

describe('RedisLink', () => {
  it('is degraded until the first connection, without a warning while connecting', () => {
    const { connection, link, logs } = makeLink();
    expect(link.status).toBe('degraded');
    connection.go('ready', 'ready');
    expect(link.status).toBe('ok');
    expect(logs).toEqual([]);
  });

  it('warns once per outage however many events and failures arrive, and once on recovery', () => {
    const { connection, link, logs } = makeLink();
    connection.go('ready', 'ready');
    connection.go('reconnecting', 'close');
    connection.go('reconnecting', 'error');
    connection.go('reconnecting', 'error');
    link.failed();
    expect(link.status).toBe('degraded');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/unreachable/);
    connection.go('ready', 'ready');
    expect(link.status).toBe('ok');
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/reachable again/);
  });

  it('leaves a connected Redis alone for a moment after a failed command', () => {
    const { connection, link, advance } = makeLink();
    connection.go('ready', 'ready');
    link.failed();
    expect(link.usable).toBe(false);
    advance(RETRY_AFTER_FAILURE_MS - 1);
    expect(link.usable).toBe(false);
    advance(1);
    expect(link.usable).toBe(true);
  });
});

describe('withFailover', () => {
  it.each([
    { name: 'uses the primary while usable', ready: true, primaryFails: false, want: 'primary' },
    { name: 'falls back when the primary throws', ready: true, primaryFails: true, want: 'memory' },
    { name: 'skips the primary while down', ready: false, primaryFails: false, want: 'memory' },
  ])('$name', async ({ ready, primaryFails, want }) => {
    const { connection, link } = makeLink();
    if (ready) connection.go('ready', 'ready');
    let primaryCalls = 0;
    const call = withFailover(
      link,
      (x: number) => {
        primaryCalls += 1;
        return primaryFails ? Promise.reject(new Error('boom')) : Promise.resolve(`primary ${x}`);
      },
      (x: number) => Promise.resolve(`memory ${x}`),
    );
    await expect(call(7)).resolves.toBe(`${want} 7`);
    expect(primaryCalls).toBe(ready ? 1 : 0);
    expect(link.status).toBe(want === 'primary' ? 'ok' : 'degraded');
  });
});

describe('Redis stores against a real redis-server', () => {
  let redis: TestRedis;
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    client = connectRedis(redis.url);
    await new Promise((resolve) => client.once('ready', resolve));
  });
  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });

  it('counts hits per key in one fixed window and reports when it ends', async () => {
    const store = new RedisRateLimitStore(client, 'test:rl');
    const now = Date.now();
    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push((await store.hit('a', 60_000, now)).count);
    const other = await store.hit('b', 60_000, now);
    expect(counts).toEqual([1, 2, 3]);
    expect(other.count).toBe(1);
    expect(other.resetAt).toBeGreaterThan(now + 55_000);
    expect(other.resetAt).toBeLessThanOrEqual(now + 60_000);
  });

  it('keeps windows of different lengths apart', async () => {
    const store = new RedisRateLimitStore(client, 'test:rl2');
    await store.hit('a', 60_000, Date.now());
    expect((await store.hit('a', 2_000, Date.now())).count).toBe(1);
  });

  it('shares counts between two stores on the same prefix (two instances)', async () => {
    const one = new RedisRateLimitStore(client, 'test:shared');
    const two = new RedisRateLimitStore(client, 'test:shared');
    await one.hit('k', 60_000, Date.now());
    expect((await two.hit('k', 60_000, Date.now())).count).toBe(2);
  });

  it('stores, reads, replaces and expires key-value entries', async () => {
    const kv = new RedisKeyValueStore(client, 'test:kv', 100);
    await kv.set('x', '{"a":1}', 60_000);
    await kv.set('x', '{"a":2}', 60_000);
    await kv.set('short', 'gone soon', 50);
    expect(await kv.get('x')).toBe('{"a":2}');
    expect(await kv.get('missing')).toBeUndefined();
    await expect.poll(() => kv.get('short'), { timeout: 5000 }).toBeUndefined();
  });

  it('refuses a value over its size cap, naming the sizes', async () => {
    const kv = new RedisKeyValueStore(client, 'test:kv', 100);
    await expect(kv.set('big', 'x'.repeat(101), 1000)).rejects.toThrow(
      /101 characters exceeds 100/,
    );
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses a TTL of %s ms naming ttlMs', async (ttl) => {
    const kv = new RedisKeyValueStore(client, 'test:kv', 100);
    await expect(kv.set('x', 'v', ttl)).rejects.toThrow(/ttlMs/);
  });
});

describe('sharedStores', () => {
  it('serves from memory with one warning while Redis is down, then shares again', async () => {
    const redis = await startRedis();
    const logs: string[] = [];
    const shared = sharedStores(redis.url, STATE_LIMITS, (line) => logs.push(line));
    const hit = async () => (await shared.rateLimitStore.hit('c', 60_000, Date.now())).count;
    try {
      await expect.poll(() => shared.link.status, { timeout: 10_000 }).toBe('ok');
      await hit();
      expect(await hit()).toBe(2);
      await shared.stateStore.set('reader', 'in redis', 60_000);

      await redis.kill();
      await expect.poll(() => shared.link.status, { timeout: 10_000 }).toBe('degraded');
      const down = [];
      for (let i = 0; i < 5; i += 1) down.push(await hit());
      expect(down).toEqual([1, 2, 3, 4, 5]);
      await shared.stateStore.set('reader', 'in memory', 60_000);
      expect(await shared.stateStore.get('reader')).toBe('in memory');
      await expect(
        shared.stateStore.set('x', 'y'.repeat(STATE_LIMITS.maxValueLength + 1), 1000),
      ).rejects.toThrow(RangeError);
      expect(logs.filter((line) => /unreachable/.test(line))).toHaveLength(1);

      await redis.restart();
      await expect.poll(() => shared.link.status, { timeout: 10_000 }).toBe('ok');
      // The restarted Redis is empty: counting starts again there, not in memory.
      expect(await hit()).toBe(1);
      expect(await shared.stateStore.get('reader')).toBeUndefined();
      expect(logs).toHaveLength(2);
    } finally {
      shared.client.disconnect();
      await redis.stop();
    }
  });
});
