/**
 * Read-only share links (issue 13): a saved project's link, opened in a second browser without the
 * studio token, shows the diagram, its search and its SQL and nothing that edits; a write to the API
 * with the link's cookie is refused (403); embed mode is the canvas alone; a revoked link stops at once.
 */
import type { Page } from '@playwright/test';
import { Studio, test, expect } from './fixtures.ts';

async function makeLink(page: Page): Promise<string> {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('open-share').click();
  await page.getByTestId('share-create').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/\/\?share=shr_/);
  await expect(page.getByTestId('share-embed')).toHaveValue(/^<iframe src=".*\?share=shr_[^"]+&embed"/);
  return url;
}

test('a read-only link shows the diagram, search and SQL, changes nothing, embeds, and stops when revoked', async ({ studio, page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await studio.open('/');
  const id = await studio.projects.saveAsProject('Shop');
  const url = await makeLink(page);
  await expect(page.getByTestId('share-link')).toHaveCount(1);

  // A second browser, no studio token: the link sets its cookie and lands on /shared.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const shared = await context.newPage();
  if (process.env.SCHEMATA_E2E_DEBUG) {
    shared.on('console', (m) => console.log(`[shared ${m.type()}] ${m.text()}`));
    shared.on('response', (r) => { if (r.url().includes('/api/')) console.log(`[shared ${r.status()}] ${r.request().method()} ${r.url()}`); });
  }
  await shared.goto(url);
  await expect(shared).toHaveURL(/\/shared$/);
  await expect(shared.getByTestId('read-only-badge')).toHaveText('Read-only');
  await expect(shared.getByTestId('doc-name')).toHaveText('Shop');
  await expect(shared.locator('.react-flow__node [data-table="public.customers"]')).toBeVisible();

  // Nothing that edits: no File menu, no undo, no toolbar, no Database tab, no drag, no connect.
  for (const testId of ['file-menu', 'undo', 'tab-live', 'tab-inspector', 'canvas-toolbar']) await expect(shared.getByTestId(testId)).toHaveCount(0);
  await expect(shared.locator('.react-flow__node.draggable')).toHaveCount(0);
  const reader = new Studio(shared);
  const edges = await shared.locator('.react-flow__edge').count();
  expect(edges).toBeGreaterThan(3);
  // A drag on a table pans the view (nothing moves in the model), a drag from a column connects nothing.
  const before = await reader.position('public.customers');
  await reader.dragTable('public.customers', 120, 80);
  await reader.dragColumnTo({ table: 'public.customers', column: 'email' }, { table: 'public.addresses' });
  expect(await reader.position('public.customers')).toEqual(before);
  await expect(shared.locator('.react-flow__edge')).toHaveCount(edges);
  const tables = await shared.locator('[data-testid="table-node"]').count();
  await shared.locator('.react-flow__pane').dblclick({ position: { x: 30, y: 200 } });
  await shared.keyboard.press('n');
  await expect(shared.locator('[data-testid="table-node"]')).toHaveCount(tables);

  // The SQL of the model, read-only, without the apply bar.
  await expect(shared.getByTestId('sql-editor').locator('.view-lines')).toContainText('CREATE TABLE');
  await shared.getByTestId('sql-editor').locator('.view-lines').click();
  await shared.keyboard.type('zzz_typed');
  await expect(shared.getByTestId('sql-editor').locator('.view-lines')).not.toContainText('zzz_typed');

  // Search finds tables, and offers none of the commands that edit.
  await shared.getByTestId('shared-search').click();
  await shared.getByTestId('palette-input').fill('add');
  await expect(shared.locator('[data-testid="palette-item"][data-kind="command"]')).toHaveCount(0);
  await shared.getByTestId('palette-input').fill('customers');
  await expect(shared.getByTestId('palette-item').first()).toContainText('customers');
  await shared.keyboard.press('Enter');
  await expect(shared.getByTestId('command-palette')).toHaveCount(0);

  await shared.screenshot({ path: 'test-results/share-read-only-light.png' });
  await shared.getByTestId('theme-toggle').click();
  await shared.screenshot({ path: 'test-results/share-read-only-dark.png' });

  // The API with the link's cookie: the project reads, every write is refused.
  expect((await context.request.get(`/api/projects/${id}`)).status()).toBe(200);
  const put = await context.request.put(`/api/projects/${id}`, { data: { document: {}, version: 1 } });
  expect(put.status()).toBe(403);
  expect(await put.json()).toMatchObject({ code: 'forbidden', message: expect.stringContaining('read-only link') });
  expect((await context.request.get('/api/targets')).status()).toBe(403);
  expect((await context.request.post('/api/projects', { data: { name: 'x', document: {} } })).status()).toBe(403);

  // Embedded: the canvas alone, with a link to open it whole.
  await shared.goto('/shared?embed');
  await expect(shared.locator('.react-flow__node [data-table="public.customers"]')).toBeVisible();
  await expect(shared.getByTestId('embed-open')).toBeVisible();
  await expect(shared.getByTestId('topbar')).toHaveCount(0);
  await expect(shared.getByTestId('right-pane')).toHaveCount(0);
  await shared.screenshot({ path: 'test-results/share-embed-dark.png' });
  await shared.getByTestId('theme-toggle').count();
  await shared.evaluate(() => localStorage.setItem('schemata.theme', 'light'));
  await shared.reload();
  await expect(shared.locator('.react-flow__node [data-table="public.customers"]')).toBeVisible();
  await shared.screenshot({ path: 'test-results/share-embed-light.png' });

  // Revoked in the studio: the link's next request is refused, and the page says the studio wants its link.
  await page.getByTestId('share-revoke').click();
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  expect((await context.request.get(`/api/projects/${id}`)).status()).toBe(401);
  await shared.goto('/shared');
  await expect(shared.getByTestId('access-screen')).toBeVisible();
  await context.close();
});
