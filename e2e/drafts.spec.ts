import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Closes the page as a person would (running beforeunload); returns the dialog types it raised. */
async function closeAsked(page: Page): Promise<string[]> {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  return asked;
}

test.describe('drafts: a blank start, and unsaved edits are never lost silently', () => {
  test('File → New → Blank model starts empty and drawing begins at once', async ({ studio, page }) => {
    await studio.open('/');
    await studio.projects.newFrom('blank');
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await expect(page.getByTestId('doc-name')).toHaveText('Untitled');
    expect(await studio.tableCount()).toBe(0);
    await page.screenshot({ path: 'test-results/drafts-blank.png' });

    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    await expect(page.getByTestId('canvas-empty')).toHaveCount(0);

    // Another document would replace the edited draft: the user is asked, and may keep it.
    await studio.projects.newFrom('ecommerce');
    expect(await studio.projects.answerUnsaved('cancel')).toContain('saved nowhere');
    await expect(studio.table('public.table_1')).toBeVisible();
    expect(await studio.tableCount()).toBe(1);
  });

  test('?template=blank opens an empty model', async ({ page }) => {
    await page.goto('/?template=blank');
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await expect(page.locator('[data-testid="table-node"]')).toHaveCount(0);
  });

  test('leaving an edited draft asks first', async ({ page }) => {
    await page.goto('/?template=blank');
    await page.getByTestId('add-table').click();
    await expect(page.locator('[data-testid="table-node"]')).toHaveCount(1);
    expect(await closeAsked(page)).toEqual(['beforeunload']);
  });

  test('leaving an untouched template does not ask', async ({ studio, page }) => {
    await studio.open('/');
    await studio.selectTable('public.orders'); // a click, so the page may ask at all; not an edit
    expect(await closeAsked(page)).toEqual([]);
  });
});
