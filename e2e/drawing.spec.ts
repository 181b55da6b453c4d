/**
 * Drawing as fast as typing: a new table takes its name at once, columns follow by Enter, names
 * are renamed in place on the canvas, the type field finds `varchar`, `int8` and the model's enums,
 * and a column is made unique with one box.
 */
import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

const columnsOf = (table: string) => `state.doc.model.tables.find((t) => t.name === ${JSON.stringify(table)}).columns`;

/** Which field has the keyboard, and whether all its text is selected (ready to type over). */
const focusedField = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return { testId: el?.dataset.testid, allSelected: !!el && el.selectionStart === 0 && el.selectionEnd === el.value.length && el.value.length > 0 };
});

test.describe('drawing by keyboard', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('N makes a table whose name is ready to type; Enter walks the columns and adds the next', async ({ studio, page }) => {
    await studio.press('n');
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByTestId('inspector-table-name')).toBeFocused();
    await expect.poll(() => focusedField(page)).toEqual({ testId: 'inspector-table-name', allSelected: true });
    await page.keyboard.type('invoices');
    await page.keyboard.press('Enter');
    await expect(studio.table('public.invoices')).toBeVisible();

    // Enter on the table name goes to its first column (id), Enter there adds the next column.
    await expect(inspector.getByTestId('column-name').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(2);
    await expect.poll(() => focusedField(page)).toEqual({ testId: 'column-name', allSelected: true });
    await page.keyboard.type('customer_id');
    await page.keyboard.press('Enter');
    await page.keyboard.type('total');
    await page.keyboard.press('Tab'); // to the type field: its text is selected, typing replaces it
    await expect(inspector.getByTestId('column-type').last()).toBeFocused();
    await page.keyboard.type('numeric(10,2)');
    await page.keyboard.press('Enter');
    await expect(studio.column('public.invoices', 'total').locator('.col-type')).toHaveText(/^numeric\(10,2\)/);
    expect(await studio.state(`${columnsOf('invoices')}.map((c) => c.name)`)).toEqual(['id', 'customer_id', 'total']);
    expect(await studio.state(`${columnsOf('invoices')}[2].type`)).toEqual({ name: 'numeric', args: [10, 2] });
    await page.screenshot({ path: 'test-results/drawing-keyboard.png' });

    // A column added by Enter and left as it came is taken back by Escape.
    await inspector.getByTestId('column-name').last().press('Enter');
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(4);
    await expect(inspector.getByTestId('column-name').last()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(3);

    // + column and a double-click on empty canvas give the keyboard to the new name too.
    await inspector.getByTestId('column-add').click();
    await expect.poll(() => focusedField(page)).toEqual({ testId: 'column-name', allSelected: true });
    const tables = await studio.tableCount();
    await page.locator('.react-flow__pane').dblclick({ position: { x: 700, y: 780 } });
    await expect.poll(() => studio.tableCount()).toBe(tables + 1);
    await expect.poll(() => focusedField(page)).toEqual({ testId: 'inspector-table-name', allSelected: true });
  });

  test('a double-click renames a table in place; Enter is one undo step, Escape gives up', async ({ studio, page }) => {
    const name = studio.table('public.products').getByTestId('node-name');
    await name.dblclick();
    const field = studio.table('public.products').getByTestId('node-name-input');
    await expect(field).toBeFocused();
    await page.keyboard.type('items');
    await page.screenshot({ path: 'test-results/drawing-inline-rename.png' });
    await page.keyboard.press('Enter');
    await expect(studio.table('public.items')).toBeVisible();
    expect(await studio.tableNames()).not.toContain('public.products');

    await studio.press('Control+z');
    await expect(studio.table('public.products')).toBeVisible();

    // Escape: nothing changes. A key typed while editing is text, not a shortcut (N adds no table).
    const tables = await studio.tableCount();
    await studio.table('public.products').getByTestId('node-name').dblclick();
    await page.keyboard.type('nnn');
    await page.keyboard.press('Escape');
    await expect(studio.table('public.products')).toBeVisible();
    expect(await studio.tableCount()).toBe(tables);
  });

  test('a double-click renames a column in place, one undo step', async ({ studio, page }) => {
    const column = studio.column('public.products', 'description').getByTestId('col-name');
    await column.dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('summary');
    await page.keyboard.press('Enter');
    await expect(studio.column('public.products', 'summary')).toBeVisible();
    await studio.press('Control+z');
    await expect(studio.column('public.products', 'description')).toBeVisible();
  });

  test('a refused name on the canvas says what the inspector says, and stays to mend', async ({ studio, page }) => {
    await studio.selectTable('public.products');
    await studio.tabTo('inspector');
    const inspectorName = page.getByTestId('inspector-table-name');
    await inspectorName.fill('');
    await inspectorName.press('Enter');
    await expect(page.getByTestId('notice')).toBeVisible();
    const said = await studio.state<string>('state.notice.message');
    expect(said).toMatch(/name/);
    await page.getByTestId('notice-close').click();

    await studio.table('public.products').getByTestId('node-name').dblclick();
    const field = studio.table('public.products').getByTestId('node-name-input');
    await field.fill('');
    await field.press('Enter');
    await expect(page.getByTestId('notice')).toContainText(said);
    expect(await studio.state<string>('state.notice.message')).toBe(said);
    await expect(field).toBeFocused();
    await field.fill('catalog');
    await field.press('Enter');
    await expect(studio.table('public.catalog')).toBeVisible();
  });
});

test.describe('the type field and the unique box', () => {
  test.beforeEach(async ({ studio }) => {
    await studio.open('/');
    await studio.selectTable('public.products');
    await studio.tabTo('inspector');
  });

  const row = (page: Page, column: string): Locator =>
    page.getByTestId('inspector').locator(`[data-testid="inspector-column"][data-column="${column}"]`);
  const typeOf = (column: string) => `${columnsOf('products')}.find((c) => c.name === ${JSON.stringify(column)}).type`;

  test('finds PostgreSQL\'s short names, takes modifiers as typed, and the model\'s enums', async ({ studio, page }) => {
    const type = row(page, 'description').getByTestId('column-type');
    const options = row(page, 'description').getByTestId('column-type-option');

    await type.fill('varchar');
    await expect(options.first()).toHaveAttribute('data-value', 'character varying');
    await page.screenshot({ path: 'test-results/drawing-type-picker.png' });
    await type.press('Enter');
    expect(await studio.state(typeOf('description'))).toEqual({ name: 'character varying' });

    await type.fill('varchar(40)');
    await type.press('Enter');
    expect(await studio.state(typeOf('description'))).toEqual({ name: 'character varying', args: [40] });
    await expect(row(page, 'description').getByTestId('column-type-args')).toHaveValue('40');

    await type.fill('int8');
    await expect(options.first()).toHaveAttribute('data-value', 'bigint');
    await type.press('Enter');
    expect(await studio.state(typeOf('description'))).toEqual({ name: 'bigint' });

    // An enum by part of its name; ↓ and ↑ move through the list, Enter takes the one moved to.
    await type.fill('status');
    await expect(options.first()).toHaveAttribute('data-value', 'public.order_status');
    await type.press('ArrowDown');
    await type.press('ArrowUp');
    await expect(row(page, 'description').locator('[data-testid="column-type-option"][aria-selected="true"]')).toHaveAttribute('data-value', 'public.order_status');
    await type.press('Enter');
    expect(await studio.state(typeOf('description'))).toEqual({ name: 'order_status', schema: 'public' });
    await expect(studio.column('public.products', 'description').locator('.col-type')).toHaveText(/order_status/);

    // Escape gives up: the field shows the type again.
    await type.fill('bool');
    await type.press('Escape');
    await expect(type).toHaveValue('public.order_status');
    await expect(options).toHaveCount(0);

    // serial is a column with an identity.
    await type.fill('bigserial');
    await type.press('Enter');
    expect(await studio.state(`${columnsOf('products')}.find((c) => c.name === "description")`)).toMatchObject({ type: { name: 'bigint' }, identity: { kind: 'by-default' }, notNull: true });
  });

  test('the UQ box makes one column unique, seen in the SQL; + unique starts with no column', async ({ studio, page }) => {
    await expect(row(page, 'sku').getByTestId('column-unique')).toBeChecked();
    const unique = row(page, 'name').getByTestId('column-unique');
    await expect(unique).not.toBeChecked();
    await unique.check();
    expect(await studio.state(`state.doc.model.tables.find((t) => t.name === "products").uniques.length`)).toBe(2);
    await expect(studio.column('public.products', 'name').locator('.badge-uq')).toHaveText('UQ');
    await page.screenshot({ path: 'test-results/drawing-unique.png' });
    await studio.tabTo('sql');
    await expect.poll(() => studio.visibleSql()).toMatch(/UNIQUE \(name\)/);

    await studio.tabTo('inspector');
    await unique.uncheck();
    expect(await studio.state(`state.doc.model.tables.find((t) => t.name === "products").uniques.length`)).toBe(1);

    await page.getByTestId('unique-add').click();
    await expect(page.getByTestId('unique-draft')).toBeVisible();
    expect(await studio.state(`state.doc.model.tables.find((t) => t.name === "products").uniques.length`)).toBe(1);
    await page.getByTestId('unique-draft-columns-add').selectOption({ label: 'name' });
    await expect(page.getByTestId('unique-draft')).toHaveCount(0);
    await expect(page.getByTestId('unique-item')).toHaveCount(2);
  });
});
