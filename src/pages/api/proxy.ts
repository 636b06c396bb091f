import type { APIRoute } from 'astro';
import { serverInstances } from '../../lib/proxy/server.ts';

export const prerender = false;

/** POST /api/proxy: forwards one playground request (the contract in ARCHITECTURE.md). */
export const POST: APIRoute = ({ request, clientAddress }) =>
  serverInstances().proxy(request, clientAddress);
