import { readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const DOWNLOAD_PAGE = '/reference/fax/download-fax-content/';

/**
 * The download operation's playground on the mock with demo credentials and `faxId`. Each test
 * uses its own ID: the mock remembers per client that another test deleted a fax's content.
 */
async function downloadPlayground(page: Page, faxId: string): Promise<Locator> {
  await page.goto(DOWNLOAD_PAGE);
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Server').selectOption('mock');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  await playground.getByRole('textbox', { name: 'id', exact: true }).fill(faxId);
  return playground;
}

test('a PDF answer is offered as a download with a .pdf name, its bytes intact', async ({
  page,
}) => {
  const playground = await downloadPlayground(page, '01HDF5S9P29WC29J578J8E0PDF');
  // Accept follows the operation's response media type.
  await expect(playground.getByRole('tabpanel', { name: 'curl' })).toContainText(
    'Accept: application/pdf',
  );
  await playground.getByRole('button', { name: 'Send request' }).click();
  const response = playground.getByRole('region', { name: /^Response/ });
  await expect(playground.getByRole('status')).toContainText('200', { timeout: 15_000 });
  await expect(response.getByLabel('Response body')).toContainText(
    'Binary answer (application/pdf',
  );
  const link = response.getByRole('link', { name: 'Download downloadFaxContent.pdf' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');

  // The Download button saves the same bytes under the same name.
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    response.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(again.suggestedFilename()).toBe(download.suggestedFilename());
  expect(readFileSync(await again.path()).equals(bytes)).toBe(true);
  expect((await new AxeBuilder({ page }).include('sinch-playground').analyze()).violations).toEqual(
    [],
  );
});

test('an access-key operation offers Basic and OAuth2 only, and hides the key fields for neither', async ({
  page,
}) => {
  await page.goto(DOWNLOAD_PAGE);
  const playground = page.locator('sinch-playground').first();
  const auth = playground.getByRole('group', { name: 'Authentication' });
  await expect(auth.getByRole('radio')).toHaveCount(2);
  await expect(auth.getByRole('radio', { name: 'Basic (testing only)' })).toBeChecked();
  await expect(playground.getByLabel('API token')).toHaveCount(0);
  await auth.getByRole('radio', { name: 'OAuth2 (production)' }).check();
  await expect(playground.getByLabel('Key ID')).toBeVisible();
  await expect(playground.getByRole('note')).toBeHidden();
});

test('screenshot for review: a download offered at 1280 px', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const playground = await downloadPlayground(page, '01HDF5S9P29WC29J578J8E1280');
  await playground.getByRole('button', { name: 'Send request' }).click();
  const response = playground.getByRole('region', { name: /^Response/ });
  await expect(response.getByRole('link', { name: /^Download / })).toBeVisible({
    timeout: 15_000,
  });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await response.scrollIntoViewIfNeeded();
  await response.screenshot({ path: testInfo.outputPath('download-1280.png') });
});
