import { defineConfig, devices } from '@playwright/test';

/** Port the built server listens on during end-to-end tests. */
const port = Number(process.env.E2E_PORT ?? 4399);
/** Build output to serve (lets parallel work build into separate folders). */
const dist = process.env.E2E_DIST ?? 'dist';

/** Origin of the strictly rate-limited twin server. */
export const STRICT_ORIGIN = `http://127.0.0.1:${port + 1}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `node ${dist}/server/entry.mjs`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        PLAYGROUND_RATE_LIMIT: 'off',
        // Generous, so parallel tests sharing the demo key are not throttled.
        MOCK_BASIC_RATE_LIMIT: '1000/60s',
      },
    },
    {
      // The same build with Sinch-like strict Basic-auth limits, for the rate-limit test.
      command: `node ${dist}/server/entry.mjs`,
      url: `http://127.0.0.1:${port + 1}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(port + 1),
        PLAYGROUND_RATE_LIMIT: 'off',
        MOCK_BASIC_RATE_LIMIT: '3/60s',
      },
    },
  ],
});
