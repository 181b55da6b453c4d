import { test, expect } from './fixtures.ts';

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
    await inspector.locator('[data-testid="inspector-column"][data-column="amount"]').getByTestId('column-type').selectOption({ label: 'numeric' });
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
});
