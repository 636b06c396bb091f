/**
 * Shared state in Redis (or Valkey) for several server instances, and the failover that keeps a
 * server serving with its own memory while Redis is unreachable.
 */
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { MemoryRateLimitStore, type RateLimitStore } from '../http/rate-limit.ts';
import { MemoryKeyValueStore, type KeyValueStore, type MemoryStoreLimits } from '../http/store.ts';

/** The health check's verdict: `degraded` while shared state is per instance. */
export type SharedStoreStatus = 'ok' | 'degraded';

/** The part of a Redis client the link watches: its connection state and events. */
export interface RedisConnection {
  readonly status: string;
  on(event: 'ready' | 'close' | 'error', listener: () => void): unknown;
}

/** How long a failed command keeps the shared store out of use while the connection looks up. */
export const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * Whether Redis may be used right now. Down while the client is not connected, and for a short
 * while after a failed command; logs one line when Redis goes away and one when it is back, never
 * one per request.
 */
export class RedisLink {
  readonly #connection: RedisConnection;
  readonly #log: (message: string) => void;
  readonly #clock: () => number;
  #retryAt = 0;
  #warned = false;

  constructor(
    connection: RedisConnection,
    log: (message: string) => void,
    clock: () => number = Date.now,
  ) {
    this.#connection = connection;
    this.#log = log;
    this.#clock = clock;
    connection.on('ready', () => {
      this.#retryAt = 0;
      this.#up();
    });
    connection.on('close', () => {
      this.#down();
    });
    // Without a listener the client prints every failed reconnect attempt.
    connection.on('error', () => {
      this.#down();
    });
  }

  /** True when commands should go to Redis. */
  get usable(): boolean {
    return this.#connection.status === 'ready' && this.#clock() >= this.#retryAt;
  }

  /** `degraded` whenever requests are counted in this instance's memory instead of Redis. */
  get status(): SharedStoreStatus {
    return this.usable ? 'ok' : 'degraded';
  }

  /** Records a failed command: Redis is left alone for a moment. */
  failed(): void {
    this.#retryAt = this.#clock() + RETRY_AFTER_FAILURE_MS;
    this.#down();
  }

  /** Records a command that worked. */
  succeeded(): void {
    this.#up();
  }

  #down(): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#log(
      'Redis is unreachable: rate limits and mock state are per instance until it is back (GET /api/health says "degraded").',
    );
  }

  #up(): void {
    if (!this.#warned) return;
    this.#warned = false;
    this.#log('Redis is reachable again: rate limits and mock state are shared across instances.');
  }
}

/**
 * Runs `primary` while the link is usable and `fallback` otherwise, or when `primary` fails; the
 * caller never sees a Redis error. A RangeError is the caller's mistake (a bad TTL, a value too
 * large), not an outage: it is passed on.
 */
export function withFailover<A extends unknown[], R>(
  link: RedisLink,
  primary: (...args: A) => Promise<R>,
  fallback: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    if (link.usable) {
      try {
        const result = await primary(...args);
        link.succeeded();
        return result;
      } catch (error) {
        if (error instanceof RangeError) throw error;
        link.failed();
      }
    }
    return fallback(...args);
  };
}

/** Fixed-window counters in Redis through rate-limiter-flexible's atomic increment script. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #limiters = new Map<number, RateLimiterRedis>();

  constructor(client: Redis, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  async hit(
    key: string,
    windowMs: number,
    now: number,
  ): Promise<{ count: number; resetAt: number }> {
    let limiter = this.#limiters.get(windowMs);
    if (limiter === undefined) {
      // The limiter only counts: the caller compares the count with its own rule.
      limiter = new RateLimiterRedis({
        storeClient: this.#client,
        points: Number.MAX_SAFE_INTEGER,
        duration: Math.max(1, Math.ceil(windowMs / 1000)),
        keyPrefix: `${this.#prefix}:${String(windowMs)}`,
        rejectIfRedisNotReady: true,
      });
      this.#limiters.set(windowMs, limiter);
    }
    const result = await limiter.consume(key);
    return { count: result.consumedPoints, resetAt: now + result.msBeforeNext };
  }
}

/**
 * {@link KeyValueStore} over Redis strings with a millisecond expiry, under one key prefix, with
 * the same cap on value size as the in-memory store (Redis itself bounds the count by expiry).
 */
export class RedisKeyValueStore implements KeyValueStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #maxValueLength: number;

  constructor(client: Redis, prefix: string, maxValueLength: number) {
    this.#client = client;
    this.#prefix = prefix;
    this.#maxValueLength = maxValueLength;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.#client.get(`${this.#prefix}:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 1)
      throw new RangeError(
        `ttlMs must be a whole number of milliseconds ≥ 1, got ${String(ttlMs)}`,
      );
    if (value.length > this.#maxValueLength)
      throw new RangeError(
        `A value of ${value.length} characters exceeds ${this.#maxValueLength}.`,
      );
    await this.#client.set(`${this.#prefix}:${key}`, value, 'PX', ttlMs);
  }
}

/**
 * A client for `PLAYGROUND_REDIS_URL` that fails commands at once while disconnected (no queue,
 * no retries per command) and reconnects by itself with a capped backoff.
 */
export function connectRedis(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
}

/** Everything the composition root needs for state shared through one Redis. */
export interface SharedStores {
  /** Every limiter's counters (keys are prefixed per limiter by the caller). */
  rateLimitStore: RateLimitStore;
  /** The mock's per-reader state. */
  stateStore: KeyValueStore;
  link: RedisLink;
  client: Redis;
}

/**
 * Stores in Redis at `url` that fall back to this instance's memory while Redis is unreachable;
 * `log` receives the one line per outage and recovery. `stateLimits` bound the memory fallback
 * and the size of each value.
 */
export function sharedStores(
  url: string,
  stateLimits: MemoryStoreLimits,
  log: (message: string) => void,
): SharedStores {
  const client = connectRedis(url);
  const link = new RedisLink(client, log);
  const redisCounters = new RedisRateLimitStore(client, 'playground:limits');
  const memoryCounters = new MemoryRateLimitStore();
  const redisState = new RedisKeyValueStore(client, 'playground:state', stateLimits.maxValueLength);
  const memoryState = new MemoryKeyValueStore(stateLimits);
  return {
    rateLimitStore: {
      hit: withFailover(
        link,
        (key: string, windowMs: number, now: number) => redisCounters.hit(key, windowMs, now),
        (key: string, windowMs: number, now: number) => memoryCounters.hit(key, windowMs, now),
      ),
    },
    stateStore: {
      get: withFailover(
        link,
        (key: string) => redisState.get(key),
        (key: string) => memoryState.get(key),
      ),
      set: withFailover(
        link,
        (key: string, value: string, ttlMs: number) => redisState.set(key, value, ttlMs),
        (key: string, value: string, ttlMs: number) => memoryState.set(key, value, ttlMs),
      ),
    },
    link,
    client,
  };
}
