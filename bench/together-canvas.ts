// `npm run bench -- together-canvas`: co-editing between two real browsers. A studio process (the
// compiled server and client, `npm run build`), two Chromium pages on one saved project; one renames
// a table in its inspector, and the time runs from its Enter key to the new name's node on the other
// page's canvas (both clocks are the same browser's). Prints the median and p95 of the renames.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startStudio } from './_studio.ts';

const ROOT = join(import.meta.dirname, '..');
const RENAMES = 30;
/** The first renames warm both pages up (code compiled, inspector mounted): not counted. */
const WARM_UP = 3;
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/**
 * Resolves (in the page's clock) once a node for `qualified` is on the canvas. A string, not a
 * function: tsx names the bench's functions with a helper the page does not have.
 */
function whenNodeShows(page: Page, qualified: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const selector = '[data-table=${JSON.stringify(qualified)}]';
    const stamp = () => performance.timeOrigin + performance.now();
    if (document.querySelector(selector)) return resolve(stamp());
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve(stamp());
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-table'] });
  })`);
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error('dist/client is missing: run npm run build first');
  const studio = await startStudio();
  const browser = await chromium.launch({ executablePath: existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const open = async (path: string, name: string) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      // Named, so the studio does not ask (its question sits over the pane's tabs).
      await page.addInitScript((n) => localStorage.setItem('schemata.userName', n), name);
      await page.goto(`${studio.url}/?token=${studio.token}`);
      await page.goto(`${studio.url}${path}`);
      await page.locator('[data-table="public.orders"]').waitFor();
      return page;
    };
    const editor = await open('/', 'Editor');
    await editor.getByTestId('file-menu').click();
    await editor.getByTestId('save-project').click();
    await editor.getByTestId('name-input').fill('bench');
    await editor.getByTestId('name-input').press('Enter');
    await editor.waitForURL(/\/p\//);
    await editor.getByTestId('live-status').getByText('Live').waitFor();
    const watcher = await open(new URL(editor.url()).pathname, 'Watcher');
    await watcher.getByTestId('live-status').getByText('Live').waitFor();

    await editor.evaluate(`document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') window.sentAt = performance.timeOrigin + performance.now();
    }, true)`);
    await editor.locator('[data-table="public.orders"] .node-header').click();
    await editor.getByTestId('tab-inspector').click();
    const delays: number[] = [];
    for (let i = 1; i <= WARM_UP + RENAMES; i++) {
      const name = `orders_${i}`;
      const shown = whenNodeShows(watcher, `public.${name}`);
      await editor.getByTestId('inspector-table-name').fill(name);
      await editor.getByTestId('inspector-table-name').press('Enter');
      const arrived = await shown;
      const delay = arrived - (await editor.evaluate<number>('window.sentAt'));
      if (i > WARM_UP) delays.push(delay);
      await sleep(300);
    }
    console.log(`Chromium ${browser.version()}; the e-commerce template saved as a project; ${RENAMES} renames in one page`);
    console.log(`edit in one browser → the other's canvas: median ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms (bound: 200 ms)`);
  } finally {
    await browser.close();
    await studio.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
