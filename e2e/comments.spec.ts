/**
 * Comments (issue 13): threads on a table and a column of a saved project, the canvas badge, a
 * reply, resolving (the badge goes), a reload (kept), and a second browser on the same project.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** The browser's user name, set before the page loads (the studio asks once otherwise). */
const nameAs = (page: Page, name: string) => page.addInitScript((n) => localStorage.setItem('schemata.userName', n), name);
const threadOn = (page: Page, target: string) => page.locator(`[data-testid="comment-thread"][data-target="${target}"]`);

async function startThread(page: Page, text: string) {
  await page.getByTestId('new-thread-text').fill(text);
  await page.getByTestId('new-thread-start').click();
  await expect(page.getByTestId('new-thread-text')).toHaveValue('');
}

test('comments on a table and a column: badge, reply, resolve, reload, another browser', async ({ studio, page, browser, signedIn }) => {
  test.setTimeout(180_000);
  await nameAs(page, 'Ann');
  await studio.open('/');
  await page.getByTestId('tab-comments').click();
  // Six tabs and the button that hides the pane fit the pane's first width.
  await expect(page.getByTestId('pane-collapse')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('comments-unsaved')).toHaveText('Save the project to comment on it.');
  const id = await studio.projects.saveAsProject('Shop');

  // A thread on the selected table, from the tab itself.
  await expect(page.getByTestId('comments-select-table')).toBeVisible();
  await studio.selectTable('public.customers');
  await expect(page.getByTestId('new-thread-target')).toHaveValue('');
  await startThread(page, 'Do we keep customers after they close their account?');
  const badge = studio.table('public.customers').getByTestId('comment-badge');
  await expect(badge).toHaveText('1');

  // A thread on a column, from the inspector.
  await page.getByTestId('tab-inspector').click();
  const email = page.locator('[data-testid="inspector-column"][data-column="email"]');
  await email.getByTestId('column-more').click();
  await email.getByTestId('column-comment-thread').click();
  await expect(page.getByTestId('tab-comments')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('new-thread-target').locator('option:checked')).toHaveText('customers.email');
  await startThread(page, 'Case-insensitive unique?');
  await expect(badge).toHaveText('2');
  await expect(threadOn(page, 'public.customers.email').getByTestId('comment')).toHaveText([/Ann.*Case-insensitive unique\?/s]);

  // A reply on the table's thread.
  const onTable = threadOn(page, 'public.customers');
  await onTable.getByTestId('thread-reply-text').fill('Yes, anonymised.\nFor 30 days.');
  await onTable.getByTestId('thread-reply').click();
  await expect(onTable.getByTestId('comment')).toHaveCount(2);
  await expect(onTable.getByTestId('comment').nth(1)).toContainText('Yes, anonymised.');

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `test-results/comments-${theme}.png` });
    await studio.table('public.customers').screenshot({ path: `test-results/comments-badge-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Clicking a thread's target selects its table on the canvas.
  await studio.selectTable('public.orders');
  await threadOn(page, 'public.customers.email').getByTestId('thread-target').click();
  await expect(studio.node('public.customers')).toHaveClass(/selected/);

  // Resolving both: the badge goes; the resolved ones are behind the toggle.
  await threadOn(page, 'public.customers.email').getByTestId('thread-resolve').click();
  await expect(badge).toHaveText('1');
  await onTable.getByTestId('thread-resolve').click();
  await expect(badge).toHaveCount(0);
  await expect(page.getByTestId('comment-thread')).toHaveCount(0);
  await expect(page.getByTestId('comments-empty')).toHaveText('No open threads.');

  // Kept: a reload shows them again, resolved by Ann.
  await page.reload();
  await expect(studio.table('public.customers')).toBeVisible();
  await expect(badge).toHaveCount(0);
  await page.getByTestId('tab-comments').click();
  await page.getByTestId('comments-show-resolved').check();
  await expect(page.getByTestId('comment-thread')).toHaveCount(2);
  await expect(onTable.getByTestId('thread-resolution')).toContainText('Resolved by Ann');
  await expect(onTable.getByTestId('comment')).toHaveCount(2);

  // Another browser on the same project sees them and reopens one: its badge is back there, and here after a reload.
  const other = await browser.newContext({ storageState: signedIn });
  try {
    const second = await other.newPage();
    await nameAs(second, 'Bo');
    await second.goto(`${new URL(page.url()).origin}/p/${encodeURIComponent(id)}`);
    await expect(second.locator('[data-table="public.customers"]')).toBeVisible();
    await second.getByTestId('tab-comments').click();
    await second.getByTestId('comments-show-resolved').check();
    await expect(second.getByTestId('comment-thread')).toHaveCount(2);
    await threadOn(second, 'public.customers').getByTestId('thread-reopen').click();
    await expect(second.locator('[data-table="public.customers"]').getByTestId('comment-badge')).toHaveText('1');
    await threadOn(second, 'public.customers').getByTestId('thread-reply-text').fill('Reopened: legal wants 90 days.');
    await threadOn(second, 'public.customers').getByTestId('thread-reply').click();
    await expect(threadOn(second, 'public.customers').getByTestId('comment').nth(2)).toContainText('Bo');
  } finally {
    await other.close();
  }
  await page.reload();
  await expect(badge).toHaveText('1');

  // A thread whose table is deleted stays, on a removed table; the project's DDL never holds comments.
  await studio.selectTable('public.customers');
  await page.getByTestId('tab-inspector').click();
  await page.getByTestId('inspector-delete').click();
  await page.getByTestId('tab-comments').click();
  await expect(page.getByTestId('comment-thread').first()).toHaveAttribute('data-target', 'on a removed table');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await (await page.request.get(`/api/projects/${id}`)).text();
  expect(saved).not.toContain('legal wants');
});

test('your name: set from the File menu, shown and changed from the Comments tab, forgotten when emptied', async ({ studio, page }) => {
  await studio.open('/');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('open-user-name').click();
  const dialog = page.getByTestId('user-name-dialog');
  await expect(page.getByTestId('user-name-input')).toBeFocused();
  await page.getByTestId('user-name-input').fill('  Cleo  ');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await dialog.screenshot({ path: `test-results/user-name-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('user-name-save').click();
  await expect(dialog).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('schemata.userName'))).toBe('Cleo');

  await studio.projects.saveAsProject('Named');
  await page.getByTestId('tab-comments').click();
  await studio.selectTable('public.customers');
  const author = page.getByTestId('comments-author');
  await expect(author).toHaveText('Cleo');
  await author.click();
  await expect(page.getByTestId('user-name-input')).toHaveValue('Cleo');
  await page.getByTestId('user-name-input').fill('');
  await page.keyboard.press('Enter');
  await expect(author).toHaveText('Anonymous');
  expect(await page.evaluate(() => localStorage.getItem('schemata.userName'))).toBeNull();
});
