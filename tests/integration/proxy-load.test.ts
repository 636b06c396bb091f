import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyEnvelope } from '../../src/lib/proxy/handler.ts';
import { makeProxy, proxyBody, serveHandler, type Upstream } from './proxy-support.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

let server: Upstream;

beforeAll(async () => {
  server = await serveHandler(makeProxy({ rateLimit: null }).handler);
});
afterAll(() => server.close());

/** 200 concurrent playground calls to the mock through the proxy served over HTTP. */
async function burst(): Promise<number[]> {
  const url = `${server.origin}/mock/numbers/v1/projects/demo-project/availableNumbers?regionCode=US&type=LOCAL`;
  return Promise.all(
    Array.from({ length: 200 }, async () => {
      const response = await fetch(`${server.origin}/api/proxy`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify(proxyBody(url)),
      });
      const envelope = (await response.json()) as ProxyEnvelope;
      return response.status === 200 ? envelope.status : response.status;
    }),
  );
}

describe('load', () => {
  it('serves 200 concurrent proxied requests to the mock and memory returns to its baseline', async () => {
    await burst();
    const baseline = settledHeap();
    const statuses = await burst();
    expect(statuses).toEqual(Array.from({ length: 200 }, () => 200));
    for (let round = 0; round < 3; round += 1) await burst();
    const after = settledHeap();
    expect(after - baseline).toBeLessThan(8 * 1024 * 1024);
  });
});
