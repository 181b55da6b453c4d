/**
 * Browser journeys against the built app, in parallel: each worker starts its own studio server (the
 * compiled dist/server/index.js) on its own port with its own data directory and access token
 * (e2e/fixtures.ts), so journeys in different workers share nothing. Debian's Chromium, never a
 * downloaded browser.
 * e2e/global-setup.ts builds, once per run and only when stale, the test client (`--mode test`, which
 * carries the `window.__schemata` hook) into its own folder, so a `npm run build` running meanwhile
 * cannot swap the page under the tests, and the compiled server.
 * SCHEMATA_E2E_PORT (default 4799) is the first worker's port; worker n listens on that port + n. A
 * run given another base gets its own client build and results folder, so two runs can share a machine.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Debian's headless shell (package chromium-headless-shell) when it is there: the same engine as
 * /usr/bin/chromium without the browser's own UI processes, which cost a loaded 2-core machine a
 * third of its CPU. SCHEMATA_E2E_CHROMIUM picks another binary.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = process.env.SCHEMATA_E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
const PORT = Number(process.env.SCHEMATA_E2E_PORT ?? 4799);
const CLIENT_DIR = PORT === 4799 ? 'dist/e2e-client' : `dist/e2e-client-${PORT}`;
// Workers re-read this file and inherit the main process's environment: the fixtures read these two.
process.env.SCHEMATA_E2E_PORT = String(PORT);
process.env.SCHEMATA_E2E_CLIENT_DIR = CLIENT_DIR;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // A spec file runs in one worker, its journeys in order; three files run at once: on the 2-core
  // machine the journeys mostly wait on the page (two workers took 14 min, about a third of the CPU).
  // `--workers=1` runs them one at a time.
  fullyParallel: false,
  workers: 3,
  globalSetup: './e2e/global-setup.ts',
  retries: 0,
  // Generous: the same journey takes 2–3 times longer when the machine runs something else besides
  // (seen: 22 s in one CI run, a 60 s timeout in another); a wait that never ends still fails.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: PORT === 4799 ? 'test-results' : `test-results-${PORT}`,
  use: {
    // No baseURL here: e2e/fixtures.ts gives each worker its own server's address.
    viewport: { width: 1440, height: 900 },
    // Off unless asked for: recording a trace (its DOM snapshot at every step) made the journeys take
    // half as long again on the 2-core machine. A failure still leaves its screenshot and the page's
    // accessibility tree (error-context.md); SCHEMATA_E2E_TRACE=1 keeps a failed journey's trace too.
    trace: process.env.SCHEMATA_E2E_TRACE ? 'retain-on-failure' : 'off',
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
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync',
          ],
        },
      },
    },
  ],
});
