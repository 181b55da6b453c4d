/**
 * The live-database journeys: change the model on the page → Compare (plan with hazard badges) →
 * Apply (confirm every hazard) → verified → History, on the built-in sandbox and on a PostgreSQL
 * URL (a throwaway database made here and dropped after). Screenshots of every panel, light and dark.
 */
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { expect, test, type Studio } from './fixtures.ts';

const SHOTS = process.env.SCHEMATA_SHOTS ?? 'test-results';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/live-${name}.png` });

async function setTheme(studio: Studio, theme: 'light' | 'dark'): Promise<void> {
  const html = studio.page.locator('html');
  const isDark = async () => (await html.evaluate((el) => getComputedStyle(el).colorScheme)).includes('dark');
  if ((await isDark()) !== (theme === 'dark')) await studio.page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

async function deleteTable(studio: Studio, qualified: string): Promise<void> {
  await studio.node(qualified).click();
  await studio.page.keyboard.press('Delete');
  await expect(studio.table(qualified)).toHaveCount(0);
}

test.describe('live database', () => {
  test('sandbox: change the model, compare, dry run, apply with hazards confirmed, verified, history', async ({ studio, page }) => {
    await studio.open('/');
    const { live } = studio;
    await live.openTab('targets');
    await expect(live.target('Sandbox')).toBeVisible();
    await expect(live.target('Sandbox').getByTestId('target-select')).toBeChecked();
    await live.target('Sandbox').getByTestId('target-test-button').click();
    await expect(live.target('Sandbox').getByTestId('target-test')).toContainText('PGlite', { timeout: 60_000 });

    // Whatever the sandbox holds, make it equal the template first.
    await live.syncTarget();
    expect(await live.compare()).toBe(0);

    // A change with a hazard (a dropped table) and one without (a new table).
    await deleteTable(studio, 'public.order_items');
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    await live.openTab('migrate');
    await expect(live.plan.stale).toBeVisible();
    expect(await live.compare()).toBeGreaterThanOrEqual(2);
    await expect(live.plan.stale).toHaveCount(0);
    await expect(live.plan.badges.filter({ hasText: 'deletes-data' }).first()).toBeVisible();
    await expect(live.plan.summary.locator('[data-kind="deletes-data"]')).toContainText('×1');
    await expect(live.plan.steps.filter({ hasText: 'DROP TABLE' })).toHaveCount(1);
    await expect(live.plan.steps.filter({ hasText: 'CREATE TABLE' })).toHaveCount(1);
    await expect(live.plan.sql.locator('.view-lines')).toContainText('deletes-data', { timeout: 20_000 });
    await setTheme(studio, 'light');
    await shot(page, 'migrate-light');
    await setTheme(studio, 'dark');
    await shot(page, 'migrate-dark');

    await page.getByTestId('dry-run').click();
    await expect(live.result).toHaveAttribute('data-result', 'dry-run', { timeout: 30_000 });

    // The confirmation lists every hazard and applies only once each is ticked.
    await page.getByTestId('apply').click();
    const dialog = page.getByTestId('apply-dialog');
    const acks = dialog.getByTestId('hazard-ack');
    await expect(acks.first()).toBeVisible();
    expect(await acks.count()).toBe(await live.plan.badges.count());
    await expect(dialog.getByTestId('confirm-apply')).toBeDisabled();
    await shot(page, 'apply-dialog-dark');
    await setTheme(studio, 'light');
    await shot(page, 'apply-dialog-light');
    for (const box of await acks.all()) await box.check();
    await dialog.getByTestId('confirm-apply').click();
    await expect(live.result).toHaveAttribute('data-result', 'verified', { timeout: 60_000 });
    await expect(live.result).toContainText('the database now equals the model');
    await expect(live.plan.steps.and(page.locator('[data-state="done"]'))).toHaveCount(await live.plan.steps.count());
    await expect(page.getByTestId('apply')).toBeDisabled();
    await shot(page, 'applied-light');
    expect(await live.compare()).toBe(0);

    await live.openTab('history');
    const newest = live.historyEntries().first();
    await expect(newest).toHaveAttribute('data-status', 'applied');
    await expect(newest).toHaveAttribute('data-verified', 'true');
    await expect(page.locator('[data-testid="history-entry"][data-status="dry-run"]').first()).toBeVisible();
    await newest.locator('summary').click();
    await expect(newest.getByTestId('history-sql')).toContainText('DROP TABLE');
    await expect(newest.getByTestId('history-sql')).toContainText('table_1');
    await shot(page, 'history-light');
    await setTheme(studio, 'dark');
    await shot(page, 'history-dark');
    await live.openTab('targets');
    await shot(page, 'targets-dark');
    await setTheme(studio, 'light');
    await shot(page, 'targets-light');
  });

  test.describe('PostgreSQL URL target', () => {
    let db: ThrowawayDb;
    test.beforeAll(async () => {
      db = await createThrowawayDb('e2e_live');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query("CREATE TABLE item (id integer PRIMARY KEY, label text NOT NULL); INSERT INTO item VALUES (1, 'kept');");
      await client.end();
    });
    test.afterAll(async () => {
      await db?.drop();
    });

    test('add (tested, protected), import, change, compare, apply with the typed name, verified in PostgreSQL, remove', async ({ studio, page }) => {
      await studio.open('/');
      const { live } = studio;
      await live.addTarget('Nowhere', 'postgres://postgres:secret@127.0.0.1:1/none');
      await expect(page.getByTestId('add-target-error')).toContainText('cannot connect');
      await expect(page.getByTestId('add-target-error')).not.toContainText('secret');

      const name = `E2E ${db.name.slice(-8)}`;
      await live.addTarget(name, db.url.replace('postgres@', 'postgres:hunter2@'), { protected: true });
      const row = live.target(name);
      await expect(row).toBeVisible();
      await expect(row).not.toContainText('hunter2');
      await expect(row.getByTestId('target-protected')).toBeVisible();
      await expect(row.getByTestId('target-select')).toBeChecked();
      await row.getByTestId('target-test-button').click();
      await expect(row.getByTestId('target-test')).toContainText('PostgreSQL 15', { timeout: 30_000 });

      await row.getByTestId('target-import').click();
      await expect(studio.table('public.item')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('doc-name')).toContainText('(imported)');
      await expect(page).toHaveURL(/\/p\//);
      expect(await live.compare()).toBe(0);

      await page.getByTestId('add-table').click();
      await expect(studio.table('public.table_1')).toBeVisible();
      expect(await live.compare()).toBe(1);
      await page.getByTestId('apply').click();
      const dialog = page.getByTestId('apply-dialog');
      await expect(dialog.getByTestId('apply-no-hazards')).toBeVisible();
      await expect(dialog.getByTestId('confirm-apply')).toBeDisabled();
      await dialog.getByTestId('confirm-name').fill(name.slice(0, -1));
      await expect(dialog.getByTestId('confirm-apply')).toBeDisabled();
      await dialog.getByTestId('confirm-name').fill(name);
      await shot(page, 'apply-protected-light');
      await dialog.getByTestId('confirm-apply').click();
      await expect(live.result).toHaveAttribute('data-result', 'verified', { timeout: 60_000 });

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
        expect(tables.rows.map((r) => r.table_name)).toEqual(['item', 'table_1']);
        expect((await client.query('SELECT label FROM item')).rows).toEqual([{ label: 'kept' }]);
      } finally {
        await client.end();
      }

      await live.openTab('history');
      await expect(live.historyEntries()).toHaveCount(1);
      await live.historyEntries().first().locator('summary').click();
      await expect(live.historyEntries().first().getByTestId('history-sql')).toContainText('CREATE TABLE');
      await expect(live.historyEntries().first().getByTestId('history-sql')).toContainText('table_1');

      await live.openTab('targets');
      await row.getByTestId('target-remove').click();
      await row.getByTestId('target-remove-confirm').click();
      await expect(row).toHaveCount(0);
      await expect(live.target('Sandbox').getByTestId('target-select')).toBeChecked();
    });
  });
});
