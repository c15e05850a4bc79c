import { defineConfig, devices } from '@playwright/test';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The API (which also serves the built web app) runs on a fresh, empty database: demo data is created at start.
// Build first: `npm run build` (server + web).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.BROWSER_TEST_PORT ?? 3100);
// Set once in the main process so that the workers (which re-read this file) find the same directory: the journeys
// read the invitation and password-reset e-mails the API writes to `<DATA_DIR>/outbox/`.
process.env['BROWSER_DATA_DIR'] ??= resolve(repoRoot, '.tmp', `browser-data-${Date.now()}`);
const dataDir = process.env['BROWSER_DATA_DIR'];

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e-spec\.ts$/,
  outputDir: resolve(repoRoot, 'test-results/browser'),
  // One shared database and journeys that build on what they created: run in order.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node apps/api/dist/main.js',
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/api/health`,
    // An already running API is reused only when its DATA_DIR is given (BROWSER_DATA_DIR), to read its outbox.
    reuseExistingServer: !process.env.CI && !!process.env['BROWSER_REUSE_SERVER'],
    timeout: 60_000,
    env: { PORT: String(port), DATA_DIR: dataDir },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
