import { describe, expect, it } from 'vitest';
import { BodyTimeoutError, BodyTooLargeError, readBody, readBodyText } from './body.ts';

/** A request whose body arrives as the given chunks, counting how many were pulled. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[pulled];
        pulled += 1;
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request('http://localhost/', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readBody', () => {
  it.each([
    ['empty', [], 0],
    ['exactly the cap', [new Uint8Array(6), new Uint8Array(4)], 10],
    ['under the cap', [new Uint8Array(3)], 3],
  ])('reads a body %s', async (_, chunks, size) => {
    expect((await readBody(streamed(chunks).request, 10)).byteLength).toBe(size);
  });

  it('stops at the first chunk past the cap without pulling the rest', async () => {
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(4));
    const { request, pulled } = streamed(chunks);
    await expect(readBody(request, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThan(6);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const { request, pulled } = streamed([new Uint8Array(1)], { 'content-length': '11' });
    await expect(readBody(request, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBe(0);
  });

  it('gives up when the deadline passes while the body trickles', async () => {
    const body = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const request = new Request('http://localhost/', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    const controller = new AbortController();
    const reading = readBody(request, 10, controller.signal);
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(BodyTimeoutError);
  });

  it('decodes text', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: 'grant=ü' });
    expect(await readBodyText(request, 100)).toBe('grant=ü');
  });
});
