import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callProxy, makeProxy, proxyBody } from './proxy-support.ts';

let server: Server;
let origin: string;
let requests = 0;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'proxy-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_, res) => {
    requests += 1;
    res.end('should not be read');
  });
  rmSync(dir, { recursive: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('TLS', () => {
  it('verifies certificates: a self-signed upstream is refused with UPSTREAM_TLS_FAILED', async () => {
    const { handler } = makeProxy({ extraOrigins: [origin] });
    const response = await callProxy(handler, proxyBody(`${origin}/v1`));
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'UPSTREAM_TLS_FAILED',
    );
    expect(requests).toBe(0);
  });
});
