import type { APIRoute } from 'astro';
import { proxyJson } from '../../lib/proxy/errors.ts';
import { serverInstances } from '../../lib/server/instances.ts';

export const prerender = false;

/**
 * GET /api/health: 200 once the proxy and mock are configured, for load balancers and uptime
 * checks; `status` is `degraded` (still 200: the instance serves) while the shared Redis store is
 * unreachable. A malformed PLAYGROUND_* or MOCK_* variable makes it fail with an error naming it.
 */
export const GET: APIRoute = () => proxyJson(200, { status: serverInstances().status() });
