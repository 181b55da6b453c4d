/**
 * Drafts are never lost: a closed tab or a crash gives the draft back on the next open; whatever
 * would replace unsaved work asks Save / Discard / Cancel in the studio's own dialog; saving asks
 * for a name; the name is edited in place; `/` reopens the last project.
 * Each journey has its own browser context, so IndexedDB starts empty and no draft leaks between them.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { Studio, test, expect } from './fixtures.ts';

/** The tables of the draft kept in this browser's IndexedDB, or null when none is kept. */
function keptTables(page: Page): Promise<string[] | null> {
  return page.evaluate(() => new Promise<string[] | null>((resolve, reject) => {
    const open = indexedDB.open('schemata', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('drafts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('drafts').objectStore('drafts').get('current');
      get.onsuccess = () => {
        open.result.close();
        const kept = get.result as { doc: { model: { tables: { name: string }[] } } } | undefined;
        resolve(kept ? kept.doc.model.tables.map((t) => t.name) : null);
      };
    };
  }));
}

/** Closes the tab without its beforeunload question (as a crash would) and opens `path` in a new tab. */
async function crashAndReopen(page: Page, context: BrowserContext, path: string): Promise<{ page: Page; studio: Studio }> {
  await page.close();
  const next = await context.newPage();
  await next.goto(path);
  await expect(next.getByTestId('canvas')).toBeVisible();
  return { page: next, studio: new Studio(next) };
}

/** Screenshots in light and dark mode (the theme follows the system until the user picks one). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `test-results/${name}-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** An empty model (the fixture's `open` waits for a node, which a blank model has none of). */
async function openBlank(page: Page): Promise<void> {
  await page.goto('/?template=blank');
  await expect(page.getByTestId('canvas-empty')).toBeVisible();
}

const SQL = 'CREATE TABLE invoice (id int PRIMARY KEY, total numeric NOT NULL);';

test.describe('drafts are never lost', () => {
  test('a tab closed mid-draft: the next open offers the draft back; Restore brings it, Discard forgets it', async ({ studio, page, context }) => {
    await openBlank(page);
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    await expect.poll(() => keptTables(page)).toEqual(['table_1']);

    const second = await crashAndReopen(page, context, '/');
    const offer = second.page.getByTestId('restore-dialog');
    await expect(offer).toContainText(/Restore the draft you were editing (just now|\d+ seconds? ago)\?/);
    await expect(offer).toContainText('"Untitled" (1 table)');
    await shoot(second.page, 'drafts-restore');
    await offer.getByTestId('restore-accept').click();
    await expect(second.studio.table('public.table_1')).toBeVisible();
    await expect(second.page.getByTestId('doc-name')).toHaveText('Untitled');
    await expect(second.page).toHaveURL(/\/$/);
    // Still a draft saved nowhere: it stays kept, and replacing it asks.
    expect(await keptTables(second.page)).toEqual(['table_1']);

    const third = await crashAndReopen(second.page, context, '/');
    await third.page.getByTestId('restore-discard').click();
    await expect(third.studio.table('public.customers')).toBeVisible();
    await expect(third.studio.table('public.table_1')).toHaveCount(0);
    await expect.poll(() => keptTables(third.page)).toBeNull();

    const fourth = await crashAndReopen(third.page, context, '/');
    await expect(fourth.studio.table('public.customers')).toBeVisible();
    await expect(fourth.page.getByTestId('restore-dialog')).toHaveCount(0);
  });

  test('the draft is offered even when the SQL parser arrives after it is read (a slow download once lost it)', async ({ studio, page, context }) => {
    await openBlank(page);
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    await expect.poll(() => keptTables(page)).toEqual(['table_1']);
    await page.close();
    // Checking the draft needs the parser: read before it is ready, the draft was judged broken and cleared.
    const next = await context.newPage();
    await next.route('**/*.wasm', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await next.goto('/');
    await expect(next.getByTestId('restore-dialog')).toContainText('"Untitled" (1 table)');
    expect(await keptTables(next)).toEqual(['table_1']);
  });

  test('a draft holding only what the saved project holds (its view aside) is never offered', async ({ studio, page }) => {
    await studio.open('/');
    await studio.projects.saveAsProject('Shop');
    // What a tab reloaded before its view was saved leaves: the page's document as it is, panned.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const { store } = (window as unknown as { __schemata: { store: { getState: () => { doc: { layout: object }; project: unknown } } } }).__schemata;
      const { doc, project } = store.getState();
      const draft = { doc: { ...doc, layout: { ...doc.layout, viewport: { x: 40, y: 30, zoom: 0.8 } } }, project, keptAt: Date.now() - 1000 };
      const open = indexedDB.open('schemata', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('drafts');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const put = open.result.transaction('drafts', 'readwrite').objectStore('drafts').put(draft, 'current');
        put.onsuccess = () => resolve();
        put.onerror = () => reject(put.error);
      };
    }));
    // The server gives the project back with its keyed members in its own order (jsonb): no edit either.
    await page.reload();
    await expect(studio.table('public.customers')).toBeVisible();
    await expect.poll(() => keptTables(page)).toBeNull();
    await expect(page.getByTestId('restore-dialog')).toHaveCount(0);
  });

  test('a project whose edits did not reach the server is restored onto that project, and `/` reopens it', async ({ studio, page, context }) => {
    await studio.open('/');
    const id = await studio.projects.saveAsProject('Shop');
    await expect(page.getByTestId('live-status')).toHaveText('Live');
    // A network cut: the project's room is out of reach, so the edit exists only on the page.
    await context.setOffline(true);
    await expect(page.getByTestId('live-status')).toHaveText('Offline · edits kept here');
    await page.getByTestId('add-table').click();
    await expect(page.getByTestId('save-state')).toHaveText('Not saved');
    await expect.poll(() => keptTables(page)).toContain('table_1');
    expect(await studio.projects.serverTables(id)).not.toContain('table_1');

    // The tab closes before the network is back.
    await page.close();
    await context.setOffline(false);
    const next = await crashAndReopen(page, context, '/');
    await expect(next.page).toHaveURL(new RegExp(`/p/${id}$`)); // `/` reopened the last project
    const offer = next.page.getByTestId('restore-dialog');
    await expect(offer).toContainText('the project "Shop"');
    await offer.getByTestId('restore-accept').click();
    await expect(next.studio.table('public.table_1')).toBeVisible();
    await expect(next.page.getByTestId('save-state')).toHaveText('Saved');
    expect(await next.studio.projects.serverTables(id)).toContain('table_1');
    await expect.poll(() => keptTables(next.page)).toBeNull();
  });

  test('`/` opens the template once the last project is gone', async ({ studio, page }) => {
    await studio.open('/');
    const id = await studio.projects.saveAsProject('Gone soon');
    await studio.open('/');
    await expect(page).toHaveURL(new RegExp(`/p/${id}$`));
    await expect(page.getByTestId('doc-name')).toHaveText('Gone soon');
    expect((await page.request.delete(`/api/projects/${id}`)).status()).toBe(204);
    await studio.open('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('doc-source')).toHaveText('template · not saved');
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  test('import over an unsaved draft asks: Cancel keeps it, Discard replaces it', async ({ studio, page }) => {
    await openBlank(page);
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-text').fill(SQL);
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
    await shoot(page, 'drafts-unsaved');
    expect(await studio.projects.answerUnsaved('cancel')).toContain('"Untitled" has edits that are saved nowhere');
    await expect(studio.table('public.table_1')).toBeVisible();
    await expect(studio.table('public.invoice')).toHaveCount(0);

    await page.getByTestId('import-submit').click();
    await studio.projects.answerUnsaved('discard');
    await expect(studio.table('public.invoice')).toBeVisible();
    await expect(studio.table('public.table_1')).toHaveCount(0);
  });

  test('Save in the question saves the draft under the name asked, then goes on', async ({ studio, page }) => {
    await openBlank(page);
    await page.getByTestId('add-table').click();
    await studio.projects.newFrom('audit-trail');
    await studio.projects.answerUnsaved('save');
    await studio.projects.nameAndSave('Sketch');
    await expect(page.getByTestId('doc-name')).toHaveText('Audit trail');
    const list = await (await page.request.get('/api/projects')).json() as { id: string; name: string }[];
    const sketch = list.find((p) => p.name === 'Sketch');
    expect(sketch, 'the draft saved as "Sketch"').toBeDefined();
    expect(await studio.projects.serverTables(sketch!.id)).toEqual(['table_1']);
  });

  test('saving asks for a name; Cancel saves nothing', async ({ studio, page }) => {
    await openBlank(page);
    await page.getByTestId('file-menu').click();
    await page.getByTestId('save-project').click();
    const dialog = page.getByTestId('name-dialog');
    await expect(dialog.getByTestId('name-input')).toHaveValue('');
    await expect(dialog.getByTestId('name-save')).toBeDisabled();
    await dialog.getByTestId('name-input').fill('Billing');
    await shoot(page, 'drafts-name');
    await dialog.getByTestId('name-cancel').click();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/\?template=blank$/);

    const id = await studio.projects.saveAsProject('Billing');
    await expect(page.getByTestId('doc-name')).toHaveText('Billing');
    expect((await (await page.request.get(`/api/projects/${id}`)).json()).name).toBe('Billing');
  });

  test('the name is edited in place: Enter saves, Escape cancels; the Projects dialog renames in place too', async ({ studio, page }) => {
    await studio.open('/');
    const id = await studio.projects.saveAsProject('Shop');
    const name = page.getByTestId('doc-name');
    await name.click();
    await page.getByTestId('doc-name-input').fill('Not this');
    await page.keyboard.press('Escape');
    await expect(name).toHaveText('Shop');

    await name.click();
    await page.getByTestId('doc-name-input').fill('Shop v2');
    await page.screenshot({ path: 'test-results/drafts-inline-rename.png' });
    await page.keyboard.press('Enter');
    await expect(name).toHaveText('Shop v2');
    await expect.poll(async () => (await (await page.request.get(`/api/projects/${id}`)).json()).name).toBe('Shop v2');
    // The project still saves: the rename moved its version and the page follows it.
    await page.getByTestId('add-table').click();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    await studio.projects.openDialog();
    await studio.projects.row(id).getByTestId('project-rename').click();
    await page.getByTestId('project-name-input').fill('Shop v3');
    await page.keyboard.press('Enter');
    await expect(studio.projects.row(id).locator('.project-name')).toHaveText('Shop v3');
    await expect(name).toHaveText('Shop v3');
  });
});
