import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { ADDRESS_REFUSED, decodeBody, guardedLookup, ResponseTooLargeError } from './upstream.ts';

/** Runs the guarded lookup for `hostname` resolving to `addresses`; returns the error code or the addresses. */
function lookUp(
  hostname: string,
  addresses: string[],
  loopbackHosts: string[] = [],
): Promise<unknown> {
  const lookup = guardedLookup(
    () =>
      Promise.resolve(
        addresses.map((address): LookupAddress => ({
          address,
          family: address.includes(':') ? 6 : 4,
        })),
      ),
    new Set(loopbackHosts),
  );
  return new Promise((resolve) => {
    lookup(hostname, { all: true }, (error, result) => {
      resolve(error === null ? result : error.code);
    });
  });
}

describe('guardedLookup', () => {
  it.each([
    ['public address', 'numbers.api.sinch.com', ['34.117.59.81'], [], 'ok'],
    ['metadata address', 'numbers.api.sinch.com', ['169.254.169.254'], [], ADDRESS_REFUSED],
    [
      'one private among public',
      'numbers.api.sinch.com',
      ['34.117.59.81', '10.0.0.1'],
      [],
      ADDRESS_REFUSED,
    ],
    ['NAT64 of private', 'auth.sinch.com', ['64:ff9b::a00:1'], [], ADDRESS_REFUSED],
    ['no addresses', 'numbers.api.sinch.com', [], [], ADDRESS_REFUSED],
    ['listed localhost to loopback', 'localhost', ['127.0.0.1', '::1'], ['localhost'], 'ok'],
    [
      'listed localhost rebound to metadata',
      'localhost',
      ['169.254.169.254'],
      ['localhost'],
      ADDRESS_REFUSED,
    ],
    ['unlisted localhost', 'localhost', ['127.0.0.1'], [], ADDRESS_REFUSED],
  ])('%s', async (_, hostname, addresses, loopbackHosts, expected) => {
    const result = await lookUp(hostname, addresses, loopbackHosts);
    expect(Array.isArray(result) ? 'ok' : result).toBe(expected);
  });

  it('answers single-address lookups too', async () => {
    const lookup = guardedLookup(
      () => Promise.resolve([{ address: '34.117.59.81', family: 4 }]),
      new Set(),
    );
    const address = await new Promise((resolve) => {
      lookup('numbers.api.sinch.com', {}, (_, value) => {
        resolve(value);
      });
    });
    expect(address).toBe('34.117.59.81');
  });
});

describe('decodeBody', () => {
  const json = Buffer.from('{"ok":true}');
  it.each([
    ['gzip', gzipSync(json)],
    ['x-gzip', gzipSync(json)],
    ['deflate', deflateSync(json)],
    ['br', brotliCompressSync(json)],
    [' GZIP ', gzipSync(json)],
  ])('undoes %j', async (encoding, compressed) => {
    expect(Buffer.from(await decodeBody(encoding, compressed, 1024)).toString()).toBe(
      '{"ok":true}',
    );
  });

  it('passes identity, missing and unknown encodings through untouched', async () => {
    for (const encoding of [undefined, 'identity', 'zstd'])
      expect(await decodeBody(encoding, json, 1024)).toBe(json);
  });

  it('stops a decompression bomb at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    await expect(decodeBody('gzip', bomb, 1024 * 1024)).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it('reports a corrupt body as an error other than the size cap', async () => {
    const error: unknown = await decodeBody('gzip', json, 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ResponseTooLargeError);
  });
});
