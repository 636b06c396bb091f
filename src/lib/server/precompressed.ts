/**
 * Serves the build's precompressed twins (`.br`, `.gz`) of static files to clients that accept
 * them, in front of the Node adapter's handler, which serves everything else as before.
 *
 * Only exact URL paths of files that exist at start-up are answered: the request never builds a
 * filesystem path, so nothing outside the client folder can be reached.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { COMPRESSIBLE_CONTENT_TYPES } from '../http/content-types.ts';

/** Content codings this server has files for, in order of preference on equal quality. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

// RFC 9110 12.4.2: `q=` then 0 with up to three decimals, or 1 with up to three zeros.
const QVALUE = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The weight given by a coding's parameters: 1 without `q`, its value when well-formed, and 0
 * (not acceptable) when malformed, as in `q=0.0000`, `q = 0` or `q=2`.
 */
function weightOf(params: readonly string[]): number {
  const q = params.find((param) => /^q\s*=/.test(param));
  if (q === undefined) return 1;
  const match = QVALUE.exec(q);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/**
 * Picks the coding to send from an Accept-Encoding header (RFC 9110 12.5.3): the available one
 * with the highest weight above zero, `*` standing for any not named; br before gzip on a tie.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  if (header === undefined || header.trim() === '') return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name === '') continue;
    weights.set(name, weightOf(params));
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** If-None-Match against our ETag (RFC 9110 13.1.2): a list, weak comparison, or `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** One servable file: its type, validator and the compressed copies on disk. */
export interface CompressedFile {
  type: string;
  etag: string;
  immutable: boolean;
  copies: Partial<Record<Encoding, { path: string; size: number }>>;
}

/**
 * Maps URL paths to the files that have compressed copies. `a/index.html` is reachable as
 * `/a/index.html`, `/a/` and `/a`, as the adapter serves it.
 */
export function indexCompressedFiles(clientDir: string): Map<string, CompressedFile> {
  const index = new Map<string, CompressedFile>();
  const entries = readdirSync(clientDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const type = COMPRESSIBLE_CONTENT_TYPES[extname(path)];
    if (type === undefined) continue;
    const copies: CompressedFile['copies'] = {};
    for (const encoding of ENCODINGS) {
      try {
        copies[encoding] = {
          path: path + SUFFIX[encoding],
          size: statSync(path + SUFFIX[encoding]).size,
        };
      } catch {
        // No copy in this coding.
      }
    }
    if (Object.keys(copies).length === 0) continue;
    const urlPath = `/${path
      .slice(clientDir.length + 1)
      .split('\\')
      .join('/')}`;
    const file: CompressedFile = {
      type,
      // From the content, so the tag reveals nothing about when the file was written.
      etag: `"${createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 22)}"`,
      immutable: urlPath.startsWith('/_astro/'),
      copies,
    };
    index.set(urlPath, file);
    if (urlPath.endsWith('/index.html')) {
      const directory = urlPath.slice(0, -'index.html'.length);
      index.set(directory, file);
      if (directory !== '/') index.set(directory.slice(0, -1), file);
    }
  }
  return index;
}

/**
 * Returns a handler that answers GET and HEAD for indexed files with a compressed copy the
 * client accepts, and returns false (touching nothing) for every other request.
 */
export function createPrecompressedHandler(
  clientDir: string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const index = indexCompressedFiles(clientDir);
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range !== undefined)
      return false;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const file = index.get(query === -1 ? url : url.slice(0, query));
    if (file === undefined) return false;
    const encoding = negotiateEncoding(
      req.headers['accept-encoding'],
      ENCODINGS.filter((e) => file.copies[e] !== undefined),
    );
    const copy = encoding === null ? undefined : file.copies[encoding];
    if (encoding === null || copy === undefined) return false;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', `${file.etag.slice(0, -1)}-${encoding}"`);
    res.setHeader(
      'Cache-Control',
      file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0',
    );
    if (matchesEtag(req.headers['if-none-match'], String(res.getHeader('ETag')))) {
      res.writeHead(304).end();
      return true;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Encoding': encoding,
      'Content-Length': copy.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(copy.path)
      .on('error', () => res.destroy())
      .pipe(res);
    return true;
  };
}
