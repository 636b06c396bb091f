import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { PLAYGROUND_PAGES } from './pages.ts';

/** JavaScript a playground page may transfer before the reader interacts (gzip). */
const INITIAL_JS_BUDGET = 25 * 1024;
/** HTML of each generated operation page, and its JavaScript before interaction (gzip). */
const OPERATION_PAGE_BUDGET = 25 * 1024;
/** Operation pages whose scripts are weighed: the largest request bodies of their APIs. */
const OPERATION_PAGES = ['/reference/numbers/rent-any-number/', '/reference/fax/send-fax/'];
/** Render-blocking CSS of a playground page (gzip); the body editor's CSS must not be part of it. */
const INITIAL_CSS_BUDGET = 20 * 1024;
/** Lazy chunks, gzip, by path below `_astro/`: today's size plus a small margin. */
const LAZY_BUDGETS: Array<[pattern: RegExp, bytes: number]> = [
  [/^highlight\..*\.js$/, 60 * 1024],
  // What only sending needs (response view, confirmation, proxy call), fetched on first use.
  [/^send-step\..*\.js$/, 4 * 1024],
  [/^json-editor\..*\.js$/, 3 * 1024],
  [/^ui-core\..*\.js$/, 28 * 1024],
  // "Edit and run": the runner itself; Monaco comes from the editor bundle below.
  [/^runner\..*\.js$/, 36 * 1024],
  // The code editor, bundled apart (src/lib/build/monaco-bundle.ts) and loaded by URL on first
  // use: its entry, Monaco's core in shared chunks, the stylesheet, the language modes and the
  // workers (the TypeScript one is the compiler "Edit and run" checks with).
  [/^monaco\/[0-9a-f]{12}\/editor\.js$/, 4 * 1024],
  [/^monaco\/[0-9a-f]{12}\/chunks\/chunk-.*\.js$/, 740 * 1024],
  [/^monaco\/[0-9a-f]{12}\/editor\.css$/, 30 * 1024],
  [/^monaco\/[0-9a-f]{12}\/chunks\/jsonMode-.*\.js$/, 14 * 1024],
  [/^monaco\/[0-9a-f]{12}\/chunks\/tsMode-.*\.js$/, 8 * 1024],
  [/^monaco\/[0-9a-f]{12}\/editor\.worker\.js$/, 100 * 1024],
  [/^monaco\/[0-9a-f]{12}\/json\.worker\.js$/, 140 * 1024],
  [/^monaco\/[0-9a-f]{12}\/ts\.worker\.js$/, 1600 * 1024],
];

/** Gzip bytes of every script `path` loads before the reader interacts, and how many there were. */
async function initialScripts(page: Page, path: string): Promise<{ count: number; bytes: number }> {
  const sizes: Promise<number>[] = [];
  page.on('request', (request) => {
    if (request.resourceType() !== 'script') return;
    sizes.push(
      request
        .response()
        .then(async (response) => (response ? gzipSync(await response.body()).length : 0)),
    );
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  // Scripts started from idle callbacks have been requested once one has run; all are awaited.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  return { count: sizes.length, bytes };
}

for (const path of PLAYGROUND_PAGES) {
  test(`${path} transfers at most 25 KB of gzip JavaScript before interaction`, async ({
    page,
  }) => {
    const { count, bytes } = await initialScripts(page, path);
    expect(count).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });
}

for (const path of OPERATION_PAGES) {
  test(`operation page ${path} transfers at most 25 KB of gzip JavaScript before interaction`, async ({
    page,
  }) => {
    const { count, bytes } = await initialScripts(page, path);
    await expect(page.locator('sinch-playground')).toHaveCount(1);
    expect(count).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(OPERATION_PAGE_BUDGET);
  });
}

test('every generated operation page is at most 25 KB of gzip HTML', () => {
  const reference = join(process.env['E2E_DIST'] ?? 'dist', 'client/reference');
  const pages = readdirSync(reference, { withFileTypes: true })
    .filter((api) => api.isDirectory())
    .flatMap((api) =>
      readdirSync(join(reference, api.name), { withFileTypes: true })
        .filter((operation) => operation.isDirectory())
        .map((operation) => join(reference, api.name, operation.name, 'index.html')),
    );
  // Numbers alone has 22 operations; fewer pages means the walk found the wrong folder.
  expect(pages.length).toBeGreaterThan(22);
  for (const page of pages)
    expect(gzipSync(readFileSync(page)).length, page).toBeLessThanOrEqual(OPERATION_PAGE_BUDGET);
});

for (const path of PLAYGROUND_PAGES) {
  test(`${path} links at most 20 KB of gzip CSS, none of it the body editor's`, async ({
    page,
  }) => {
    const sheets: Promise<{ url: string; text: string }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'stylesheet') return;
      sheets.push(response.text().then((text) => ({ url: response.url(), text })));
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(sheets);
    expect(loaded.length).toBeGreaterThan(0);
    for (const sheet of loaded) expect(sheet.text, sheet.url).not.toContain('.monaco-editor');
    const screenSheets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
        .filter((link) => link.media !== 'print')
        .map((link) => link.href),
    );
    const total = loaded
      .filter((sheet) => screenSheets.includes(sheet.url))
      .reduce((sum, sheet) => sum + gzipSync(sheet.text).length, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(INITIAL_CSS_BUDGET);
  });
}

test('lazy chunks stay within their budgets', () => {
  const dir = join(process.env['E2E_DIST'] ?? 'dist', 'client/_astro');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) =>
    file.split(sep).join('/'),
  );
  for (const [pattern, budget] of LAZY_BUDGETS) {
    const matches = files.filter((file) => pattern.test(file));
    expect(matches, `a chunk matching ${pattern}`).not.toHaveLength(0);
    for (const file of matches)
      expect(gzipSync(readFileSync(join(dir, file))).length, file).toBeLessThanOrEqual(budget);
  }
});
