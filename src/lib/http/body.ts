/**
 * Reads request and response bodies under a byte cap and an optional deadline, for every route
 * that reads a body (proxy and mock): nothing past the cap is buffered, and a caller that sends
 * slowly is cut off when the deadline passes.
 */

// Built once: creating decoders per request is measurably slow.
const UTF8 = new TextDecoder();

/** Default cap on a caller's body: 1 MiB (the proxy limits in ARCHITECTURE.md). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body was larger than the cap; reading stopped at the first chunk past it. */
export class BodyTooLargeError extends Error {
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes.`);
    this.name = 'BodyTooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** The deadline passed before the whole body arrived. */
export class BodyTimeoutError extends Error {
  constructor() {
    super('The body did not arrive in time.');
    this.name = 'BodyTimeoutError';
  }
}

/** Rejects with BodyTimeoutError when `signal` aborts; never settles otherwise. */
function abortion(signal: AbortSignal | undefined): Promise<never> | null {
  if (signal === undefined) return null;
  return new Promise((_, reject) => {
    const fail = () => {
      reject(new BodyTimeoutError());
    };
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Joins chunks into one array of `size` bytes. */
function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a body into bytes, stopping (and cancelling the stream) as soon as more than `maxBytes`
 * have arrived or `signal` aborts. A declared Content-Length over the cap is refused before
 * anything is read, unless the body is decompressed on the way (then only the count decides).
 */
export async function readBody(
  message: Request | Response,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const declared = message.headers.get('content-length');
  if (
    declared !== null &&
    /^\d+$/.test(declared) &&
    !message.headers.has('content-encoding') &&
    Number(declared) > maxBytes
  )
    throw new BodyTooLargeError(maxBytes);
  if (message.body === null) return new Uint8Array(0);
  const reader = message.body.getReader();
  const timeout = abortion(signal);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await (timeout === null
        ? reader.read()
        : Promise.race([reader.read(), timeout]));
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return concat(chunks, size);
}

/** The body as UTF-8 text (invalid sequences replaced), under the same caps as `readBody`. */
export async function readBodyText(
  message: Request | Response,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<string> {
  return UTF8.decode(await readBody(message, maxBytes, signal));
}
