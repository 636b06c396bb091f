import type { APIRoute } from 'astro';
import { serverInstances } from '../../lib/server/instances.ts';

export const prerender = false;

/** POST /api/proxy: forwards one playground request (the contract in ARCHITECTURE.md). */
export const POST: APIRoute = ({ request, clientAddress }) => {
  const { proxy, client } = serverInstances();
  return proxy(request, client(request, clientAddress));
};
