import { test, expect, type Locator, type Page } from '@playwright/test';
import type { ProxyEnvelope } from '../../src/lib/request/proxy-contract.ts';

/** A reference page whose playground sends a DELETE. */
const DELETE_PAGE = '/reference/fax/delete-fax-content/';
/** A reference page whose playground sends a GET. */
const GET_PAGE = '/reference/fax/get-fax/';
const SINCH_FAX = 'https://fax.api.sinch.com';

/** What the stubbed proxy answers for Sinch: an empty 204, as a DELETE gets. */
const NO_CONTENT: ProxyEnvelope = {
  status: 204,
  statusText: 'No Content',
  headers: {},
  body: '',
  bodyEncoding: 'utf8',
  durationMs: 1,
  sizeBytes: 0,
  truncated: false,
};

/** Proxy calls whose target is a real Sinch server, answered here so nothing leaves loopback. */
async function stubSinch(page: Page): Promise<string[]> {
  const sent: string[] = [];
  await page.route('**/api/proxy', async (route) => {
    const { method, url } = route.request().postDataJSON() as { method: string; url: string };
    if (!url.startsWith('https://')) return route.continue();
    sent.push(`${method} ${url}`);
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(NO_CONTENT),
    });
  });
  return sent;
}

/** The page's playground with credentials and the fax id filled in, on `server`. */
async function ready(page: Page, path: string, server: string): Promise<Locator> {
  await page.goto(path);
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Server').selectOption(server);
  await playground.getByLabel('Project ID').fill('demo-project');
  await playground.getByLabel('Key ID').fill('demo-key');
  await playground.getByLabel('Key secret').fill('demo-secret');
  await playground
    .getByRole('textbox', { name: 'id', exact: true })
    .fill('01HDF5S9P29WC29J578J8EKC1C');
  return playground;
}

test('a DELETE to Sinch asks first, Escape and Cancel send nothing, and it is sent only after "Confirm and send"', async ({
  page,
}) => {
  const sent = await stubSinch(page);
  const playground = await ready(page, DELETE_PAGE, SINCH_FAX);
  const sendButton = playground.getByRole('button', { name: 'Send request' });
  const dialog = page.getByRole('dialog', { name: 'Send this request to Sinch?' });

  await sendButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Delete the content of a fax');
  await expect(dialog).toContainText('DELETE /v3/projects/{projectId}/faxes/{id}/file');
  await expect(dialog).toContainText('deletes data');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(sendButton).toBeFocused();
  await expect(playground.getByRole('status')).toContainText('Not sent');

  await sendButton.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(sent).toEqual([]);

  await sendButton.click();
  await dialog.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(playground.getByRole('status')).toContainText('204', { timeout: 15_000 });
  expect(sent).toEqual([
    `DELETE ${SINCH_FAX}/v3/projects/demo-project/faxes/01HDF5S9P29WC29J578J8EKC1C/file`,
  ]);
});

test('a send that costs money says so', async ({ page }) => {
  await stubSinch(page);
  await page.goto('/reference/numbers/rent-number/');
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Server').selectOption('https://numbers.api.sinch.com');
  await playground.getByLabel('Project ID').fill('demo-project');
  await playground.getByLabel('Key ID').fill('demo-key');
  await playground.getByLabel('Key secret').fill('demo-secret');
  await playground.getByRole('textbox', { name: 'phoneNumber', exact: true }).fill('+12025550134');
  await playground.getByRole('button', { name: 'Send request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send this request to Sinch?' });
  await expect(dialog).toContainText('It may cost money');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the same DELETE to the mock, and a GET to Sinch, are sent without asking', async ({
  page,
}) => {
  const sent = await stubSinch(page);
  const dialog = page.getByRole('dialog');
  const onMock = await ready(page, DELETE_PAGE, 'mock');
  await onMock.getByRole('button', { name: 'Send request' }).click();
  await expect(onMock.getByRole('status')).toContainText(/\d{3}/, { timeout: 15_000 });
  await expect(dialog).toBeHidden();
  expect(sent).toEqual([]);

  const read = await ready(page, GET_PAGE, SINCH_FAX);
  await read.getByRole('button', { name: 'Send request' }).click();
  await expect(read.getByRole('status')).toContainText('204', { timeout: 15_000 });
  await expect(dialog).toBeHidden();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatch(/^GET https:\/\/fax\.api\.sinch\.com\//);
});
