/**
 * Writes `.br` and `.gz` twins of the built text assets, so the production server can answer
 * with compressed bytes without compressing on every request (the Node adapter serves files
 * as they are).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { COMPRESSIBLE_CONTENT_TYPES } from '../http/content-types.ts';
import { listFiles } from './list-files.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this many bytes a compressed copy saves less than it costs. */
export const MIN_BYTES = 1024;

/**
 * Pages (everything outside `_astro/`) up to this many bytes in total get the highest levels. A
 * generated reference of a thousand operations has a hundred times that, and brotli's top level
 * over it would take longer than the rest of the build.
 */
export const FULL_EFFORT_PAGE_BYTES = 16 * 2 ** 20;

/** Brotli quality and gzip level for one file. */
export interface CompressionLevels {
  brotli: number;
  gzip: number;
}

/** The highest levels: a file compressed once at build and sent many times is worth them. */
const FULL_EFFORT: CompressionLevels = { brotli: 11, gzip: 9 };
/** Brotli's top quality slows down sharply on large inputs; 9 is within a few percent of it. */
const LARGE_FILE: CompressionLevels = { brotli: 9, gzip: 9 };
/** Within about a tenth of the full-effort size, at a small fraction of its time. */
const FAST: CompressionLevels = { brotli: 5, gzip: 6 };
/** Above this size a file gets LARGE_FILE's levels even at full effort. */
const LARGE_FILE_BYTES = 512 * 1024;

/** Whether a path (relative to the client folder) is a fingerprinted asset shared by pages. */
function isSharedAsset(file: string): boolean {
  return file.startsWith('_astro/');
}

/**
 * The levels for one file. While the pages add up to at most FULL_EFFORT_PAGE_BYTES every file
 * gets full effort. Above that, pages get FAST levels, so a large generated reference compresses
 * in seconds, not hours; so do shared assets over LARGE_FILE_BYTES (the editor's chunks, loaded
 * on demand, where brotli 9 alone takes longer than the rest of the step), while the smaller
 * shared assets (`_astro/`: the scripts and styles every page loads) keep full effort.
 */
export function compressionLevels(
  file: string,
  bytes: number,
  pageBytes: number,
  fullEffortPageBytes = FULL_EFFORT_PAGE_BYTES,
): CompressionLevels {
  if (pageBytes > fullEffortPageBytes && (!isSharedAsset(file) || bytes > LARGE_FILE_BYTES))
    return FAST;
  return bytes > LARGE_FILE_BYTES ? LARGE_FILE : FULL_EFFORT;
}

/** Runs `task` on every item with at most `limit` running at once. */
async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** What one precompress run did. */
export interface PrecompressResult {
  /** Files that got compressed copies. */
  files: number;
  /** Their bytes, and their brotli copies' bytes. */
  bytes: number;
  brotliBytes: number;
  /** Whether pages got the FAST levels because there were too many of them. */
  fast: boolean;
}

/**
 * Compresses every eligible file below `dir` (each file's brotli and gzip on zlib's thread pool,
 * one file per core at a time); returns how many files and bytes before and after. The page
 * budget is a parameter so tests can cross it with small folders.
 */
export async function precompress(
  dir: string,
  fullEffortPageBytes = FULL_EFFORT_PAGE_BYTES,
): Promise<PrecompressResult> {
  const candidates = (await listFiles(dir)).filter((file) =>
    Object.hasOwn(COMPRESSIBLE_CONTENT_TYPES, extname(file)),
  );
  const sized = await Promise.all(
    candidates.map(async (file) => ({ file, bytes: (await stat(join(dir, file))).size })),
  );
  const eligible = sized.filter(({ bytes }) => bytes >= MIN_BYTES);
  const pageBytes = eligible
    .filter(({ file }) => !isSharedAsset(file))
    .reduce((sum, { bytes }) => sum + bytes, 0);
  const result: PrecompressResult = {
    files: 0,
    bytes: 0,
    brotliBytes: 0,
    fast: pageBytes > fullEffortPageBytes,
  };
  await forEachBounded(eligible, availableParallelism(), async ({ file }) => {
    const path = join(dir, file);
    const source = await readFile(path);
    const levels = compressionLevels(file, source.byteLength, pageBytes, fullEffortPageBytes);
    const [br, gz] = await Promise.all([
      brotli(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: levels.brotli,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
        },
      }),
      gzipAsync(source, { level: levels.gzip }),
    ]);
    if (br.byteLength >= source.byteLength) return;
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    result.files += 1;
    result.bytes += source.byteLength;
    result.brotliBytes += br.byteLength;
  });
  return result;
}

/** The Astro integration: precompresses the client output once the build is done. */
export function precompressIntegration(): AstroIntegration {
  let clientDir: URL | undefined;
  return {
    name: 'precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = config.build.client;
      },
      'astro:build:done': async ({ logger }) => {
        if (clientDir === undefined) return;
        const started = performance.now();
        const result = await precompress(fileURLToPath(clientDir).replace(/\/$/, ''));
        logger.info(
          `${result.files} files: ${Math.round(result.bytes / 1024)} KB -> ${Math.round(result.brotliBytes / 1024)} KB brotli${result.fast ? ' (fast levels for pages: many pages)' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
