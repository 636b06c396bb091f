import { test, expect, type Locator, type Page } from '@playwright/test';
import { RUN_LIMITS } from '../../src/lib/runner/limits.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// Opening the runner loads Monaco and its TypeScript worker: give each test room on a busy machine.
test.describe.configure({ timeout: 120_000 });

const CANARY = {
  projectId: 'canary-project-5e1',
  keyId: 'canary-key-5e1',
  keySecret: 'canary-secret-5e1',
};

interface Opened {
  playground: Locator;
  output: Locator;
  status: Locator;
}

/** Opens the runner on the first playground of a page, on the mock, with demo or given credentials. */
async function openRunner(
  page: Page,
  options: {
    path?: string;
    env?: boolean;
    credentials?: typeof CANARY;
    server?: string;
  } = {},
): Promise<Opened> {
  await page.goto(options.path ?? '/numbers/available-numbers/');
  const playground = page.locator('sinch-playground').first();
  await playground.getByLabel('Server').selectOption(options.server ?? 'mock');
  if (options.credentials) {
    await playground.getByLabel('Project ID').fill(options.credentials.projectId);
    await playground.getByLabel('Key ID').fill(options.credentials.keyId);
    await playground.getByLabel('Key secret').fill(options.credentials.keySecret);
  } else {
    await playground.getByRole('button', { name: 'Use demo credentials' }).click();
  }
  if (options.env) await playground.getByLabel('Use environment variables').check();
  await playground.getByRole('tab', { name: 'TypeScript' }).click();
  await playground.getByRole('button', { name: 'Edit and run' }).click();
  await expect(playground.getByRole('textbox', { name: 'TypeScript code' })).toBeFocused({
    timeout: 20_000,
  });
  // The type checker starts in a worker of several megabytes; slow on a busy machine.
  await expect(playground.getByText('No type errors.')).toBeVisible({ timeout: 60_000 });
  const output = playground.getByRole('region', { name: 'Run output' });
  return { playground, output, status: output.getByRole('status') };
}

/** The TypeScript snippet exactly as "Copy" gives it. */
async function copiedSnippet(page: Page, playground: Locator): Promise<string> {
  await playground
    .getByRole('tabpanel', { name: 'TypeScript' })
    .getByRole('button', { name: 'Copy' })
    .click();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Replaces the editor's whole text (by pasting, which Monaco takes verbatim). */
async function setCode(page: Page, playground: Locator, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await playground.getByRole('textbox', { name: 'TypeScript code' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Runs and waits until the run has ended. */
async function runToEnd(opened: Opened, ended: RegExp = /Finished|Stopped|Not run/): Promise<void> {
  await opened.playground.getByRole('button', { name: 'Run in browser' }).click();
  await expect(opened.status).toHaveText(ended, { timeout: 40_000 });
}

/** Code that tries each named attempt and logs "name: ok …" or "name: failed …". */
function probe(attempts: Record<string, string>): string {
  const lines = Object.entries(attempts).map(
    ([name, body]) => `  [${JSON.stringify(name)}, async () => { ${body} }],`,
  );
  return [
    'const g = globalThis as unknown as Record<string, any>;',
    'const attempts: Array<[string, () => Promise<unknown>]> = [',
    ...lines,
    '];',
    'for (const [name, attempt] of attempts) {',
    '  try {',
    '    console.log(`${name}: ok ${String(await attempt())}`);',
    '  } catch (error) {',
    '    console.log(`${name}: failed ${error instanceof Error ? error.message : String(error)}`);',
    '  }',
    '}',
    '',
  ].join('\n');
}

test('edit the snippet to GB and run it against the mock: Run output shows 200 and GB numbers', async ({
  page,
}) => {
  const opened = await openRunner(page);
  await expect(opened.status).toHaveText('Not run yet.');
  const snippet = await copiedSnippet(page, opened.playground);
  expect(snippet).toContain('regionCode=US');
  await setCode(page, opened.playground, snippet.replace('regionCode=US', 'regionCode=GB'));
  await runToEnd(opened, /Finished in/);
  await expect(opened.output).toContainText('← 200 OK');
  await expect(opened.output).toContainText('"regionCode": "GB"');
  await expect(opened.output).toContainText('+44');
  await expect(opened.output).not.toContainText('"regionCode": "US"');
  await opened.output.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/runner-open.png', fullPage: false });
});

test('a misspelled property of the response type shows a diagnostic, and the code is not run', async ({
  page,
}) => {
  const opened = await openRunner(page);
  const snippet = await copiedSnippet(page, opened.playground);
  const print = 'console.log(JSON.stringify(data, null, 2));';
  expect(snippet).toContain(print);
  await setCode(
    page,
    opened.playground,
    snippet.replace(print, 'console.log(data.availableNumberz);'),
  );
  await expect(
    opened.playground.getByText(/Property 'availableNumberz' does not exist/),
  ).toBeVisible({ timeout: 20_000 });
  let proxied = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/proxy')) proxied += 1;
  });
  await runToEnd(opened, /Not run: fix the type error first\./);
  await expect(opened.output).toContainText(/Line \d+: Property 'availableNumberz' does not exist/);
  expect(proxied).toBe(0);
});

for (const { name, path, env } of [
  { name: 'OAuth2 in environment mode', path: '/authentication/oauth2/', env: true },
  { name: 'another operation in environment mode', path: '/numbers/active-numbers/', env: true },
  { name: 'Basic in inline mode', path: '/authentication/basic/', env: false },
]) {
  test(`the unedited snippet runs against the mock: ${name}`, async ({ page }) => {
    const opened = await openRunner(page, { path, env });
    await runToEnd(opened);
    await expect(opened.status).toHaveText(/^Finished in [\d.]+ s\.$/);
    await expect(opened.output.getByText(/^← 200 OK/).last()).toBeVisible();
    await expect(opened.output).not.toContainText('Uncaught');
    await expect(opened.output).not.toContainText('Request failed');
  });
}

test('against Sinch, in environment mode, the page puts the real credentials into the proxy request', async ({
  page,
}) => {
  const sent: Array<{ url: string; auth: unknown }> = [];
  // Tests never leave loopback: this stands in for the proxy's answer from Sinch.
  await page.route('**/api/proxy', async (route) => {
    const body = route.request().postDataJSON() as { url: string; auth: unknown };
    sent.push(body);
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ availableNumbers: [{ phoneNumber: '+12025550199' }] }),
        bodyEncoding: 'utf8',
        durationMs: 5,
        sizeBytes: 50,
        truncated: false,
      }),
    });
  });
  const opened = await openRunner(page, {
    env: true,
    credentials: CANARY,
    server: 'https://numbers.api.sinch.com',
  });
  await runToEnd(opened, /Finished in/);
  await expect(opened.output).toContainText('+12025550199');
  expect(sent).toEqual([
    {
      method: 'GET',
      url: `https://numbers.api.sinch.com/v1/projects/${CANARY.projectId}/availableNumbers?regionCode=US&type=LOCAL`,
      headers: { accept: 'application/json' },
      body: null,
      auth: { type: 'basic', username: CANARY.keyId, password: CANARY.keySecret },
    },
  ]);
  await expect(opened.output).not.toContainText(CANARY.keySecret);
});

test('security: the sandboxed code cannot read the credentials, storage, cookies or DOM of the page', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: 'page_cookie', value: 'cookie-canary-5e1', url: baseURL! }]);
  const opened = await openRunner(page, { env: true, credentials: CANARY });
  await page.evaluate(() => {
    localStorage.setItem('local-canary', 'local-canary-5e1');
    sessionStorage.setItem('session-canary', 'session-canary-5e1');
  });
  await setCode(
    page,
    opened.playground,
    probe({
      env: 'return JSON.stringify(process.env);',
      sessionStorage: "return g['sessionStorage'].getItem('session-canary');",
      localStorage: "return g['localStorage'].getItem('local-canary');",
      cookie: "return g['document'].cookie;",
      cookieStore: "return JSON.stringify(await g['cookieStore'].getAll());",
      'page DOM': "return g['parent'].document.body.textContent;",
      'top DOM': "return g['top'].document.title;",
      indexedDB: "return JSON.stringify(await g['indexedDB'].databases());",
    }),
  );
  await runToEnd(opened, /Finished in/);
  const text = await opened.output.innerText();
  expect(text).toContain(
    'env: ok {"SINCH_PROJECT_ID":"runner-placeholder-project-id","SINCH_KEY_ID":"runner-placeholder-key-id","SINCH_KEY_SECRET":"runner-placeholder-key-secret"}',
  );
  for (const name of [
    'sessionStorage',
    'localStorage',
    'cookie',
    'cookieStore',
    'page DOM',
    'top DOM',
  ])
    expect(text).toContain(`${name}: failed`);
  expect(text).toMatch(/indexedDB: (failed|ok \[\])/);
  for (const secret of [
    ...Object.values(CANARY),
    'cookie-canary-5e1',
    'local-canary-5e1',
    'session-canary-5e1',
    'Try it',
  ])
    expect(text).not.toContain(secret);
});

test('security: the sandboxed code cannot call /api/proxy or any origin itself', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const seen: string[] = [];
  // Requests the browser blocked are reported too, as failed: only answered ones would be a leak.
  context.on('requestfinished', (request) => seen.push(request.url()));
  const opened = await openRunner(page);
  const target = `${origin}/?from-sandbox`;
  await setCode(
    page,
    opened.playground,
    probe({
      'bridged fetch to /api/proxy': `const response = await fetch(${JSON.stringify(`${origin}/api/proxy?from-sandbox`)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }); return response.status;`,
      'bridged fetch to the page': `return (await fetch(${JSON.stringify(target)})).status;`,
      XMLHttpRequest: `return await new Promise((resolve, reject) => { const xhr = new g['XMLHttpRequest'](); xhr.open('GET', ${JSON.stringify(target)}); xhr.onload = () => resolve(xhr.status); xhr.onerror = () => reject(new Error('blocked')); xhr.send(); });`,
      WebSocket: `return await new Promise((resolve, reject) => { const socket = new WebSocket(${JSON.stringify(target.replace('http', 'ws'))}); socket.onopen = () => resolve('open'); socket.onerror = () => reject(new Error('blocked')); });`,
      'dynamic import': `const url: string = ${JSON.stringify(`${origin}/favicon.svg?from-sandbox`)}; return await import(url);`,
      'fetch of a nested worker': `return await new Promise((resolve, reject) => { const source = 'fetch(' + JSON.stringify(${JSON.stringify(target)}) + ').then((r) => postMessage("status " + r.status), (e) => postMessage("failed " + e.message));'; const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))); worker.onmessage = (event) => String(event.data).startsWith('failed') ? reject(new Error(String(event.data))) : resolve(event.data); worker.onerror = () => reject(new Error('worker blocked')); });`,
    }),
  );
  await runToEnd(opened, /Finished in/);
  const text = await opened.output.innerText();
  expect(text).toMatch(
    /bridged fetch to \/api\/proxy: failed The playground proxy refused the request \(ORIGIN_NOT_ALLOWED\)/,
  );
  expect(text).toMatch(
    /bridged fetch to the page: failed The playground proxy refused the request \(ORIGIN_NOT_ALLOWED\)/,
  );
  for (const name of ['XMLHttpRequest', 'WebSocket', 'dynamic import', 'fetch of a nested worker'])
    expect(text).toContain(`${name}: failed`);
  expect(seen.filter((url) => url.includes('from-sandbox'))).toEqual([]);
});

test('security: the sandbox is an opaque-origin iframe allowed scripts only', async ({ page }) => {
  const opened = await openRunner(page);
  await setCode(page, opened.playground, 'await new Promise((done) => setTimeout(done, 5000));\n');
  await opened.playground.getByRole('button', { name: 'Run in browser' }).click();
  const frame = opened.playground.locator('iframe[title="Code sandbox"]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  expect(
    await frame.evaluate((element) => {
      const iframe = element as HTMLIFrameElement;
      return {
        document: iframe.contentDocument,
        srcdoc: iframe.srcdoc.includes("connect-src 'none'"),
      };
    }),
  ).toEqual({ document: null, srcdoc: true });
  await opened.playground.getByRole('button', { name: 'Stop' }).click();
  await expect(frame).toHaveCount(0);
});

/** Time for the page to answer a script call, in ms. */
async function responseTime(page: Page): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => document.title);
  return Date.now() - started;
}

test('security: an endless loop is stopped by "Stop" while the page stays responsive', async ({
  page,
}) => {
  const opened = await openRunner(page);
  await setCode(page, opened.playground, "console.log('looping');\nwhile (true) {}\n");
  await opened.playground.getByRole('button', { name: 'Run in browser' }).click();
  await expect(opened.output).toContainText('looping', { timeout: 20_000 });
  await expect(opened.status).toHaveText('Running…');
  expect(await responseTime(page)).toBeLessThan(2000);
  await opened.playground.getByLabel('Key ID').fill('still-typing');
  await expect(opened.playground.getByLabel('Key ID')).toHaveValue('still-typing');
  await opened.playground.getByRole('button', { name: 'Stop' }).click();
  await expect(opened.status).toHaveText(/^Stopped after [\d.]+ s\.$/);
  await expect(opened.playground.locator('iframe[title="Code sandbox"]')).toHaveCount(0);
  await expect(opened.playground.getByRole('button', { name: 'Run in browser' })).toBeEnabled();
});

test('security: an endless loop is stopped by the time cap while the page stays responsive', async ({
  page,
}) => {
  const opened = await openRunner(page);
  await setCode(page, opened.playground, "console.log('looping');\nwhile (true) {}\n");
  await opened.playground.getByRole('button', { name: 'Run in browser' }).click();
  await expect(opened.output).toContainText('looping', { timeout: 20_000 });
  const started = Date.now();
  for (let i = 0; i < 3; i++) {
    expect(await responseTime(page)).toBeLessThan(2000);
    await page.waitForTimeout(1000);
  }
  await expect(opened.status).toHaveText(
    `Stopped: a run may take at most ${RUN_LIMITS.timeMs / 1000} s.`,
    { timeout: RUN_LIMITS.timeMs + 15_000 },
  );
  expect(Date.now() - started).toBeLessThan(RUN_LIMITS.timeMs + 10_000);
  await expect(opened.playground.locator('iframe[title="Code sandbox"]')).toHaveCount(0);
});

test('security: a run cannot exceed the request cap', async ({ page, baseURL }) => {
  const opened = await openRunner(page);
  const url = `${new URL(baseURL!).origin}/mock/numbers/v1/projects/demo-project/availableNumbers?regionCode=US&type=LOCAL`;
  let proxied = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/proxy')) proxied += 1;
  });
  await setCode(
    page,
    opened.playground,
    [
      "const authorization = `Basic ${Buffer.from('demo-key:demo-secret', 'utf8').toString('base64')}`;",
      'let ok = 0;',
      'let refused = 0;',
      "let reason = '';",
      `for (let i = 0; i < ${RUN_LIMITS.requests + 5}; i++) {`,
      '  try {',
      `    const response = await fetch(${JSON.stringify(url)}, { headers: { Authorization: authorization } });`,
      '    if (response.status === 200) ok += 1;',
      '  } catch (error) {',
      '    refused += 1;',
      '    reason = error instanceof Error ? error.message : String(error);',
      '  }',
      '}',
      'console.log(`ok ${ok}, refused ${refused}: ${reason}`);',
      '',
    ].join('\n'),
  );
  await runToEnd(opened, /Finished in/);
  await expect(opened.output).toContainText(
    `ok ${RUN_LIMITS.requests}, refused 5: Request limit reached: a run in the browser may send at most ${RUN_LIMITS.requests} requests.`,
  );
  expect(proxied).toBe(RUN_LIMITS.requests);
});

test('nothing of the runner loads before "Edit and run" is clicked', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (['script', 'other'].includes(request.resourceType())) scripts.push(request.url());
  });
  await page.goto('/numbers/available-numbers/');
  const playground = page.locator('sinch-playground').first();
  await playground.getByRole('tab', { name: 'TypeScript' }).click();
  await playground.hover();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((url) => /runner|\/monaco\/|ts\.worker|tsMode/.test(url))).toEqual([]);
  await playground.getByRole('button', { name: 'Edit and run' }).click();
  await expect(playground.getByRole('button', { name: 'Run in browser' })).toBeVisible({
    timeout: 20_000,
  });
  expect(scripts.some((url) => /\/runner\.[\w-]+\.js$/.test(url))).toBe(true);
  // The editor bundle and Monaco's TypeScript mode came with the click.
  expect(scripts.some((url) => /\/_astro\/monaco\/[0-9a-f]{12}\/editor\.js$/.test(url))).toBe(true);
  expect(scripts.some((url) => /\/monaco\/[0-9a-f]{12}\/chunks\/tsMode-/.test(url))).toBe(true);
});
