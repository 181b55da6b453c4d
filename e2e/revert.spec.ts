/**
 * Revert from History (issue 9): an apply on the sandbox is reverted by planning back to the schema
 * recorded before it, reviewed and confirmed like any apply, and listed as "Revert of <time>".
 */
import { expect, test } from './fixtures.ts';
import { addTable, shot } from './live-steps.ts';

test.describe('history', () => {
  test('sandbox: revert an apply from History: review the plan back, confirm its hazards, listed as "Revert of <time>"', async ({ studio, page }) => {
    // The embedded engine (the sandbox and the model's spelling) on a 2-core machine shared with other runs.
    test.setTimeout(120_000);
    await studio.open('/');
    const { live } = studio;
    await live.syncTarget();
    const added = await addTable(studio);
    expect(await live.syncTarget()).toBe(1);

    await live.openTab('history');
    const applied = live.historyEntries().first();
    await expect(applied).toHaveAttribute('data-status', 'applied');
    const appliedAt = await applied.locator('time').textContent();
    await applied.getByTestId('history-revert').click();
    const review = page.getByTestId('revert-review');
    await expect(review.getByTestId('revert-sql')).toContainText(`DROP TABLE ${added}`, { timeout: 30_000 });
    await expect(review.getByTestId('revert-summary')).toContainText('deletes-data');
    await review.getByTestId('revert-apply').click();
    const dialog = page.getByTestId('apply-dialog');
    await expect(dialog.getByTestId('confirm-apply')).toBeDisabled();
    for (const box of await dialog.getByTestId('hazard-ack').all()) await box.check();
    await dialog.getByTestId('confirm-apply').click();
    await expect(review.getByTestId('revert-result')).toHaveAttribute('data-result', 'applied', { timeout: 60_000 });
    await expect(review.getByTestId('revert-result')).toContainText('back to the schema before that apply');
    const newest = live.historyEntries().first();
    await expect(newest.getByTestId('revert-of')).toHaveText(`Revert of ${appliedAt}`);
    await shot(page, 'history-revert-light');
    // The model still has the table: Compare plans to create it again.
    expect(await live.compare()).toBe(1);
  });
});
