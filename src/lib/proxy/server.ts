import { createMockHandler, type MockHandler } from '../mock/handler.ts';
import { sharedRateLimits, type SharedStoreStatus } from '../server/redis-store.ts';
import { parsePlaygroundEnv } from './config.ts';
import { createProxyHandler, type ProxyHandler } from './handler.ts';

/** The handlers of one server process and the state of the store they share with other instances. */
export interface ServerInstances {
  proxy: ProxyHandler;
  mock: MockHandler;
  /** `degraded` while PLAYGROUND_REDIS_URL is set but Redis cannot be used. */
  status: () => SharedStoreStatus;
}

// Kept on globalThis so the built Astro routes and the production server layer, which load this
// module from different files, share one set of handlers per process.
const INSTANCES = Symbol.for('sinch-playground.server-instances');
const registry = globalThis as { [INSTANCES]?: ServerInstances };

/**
 * The proxy and mock of this server process, built once from the environment on first use so a
 * malformed variable fails with a message naming it. The proxy calls this same mock in process.
 */
export function serverInstances(): ServerInstances {
  let instances = registry[INSTANCES];
  if (instances === undefined) {
    const env = parsePlaygroundEnv(process.env);
    const shared =
      env.PLAYGROUND_REDIS_URL === undefined
        ? undefined
        : sharedRateLimits(env.PLAYGROUND_REDIS_URL, (line) => {
            console.warn(line);
          });
    const mock = createMockHandler({
      basicRateLimit: env.MOCK_BASIC_RATE_LIMIT,
      ...(shared === undefined ? {} : { basicRateLimitStore: shared.mock }),
    });
    const proxy = createProxyHandler({
      extraOrigins: env.PLAYGROUND_ALLOWED_ORIGINS,
      rateLimit: env.PLAYGROUND_RATE_LIMIT,
      ...(shared === undefined ? {} : { rateLimitStore: shared.proxy }),
      mock,
    });
    instances = { proxy, mock, status: () => shared?.link.status ?? 'ok' };
    registry[INSTANCES] = instances;
  }
  return instances;
}
