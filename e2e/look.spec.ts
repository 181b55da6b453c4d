import { test, expect } from './fixtures.ts';

// Screenshots of the main screens in both themes, for people to look at (README, reviews).
for (const theme of ['light', 'dark'] as const) {
  test(`the studio in ${theme} mode`, async ({ studio, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await studio.open('/');
    await expect.poll(() => studio.visibleSql(), { timeout: 20_000 }).toContain('CREATE');
    await page.screenshot({ path: `test-results/look-${theme}-sql.png` });
    await studio.selectTable('public.orders');
    await studio.tabTo('inspector');
    await expect(page.getByTestId('inspector')).toBeVisible();
    await page.screenshot({ path: `test-results/look-${theme}-inspector.png` });
    const background = await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(21, 24, 30)' : 'rgb(246, 247, 249)');
  });
}
