/**
 * Browser journeys against the built app: the real server (server/index.ts) on port 4799 with its
 * data in a throwaway directory, and Debian's Chromium (never a downloaded browser).
 * The tests get their own build (`--mode test`, which carries the `window.__schemata` hook) in
 * dist/e2e-client, so a `npm run build` running meanwhile cannot swap the page under them.
 * The server gets a fresh access token (SCHEMATA_TOKEN); e2e/fixtures.ts opens its `/?token=` link once
 * per worker, like a person would, and every test starts with the cookie that set.
 */
import { defineConfig, devices } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// SCHEMATA_E2E_PORT lets two runs share a machine (each gets its own port and its own client build).
const PORT = Number(process.env.SCHEMATA_E2E_PORT ?? 4799);
const CLIENT_DIR = PORT === 4799 ? 'dist/e2e-client' : `dist/e2e-client-${PORT}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Workers re-read this file: they inherit the directory from the main process's environment.
process.env.SCHEMATA_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'schemata-e2e-'));
process.env.SCHEMATA_E2E_TOKEN ??= randomBytes(32).toString('base64url');
process.env.SCHEMATA_E2E_URL = BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: PORT === 4799 ? 'test-results' : `test-results-${PORT}`,
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/copy-wasm.mjs && npx vite build --mode test --outDir ../${CLIENT_DIR} --emptyOutDir --logLevel warn && node --import tsx server/index.ts`,
    url: `${BASE_URL}/api/health`,
    env: { PORT: String(PORT), HOST: '127.0.0.1', SCHEMATA_DATA: process.env.SCHEMATA_E2E_DATA, SCHEMATA_CLIENT_DIR: CLIENT_DIR,
      SCHEMATA_TOKEN: process.env.SCHEMATA_E2E_TOKEN,
    },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
