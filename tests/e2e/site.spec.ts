import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DOCS_PAGES, THEMES } from './pages.ts';

/** Opens a page with Starlight's theme preference already set. */
async function gotoWithTheme(page: Page, path: string, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test.describe('every docs page', () => {
  for (const { path, heading } of DOCS_PAGES) {
    test(`${path} renders its heading, title and description`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(`${heading} | Sinch API Playground`);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description?.length ?? 0).toBeGreaterThan(40);
    });

    for (const theme of THEMES) {
      test(`${path} has no axe violations in ${theme} theme`, async ({ page }) => {
        // axe walks every node; pages with several playgrounds take long on a busy machine.
        test.slow();
        await gotoWithTheme(page, path, theme);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations).toEqual([]);
      });
    }
  }
});

test('sidebar navigation reaches every page', async ({ page }) => {
  await page.goto('/');
  for (const { sidebar, heading } of DOCS_PAGES) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: sidebar })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});

test('sidebar navigation works at 375 px through the menu', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'OAuth2 for production' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'OAuth2 for production' }),
  ).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('search finds the Basic authentication page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('rate limited');
  await dialog.getByRole('link', { name: 'Basic authentication' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Basic authentication' })).toBeVisible();
});

test('an unknown address answers 404 with a helpful page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the overview' })).toBeVisible();
});

test.describe('layout at desktop and phone width, screenshots for review', () => {
  for (const { path } of DOCS_PAGES) {
    for (const width of [1280, 375]) {
      test(`${path} at ${width} px has no sideways scrolling`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        const name = `site${path.replaceAll('/', '_')}${width}.png`;
        await page.screenshot({ path: `test-results/screenshots/${name}`, fullPage: true });
      });
    }
  }
});

test('the favicon each page links to is served', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="shortcut icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
});
