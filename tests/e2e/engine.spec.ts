import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The playground of a reference page, on the mock with the demo credentials. */
async function demoPlayground(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const playground = page.locator('sinch-playground');
  await playground.getByLabel('Server').selectOption('mock');
  await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  return playground;
}

/** The curl snippet panel of a playground. */
const curl = (playground: Locator): Locator => playground.getByRole('tabpanel', { name: 'curl' });

test('a multipart fax: pick the media type, upload a file, see it in curl and send it to the mock', async ({
  page,
}) => {
  const playground = await demoPlayground(page, '/reference/fax/send-fax/');
  await expect(playground.getByLabel('file')).toBeHidden();
  await playground.getByLabel('Content type').selectOption('multipart/form-data');
  await expect(playground.getByLabel('Request body')).not.toHaveValue(/contentUrl/);
  await expect(curl(playground)).toContainText(
    `--form 'file=@"./file";type=application/octet-stream'`,
  );
  await expect(curl(playground)).toContainText("--form-string 'to=+19898989898'");

  let sent: { headers: Record<string, string>; body: string; bodyEncoding?: string } | undefined;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/proxy')) sent = request.postDataJSON() as typeof sent;
  });
  await playground.getByLabel('file').setInputFiles({
    name: 'invoice 1042.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 fax test\n'),
  });
  await expect(curl(playground)).toContainText(
    `--form 'file=@"invoice 1042.pdf";type=application/pdf'`,
  );

  await playground.getByRole('button', { name: 'Send request' }).click();
  await expect(playground.getByRole('status')).toContainText(/\b2\d\d\b/, { timeout: 15_000 });
  expect(sent?.bodyEncoding).toBe('base64');
  expect(sent?.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=/);
  const body = Buffer.from(sent?.body ?? '', 'base64').toString('latin1');
  expect(body).toContain('filename="invoice 1042.pdf"');
  expect(body).toContain('%PDF-1.4 fax test');
});

test('a region: the choice reaches the curl snippet and the request, on the mock and on Sinch', async ({
  page,
}) => {
  const playground = await demoPlayground(page, '/reference/template-management/list-templates/');
  const region = playground.getByLabel('region');
  await expect(region).toHaveValue('us');
  await region.selectOption('eu');
  await expect(curl(playground)).toContainText('/mock/template/eu/v2/projects/demo-project/');

  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/proxy'))
      urls.push((request.postDataJSON() as { url: string }).url);
  });
  await playground.getByRole('button', { name: 'Send request' }).click();
  await expect(playground.getByRole('status')).toContainText('200', { timeout: 15_000 });
  expect(urls.at(-1)).toContain('/mock/template/eu/v2/projects/demo-project/templates');

  // On Sinch's server the region is in the host; the proxy call is answered here, not sent.
  await playground.getByLabel('Server').selectOption({ index: 0 });
  await expect(region).toHaveValue('eu');
  await region.selectOption('br');
  await expect(curl(playground)).toContainText(
    'https://br.template.api.sinch.com/v2/projects/demo-project/templates',
  );
  await page.route('**/api/proxy', (route) =>
    route.fulfill({
      json: {
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'application/json' },
        body: '{"templates":[]}',
        bodyEncoding: 'utf8',
        durationMs: 1,
        sizeBytes: 16,
        truncated: false,
      },
    }),
  );
  // The status still shows the first answer's 200, so wait for this send's own proxy call.
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/proxy'));
  await playground.getByRole('button', { name: 'Send request' }).click();
  expect(((await sent).postDataJSON() as { url: string }).url).toBe(
    'https://br.template.api.sinch.com/v2/projects/demo-project/templates',
  );
  await expect(playground.getByRole('status')).toContainText('200', { timeout: 15_000 });
});

test('named examples: the Example picker replaces the body and the snippet follows', async ({
  page,
}) => {
  const playground = await demoPlayground(page, '/reference/template-management/create-template/');
  await expect(playground.getByLabel('Request body')).toHaveValue(/Order shipped"/);
  await playground.getByLabel('Example').selectOption({ label: 'Two languages' });
  await expect(playground.getByLabel('Request body')).toHaveValue(/sv-SE/);
  await expect(curl(playground)).toContainText('sv-SE');
  await playground.getByRole('button', { name: 'Send request' }).click();
  await expect(playground.getByRole('status')).toContainText(/\b2\d\d\b/, { timeout: 15_000 });
});

test('a share link carries the region, the content type and the example', async ({
  page,
  browser,
}) => {
  const template = await demoPlayground(page, '/reference/template-management/create-template/');
  await template.getByLabel('region').selectOption('eu');
  await template.getByLabel('Example').selectOption({ label: 'Two languages' });
  await expect(page).toHaveURL(/v\.region=eu/);
  const templateLink = page.url();

  const fax = await demoPlayground(page, '/reference/fax/send-fax/');
  await fax.getByLabel('Content type').selectOption('multipart/form-data');
  await expect(page).toHaveURL(/media=multipart%2Fform-data/);
  const faxLink = page.url();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(templateLink);
  const restored = fresh.locator('sinch-playground');
  await expect(restored.getByLabel('Server')).toHaveValue('mock');
  await expect(restored.getByLabel('region')).toHaveValue('eu');
  await expect(restored.getByLabel('Request body')).toHaveValue(/sv-SE/);
  await expect(curl(restored)).toContainText('/mock/template/eu/');
  await fresh.goto(faxLink);
  await expect(restored.getByLabel('Content type')).toHaveValue('multipart/form-data');
  await expect(restored.getByLabel('file')).toBeVisible();
  await fresh.context().close();
});

test('the body controls pass axe: file input, content type and example pickers', async ({
  page,
}) => {
  test.slow();
  const fax = await demoPlayground(page, '/reference/fax/send-fax/');
  await fax.getByLabel('Content type').selectOption('multipart/form-data');
  await expect(fax.getByLabel('file')).toBeVisible();
  expect((await new AxeBuilder({ page }).include('sinch-playground').analyze()).violations).toEqual(
    [],
  );
  const template = await demoPlayground(page, '/reference/template-management/create-template/');
  await expect(template.getByLabel('Example')).toBeVisible();
  await expect(template.getByLabel('region')).toBeVisible();
  expect((await new AxeBuilder({ page }).include('sinch-playground').analyze()).violations).toEqual(
    [],
  );
});

test('with the body editor open, the Example picker replaces its text', async ({ page }) => {
  const playground = await demoPlayground(page, '/reference/template-management/create-template/');
  await playground.getByLabel('Request body').focus();
  const editor = playground.getByRole('textbox', { name: 'Request body' });
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await playground.getByLabel('Example').selectOption({ label: 'Two languages' });
  await expect(playground.getByRole('group', { name: 'Request' })).toContainText(
    'Order shipped (English and Swedish)',
  );
  await expect(curl(playground)).toContainText('sv-SE');
});
