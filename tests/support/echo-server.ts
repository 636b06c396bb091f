import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one request looked like on the wire, decoded. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as sent. */
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Decoded Basic credentials, split at the first colon (RFC 7617). */
  basic?: { username: string; password: string };
  bearer?: string;
  /** The parts, for a multipart/form-data body. */
  parts?: ReceivedPart[];
}

/** One part of a multipart/form-data body as it arrived. */
export interface ReceivedPart {
  name: string;
  filename?: string;
  contentType?: string;
  body: Buffer;
}

/** Splits a multipart/form-data body into its parts (RFC 7578), or null when it is not one. */
export function parseMultipart(
  contentType: string | undefined,
  body: Buffer,
): ReceivedPart[] | null {
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(
    contentType ?? '',
  );
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return null;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: ReceivedPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2);
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    const name = /\bname="((?:[^"\\]|\\.)*)"/.exec(head)?.[1]?.replace(/\\(.)/g, '$1') ?? '';
    const filename = /\bfilename="((?:[^"\\]|\\.)*)"/.exec(head)?.[1]?.replace(/\\(.)/g, '$1');
    const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
    parts.push({
      name,
      ...(filename === undefined ? {} : { filename }),
      ...(type === undefined ? {} : { contentType: type }),
      body: chunk.subarray(split + 4),
    });
    start = next;
  }
  return parts;
}

/** A loopback HTTP server that records every request and answers JSON; `/oauth2/token` issues tokens. */
export interface EchoServer {
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** The token the echo server's token endpoint hands out. */
export const ECHO_TOKEN = 'echo-access-token';

/** Decodes an Authorization header into Basic credentials or a Bearer token. */
function decodeAuthorization(
  header: string | undefined,
): Pick<ReceivedRequest, 'basic' | 'bearer'> {
  if (!header) return {};
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme === 'Bearer') return { bearer: value };
  if (scheme !== 'Basic') return {};
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return { basic: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } };
}

/** Starts an echo server on 127.0.0.1 with a random port. */
export async function startEchoServer(): Promise<EchoServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: ReceivedRequest = {
        method: request.method ?? '',
        rawUrl: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
        ...decodeAuthorization(request.headers.authorization),
      };
      const parts = parseMultipart(request.headers['content-type'], entry.body);
      if (parts) entry.parts = parts;
      received.push(entry);
      response.setHeader('Content-Type', 'application/json');
      if (entry.rawUrl.endsWith('/oauth2/token')) {
        response.end(
          JSON.stringify({
            access_token: ECHO_TOKEN,
            token_type: 'Bearer',
            expires_in: 3600,
            scope: '',
          }),
        );
        return;
      }
      response.end(JSON.stringify({ echoed: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
