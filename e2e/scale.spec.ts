import { test, expect } from './fixtures.ts';

test.describe('canvas: working at scale', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('auto-layout (in a worker) moves the tables, and one undo puts them back', async ({ studio, page }) => {
    const before = await studio.position('public.order_items');
    await page.getByTestId('auto-layout').click();
    await expect.poll(() => studio.position('public.order_items')).not.toEqual(before);
    // Parents stand left of the tables that reference them.
    const [customers, orders] = [await studio.position('public.customers'), await studio.position('public.orders')];
    expect(customers.x).toBeLessThan(orders.x);
    await page.screenshot({ path: 'test-results/scale-auto-layout.png' });
    await page.getByTestId('undo').click();
    expect(await studio.position('public.order_items')).toEqual(before);
  });

  test('the command palette jumps to a table', async ({ studio, page }) => {
    await studio.press('Control+k');
    await expect(page.getByTestId('command-palette')).toBeVisible();
    await page.getByTestId('palette-input').fill('order_it');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('command-palette')).toHaveCount(0);
    await expect(studio.node('public.order_items')).toHaveClass(/selected/);
    const selected = await studio.state<string[]>('[...state.selection]');
    expect(selected).toHaveLength(1);

    // It runs commands too.
    const before = await studio.tableCount();
    await studio.press('Control+k');
    await page.getByTestId('palette-input').fill('add a table');
    await page.keyboard.press('Enter');
    await expect.poll(() => studio.tableCount()).toBe(before + 1);
  });

  test('? shows the keyboard shortcuts; Escape closes them', async ({ studio, page }) => {
    await studio.press('?');
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expect(page.getByTestId('shortcut-help')).toContainText('Add a table');
    await page.screenshot({ path: 'test-results/scale-shortcuts.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
  });

  test('groups tables in a named subject area that follows them', async ({ studio, page }) => {
    await studio.selectTable('public.orders');
    await studio.selectTable('public.order_items', true);
    await page.getByTestId('add-area').click();
    const area = page.locator('[data-testid="area-node"][data-area="Area 1"]');
    await expect(area).toBeVisible();
    await area.locator('.area-label').dblclick();
    await page.getByTestId('area-name-input').fill('Sales');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="area-node"][data-area="Sales"]')).toBeVisible();
    const before = (await page.locator('[data-area="Sales"]').boundingBox())!;
    await studio.dragTable('public.order_items', 0, 200);
    await expect.poll(async () => (await page.locator('[data-area="Sales"]').boundingBox())!.height).toBeGreaterThan(before.height + 100);
    await page.screenshot({ path: 'test-results/scale-area.png' });

    // Dragging the label moves every table of the area, as one undo step.
    const [orders, items] = [await studio.position('public.orders'), await studio.position('public.order_items')];
    const label = (await page.getByTestId('area-label').boundingBox())!;
    await page.mouse.move(label.x + 10, label.y + 5);
    await page.mouse.down();
    for (let i = 1; i <= 8; i += 1) await page.mouse.move(label.x + 10, label.y + 5 + i * 20);
    await page.mouse.up();
    const moved = await studio.position('public.orders');
    expect(moved.y - orders.y).toBeGreaterThan(100);
    expect((await studio.position('public.order_items')).y - items.y).toBeCloseTo(moved.y - orders.y, 0);
    await page.getByTestId('undo').click();
    expect(await studio.position('public.orders')).toEqual(orders);

    // Selecting the area and another table, then Area, adds the table to it.
    await page.getByTestId('area-label').click();
    await studio.selectTable('public.products', true);
    await page.getByTestId('add-area').click();
    await expect.poll(() => studio.state<number>('state.doc.layout.areas[0].tableIds.length')).toBe(3);
    await expect(page.getByTestId('area-node')).toHaveCount(1);
  });

  test('adds a sticky note and keeps its text', async ({ studio, page }) => {
    await page.getByTestId('add-note').click();
    const note = page.getByTestId('note-text').last();
    await note.fill('Orders are never deleted, only cancelled.');
    await page.locator('.react-flow__pane').click({ position: { x: 600, y: 820 } });
    await expect.poll(() => studio.state<string>('state.doc.layout.notes.at(-1).text')).toBe('Orders are never deleted, only cancelled.');
  });

  test('the minimap and zoom controls are there; fit brings every table into view', async ({ studio, page }) => {
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await page.locator('.react-flow__controls-zoomin').click();
    await page.locator('.react-flow__controls-zoomin').click();
    await studio.press('f');
    await expect(studio.table('public.order_items')).toBeInViewport();
    await expect(studio.table('public.customers')).toBeInViewport();
  });
});

test.describe('live SQL pane', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('follows edits, and selecting a table shows its statement', async ({ studio, page }) => {
    await page.getByTestId('add-table').click();
    await studio.tabTo('sql');
    await expect.poll(() => studio.visibleSql(), { timeout: 20_000 }).toContain('CREATE TABLE public.table_1');
    await studio.selectTable('public.order_items');
    await expect.poll(() => studio.visibleSql()).toContain('CREATE TABLE public.order_items');
    await page.screenshot({ path: 'test-results/sql-follows.png' });
  });
});
