/**
 * Writes `.br` and `.gz` twins of the built text assets, so the production server can answer
 * with compressed bytes without compressing on every request (the Node adapter serves files
 * as they are).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { COMPRESSIBLE_CONTENT_TYPES } from '../http/content-types.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this many bytes a compressed copy saves less than it costs. */
export const MIN_BYTES = 1024;

/** Every file below `dir`, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** Compresses every eligible file below `dir`; returns how many files and bytes before and after. */
export async function precompress(
  dir: string,
): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = (await listFiles(dir)).filter((file) =>
    Object.hasOwn(COMPRESSIBLE_CONTENT_TYPES, extname(file)),
  );
  let count = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const file of files) {
    const path = join(dir, file);
    const source = await readFile(path);
    if (source.byteLength < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: source.byteLength > 512 * 1024 ? 9 : 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
        },
      }),
      gzipAsync(source, { level: 9 }),
    ]);
    if (br.byteLength >= source.byteLength) continue;
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    count += 1;
    bytes += source.byteLength;
    brotliBytes += br.byteLength;
  }
  return { files: count, bytes, brotliBytes };
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
        const result = await precompress(fileURLToPath(clientDir).replace(/\/$/, ''));
        logger.info(
          `${result.files} files: ${Math.round(result.bytes / 1024)} KB -> ${Math.round(result.brotliBytes / 1024)} KB brotli`,
        );
      },
    },
  };
}
