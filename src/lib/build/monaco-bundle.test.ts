import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundleBase,
  bundleFile,
  bundleMonaco,
  contentHash,
  MONACO_ENTRY_FILE,
  monacoBuildOptions,
  type MonacoBundle,
} from './monaco-bundle.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('bundleBase', () => {
  it('places the bundle under the assets folder, below the site base', () => {
    expect(bundleBase('/', '_astro', 'abc123def456')).toBe('/_astro/monaco/abc123def456/');
    expect(bundleBase('/docs', '/_astro/', 'abc123def456')).toBe(
      '/docs/_astro/monaco/abc123def456/',
    );
  });
});

describe('bundleFile', () => {
  const dir = `${sep}bundle`;
  const base = '/_astro/monaco/abc123def456/';

  it('maps a path inside the URL folder to the file below the bundle folder', () => {
    expect(bundleFile(dir, base, `${base}editor.js`)).toBe(join(dir, 'editor.js'));
    expect(bundleFile(dir, base, `${base}chunks/chunk-X.js`)).toBe(
      join(dir, 'chunks', 'chunk-X.js'),
    );
  });

  it('refuses other folders, the folder itself, escapes and bad encodings', () => {
    expect(bundleFile(dir, base, '/_astro/other.js')).toBeNull();
    expect(bundleFile(dir, base, base)).toBeNull();
    expect(bundleFile(dir, base, `${base}../secret`)).toBeNull();
    expect(bundleFile(dir, base, `${base}%2e%2e/%2e%2e/etc/passwd`)).toBeNull();
    expect(bundleFile(dir, base, `${base}%E0%A4%A`)).toBeNull();
    expect(bundleFile(dir, base, `${base}a%00b`)).toBeNull();
  });
});

describe('contentHash', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function folder(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'hash-test-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  }

  it('names the same files the same, and changes with any byte or name', async () => {
    const a = await contentHash(await folder({ 'editor.js': 'x', 'chunks/a.js': 'y' }));
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(await contentHash(await folder({ 'chunks/a.js': 'y', 'editor.js': 'x' }))).toBe(a);
    expect(await contentHash(await folder({ 'editor.js': 'x', 'chunks/a.js': 'z' }))).not.toBe(a);
    expect(await contentHash(await folder({ 'editor.js': 'x', 'chunks/b.js': 'y' }))).not.toBe(a);
  });
});

describe('monacoBuildOptions', () => {
  it('builds the entry as split ES modules and each worker as one classic script', () => {
    const [entry, workers] = monacoBuildOptions(ROOT, '/out');
    expect(entry).toMatchObject({ format: 'esm', splitting: true, outdir: '/out' });
    expect(entry!.entryPoints).toEqual({ editor: 'src/components/monaco/editor.ts' });
    expect(workers).toMatchObject({ format: 'iife', outdir: '/out' });
    expect(Object.keys(workers!.entryPoints as object).sort()).toEqual([
      'editor.worker',
      'json.worker',
      'ts.worker',
    ]);
  });
});

describe('bundleMonaco', () => {
  let bundle: MonacoBundle | undefined;
  afterAll(() => (bundle ? rm(bundle.dir, { recursive: true, force: true }) : undefined));

  it('writes the entry, its stylesheet and font, the language chunks and the three workers', async () => {
    bundle = await bundleMonaco(ROOT);
    const files = (await readdir(bundle.dir, { recursive: true })).map((file) =>
      file.split(sep).join('/'),
    );
    expect(files).toContain(MONACO_ENTRY_FILE);
    for (const worker of ['editor.worker.js', 'json.worker.js', 'ts.worker.js'])
      expect(files).toContain(worker);
    expect(files.some((file) => /^chunks\/jsonMode-.*\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^chunks\/tsMode-.*\.js$/.test(file))).toBe(true);
    // Only the entry's stylesheet: the chunks' partial copies are removed.
    expect(files.filter((file) => file.endsWith('.css'))).toEqual(['editor.css']);
    const css = await readFile(join(bundle.dir, 'editor.css'), 'utf8');
    expect(css).toContain('.monaco-editor');
    const font = files.find((file) => file.endsWith('.ttf'));
    expect(font).toBeDefined();
    expect(css).toContain(`url("./${font}")`);
    // The entry starts each worker and links the stylesheet by URLs relative to itself.
    const entry = await readFile(join(bundle.dir, MONACO_ENTRY_FILE), 'utf8');
    expect(entry).toContain('import.meta.url');
    expect(bundle.hash).toBe(await contentHash(bundle.dir));
  }, 120_000);
});
