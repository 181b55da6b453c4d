import { test, expect } from './fixtures.ts';
import { SHOTS } from './live-steps.ts';

test.describe('editing with the inspector, and the design lint', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('creates a table and its columns without touching JSON', async ({ studio, page }) => {
    await page.getByTestId('add-table').click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toBeVisible();
    await inspector.getByTestId('inspector-table-name').fill('invoices');
    await inspector.getByTestId('inspector-table-name').press('Enter');
    await expect(studio.table('public.invoices')).toBeVisible();

    await inspector.getByTestId('column-add').click();
    const column = inspector.getByTestId('inspector-column').last();
    await column.getByTestId('column-name').fill('amount');
    await column.getByTestId('column-name').press('Enter');
    // Enter on the last column's name starts the next one; Escape takes it back.
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(3);
    await page.keyboard.press('Escape');
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(2);
    // Once it is not the last any more, Enter on its name goes to the next column instead.
    await inspector.getByTestId('column-add').click();
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(3);
    await inspector.locator('[data-testid="inspector-column"][data-column="amount"]').getByTestId('column-name').press('Enter');
    await expect(inspector.getByTestId('inspector-column')).toHaveCount(3);
    await expect(inspector.getByTestId('inspector-column').last().getByTestId('column-name')).toBeFocused();
    const amountType = inspector.locator('[data-testid="inspector-column"][data-column="amount"]').getByTestId('column-type');
    await amountType.fill('numeric');
    await amountType.press('Enter');
    await expect(studio.column('public.invoices', 'amount').locator('.col-type')).toHaveText(/^numeric/);

    await studio.dragColumnTo({ table: 'public.orders', column: 'id', side: 'r' }, { table: 'public.invoices' });
    await expect(studio.column('public.invoices', 'order_id').locator('.badge-fk')).toHaveText('FK');
    await page.screenshot({ path: 'test-results/editing-inspector.png' });
    await studio.tabTo('sql');
    await studio.selectTable('public.invoices');
    await expect.poll(() => studio.visibleSql()).toContain('CREATE TABLE public.invoices');
  });

  test('the issues panel lists design problems and jumps to the object', async ({ studio, page }) => {
    await studio.tabTo('lint');
    const issues = page.getByTestId('lint-issue');
    await expect(issues.first()).toBeVisible();
    // The template carries seeded mistakes: foreign keys without a supporting index.
    await expect(page.locator('[data-testid="lint-issue"][data-code="fk-without-index"]').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/editing-lint.png' });
    await page.getByTestId('lint-issue').filter({ hasText: 'public.order_items(order_id)' }).click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-table', 'public.order_items');
    await expect(studio.node('public.order_items')).toHaveClass(/selected/);
    await expect(studio.table('public.order_items')).toBeInViewport();
    await page.screenshot({ path: 'test-results/editing-lint-jump.png' });
  });

  test('an issue is fixed with one click, a rule\'s issues all at once; each fix is one undo step', async ({ studio, page }) => {
    await studio.tabTo('lint');
    const missing = page.locator('[data-testid="lint-issue"][data-code="fk-without-index"]');
    await expect(missing).toHaveCount(8);
    const charRow = page.locator('.lint-row').filter({ has: page.locator('[data-code="char-type"]') });
    await expect(charRow.getByTestId('lint-fix')).toHaveAttribute('title', 'Make country_code character varying(2)');
    await charRow.getByTestId('lint-fix').click();
    await expect(page.locator('[data-testid="lint-issue"][data-code="char-type"]')).toHaveCount(0);
    await expect(studio.column('public.addresses', 'country_code')).toContainText('varchar(2)');

    await page.locator('[data-testid="lint-fix-all"][data-code="fk-without-index"]').click();
    await expect(missing).toHaveCount(0);
    const indexes = await studio.state<string[]>('state.doc.model.tables.flatMap((t) => t.indexes.map((x) => x.name))');
    expect(indexes).toEqual(expect.arrayContaining(['orders_customer_id_idx', 'order_items_product_id_idx', 'categories_parent_id_idx']));
    await page.screenshot({ path: 'test-results/editing-lint-fixed.png' });
    await page.getByTestId('undo').click();
    await expect(missing).toHaveCount(8);
    await page.getByTestId('undo').click();
    await expect(page.locator('[data-testid="lint-issue"][data-code="char-type"]')).toHaveCount(1);
  });

  test('select all, then Delete, removes tables, enums and views; undo brings them back', async ({ studio, page }) => {
    await studio.open('/?template=event-store');
    const views = await studio.state<number>('state.doc.model.views.length');
    expect(views).toBeGreaterThan(0);
    await studio.press('Control+a');
    await page.keyboard.press('Delete');
    expect(await studio.state<number[]>('[state.doc.model.tables.length, state.doc.model.views.length, state.doc.model.enums.length]')).toEqual([0, 0, 0]);
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.getByTestId('undo').click();
    expect(await studio.state<number>('state.doc.model.views.length')).toBe(views);

    await studio.open('/');
    expect(await studio.state<number>('state.doc.model.enums.length')).toBe(2);
    await studio.press('Control+a');
    await page.keyboard.press('Delete');
    expect(await studio.state<number[]>('[state.doc.model.tables.length, state.doc.model.enums.length]')).toEqual([0, 0]);
  });

  test('selecting an enum opens its editor in the Objects tab', async ({ studio, page }) => {
    await studio.tabTo('inspector');
    await studio.selectTable('public.order_status');
    await expect(page.getByTestId('tab-types')).toHaveAttribute('aria-selected', 'true');
    const item = page.locator('[data-testid="enum-item"][data-enum="public.order_status"]');
    await expect(item).toHaveClass(/focused/);
    await expect(item).toBeInViewport();
    await page.screenshot({ path: 'test-results/editing-enum-selected.png' });
  });

  test('a default that is not one expression is counted on the Issues tab, at its column, and goes with undo', async ({ studio, page }) => {
    const badge = page.getByTestId('lint-count');
    await expect(badge).toBeVisible();
    const before = Number(await badge.textContent());
    await studio.tabTo('inspector');
    await studio.selectTable('public.orders');
    const total = page.locator('[data-testid="inspector-column"][data-column="total_amount"]');
    await total.getByTestId('column-default').fill('0)');
    await total.getByTestId('column-default').press('Enter');
    await expect(badge).toHaveText(String(before + 1));
    await studio.tabTo('lint');
    const issue = page.getByTestId('lint-issue').filter({ hasText: 'closes nothing' });
    await expect(issue).toContainText('public.orders.total_amount default: has a ")" that closes nothing it opened');
    await page.screenshot({ path: `${SHOTS}/lint-sql-field.png` });
    await page.getByTestId('undo').click();
    await expect(badge).toHaveText(String(before));
  });

  test('an issue on an enum or a domain opens it in the Objects tab; the Issues tab shows the count', async ({ studio, page }) => {
    const badge = page.getByTestId('lint-count');
    await expect(badge).toBeVisible();
    const before = Number(await badge.textContent());
    await studio.tabTo('types');
    await page.getByTestId('domain-add').click();
    const domainName = page.getByTestId('domain-item').last().getByTestId('domain-name');
    await domainName.fill('Email Address');
    await domainName.press('Enter');
    await expect(badge).toHaveText(String(before + 1));

    await studio.tabTo('lint');
    await expect(page.getByTestId('lint-panel')).toHaveAttribute('data-count', String(before + 1));
    await page.getByTestId('lint-issue').filter({ hasText: 'Email Address' }).click();
    await expect(page.getByTestId('tab-types')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-testid="domain-item"][data-domain="public.Email Address"]')).toHaveClass(/focused/);
    await page.screenshot({ path: 'test-results/editing-lint-domain.png' });

    await studio.tabTo('types');
    const enumName = page.locator('[data-testid="enum-item"][data-enum="public.order_status"]').getByTestId('enum-name');
    await enumName.fill('Order Status');
    await enumName.press('Enter');
    await studio.tabTo('lint');
    await page.getByTestId('lint-issue').filter({ hasText: 'Order Status' }).click();
    await expect(page.locator('[data-testid="enum-item"][data-enum="public.Order Status"]')).toHaveClass(/focused/);
    await expect(studio.node('public.Order Status')).toHaveClass(/selected/);
  });

  test('a column takes a typed type (extension, modifiers, arrays); nonsense is refused inline', async ({ studio, page }) => {
    await studio.selectTable('public.products');
    await studio.tabTo('inspector');
    const row = page.getByTestId('inspector').locator('[data-testid="inspector-column"][data-column="description"]');
    const text = row.getByTestId('column-type');
    await text.fill('flarb');
    await text.press('Enter');
    await expect(row.getByTestId('column-type-error')).toContainText('Unknown type "flarb"');
    await expect(text).toHaveValue('flarb'); // kept as typed, to mend
    await page.screenshot({ path: 'test-results/editing-type-error.png' });
    expect(await studio.state('state.doc.model.tables.find((t) => t.name === "products").columns.find((c) => c.name === "description").type')).toEqual({ name: 'text' });

    await text.fill('vector(3)[]');
    await text.press('Enter');
    await expect(row.getByTestId('column-type-error')).toHaveCount(0);
    await expect(studio.column('public.products', 'description').locator('.col-type')).toHaveText(/^vector\(3\)\[\]/);
  });

  test('the inspector duplicates and deletes a table like the canvas does; each is one undo step', async ({ studio, page }) => {
    await studio.selectTable('public.categories');
    await studio.tabTo('inspector');
    const areaOf = "state.doc.layout.areas.map((a) => a.tableIds.length)";
    await page.getByTestId('add-area').click(); // the area around categories
    await studio.selectTable('public.categories');
    await page.getByTestId('inspector-duplicate').click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-table', 'public.categories_copy');
    const [original, copy] = [await studio.position('public.categories'), await studio.position('public.categories_copy')];
    expect([copy.x - original.x, copy.y - original.y]).toEqual([40, 40]);
    await page.getByTestId('undo').click();
    await expect(studio.table('public.categories_copy')).toHaveCount(0);

    await studio.selectTable('public.categories');
    await page.getByTestId('inspector-delete').click();
    await expect(studio.table('public.categories')).toHaveCount(0);
    await expect(studio.column('public.products', 'category_id').locator('.badge-fk')).toHaveCount(0);
    expect(await studio.state<number[]>(areaOf)).toEqual([0]); // it left its area too
    await expect(page.getByTestId('inspector-empty')).toBeVisible();
    await page.getByTestId('undo').click();
    await expect(studio.table('public.categories')).toBeVisible();
    expect(await studio.state<number[]>(areaOf)).toEqual([1]);
  });

  test('a foreign key is added and pointed at another table in the inspector; its lists follow a rename', async ({ studio, page }) => {
    const fkCount = "state.doc.model.tables.find((t) => t.name === 'order_items').foreignKeys.length";
    const before = await studio.state<number>(fkCount);
    await studio.selectTable('public.order_items');
    await studio.tabTo('inspector');
    await page.getByTestId('fk-add').selectOption({ label: 'public.categories' });
    const added = page.locator('[data-testid="fk-item"][data-ref="public.categories"]');
    await expect(added).toBeVisible();
    expect(await studio.state<number>(fkCount)).toBe(before + 1);
    await added.getByTestId('fk-ref-table').selectOption({ label: 'public.customers' });
    const moved = page.locator('[data-testid="fk-item"][data-ref="public.customers"]').last();
    await expect(moved.getByTestId('fk-ref-table')).toHaveValue(await studio.state<string>("state.doc.model.tables.find((t) => t.name === 'customers').id"));

    // The lists of tables catch up with a rename right after it is painted.
    await studio.selectTable('public.customers');
    await page.getByTestId('inspector-table-name').fill('clients');
    await page.getByTestId('inspector-table-name').press('Enter');
    await expect(studio.table('public.clients')).toBeVisible();
    await studio.selectTable('public.order_items');
    await expect(page.locator('[data-testid="fk-item"][data-ref="public.clients"]').last().getByTestId('fk-ref-table').locator('option:checked')).toHaveText('public.clients');
    await expect(page.getByTestId('fk-add').locator('option', { hasText: 'public.clients' })).toHaveCount(1);
    await expect(page.getByTestId('fk-add').locator('option', { hasText: 'public.customers' })).toHaveCount(0);
    await page.getByTestId('inspector-foreign-keys').screenshot({ path: `${SHOTS}/inspector-foreign-keys.png` });
  });
});
