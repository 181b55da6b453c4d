/**
 * Co-editing (issue 13): two and three browsers on one project see each other's edits live,
 * concurrent edits to different tables both survive, the same column ends the same everywhere,
 * undo reverts only one's own edit, presence shows names, pointers and selections, and a browser
 * that was offline merges its edits when it is back.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, Studio, type StorageState } from './fixtures.ts';

const nameAs = (page: Page, name: string) => page.addInitScript((n) => localStorage.setItem('schemata.userName', n), name);

/** The store's document as the page holds it (test builds only). */
const tableNames = (page: Page) => new Studio(page).state<string>("state.doc.model.tables.map((t) => t.name).sort().join(',')");

const columnNames = (page: Page, table: string) =>
  new Studio(page).state<string>(`state.doc.model.tables.find((t) => t.name === ${JSON.stringify(table)}).columns.map((c) => c.name).join(',')`);

/**
 * Opens a column's name field in the inspector: found by its place in the table, not by its name,
 * so the field stays found when another browser renames the same column first.
 */
async function columnNameField(studio: Studio, page: Page, table: string, column: string) {
  const index = await studio.state<number>(`state.doc.model.tables.find((t) => t.name === ${JSON.stringify(table)}).columns.findIndex((c) => c.name === ${JSON.stringify(column)})`);
  expect(index).toBeGreaterThanOrEqual(0);
  await studio.selectTable(`public.${table}`);
  await page.getByTestId('tab-inspector').click();
  return page.getByTestId('inspector').getByTestId('inspector-column').nth(index).getByTestId('column-name');
}

/**
 * Puts `text` in the field in one input event, as a paste over its whole text would. `fill` selects
 * the text, then inserts: a rename from the other page landing in between moves the caret to the
 * end, and the text was appended to the other's name (`sku_annsku_bo`, seen once under load).
 */
async function replaceText(field: Locator, text: string): Promise<void> {
  await field.evaluate((element, value) => {
    const input = element as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function renameTable(studio: Studio, page: Page, from: string, to: string) {
  await studio.selectTable(`public.${from}`);
  await page.getByTestId('tab-inspector').click();
  const name = page.getByTestId('inspector-table-name');
  await name.fill(to);
  await name.press('Enter');
}

/** Ann opens the template and saves it as project `name`, live in its room; returns its id. */
async function startProject(studio: Studio, page: Page, name: string): Promise<string> {
  await nameAs(page, 'Ann');
  await studio.open('/');
  const id = await studio.projects.saveAsProject(name);
  await expect(page.getByTestId('live-status')).toHaveText('Live');
  return id;
}

/** Another browser, signed in (and named `name`, unless none is given), live in project `id`. */
async function openElsewhere(browser: Browser, signedIn: StorageState, from: Page, id: string, name?: string) {
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  if (name) await nameAs(page, name);
  await page.goto(`${new URL(from.url()).origin}/p/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('live-status')).toHaveText('Live');
  return { context, page, studio: new Studio(page) };
}

test('two browsers edit one project live: presence, concurrent edits, the same column, own undo, offline and back', async ({ studio, page, browser, signedIn }) => {
  test.setTimeout(180_000);
  const id = await startProject(studio, page, 'Together');
  const contexts: BrowserContext[] = [];
  const join = async (name: string) => {
    const other = await openElsewhere(browser, signedIn, page, id, name);
    contexts.push(other.context);
    return other;
  };
  try {
    const bo = await join('Bo');
    // Presence: each sees the other, in the top bar and on the canvas (pointer and selection).
    await expect(page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Bo is here');
    await expect(bo.page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Ann is here');
    const box = (await page.getByTestId('canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20);
    await expect(bo.page.locator('[data-testid="presence-cursor"][data-collaborator="Ann"]')).toBeVisible();
    await studio.selectTable('public.orders');
    await expect(bo.page.locator('[data-testid="presence-selection"][data-collaborator="Ann"]')).toHaveCount(1);

    // Concurrent edits to different tables: both survive, on both pages and in the store.
    await Promise.all([renameTable(studio, page, 'orders', 'purchases'), renameTable(bo.studio, bo.page, 'customers', 'clients')]);
    const both = 'addresses,categories,clients,order_items,products,purchases';
    await expect.poll(() => tableNames(page)).toBe(both);
    await expect.poll(() => tableNames(bo.page)).toBe(both);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(async () => (await (await page.request.get(`/api/projects/${id}`)).json()).document.model.tables.map((t: { name: string }) => t.name).sort().join(',')).toBe(both);
    await page.screenshot({ path: 'test-results/together-ann.png' });
    await bo.page.screenshot({ path: 'test-results/together-bo.png' });

    // The same column at once: both end with the same name (the last writer's), in the store too.
    // Both fields are open first; then each types its name and presses Enter, whichever lands first.
    const [annField, boField] = await Promise.all([columnNameField(studio, page, 'products', 'sku'), columnNameField(bo.studio, bo.page, 'products', 'sku')]);
    await Promise.all([
      replaceText(annField, 'sku_ann').then(() => annField.press('Enter')),
      replaceText(boField, 'sku_bo').then(() => boField.press('Enter')),
    ]);
    await expect.poll(async () => (await columnNames(page, 'products')) === (await columnNames(bo.page, 'products'))).toBe(true);
    expect(await columnNames(page, 'products')).toMatch(/(^|,)sku_(ann|bo)(,|$)/);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(async () => (await (await page.request.get(`/api/projects/${id}`)).json()).document.model.tables
      .find((t: { name: string }) => t.name === 'products').columns.map((c: { name: string }) => c.name).join(',')).toBe(await columnNames(page, 'products'));

    // Undo is one's own: Bo's undo takes back Bo's last edit, not Ann's.
    await bo.page.getByTestId('add-table').click();
    await expect.poll(() => tableNames(page)).toContain('table_1');
    await bo.page.getByTestId('undo').click();
    await expect.poll(() => tableNames(page)).not.toContain('table_1');
    expect(await tableNames(page)).toContain('purchases');

    // A third browser joins and sees everything; Bo goes offline, edits, and comes back.
    const cy = await join('Cy');
    await expect(page.getByTestId('presence-avatar')).toHaveCount(2);
    await bo.page.context().setOffline(true);
    await expect(bo.page.getByTestId('live-status')).toHaveText('Offline · edits kept here', { timeout: 20_000 });
    await renameTable(bo.studio, bo.page, 'addresses', 'offline_addresses');
    await renameTable(cy.studio, cy.page, 'categories', 'online_categories');
    await expect(bo.page.getByTestId('save-state')).toHaveText('Not saved');
    await bo.page.context().setOffline(false);
    await expect(bo.page.getByTestId('live-status')).toHaveText('Live', { timeout: 20_000 });
    for (const p of [page, bo.page, cy.page]) {
      await expect.poll(() => tableNames(p)).toContain('offline_addresses');
      await expect.poll(() => tableNames(p)).toContain('online_categories');
    }
    await expect(bo.page.getByTestId('save-state')).toHaveText('Saved');
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('a browser without a name is asked for one once, when someone else is in the project; the others see it', async ({ studio, page, browser, signedIn }) => {
  test.setTimeout(120_000);
  const id = await startProject(studio, page, 'Named');
  // Alone in the project, Ann (who has a name) is never asked.
  await expect(page.getByTestId('name-prompt')).toHaveCount(0);

  const { context, page: other } = await openElsewhere(browser, signedIn, page, id);
  try {
    const prompt = other.getByTestId('name-prompt');
    await expect(prompt).toContainText('Others in this project see you as Anonymous');
    await expect(page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Anonymous is here');
    await other.screenshot({ path: 'test-results/together-name-prompt.png' });
    await other.getByTestId('name-prompt-input').fill('  Dee  ');
    await other.getByTestId('name-prompt-save').click();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Dee is here');

    // Asked once: forgetting the name later (File ▸ Your name…) does not bring the question back.
    await other.evaluate(() => localStorage.removeItem('schemata.userName'));
    await other.reload();
    await expect(other.getByTestId('live-status')).toHaveText('Live');
    await expect(page.getByTestId('presence-avatar')).toHaveCount(1);
    await expect(page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Anonymous is here');
    await expect(other.getByTestId('name-prompt')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
