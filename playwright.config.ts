import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tests/support/chromium.ts';

/** Port the built server listens on during end-to-end tests. */
const port = Number(process.env.E2E_PORT ?? 4399);
/** Build output to serve (lets parallel work build into separate folders). */
const dist = process.env.E2E_DIST ?? 'dist';

/** Port of the strictly rate-limited twin server: ten above, so the team's 4411-4414 map to 4421-4424. */
const strictPort = port + 10;
/** Origin of the strictly rate-limited twin server. */
export const STRICT_ORIGIN = `http://127.0.0.1:${strictPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list']],
  // axe on a page with five playgrounds takes a while on two cores.
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: [
    {
      command: `node scripts/serve.ts`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        DIST_DIR: dist,
        HOST: '127.0.0.1',
        PORT: String(port),
        PLAYGROUND_RATE_LIMIT: 'off',
        // Generous, so parallel tests sharing the demo key are not throttled.
        MOCK_BASIC_RATE_LIMIT: '1000/60s',
      },
    },
    {
      // The same build with Sinch-like strict Basic-auth limits, for the rate-limit test.
      command: `node scripts/serve.ts`,
      url: `http://127.0.0.1:${strictPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        DIST_DIR: dist,
        HOST: '127.0.0.1',
        PORT: String(strictPort),
        PLAYGROUND_RATE_LIMIT: 'off',
        MOCK_BASIC_RATE_LIMIT: '3/60s',
      },
    },
  ],
});
