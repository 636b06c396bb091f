/**
 * Shared state in Redis (or Valkey) for several server instances, and the failover that keeps a
 * server serving with its own memory while Redis is unreachable.
 */
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { MemoryRateLimitStore, type RateLimitStore } from '../proxy/rate-limit.ts';

/** A small async key-value store whose entries expire; state any instance can read back. */
export interface KeyValueStore {
  /** The value stored under `key`, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing what was there. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Removes `key`; removing an absent key is not an error. */
  delete(key: string): Promise<void>;
}

/** Where the health check's verdict comes from: `degraded` while shared state is per instance. */
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
      'Redis is unreachable: rate limits are counted per instance until it is back (GET /api/health says "degraded").',
    );
  }

  #up(): void {
    if (!this.#warned) return;
    this.#warned = false;
    this.#log('Redis is reachable again: rate limits are shared across instances.');
  }
}

/**
 * Runs `primary` while the link is usable and `fallback` otherwise, or when `primary` fails; the
 * caller never sees a Redis error.
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
      } catch {
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

/** {@link KeyValueStore} over Redis strings with a millisecond expiry, under one key prefix. */
export class RedisKeyValueStore implements KeyValueStore {
  readonly #client: Redis;
  readonly #prefix: string;

  constructor(client: Redis, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.#client.get(`${this.#prefix}:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 1)
      throw new RangeError(
        `ttlMs must be a whole number of milliseconds ≥ 1, got ${String(ttlMs)}`,
      );
    await this.#client.set(`${this.#prefix}:${key}`, value, 'PX', ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.#client.del(`${this.#prefix}:${key}`);
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

/** Everything the composition root needs for limits shared through one Redis. */
export interface SharedRateLimits {
  /** The proxy's per-client limit store. */
  proxy: RateLimitStore;
  /** The mock's Basic-auth counters. */
  mock: RateLimitStore;
  link: RedisLink;
  client: Redis;
}

/**
 * Rate-limit stores in Redis at `url` that fall back to this instance's memory while Redis is
 * unreachable; `log` receives the one line per outage and recovery.
 */
export function sharedRateLimits(url: string, log: (message: string) => void): SharedRateLimits {
  const client = connectRedis(url);
  const link = new RedisLink(client, log);
  const store = (prefix: string): RateLimitStore => {
    const redis = new RedisRateLimitStore(client, prefix);
    const memory = new MemoryRateLimitStore();
    return {
      hit: withFailover(
        link,
        (key: string, windowMs: number, now: number) => redis.hit(key, windowMs, now),
        (key: string, windowMs: number, now: number) => memory.hit(key, windowMs, now),
      ),
    };
  };
  return { proxy: store('playground:proxy'), mock: store('playground:mock'), link, client };
}
