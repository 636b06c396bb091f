import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { THEMES } from './pages.ts';

/** One operation page per registered API, and every API overview: the axe sample. */
const AXE_PAGES = [
  '/reference/numbers/',
  '/reference/numbers/create-number-order/',
  '/reference/oauth2/',
  '/reference/oauth2/get-access-token/',
  '/reference/fax/',
  '/reference/fax/send-fax/',
  '/reference/template-management/',
  '/reference/template-management/update-template/',
] as const;

/** Operation pages whose request the playground cannot compose (a file upload only). */
const PAGES_WITHOUT_PLAYGROUND = ['/reference/numbers/upload-number-order-attachment/'];

/** Every link of the sidebar, collapsed groups included, as site paths. */
async function sidebarPaths(page: Page): Promise<string[]> {
  await page.goto('/');
  const links = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { includeHidden: true });
  const hrefs = await links.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('href') ?? ''),
  );
  return [...new Set(hrefs)];
}

/** Sidebar paths of generated operation pages (`/reference/<api>/<operation>/`). */
function operationPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => /^\/reference\/[^/]+\/[^/]+\/$/.test(path));
}

test('every sidebar link resolves, the API reference included', async ({ page }) => {
  const paths = await sidebarPaths(page);
  expect(operationPaths(paths).length).toBeGreaterThanOrEqual(34);
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
});

test('every operation page has exactly one playground, for its own operation', async ({ page }) => {
  test.slow();
  const withoutPlayground: string[] = [];
  for (const path of operationPaths(await sidebarPaths(page))) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    const playgrounds = page.getByRole('region', { name: /^Try it: / });
    if ((await playgrounds.count()) === 0) {
      await expect(page.getByRole('note').filter({ hasText: 'No playground' })).toBeVisible();
      withoutPlayground.push(path);
      continue;
    }
    await expect(playgrounds, path).toHaveCount(1);
    await expect(playgrounds, path).toHaveAccessibleName(`Try it: ${title?.trim() ?? ''}`);
  }
  expect(withoutPlayground).toEqual(PAGES_WITHOUT_PLAYGROUND);
});

test.describe('reference pages and overviews', () => {
  for (const path of AXE_PAGES) {
    for (const theme of THEMES) {
      test(`${path} has no axe violations in ${theme} theme`, async ({ page }) => {
        test.slow();
        await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations).toEqual([]);
      });
    }
  }
});

test('an overview groups operations by tag and links to their pages', async ({ page }) => {
  await page.goto('/reference/numbers/');
  await expect(page.getByRole('heading', { level: 2, name: 'Number orders' })).toBeVisible();
  await page.getByRole('link', { name: 'Create a number order' }).first().click();
  await expect(page).toHaveURL(/\/reference\/numbers\/create-number-order\/$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Request body' })).toBeVisible();
});

test('search finds an operation by its summary', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('Check an emergency address');
  await dialog.getByRole('link', { name: 'Check an emergency address' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Check an emergency address' }),
  ).toBeVisible();
});

test('/llms.txt lists the Markdown twin of every reference page, and each twin resolves', async ({
  page,
}) => {
  const llms = await (await page.request.get('/llms.txt')).text();
  const referencePaths = (await sidebarPaths(page)).filter((path) =>
    path.startsWith('/reference/'),
  );
  for (const path of referencePaths) {
    const markdown = `${path.replace(/\/$/, '')}.md`;
    expect(llms, path).toContain(`${markdown})`);
    const response = await page.request.get(markdown);
    expect(response.status(), markdown).toBe(200);
    expect(await response.text(), markdown).toMatch(/^# \S/);
  }
});

test('each page links its Markdown twin under the title', async ({ page }) => {
  for (const path of ['/authentication/basic/', '/reference/fax/send-fax/']) {
    await page.goto(path);
    const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    await page.getByRole('link', { name: 'This page as Markdown' }).click();
    await expect(page.locator('body')).toContainText(`# ${title}`);
  }
});
