import { createMockHandler, type MockHandler } from '../mock/handler.ts';
import { parsePlaygroundEnv } from './config.ts';
import { createProxyHandler, type ProxyHandler } from './handler.ts';

let instances: { proxy: ProxyHandler; mock: MockHandler } | undefined;

/**
 * The proxy and mock of this server process, built once from the environment on first use so a
 * malformed variable fails with a message naming it. The proxy calls this same mock in process.
 */
export function serverInstances(): { proxy: ProxyHandler; mock: MockHandler } {
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
