/**
 * The composition root: the one place that reads the environment and wires the proxy, the mock
 * and their stores together. Routes and the production server take their handlers from here;
 * the proxy and the mock never import each other.
 */
import { createMockHandler, type MockHandler } from '../mock/handler.ts';
import { createProxyHandler, type ProxyHandler } from '../proxy/handler.ts';
import { parsePlaygroundEnv } from './config.ts';

/** The handlers of this server process. */
export interface ServerInstances {
  proxy: ProxyHandler;
  mock: MockHandler;
}

let instances: ServerInstances | undefined;

/**
 * The proxy and mock of this server process, built once from the environment on first use so a
 * malformed variable fails with a message naming it. The proxy calls this same mock in process.
 */
export function serverInstances(): ServerInstances {
  if (instances === undefined) {
    const env = parsePlaygroundEnv(process.env);
    const mock = createMockHandler({ basicRateLimit: env.MOCK_BASIC_RATE_LIMIT });
    const proxy = createProxyHandler({
      extraOrigins: env.PLAYGROUND_ALLOWED_ORIGINS,
      rateLimit: env.PLAYGROUND_RATE_LIMIT,
      mock,
    });
    instances = { proxy, mock };
  }
  return instances;
}
