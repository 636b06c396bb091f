import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';

describe('precompress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies of text files worth compressing, and nothing else', async () => {
    mkdirSync(join(dir, '_astro'));
    const html = '<p>Basic authentication is for testing only.</p>\n'.repeat(200);
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, '_astro/app.js'), 'export const x = 1;\n'.repeat(200));
    writeFileSync(join(dir, 'small.css'), 'a{color:red}');
    writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
    const result = await precompress(dir);
    expect(result.files).toBe(2);
    expect(result.brotliBytes).toBeLessThan(result.bytes / 10);
    expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(html);
    expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(html);
    expect(existsSync(join(dir, '_astro/app.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'small.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'photo.png.br'))).toBe(false);
  });
});
