/**
 * The composition root: the one place that reads the environment and wires the proxy, the mock
 * and their stores together. Routes and the production server take their handlers from here;
 * the proxy and the mock never import each other.
 */
import { clientKey } from '../http/client-address.ts';
import { MemoryRateLimitStore } from '../http/rate-limit.ts';
import { MemoryKeyValueStore } from '../http/store.ts';
import { createMockHandler, STATE_LIMITS, type MockHandler } from '../mock/handler.ts';
import { loadReferenceApis } from '../reference/documents.ts';
import { documentAccess } from '../proxy/document-access.ts';
import { createProxyHandler, type ProxyHandler } from '../proxy/handler.ts';
import { parsePlaygroundEnv } from './config.ts';
import { sharedStores, type SharedStoreStatus } from './redis-store.ts';

/** The handlers of this server process. */
export interface ServerInstances {
  proxy: ProxyHandler;
  mock: MockHandler;
  /**
   * The client a request is counted under: its socket address, or the forwarded address when
   * the socket is a trusted reverse proxy (PLAYGROUND_TRUSTED_PROXIES); IPv6 grouped by /64.
   */
  client: (request: Request, socketAddress: string) => string;
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
    // Redis when PLAYGROUND_REDIS_URL is set (with this process's memory while it is down).
    const shared =
      env.PLAYGROUND_REDIS_URL === undefined
        ? undefined
        : sharedStores(env.PLAYGROUND_REDIS_URL, STATE_LIMITS, (line) => {
            console.warn(line);
          });
    // One counter store for every limiter (keys are prefixed per limiter).
    const rateLimitStore = shared?.rateLimitStore ?? new MemoryRateLimitStore();
    // The registered documents, bundled at build time and dereferenced once at start-up.
    const apis = loadReferenceApis();
    const mock = createMockHandler({
      basicRateLimit: env.MOCK_BASIC_RATE_LIMIT,
      tokenRateLimit: env.MOCK_TOKEN_RATE_LIMIT,
      ...(env.MOCK_TOKEN_SECRET === undefined ? {} : { tokenSecret: env.MOCK_TOKEN_SECRET }),
      rateLimitStore,
      stateStore: shared?.stateStore ?? new MemoryKeyValueStore(STATE_LIMITS),
      apis,
    });
    const proxy = createProxyHandler({
      extraOrigins: env.PLAYGROUND_ALLOWED_ORIGINS,
      // Their server origins and declared API key headers join the proxy's allowlists.
      documents: apis.then(documentAccess),
      rateLimit: env.PLAYGROUND_RATE_LIMIT,
      rateLimitStore,
      mock,
    });
    const trusted = env.PLAYGROUND_TRUSTED_PROXIES;
    instances = {
      proxy,
      mock,
      client: (request, socketAddress) =>
        clientKey(socketAddress, request.headers.get('x-forwarded-for'), trusted),
      status: () => shared?.link.status ?? 'ok',
    };
    registry[INSTANCES] = instances;
  }
  return instances;
}
