import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { STRICT_ORIGIN } from '../../playwright.config.ts';
import { PROXY_ERRORS } from '../../src/lib/proxy/errors.ts';
import { PLAYGROUND_PAGES, THEMES } from './pages.ts';

const run = promisify(execFile);
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The first playground on a page, after choosing the mock server. */
async function openOnMock(page: Page, path: string, origin = ''): Promise<Locator> {
  await page.goto(origin + path);
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Server').selectOption('mock');
  return playground;
}

/** Sends and waits for the response status line to mention `status`. */
async function send(playground: Locator, status: string | RegExp): Promise<void> {
  await playground.getByRole('button', { name: 'Send request' }).click();
  try {
    await expect(playground.getByRole('status')).toContainText(status, { timeout: 15_000 });
  } catch (error) {
    // Say what the reader saw, so a failure in CI explains itself.
    const shown = await playground
      .locator('[data-body]')
      .innerText()
      .catch(() => '(none)');
    throw new Error(`${(error as Error).message}\nResponse body shown: ${shown}`);
  }
}

/** Text of the response body as shown. */
async function responseBody(playground: Locator): Promise<string> {
  return (
    await playground
      .getByRole('region', { name: 'Response' })
      .getByLabel('Response body')
      .innerText()
  ).trim();
}

test('demo credentials: snippets show them, Copy is exact, and the copied curl and TypeScript get the same answer', async ({
  page,
}) => {
  const playground = await openOnMock(page, '/authentication/basic/');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  const curlPanel = playground.getByRole('tabpanel', { name: 'curl' });
  await expect(curlPanel).toContainText('demo-key');
  await expect(curlPanel).toContainText('demo-project');
  await expect(curlPanel).not.toContainText('demo-secret');

  await curlPanel.getByRole('button', { name: 'Copy' }).click();
  await expect(playground.getByText('Copied the curl snippet.')).toBeAttached();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("--user 'demo-key:demo-secret'");

  await send(playground, '200');
  const sent = JSON.parse(await responseBody(playground)) as unknown;

  const curlOut = await run('sh', ['-c', copied]);
  expect(JSON.parse(curlOut.stdout)).toEqual(sent);

  await playground.getByRole('tab', { name: 'TypeScript' }).click();
  await playground
    .getByRole('tabpanel', { name: 'TypeScript' })
    .getByRole('button', { name: 'Copy' })
    .click();
  const typescript = await page.evaluate(() => navigator.clipboard.readText());
  const file = join(mkdtempSync(join(tmpdir(), 'copied-')), 'request.ts');
  writeFileSync(file, typescript);
  const nodeOut = await run(process.execPath, [file]);
  expect(JSON.parse(nodeOut.stdout)).toEqual(sent);
});

test('a wrong secret gets 401 and a hint about the key', async ({ page }) => {
  const playground = await openOnMock(page, '/authentication/basic/');
  await playground.getByLabel('Project ID').fill('demo-project');
  await playground.getByLabel('Key ID').fill('demo-key');
  await playground.getByLabel('Key secret').fill('not-the-secret');
  await send(playground, '401');
  await expect(
    playground.getByText(/key ID is unknown or the key secret does not match/),
  ).toBeVisible();
});

test('a key without access to the project gets 403 and a hint about the project', async ({
  page,
}) => {
  const playground = await openOnMock(page, '/authentication/basic/');
  await playground.getByLabel('Project ID').fill('demo-project');
  await playground.getByLabel('Key ID').fill('other-key');
  await playground.getByLabel('Key secret').fill('other-secret');
  await send(playground, '403');
  await expect(playground.getByText(/no access to this project/)).toBeVisible();
});

test('a burst of Basic requests reaches 429 and explains Basic rate limits', async ({ page }) => {
  const playground = await openOnMock(page, '/authentication/basic/', STRICT_ORIGIN);
  await playground.getByLabel('Project ID').fill('other-project');
  await playground.getByLabel('Key ID').fill('other-key');
  await playground.getByLabel('Key secret').fill('other-secret');
  for (let i = 0; i < 3; i++) await send(playground, `Response: 200`);
  await send(playground, '429');
  const hint = playground.getByText(/Basic authentication is heavily rate limited/);
  await expect(hint).toBeVisible();
  await expect(hint).toContainText(/Retry after \d+ seconds/);
  await expect(hint).toContainText('OAuth2');
});

test('OAuth2 mode fetches a token through the proxy and gets 200; snippets switch to tokens', async ({
  page,
}) => {
  const playground = await openOnMock(page, '/authentication/oauth2/');
  await expect(playground.getByRole('radio', { name: 'OAuth2 (production)' })).toBeChecked();
  await expect(playground.getByText('Basic authentication is for testing only.')).toBeHidden();
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  await expect(playground.getByRole('tabpanel', { name: 'curl' })).toContainText(
    '/mock/auth/oauth2/token',
  );
  await expect(playground.getByRole('tabpanel', { name: 'curl' })).toContainText('Bearer');
  await send(playground, '200');
  expect(await responseBody(playground)).toContain('availableNumbers');
  await playground.getByRole('radio', { name: 'Basic (testing only)' }).check();
  await expect(playground.getByText('Basic authentication is for testing only.')).toBeVisible();
});

test('when Sinch cannot be reached, the error says so and offers the mock', async ({ page }) => {
  // Tests never leave loopback: the proxy answers as it does when the Sinch host is down.
  const { status, message, hint } = PROXY_ERRORS.UPSTREAM_UNREACHABLE;
  let refused = 0;
  await page.route('**/api/proxy', async (route) => {
    const target = (route.request().postDataJSON() as { url: string }).url;
    if (!target.startsWith('https://numbers.api.sinch.com/')) return route.continue();
    refused += 1;
    return route.fulfill({
      status,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'UPSTREAM_UNREACHABLE', message, hint } }),
    });
  });
  await page.goto('/authentication/basic/');
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Server').selectOption('https://numbers.api.sinch.com');
  await playground.getByLabel('Project ID').fill('demo-project');
  await playground.getByLabel('Key ID').fill('demo-key');
  await playground.getByLabel('Key secret').fill('demo-secret');
  await send(playground, /failed/);
  await expect(playground.getByText(/Sinch could not be reached/)).toBeVisible();
  await playground.getByRole('button', { name: 'Switch to the mock server' }).click();
  await expect(playground.getByLabel('Server')).toHaveValue('mock');
  await send(playground, '200');
  expect(refused).toBe(1);
});

test('Cancel stops a request in flight and the next one goes through', async ({ page }) => {
  // Hold the first proxy call until the reader has cancelled; let the next ones through.
  let held = 0;
  let release = (): void => undefined;
  const cancelled = new Promise<void>((resolve) => (release = resolve));
  // Settles once the held call is answered, so the next send never races the abort of this one.
  let heldSettled: Promise<void> = Promise.resolve();
  await page.route('**/api/proxy', (route) => {
    if (held > 0) return route.continue();
    held += 1;
    heldSettled = cancelled.then(() => route.abort().catch(() => undefined));
    return heldSettled;
  });
  const playground = await openOnMock(page, '/authentication/basic/');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  const sendButton = playground.getByRole('button', { name: /Send request|Sending/ });
  const cancel = playground.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeHidden();
  await sendButton.click();
  await expect(playground.getByRole('status')).toContainText('Sending request');
  await expect(sendButton).toBeDisabled();
  await cancel.click();
  await expect(playground.getByRole('status')).toContainText('Request cancelled.');
  await expect(cancel).toBeHidden();
  await expect(sendButton).toBeEnabled();
  await expect(sendButton).toBeFocused();
  release();
  await heldSettled;
  await send(playground, '200');
  expect(held).toBe(1);
});

test('the built snippet stays highlighted on load at the site origin; typing re-renders it and the highlighter follows', async ({
  page,
  baseURL,
}) => {
  // Serve the build under the site origin it was built for, as production does.
  const site = 'https://docs-playground.example.com';
  await page.route(`${site}/**`, async (route) => {
    const url = route
      .request()
      .url()
      .replace(site, baseURL ?? '');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  await page.goto(`${site}/authentication/basic/`);
  const playground = page.locator('sinch-playground').first();
  const curl = playground.getByRole('tabpanel', { name: 'curl' });
  await expect(curl).toContainText(`${site}/mock/numbers/v1/projects/YOUR_PROJECT_ID/`);
  // The element has run (it wires the demo button to the server choice) and kept the build's HTML.
  await expect(playground.getByRole('button', { name: 'Use demo credentials' })).toBeVisible();
  // Let every task the page queued run (idle callbacks come last), then check nothing replaced it.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  await expect(curl.locator('pre.shiki')).toHaveCount(1);
  const hidden = playground.locator('[data-panel="typescript"] [data-code] > pre');
  await expect(hidden).not.toHaveClass(/shiki/);

  await playground.getByLabel('Project ID').fill('my-project');
  await expect(curl).toContainText('/v1/projects/my-project/');
  await expect(curl.locator('pre.shiki')).toHaveCount(1, { timeout: 10_000 });
  await playground.getByRole('tab', { name: 'TypeScript' }).click();
  await expect(playground.locator('[data-panel="typescript"] pre.shiki')).toHaveCount(1, {
    timeout: 10_000,
  });
});

test('credentials survive a reload, stay out of localStorage unless remembered, and Forget clears every copy', async ({
  page,
}) => {
  const playground = await openOnMock(page, '/authentication/basic/');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  await page.reload();
  await expect(page.getByLabel('Key secret').first()).toHaveValue('demo-secret');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('demo-secret');

  await page.getByLabel('Remember on this device').first().check();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain('demo-secret');

  await page.getByRole('button', { name: 'Forget credentials' }).first().click();
  await expect(page.getByLabel('Key ID').first()).toHaveValue('');
  const stored = await page.evaluate(
    () => JSON.stringify(localStorage) + JSON.stringify(sessionStorage),
  );
  expect(stored).not.toContain('demo-secret');
  await page.reload();
  await expect(page.getByLabel('Key secret').first()).toHaveValue('');
});

test('credentials typed in one playground appear in every playground on the page', async ({
  page,
}) => {
  await page.goto('/numbers/active-numbers/');
  const playgrounds = page.locator('sinch-playground');
  await playgrounds.nth(0).getByLabel('Key ID').fill('shared-key');
  await expect(playgrounds.nth(3).getByLabel('Key ID')).toHaveValue('shared-key');
});

test('a shared link restores operation, server and parameters, never credentials', async ({
  page,
  browser,
}) => {
  const playground = await openOnMock(page, '/numbers/available-numbers/');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  await playground.getByLabel('regionCode').fill('SE');
  await playground.getByRole('checkbox', { name: 'SMS' }).check();
  const url = page.url();
  expect(url).toContain('#try=listAvailableNumbers');
  expect(url).not.toMatch(/demo-(key|secret|project)/);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  const restored = fresh.locator('sinch-playground').first();
  await expect(restored.getByLabel('Server')).toHaveValue('mock');
  await expect(restored.getByLabel('regionCode')).toHaveValue('SE');
  await expect(restored.getByRole('checkbox', { name: 'SMS' })).toBeChecked();
  await expect(restored.getByLabel('Key ID')).toHaveValue('');
  await fresh.context().close();
});

test('inline checks name the problem: region code and a colon in the key ID', async ({ page }) => {
  const playground = await openOnMock(page, '/authentication/basic/');
  await playground.getByLabel('regionCode').fill('usa');
  await expect(
    playground.getByText('regionCode must be two capital letters, such as US.'),
  ).toBeVisible();
  await playground.getByLabel('Key ID').fill('key:id');
  await expect(playground.getByText(/Key ID contains ":"/)).toBeVisible();
  await expect(playground.getByLabel('Key ID')).toHaveAttribute('aria-invalid', 'true');
});

test('keyboard only: from credentials to a response', async ({ page }) => {
  await page.goto('/authentication/basic/');
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Project ID').focus();
  await page.keyboard.type('demo-project');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-key');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-secret');
  await expect(playground.getByLabel('Key secret')).toBeFocused();
  // Reach the server select with Tab and pick the mock (the last option) with End.
  for (
    let i = 0;
    i < 10 &&
    !(await playground.getByLabel('Server').evaluate((el) => el === document.activeElement));
    i++
  )
    await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await expect(playground.getByLabel('Server')).toHaveValue('mock');
  await page.keyboard.press('Control+Enter');
  await expect(playground.getByRole('status')).toContainText('200', { timeout: 15_000 });
  await playground.getByRole('tab', { name: 'curl' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(playground.getByRole('tab', { name: 'TypeScript' })).toBeFocused();
  await expect(playground.getByRole('tab', { name: 'TypeScript' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('the body editor loads Monaco only when opened, flags invalid JSON, and sends what was edited', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const playground = page
    .locator('sinch-playground')
    .filter({ hasText: 'Update an active number' });
  await page.goto('/numbers/active-numbers/');
  await playground.getByLabel('Server').selectOption('mock');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  expect(scripts.filter((url) => /json-editor|\/monaco\//.test(url))).toEqual([]);
  const monacoRules = () =>
    page.evaluate(
      () =>
        [...document.styleSheets].flatMap((sheet) =>
          [...sheet.cssRules].filter((rule) => rule.cssText.includes('.monaco-editor')),
        ).length,
    );
  expect(await monacoRules()).toBe(0);

  await playground.getByRole('textbox', { name: 'Request body' }).focus();
  const editor = playground.locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 15_000 });
  expect(scripts.some((url) => url.includes('json-editor'))).toBe(true);
  expect(scripts.some((url) => /\/_astro\/monaco\/[0-9a-f]{12}\/editor\.js$/.test(url))).toBe(true);
  // Monaco's own stylesheet arrives with the editor: without it the editor has no layout.
  expect(await monacoRules()).toBeGreaterThan(100);
  await expect(editor).toHaveCSS('position', 'relative');
  await expect(editor.locator('.view-lines')).toHaveCSS('white-space', 'nowrap');

  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('{"displayName": ');
  await expect(playground.getByText(/Line \d+:/)).toBeVisible({ timeout: 10_000 });

  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{"displayName": "Edited in Monaco"');
  await expect(playground.getByText(/Line \d+:/)).toBeHidden({ timeout: 10_000 });
  await send(playground, '200');
  expect(JSON.parse(await responseBody(playground))).toMatchObject({
    displayName: 'Edited in Monaco',
  });
});

test.describe('accessibility of playground pages', () => {
  for (const path of PLAYGROUND_PAGES) {
    for (const theme of THEMES) {
      test(`${path} in ${theme} theme, before and after a response`, async ({ page }) => {
        // Two full-page axe runs on pages with several playgrounds take long on a busy machine.
        test.slow();
        await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
        const playground = await openOnMock(page, path);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
        await playground.getByRole('button', { name: 'Use demo credentials' }).click();
        await send(playground, /Response: \d{3}/);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      });
    }
  }
});

test.describe('screenshots for review', () => {
  for (const width of [1280, 375]) {
    test(`Basic authentication playground with a response at ${width} px`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      const playground = await openOnMock(page, '/authentication/basic/');
      await playground.getByRole('button', { name: 'Use demo credentials' }).click();
      await send(playground, '200');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await playground.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: testInfo.outputPath(`playground-${width}.png`),
        fullPage: true,
      });
    });
  }
});
