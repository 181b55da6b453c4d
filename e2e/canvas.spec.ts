import { test, expect } from './fixtures.ts';

test.describe('canvas: tables and relationships', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('shows each table with schema-qualified header, typed columns and badges; collapses to key columns', async ({ studio, page }) => {
    const orders = studio.table('public.orders');
    await expect(orders.locator('.node-header')).toContainText('public.orders');
    await expect(studio.column('public.orders', 'id').locator('.badge-pk')).toHaveText('PK');
    await expect(studio.column('public.orders', 'customer_id').locator('.col-type')).toHaveText('uuid');
    await expect(studio.column('public.orders', 'status').locator('.col-type')).toHaveText('order_status');
    await expect(studio.column('public.orders', 'order_number').locator('.badge-uq')).toHaveText('UQ');
    await expect(studio.column('public.orders', 'subtotal').locator('.badge-nn')).toHaveText('NN');
    await expect(studio.table('public.order_status')).toHaveAttribute('data-kind', 'enum');
    const all = await orders.locator('[data-testid="column-row"]').count();
    await orders.getByTestId('collapse-table').click();
    await expect(orders.locator('[data-testid="column-row"]')).toHaveCount(4); // id + three foreign keys
    await expect(orders.locator('.col-more')).toContainText(`${all - 4} more columns`);
    await orders.getByTestId('collapse-table').click();
    await expect(orders.locator('[data-testid="column-row"]')).toHaveCount(all);
    await page.screenshot({ path: 'test-results/canvas-tables.png' });
  });

  test('draws a foreign key by dragging column to column, and by dropping a key on a table header', async ({ studio, page }) => {
    await studio.dragColumnTo({ table: 'public.order_items', column: 'product_sku', side: 'r' }, { table: 'public.products', column: 'sku', side: 'l' });
    await expect(studio.column('public.order_items', 'product_sku').locator('.badge-fk')).toHaveText('FK');

    await studio.dragColumnTo({ table: 'public.customers', column: 'id', side: 'r' }, { table: 'public.categories' });
    await expect(studio.column('public.categories', 'customer_id').locator('.badge-fk')).toHaveText('FK');
    await expect(studio.column('public.categories', 'customer_id').locator('.col-type')).toHaveText('uuid');
    await page.screenshot({ path: 'test-results/canvas-fk-drawn.png' });
    await page.getByTestId('undo').click();
    await expect(studio.column('public.categories', 'customer_id')).toHaveCount(0);
  });

  test('highlights the columns of a hovered relationship', async ({ studio, page }) => {
    const fkId = await studio.state<string>("state.doc.model.tables.find((t) => t.name === 'order_items').foreignKeys.find((f) => f.refTableId === state.doc.model.tables.find((t) => t.name === 'orders').id).id");
    await page.getByTestId(`rf__edge-${fkId}`).locator('.react-flow__edge-interaction').hover({ force: true });
    await expect(studio.column('public.order_items', 'order_id')).toHaveClass(/lit/);
    await expect(studio.column('public.orders', 'id')).toHaveClass(/lit/);
    await expect(studio.column('public.orders', 'customer_id')).not.toHaveClass(/lit/);
  });

  test('while the view is dragged the diagram ignores the pointer; once dropped it answers again', async ({ studio, page }) => {
    const orders = studio.table('public.orders');
    const hitsOrders = async () => page.evaluate(() => {
      const box = document.querySelector('[data-table="public.orders"]')!.getBoundingClientRect();
      return !!document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('[data-table="public.orders"]');
    });
    expect(await hitsOrders()).toBe(true);
    const pane = page.locator('.react-flow__pane');
    const empty = await page.evaluate(() => {
      const box = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      for (let y = box.bottom - 40; y > box.top; y -= 10) {
        for (let x = box.left + 60; x < box.right - 60; x += 10) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      throw new Error('no empty point on the pane');
    });
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    await page.mouse.move(empty.x - 30, empty.y - 20, { steps: 3 });
    await expect(pane).toHaveClass(/dragging/);
    expect(await hitsOrders()).toBe(false);
    await page.mouse.up();
    await expect(pane).not.toHaveClass(/dragging/);
    expect(await hitsOrders()).toBe(true);
    await orders.locator('.node-header').click();
    await expect(studio.node('public.orders')).toHaveClass(/selected/);
  });
});

test.describe('canvas: editing', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('adds tables from the toolbar, by double-click and with N; undo and redo', async ({ studio, page }) => {
    const start = await studio.tableCount();
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    await page.locator('.react-flow__pane').dblclick({ position: { x: 700, y: 780 } });
    await expect(studio.table('public.table_2')).toBeVisible();
    await studio.press('n');
    await expect(studio.table('public.table_3')).toBeVisible();
    expect(await studio.tableCount()).toBe(start + 3);
    await expect(studio.column('public.table_3', 'id').locator('.badge-pk')).toHaveText('PK');

    await studio.press('Control+z');
    await expect(studio.table('public.table_3')).toHaveCount(0);
    await page.getByTestId('undo').click();
    expect(await studio.tableCount()).toBe(start + 1);
    await studio.press('Control+Shift+z');
    await expect(studio.table('public.table_2')).toBeVisible();
    await page.getByTestId('redo').click();
    expect(await studio.tableCount()).toBe(start + 3);
  });

  test('a drag is one undo step', async ({ studio, page }) => {
    const before = await studio.position('public.customers');
    await studio.dragTable('public.customers', 0, 260);
    const after = await studio.position('public.customers');
    expect(after.y - before.y).toBeGreaterThan(150);
    await page.getByTestId('undo').click();
    expect(await studio.position('public.customers')).toEqual(before);
    await page.getByTestId('redo').click();
    expect(await studio.position('public.customers')).toEqual(after);
  });

  test('deletes, duplicates, multi-selects, copies and pastes tables', async ({ studio, page }) => {
    await studio.selectTable('public.categories');
    await page.keyboard.press('Delete');
    await expect(studio.table('public.categories')).toHaveCount(0);
    await expect(studio.column('public.products', 'category_id').locator('.badge-fk')).toHaveCount(0);
    await page.getByTestId('undo').click();
    await expect(studio.table('public.categories')).toBeVisible();

    await studio.selectTable('public.products');
    await page.keyboard.press('Control+d');
    await expect(studio.table('public.products_copy')).toBeVisible();

    await studio.selectTable('public.customers');
    await studio.selectTable('public.addresses', true);
    expect(await studio.state<number>('state.selection.size')).toBe(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(studio.table('public.customers_2')).toBeVisible();
    await expect(studio.table('public.addresses_2')).toBeVisible();
    // The pasted addresses references the pasted customers, not the original.
    const refersToCopy = await studio.state<boolean>(
      "(() => { const t = state.doc.model.tables; const a = t.find((x) => x.name === 'addresses_2'); const c = t.find((x) => x.name === 'customers_2'); return a.foreignKeys.some((f) => f.refTableId === c.id); })()",
    );
    expect(refersToCopy).toBe(true);
  });

  test('links two tables many-to-many through a junction table', async ({ studio, page }) => {
    await studio.selectTable('public.products');
    await studio.selectTable('public.categories', true);
    await page.getByTestId('add-junction').click();
    const junction = studio.table('public.product_category');
    await expect(junction).toBeVisible();
    await expect(junction.locator('.badge-pk')).toHaveCount(2);
    await expect(junction.locator('.badge-fk')).toHaveCount(2);
    await page.getByTestId('undo').click();
    await expect(junction).toHaveCount(0);
  });

  test('deletes a relationship selected on the canvas', async ({ studio, page }) => {
    const fkId = await studio.state<string>("state.doc.model.tables.find((t) => t.name === 'products').foreignKeys[0].id");
    await page.getByTestId(`rf__edge-${fkId}`).locator('.react-flow__edge-interaction').click({ force: true });
    await expect.poll(() => studio.state<boolean>(`state.selection.has(${JSON.stringify(fkId)})`)).toBe(true);
    await page.keyboard.press('Delete');
    await expect(studio.column('public.products', 'category_id').locator('.badge-fk')).toHaveCount(0);
    await expect(studio.column('public.products', 'category_id')).toHaveCount(1); // the column stays
  });
});

test('view nodes show a view with its kind', async ({ studio }) => {
  await studio.open('/?template=event-store');
  const view = studio.page.locator('.react-flow__node [data-kind="view"]').first();
  await expect(view).toBeVisible();
  await expect(view.locator('.node-kind')).toHaveText(/view/);
  await studio.page.screenshot({ path: 'test-results/canvas-event-store.png' });
});

