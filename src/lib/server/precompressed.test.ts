import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPrecompressedHandler,
  indexCompressedFiles,
  matchesEtag,
  negotiateEncoding,
} from './precompressed.ts';

describe('negotiateEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['identity', null],
    ['GZIP', 'gzip'],
    ['', null],
    [undefined, null],
    ['br;q=1.0, gzip;q=1.0', 'br'],
    ['br;q=nonsense', null],
    ['br;q=0.0000', null],
    ['br; q = 0', null],
    ['br;q=2, gzip', 'gzip'],
    ['br;q=0.001, gzip;q=0.0001', 'br'],
    ['br ; Q=0.5 , gzip;q=0.4', 'br'],
  ])('%j → %j', (header, expected) => {
    expect(negotiateEncoding(header, ['br', 'gzip'])).toBe(expected);
  });

  it('only picks codings that have a file', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeNull();
  });
});

describe('matchesEtag', () => {
  it.each([
    ['"a-br"', true],
    ['W/"a-br"', true],
    ['"x", "a-br"', true],
    ['*', true],
    ['"a-gzip"', false],
    ['"a"', false],
    [undefined, false],
  ])('%j against "a-br" → %j', (header, expected) => {
    expect(matchesEtag(header, '"a-br"')).toBe(expected);
  });
});

describe('createPrecompressedHandler', () => {
  const page = '<!doctype html><title>t</title>'.repeat(100);
  const script = 'console.log(1);'.repeat(100);
  let dir: string;
  let server: Server;
  let port: number;
  let fallbacks: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'a/index.html'), page);
    writeFileSync(join(dir, 'a/index.html.br'), brotliCompressSync(page));
    writeFileSync(join(dir, 'a/index.html.gz'), gzipSync(page));
    writeFileSync(join(dir, '_astro/x.js'), script);
    writeFileSync(join(dir, '_astro/x.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'plain.txt'), 'not compressed');
    const handle = createPrecompressedHandler(dir);
    fallbacks = [];
    server = createServer((req, res) => {
      if (handle(req, res)) return;
      fallbacks.push(`${req.method} ${req.url}`);
      res.writeHead(299).end('fallback');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (done, fail) => {
        const req = request({ port, host: '127.0.0.1', path, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            done({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            });
          });
        });
        req.on('error', fail);
        req.end();
      },
    );
  }

  it('serves brotli to a client that prefers it, with type, length, Vary and ETag', async () => {
    const res = await get('/a/', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/html; charset=utf-8',
      vary: 'Accept-Encoding',
      'cache-control': 'public, max-age=0',
    });
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).toString()).toBe(page);
  });

  it('serves gzip when that is all the client takes, and the same file under every alias', async () => {
    for (const path of ['/a/index.html', '/a/', '/a', '/a/?x=1']) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      expect(res.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toBe(page);
    }
  });

  it('marks hashed build assets immutable', async () => {
    const res = await get('/_astro/x.js', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a matching If-None-Match with 304 and HEAD without a body', async () => {
    const first = await get('/a/', { 'accept-encoding': 'br' });
    const again = await get('/a/', {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get('/a/', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
  });

  it('leaves everything else to the next handler', async () => {
    fallbacks.length = 0;
    const cases: [string, Record<string, string>, string][] = [
      ['/a/', {}, 'GET'],
      ['/a/', { 'accept-encoding': 'identity' }, 'GET'],
      ['/a/', { 'accept-encoding': 'br', range: 'bytes=0-10' }, 'GET'],
      ['/a/', { 'accept-encoding': 'br' }, 'POST'],
      ['/plain.txt', { 'accept-encoding': 'br' }, 'GET'],
      ['/missing', { 'accept-encoding': 'br' }, 'GET'],
      ['/a/index.html.br', { 'accept-encoding': 'br' }, 'GET'],
      ['/a/../a/index.html', { 'accept-encoding': 'br' }, 'GET'],
      ['/%61/', { 'accept-encoding': 'br' }, 'GET'],
    ];
    for (const [path, headers, method] of cases) {
      const res = await get(path, headers, method);
      expect(res.status, `${method} ${path}`).toBe(299);
    }
    expect(fallbacks).toHaveLength(cases.length);
  });
});

describe('indexCompressedFiles', () => {
  it('tags files by content: same bytes, same ETag whatever the modification time', () => {
    const etagOf = (content: string, mtime: Date) => {
      const dir = mkdtempSync(join(tmpdir(), 'etag-'));
      try {
        writeFileSync(join(dir, 'a.js'), content);
        writeFileSync(join(dir, 'a.js.gz'), gzipSync(content));
        utimesSync(join(dir, 'a.js'), mtime, mtime);
        return indexCompressedFiles(dir).get('/a.js')?.etag;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const first = etagOf('one', new Date(2020, 0, 1));
    expect(first).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(etagOf('one', new Date(2025, 5, 5))).toBe(first);
    expect(etagOf('two', new Date(2020, 0, 1))).not.toBe(first);
  });
});
