import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentAccess } from '../../src/lib/proxy/document-access.ts';
import type { ProxyEnvelope } from '../../src/lib/proxy/handler.ts';
import { bytesToBase64 } from '../../src/lib/request/bytes.ts';
import { encodeMultipart } from '../../src/lib/request/multipart.ts';
import type { OperationModel } from '../../src/lib/openapi/types.ts';
import { startEchoServer, type EchoServer } from '../support/echo-server.ts';
import { callProxy, makeProxy, proxyBody } from './proxy-support.ts';

const MIB = 1024 * 1024;
let echo: EchoServer;
let other: EchoServer;

beforeAll(async () => {
  [echo, other] = await Promise.all([startEchoServer(), startEchoServer()]);
});
afterAll(async () => {
  await Promise.all([echo.close(), other.close()]);
});

/** Every byte value once, then in reverse: a file no text encoding survives unharmed. */
const EVERY_BYTE = Uint8Array.from([...Array(256).keys(), ...[...Array(256).keys()].reverse()]);

/** Posts a base64 body through a proxy that may call the echo server. */
async function sendBytes(bytes: Uint8Array, headers: Record<string, string>, text?: string) {
  const { handler } = makeProxy({ extraOrigins: [echo.origin] });
  return callProxy(
    handler,
    proxyBody(`${echo.origin}/upload`, {
      method: 'POST',
      headers,
      body: text ?? bytesToBase64(bytes),
      bodyEncoding: 'base64',
    }),
  );
}

describe('bytes through the proxy', () => {
  it('carries a multipart body with a binary file to the upstream byte for byte', async () => {
    const { contentType, bytes } = encodeMultipart([
      { name: 'to', value: '+12025550134' },
      {
        name: 'file',
        file: { path: 'fax.bin', bytes: EVERY_BYTE, contentType: 'application/pdf' },
      },
    ]);
    const response = await sendBytes(bytes, { 'Content-Type': contentType });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ProxyEnvelope).status).toBe(200);
    const seen = echo.received.find((entry) => entry.rawUrl === '/upload');
    expect(Buffer.compare(seen!.body, Buffer.from(bytes))).toBe(0);
    expect(seen!.headers['content-type']).toBe(contentType);
    expect(seen!.parts?.map((part) => part.name)).toEqual(['to', 'file']);
    const file = seen!.parts?.[1];
    expect(file).toMatchObject({ filename: 'fax.bin', contentType: 'application/pdf' });
    expect(Buffer.compare(file!.body, Buffer.from(EVERY_BYTE))).toBe(0);
  });

  it('accepts exactly 1 MiB of decoded bytes', async () => {
    const response = await sendBytes(new Uint8Array(MIB), {
      'Content-Type': 'application/octet-stream',
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['1 MiB + 1 byte', MIB + 1],
    ['1 MiB + 3 bytes (no padding)', MIB + 3],
  ])(
    'refuses %s of decoded bytes with 413, though the base64 text passes the transport cap',
    async (_name, size) => {
      const response = await sendBytes(new Uint8Array(size), {
        'Content-Type': 'application/octet-stream',
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'REQUEST_TOO_LARGE',
      );
    },
  );

  it.each([
    ['a character outside base64', 'AAA*'],
    ['a missing padding character', 'AAA'],
    ['padding in the middle', 'AA==AAAA'],
    ['a line break', 'AAAA\nAAAA'],
  ])('refuses %s with 400 naming the body', async (_name, text) => {
    const response = await sendBytes(new Uint8Array(), { 'Content-Type': 'application/pdf' }, text);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; field: string } };
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', field: 'body' });
  });
});

describe('API key headers and origins from the documents', () => {
  /** An operation declaring an API key header, served from the given origin. */
  function keyed(origin: string): OperationModel {
    return {
      id: 'getThing',
      method: 'GET',
      path: '/thing',
      summary: '',
      description: '',
      tags: [],
      deprecated: false,
      servers: [{ url: origin, description: '' }],
      parameters: [],
      security: [],
      securitySchemes: [{ name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Api-Key' }],
    };
  }

  const proxy = () =>
    makeProxy({
      extraOrigins: [echo.origin, other.origin],
      documents: Promise.resolve(
        documentAccess([{ origins: [echo.origin], operations: [keyed(echo.origin)] }]),
      ),
    }).handler;

  const send = (origin: string, headers: Record<string, string>) =>
    callProxy(
      proxy(),
      proxyBody(`${origin}/keyed`, {
        headers: { Accept: 'application/json', ...headers },
        auth: { type: 'none' },
      }),
    );

  it('forwards the declared header to its document origin, with no Authorization', async () => {
    const response = await send(echo.origin, { 'X-Api-Key': 'key-1' });
    expect(response.status).toBe(200);
    const seen = echo.received.findLast((entry) => entry.rawUrl === '/keyed');
    expect(seen?.headers['x-api-key']).toBe('key-1');
    expect(seen?.headers.authorization).toBeUndefined();
  });

  it.each([
    ['another header name', () => echo.origin, { 'X-Api-Token': 'key-1' }],
    ['the declared name to another origin', () => other.origin, { 'X-Api-Key': 'key-1' }],
  ])('refuses %s', async (_name, origin, headers) => {
    const before = other.received.length + echo.received.length;
    const response = await send(origin(), headers);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; field: string } };
    expect(error.code).toBe('HEADER_NOT_ALLOWED');
    expect(other.received.length + echo.received.length).toBe(before);
  });

  it('keeps a loopback document origin out of the allowlist unless the environment lists it', async () => {
    // Only PLAYGROUND_ALLOWED_ORIGINS may open loopback; a document cannot.
    const { handler } = makeProxy({
      extraOrigins: [],
      documents: documentAccess([{ origins: [other.origin], operations: [] }]),
    });
    const before = other.received.length;
    const response = await callProxy(handler, proxyBody(`${other.origin}/x`));
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
    expect(other.received.length).toBe(before);
  });

  it('lets an HTTPS origin of a document through the allowlist, with its declared key header', async () => {
    const origin = 'https://api.keyed.example.com';
    const sent: { url: string; headers: Record<string, string> }[] = [];
    const { handler } = makeProxy({
      documents: documentAccess([{ origins: [origin], operations: [keyed(origin)] }]),
      // Stands in for the network: this checks the allowlist, not the connection.
      send: (url, init) => {
        sent.push({ url: url.href, headers: init.headers });
        return Promise.resolve({
          status: 204,
          statusText: '',
          headers: [],
          body: new Uint8Array(),
        });
      },
    });
    const response = await callProxy(
      handler,
      proxyBody(`${origin}/thing`, {
        headers: { 'X-Api-Key': 'key-2' },
        auth: { type: 'none' },
      }),
    );
    expect(((await response.json()) as ProxyEnvelope).status).toBe(204);
    expect(sent).toEqual([{ url: `${origin}/thing`, headers: { 'x-api-key': 'key-2' } }]);
  });
});
