import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressionLevels, FULL_EFFORT_PAGE_BYTES, precompress } from './precompress.ts';

/** Brotli at one quality, as precompress calls it. */
const brotliAt = (source: string, quality: number): Buffer =>
  brotliCompressSync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(source),
    },
  });

/** Text that compresses, but not trivially, so brotli's levels give different bytes. */
const pageText = (seed: number): string =>
  Array.from(
    { length: 400 },
    (_, index) =>
      `<li><a href="/reference/api/op-${(index * 7919 + seed) % 1009}/">Operation ${index}</a></li>\n`,
  ).join('');

describe('compressionLevels', () => {
  const small = FULL_EFFORT_PAGE_BYTES;
  const many = FULL_EFFORT_PAGE_BYTES + 1;
  it.each([
    ['a page of a small site', 'index.html', 40_000, small, { brotli: 11, gzip: 9 }],
    ['a large file of a small site', '_astro/editor.js', 2_000_000, small, { brotli: 9, gzip: 9 }],
    ['a page of a large site', 'reference/a/b/index.html', 40_000, many, { brotli: 5, gzip: 6 }],
    ['a Markdown twin of a large site', 'reference/a/b.md', 4_000, many, { brotli: 5, gzip: 6 }],
    ['a shared script of a large site', '_astro/page.js', 40_000, many, { brotli: 11, gzip: 9 }],
    [
      'a large shared script of a large site',
      '_astro/editor.js',
      2_000_000,
      many,
      { brotli: 5, gzip: 6 },
    ],
  ])('%s', (_, file, bytes, pageBytes, levels) => {
    expect(compressionLevels(file, bytes, pageBytes)).toEqual(levels);
  });
});

describe('precompress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies of text files worth compressing, and nothing else', async () => {
    const site = join(dir, 'small');
    mkdirSync(join(site, '_astro'), { recursive: true });
    const html = '<p>Basic authentication is for testing only.</p>\n'.repeat(200);
    writeFileSync(join(site, 'index.html'), html);
    writeFileSync(join(site, '_astro/app.js'), 'export const x = 1;\n'.repeat(200));
    writeFileSync(join(site, 'small.css'), 'a{color:red}');
    writeFileSync(join(site, 'photo.png'), Buffer.alloc(4096, 7));
    const result = await precompress(site);
    expect(result).toMatchObject({ files: 2, fast: false });
    expect(result.brotliBytes).toBeLessThan(result.bytes / 10);
    expect(brotliDecompressSync(readFileSync(join(site, 'index.html.br'))).toString()).toBe(html);
    expect(gunzipSync(readFileSync(join(site, 'index.html.gz'))).toString()).toBe(html);
    expect(existsSync(join(site, '_astro/app.js.br'))).toBe(true);
    expect(existsSync(join(site, 'small.css.br'))).toBe(false);
    expect(existsSync(join(site, 'photo.png.br'))).toBe(false);
  });

  it('gives a small site the highest brotli quality on every page', async () => {
    const site = join(dir, 'full');
    mkdirSync(site);
    const pages = [1, 2, 3].map((seed) => pageText(seed));
    pages.forEach((text, index) => writeFileSync(join(site, `page-${index}.html`), text));
    const result = await precompress(site);
    expect(result).toMatchObject({ files: 3, fast: false });
    pages.forEach((text, index) => {
      const written = readFileSync(join(site, `page-${index}.html.br`));
      expect(written.equals(brotliAt(text, 11))).toBe(true);
    });
  });

  it('gives pages fast levels over the page budget, and keeps shared assets at the highest', async () => {
    const site = join(dir, 'large');
    mkdirSync(join(site, '_astro'), { recursive: true });
    const pages = Array.from({ length: 12 }, (_, seed) => pageText(seed));
    pages.forEach((text, index) => writeFileSync(join(site, `page-${index}.html`), text));
    const script = pageText(99).replaceAll('<li>', 'const a = "').replaceAll('</li>', '";');
    writeFileSync(join(site, '_astro/page.js'), script);
    const pageBytes = pages.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const result = await precompress(site, pageBytes - 1);
    expect(result).toMatchObject({ files: 13, fast: true });
    pages.forEach((text, index) => {
      const written = readFileSync(join(site, `page-${index}.html.br`));
      expect(written.equals(brotliAt(text, 5))).toBe(true);
      expect(gunzipSync(readFileSync(join(site, `page-${index}.html.gz`))).toString()).toBe(text);
    });
    expect(readFileSync(join(site, '_astro/page.js.br')).equals(brotliAt(script, 11))).toBe(true);
  });
});
