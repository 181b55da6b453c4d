/**
 * File ▸ Export documentation: the data dictionary downloaded from the page, then opened as a file
 * in a browser that is offline and refuses every request, where its search box is used. The page
 * must work alone: one file, no network.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Downloads through the File menu and keeps the file under its own name (a browser opens `.html` as a page). */
async function downloadFrom(page: Page, item: string): Promise<{ name: string; path: string; text: string }> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

test.describe('documentation export', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('the HTML data dictionary opens offline from the file and its search finds a table by a column', async ({ studio, page, browser }) => {
    const tables = await studio.tableNames();
    const html = await downloadFrom(page, 'export-docs-html');
    expect(html.name).toBe('e-commerce-docs.html');

    const context = await browser.newContext({ offline: true });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    const docs = await context.newPage();
    await docs.goto(`file://${html.path}`);
    await expect(docs.locator('h1')).toHaveText('E-commerce');
    const entries = docs.locator('article.entry[id^="table-"]');
    await expect(entries).toHaveCount(tables.length);
    for (const name of tables) await expect(docs.locator(`article[id="table-${name}"] h3`)).toHaveText(name);
    await expect(docs.locator('figure.diagram svg.light text', { hasText: 'order_items' }).first()).toBeAttached();

    // A reference is a link to the table it names.
    await docs.locator('article[id="table-public.orders"] dd a', { hasText: 'public.customers' }).first().click();
    await expect(docs).toHaveURL(/#table-public\.customers$/);

    // Search: `product_id` is a column of order_items and products only.
    await docs.getByRole('searchbox', { name: 'Search the documentation' }).fill('product_id');
    const shown = docs.locator('article.entry[id^="table-"]:not([hidden])');
    const shownIds = await shown.evaluateAll((els) => els.map((e) => e.id));
    expect(shownIds.length).toBeGreaterThan(0);
    expect(shownIds.length).toBeLessThan(tables.length);
    for (const id of shownIds) await expect(docs.locator(`article[id="${id}"] table.columns`)).toContainText('product_id');
    await expect(docs.locator('#docs-search-status')).toHaveText(new RegExp(`^${shownIds.length} match`));
    await expect(docs.locator('figure.diagram').first()).toBeHidden();
    await docs.getByRole('searchbox').fill('');
    await expect(entries.filter({ visible: true })).toHaveCount(tables.length);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await context.close();
  });

  test('the Markdown data dictionary lists every table with its columns', async ({ studio, page }) => {
    const tables = await studio.tableNames();
    const md = await downloadFrom(page, 'export-docs-markdown');
    expect(md.name).toBe('e-commerce-docs.md');
    expect(md.text.startsWith('# E\\-commerce\n')).toBe(true);
    for (const name of tables) expect(md.text).toContain(`### ${name.replace(/[._]/g, (c) => `\\${c}`)}\n`);
  });
});
