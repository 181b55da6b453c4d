import { test, expect } from './fixtures.ts';

test.describe('app shell', () => {
  test('opens on the e-commerce template with its tables, relationships and DDL', async ({ studio, page }) => {
    await studio.open('/');
    await expect(page.getByTestId('doc-name')).not.toBeEmpty();
    for (const name of ['public.customers', 'public.orders', 'public.products']) {
      await expect(studio.table(name)).toBeVisible();
    }
    await expect(studio.column('public.orders', 'customer_id').locator('.badge-fk')).toHaveText('FK');
    await expect(page.locator('.react-flow__edge').first()).toBeAttached();
    await expect(studio.sqlEditor).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => studio.visibleSql(), { timeout: 20_000 }).toContain('CREATE TABLE');
    await page.screenshot({ path: 'test-results/shell.png' });
  });

  test('keeps every request on 127.0.0.1, editor and workers included', async ({ studio }) => {
    await studio.open('/');
    await expect.poll(() => studio.visibleSql(), { timeout: 20_000 }).toContain('CREATE');
    expect(studio.requests.length).toBeGreaterThan(3);
    expect(studio.requests.some((url) => url.includes('/assets/'))).toBe(true);
    expect(studio.externalRequests()).toEqual([]);
  });

  test('switches between light and dark mode', async ({ studio, page }) => {
    await studio.open('/');
    const background = () => page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    const before = await background();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(background).not.toBe(before);
    await page.screenshot({ path: 'test-results/shell-toggled-theme.png' });
  });
});
