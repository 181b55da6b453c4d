import { test, expect } from './fixtures.ts';

test.describe('projects', () => {
  test('saves a project, autosaves edits, and a reload keeps everything', async ({ studio, page }) => {
    await studio.open('/');
    await studio.projects.saveAsProject();
    await page.getByTestId('add-table').click();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await studio.dragTable('public.customers', 0, 150);
    const moved = await studio.position('public.customers');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    await page.reload();
    await expect(studio.table('public.table_1')).toBeVisible();
    expect(await studio.position('public.customers')).toEqual(moved);
    await expect(page.getByTestId('doc-name')).toHaveText('E-commerce');
    await page.screenshot({ path: 'test-results/projects-reloaded.png' });
  });

  test('a save made elsewhere through the API while the project is open is merged in: nothing is overwritten', async ({ studio, page }) => {
    await studio.open('/');
    const id = await studio.projects.saveAsProject();
    await expect(page.getByTestId('live-status')).toHaveText('Live');
    // A script (or an older studio) saves through the API, removing two tables.
    const current = await (await page.request.get(`/api/projects/${id}`)).json();
    const other = structuredClone(current.document);
    other.model.tables = other.model.tables.filter((t: { name: string }) => t.name !== 'categories' && t.name !== 'products');
    for (const t of other.model.tables) t.foreignKeys = t.foreignKeys.filter((fk: { refTableId: string }) => other.model.tables.some((x: { id: string }) => x.id === fk.refTableId));
    const saved = await page.request.put(`/api/projects/${id}`, { data: { document: other, version: current.version } });
    expect(saved.status()).toBe(200);

    // The page's next edit is saved by the room, which finds the API's change and merges it.
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.products')).toHaveCount(0);
    await expect(studio.table('public.table_1')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(async () => {
      const after = await (await page.request.get(`/api/projects/${id}`)).json();
      return after.document.model.tables.map((t: { name: string }) => t.name).sort().join(',');
    }).toBe('addresses,customers,order_items,orders,table_1');
  });

  test('lists projects and opens one', async ({ studio, page }) => {
    await studio.open('/?template=ecommerce');
    const id = await studio.projects.saveAsProject();
    await page.goto('/');
    await page.getByTestId('file-menu').click();
    await page.getByTestId('open-projects').click();
    const row = page.locator(`[data-testid="project-row"][data-project="${id}"]`);
    await expect(row).toBeVisible();
    await row.locator('.project-open').click();
    await expect(page).toHaveURL(new RegExp(`/p/${id}$`));
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
  });

  test('saves a named version and highlights what changed since', async ({ studio, page }) => {
    await studio.open('/');
    await studio.projects.saveAsProject();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('open-versions').click();
    await page.getByTestId('version-label').fill('first draft');
    await page.getByTestId('version-save').click();
    await expect(page.locator('[data-testid="version-row"][data-version="first draft"]')).toBeVisible();
    await page.getByTestId('dialog-close').click();

    await page.getByTestId('add-table').click();
    await studio.selectTable('public.categories');
    await page.keyboard.press('Delete');
    await studio.selectTable('public.customers');
    await studio.tabTo('inspector');
    await page.getByTestId('inspector').getByTestId('inspector-table-comment').fill('people who buy');
    await page.getByTestId('inspector').getByTestId('inspector-table-name').click();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    await page.getByTestId('file-menu').click();
    await page.getByTestId('open-versions').click();
    await page.locator('[data-testid="version-row"][data-version="first draft"]').getByTestId('version-compare').click();
    await expect(studio.table('public.table_1')).toHaveAttribute('data-compare', 'added');
    await expect(studio.table('public.customers')).toHaveAttribute('data-compare', 'changed');
    await expect(studio.table('public.orders')).not.toHaveAttribute('data-compare', /./);
    const banner = page.getByTestId('compare-banner');
    await expect(banner).toContainText('first draft');
    await expect(banner).toContainText('Removed: public.categories');
    await expect(page.locator('[data-testid="ghost-node"][data-ghost="public.categories"]')).toBeVisible();
    await page.screenshot({ path: 'test-results/projects-compare.png' });
    await page.getByTestId('compare-stop').click();
    await expect(studio.table('public.table_1')).not.toHaveAttribute('data-compare', /./);
    await expect(page.getByTestId('ghost-node')).toHaveCount(0);
  });

  test('compares two named versions with each other; what the later one removed is outlined where it was', async ({ studio, page }) => {
    await studio.open('/');
    await studio.projects.saveAsProject();
    await studio.projects.saveVersion('first draft');
    await page.getByTestId('add-table').click();
    await studio.selectTable('public.categories');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await studio.projects.saveVersion('second');
    await page.getByTestId('add-table').click(); // after both versions: not part of the comparison
    await expect(studio.table('public.table_2')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    await studio.projects.openVersions();
    await studio.projects.compareVersions('first draft', 'second');
    const banner = page.getByTestId('compare-banner');
    await expect(banner).toContainText('Compared first draft with second');
    await expect(banner).toContainText('1 added');
    await expect(banner).toContainText('Removed: public.categories');
    await expect(studio.table('public.table_1')).toHaveAttribute('data-compare', 'added');
    await expect(studio.table('public.table_2')).not.toHaveAttribute('data-compare', /./);
    await expect(studio.table('public.orders')).not.toHaveAttribute('data-compare', /./);
    const ghost = page.locator('[data-testid="ghost-node"][data-ghost="public.categories"]');
    await expect(ghost).toBeVisible();
    await page.screenshot({ path: 'test-results/projects-compare-versions.png' });
    // The ghost is drawn, never part of the model or selectable.
    expect(await studio.state<boolean>('state.doc.model.tables.some((t) => t.name === "categories")')).toBe(false);
    await page.getByTestId('compare-stop').click();
    await expect(ghost).toHaveCount(0);
  });

  test('an edit made just before opening another project is saved, and opening saves nothing', async ({ studio, page }) => {
    await studio.open('/?template=event-store');
    const first = await studio.projects.saveAsProject();
    await studio.open('/?template=ecommerce'); // a bare `/` would reopen the project just saved
    const second = await studio.projects.saveAsProject();
    const firstVersion = (await studio.projects.onServer(first)).version;

    await page.getByTestId('add-table').click();
    await studio.projects.openDialog(); // well within the autosave delay
    await studio.projects.openFromDialog(first);
    await expect(page.getByTestId('doc-name')).toHaveText('Event store');
    expect(await studio.projects.serverTables(second)).toContain('table_1');

    // Opening is not an edit: after the autosave delay the opened project is still the version read.
    await page.waitForTimeout(1500);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    expect((await studio.projects.onServer(first)).version).toBe(firstVersion);
  });

  test('an edit made just before File → New is saved to the project left', async ({ studio, page }) => {
    await studio.open('/');
    const id = await studio.projects.saveAsProject();
    await page.getByTestId('add-table').click();
    await studio.projects.newFrom('audit-trail');
    await expect(page).toHaveURL(/\/$/);
    expect(await studio.projects.serverTables(id)).toContain('table_1');
  });

  test('deleting the open project leaves an unsaved draft that says so, and edits do not fail', async ({ studio, page }) => {
    await studio.open('/');
    const id = await studio.projects.saveAsProject();
    await studio.projects.openDialog();
    await studio.projects.deleteFromDialog(id);
    await page.getByTestId('dialog-close').click();
    await expect(page.getByTestId('notice')).toContainText('was deleted, so this page is now an unsaved draft');
    await expect(page.getByTestId('doc-source')).toHaveText('unsaved draft');
    await expect(page.getByTestId('save-state')).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);
    await page.getByTestId('add-table').click();
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('notice')).not.toContainText('Autosave failed');
    await page.screenshot({ path: 'test-results/projects-deleted-draft.png' });
    // Saving again makes it a project once more.
    const again = await studio.projects.saveAsProject();
    expect(await studio.projects.serverTables(again)).toContain('table_1');
  });
});
