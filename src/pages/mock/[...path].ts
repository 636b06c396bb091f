import type { APIRoute } from 'astro';
import { serverInstances } from '../../lib/proxy/server.ts';

export const prerender = false;

/** Every method under /mock/ goes to the embedded mock Sinch API. */
export const ALL: APIRoute = ({ request }) => serverInstances().mock(request);
