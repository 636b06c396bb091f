import type { APIRoute } from 'astro';
import { serverInstances } from '../../lib/server/instances.ts';

export const prerender = false;

/** Every method under /mock/ goes to the embedded mock Sinch API. */
export const ALL: APIRoute = ({ request, clientAddress }) => {
  const { mock, client } = serverInstances();
  return mock(request, client(request, clientAddress));
};
