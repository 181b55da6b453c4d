/**
 * The live-database journeys: change the model on the page → Compare (plan with hazard badges) →
 * Apply (confirm every hazard) → verified → History, on the built-in sandbox and on a PostgreSQL
 * URL (a throwaway database made here and dropped after). Screenshots of every panel, light and dark.
 */
import pg from 'pg';
import { createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { expect, test } from './fixtures.ts';
import { addTable, columnsOf, deleteTable, rowsOf, setTheme, shot } from './live-steps.ts';


test.describe('live database', () => {
  test('sandbox: import, change the model, compare, apply with progress, dry run, apply with hazards confirmed, verified, history', async ({ studio, page }) => {
    // Six compares and four applies, each building a shadow model in the embedded engine.
    test.setTimeout(120_000);
    await studio.open('/');
    const { live } = studio;
    await live.openTab('targets');
    await expect(live.target('Sandbox')).toBeVisible();
    await expect(live.target('Sandbox').getByTestId('target-select')).toBeChecked();
    await live.target('Sandbox').getByTestId('target-test-button').click();
    await expect(live.target('Sandbox').getByTestId('target-test')).toContainText('PGlite', { timeout: 60_000 });

    // Import whatever the sandbox holds: the model then equals it (and becomes its baseline). The
    // template has an unsaved edit, so the page asks first; saying no keeps it.
    await page.getByTestId('add-table').click();
    await live.openTab('targets');
    await live.target('Sandbox').getByTestId('target-import').click();
    await studio.projects.answerUnsaved('cancel');
    await expect(studio.table('public.customers')).toBeVisible();
    await live.target('Sandbox').getByTestId('target-import').click();
    await studio.projects.answerUnsaved('discard');
    await expect(page.getByTestId('doc-name')).toContainText('Sandbox (imported)', { timeout: 30_000 });
    expect(await live.compare()).toBe(0);

    // Three new tables, applied while the live progress is watched.
    const added = [await addTable(studio), await addTable(studio), await addTable(studio)];
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="apply-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    expect(await live.syncTarget()).toBe(3);
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.some((t) => /Applying: step \d of 3/.test(t)), `progress seen: ${progress.join(' | ')}`).toBe(true);
    expect(await live.compare()).toBe(0);

    // A change with a hazard (a dropped table) and one without (a new table). The new table is added
    // first: it would otherwise take the dropped one's free name, and a table of the same name is
    // matched to the database's (issue 9), not dropped and created.
    const fourth = await addTable(studio);
    await deleteTable(studio, added[0]);
    await live.openTab('migrate');
    await expect(live.plan.stale).toBeVisible();
    expect(await live.compare()).toBe(2);
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
    await dialog.getByTestId('apply-cancel').click();
    await expect(dialog).toHaveCount(0);
    await setTheme(studio, 'light');
    await page.getByTestId('apply').click();
    for (const box of await acks.all()) {
      await expect(dialog.getByTestId('confirm-apply')).toBeDisabled();
      await box.check();
    }
    await shot(page, 'apply-dialog-light');
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
    await expect(newest.getByTestId('history-sql')).toContainText(`DROP TABLE ${added[0]}`);
    await expect(newest.getByTestId('history-sql')).toContainText(`CREATE TABLE ${fourth}`);
    await shot(page, 'history-light');
    await setTheme(studio, 'dark');
    await shot(page, 'history-dark');
    await live.openTab('targets');
    await shot(page, 'targets-dark');
    await setTheme(studio, 'light');
    await shot(page, 'targets-light');
  });

  test('sandbox: the e-commerce template applies, verifies, and compares equal afterwards', async ({ studio }) => {
    await studio.open('/');
    const { live } = studio;
    await live.openTab('migrate');
    await expect(studio.page.getByTestId('target-picker')).toHaveValue('sandbox');
    const steps = await live.syncTarget();
    expect(await live.compare()).toBe(0);
    await expect(live.plan.empty).toContainText('already equals the model');
    if (steps > 0) {
      await live.openTab('history');
      await expect(live.historyEntries().first()).toHaveAttribute('data-verified', 'true');
    }
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

    test('add (tested, protected), import, a failing step rolled back, a changed database refused, apply with the typed name, verified in PostgreSQL, history, remove', async ({ studio, page }) => {
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
      await setTheme(studio, 'dark');
      await shot(page, 'targets-postgres-dark');
      await setTheme(studio, 'light');
      await shot(page, 'targets-postgres-light');

      await row.getByTestId('target-import').click();
      await expect(studio.table('public.item')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('doc-name')).toContainText('(imported)');
      await expect(page).toHaveURL(/\/p\//);
      expect(await live.compare()).toBe(0);

      // A NOT NULL column on a table that has rows: the step fails, PostgreSQL says why, nothing changes.
      await studio.node('public.item').click();
      await page.getByTestId('tab-inspector').click();
      const column = page.getByTestId('inspector').getByTestId('inspector-column');
      await page.getByTestId('inspector').getByTestId('column-add').click();
      await expect(column).toHaveCount(3);
      const added = column.last();
      await added.getByTestId('column-not-null').check();
      expect(await live.compare()).toBe(1);
      await expect(live.plan.badges.filter({ hasText: 'may-fail-on-existing-data' })).toBeVisible();
      // The plan already read the live rows (read-only): the review says the step will fail, and why.
      await expect(page.getByTestId('data-check')).toHaveText('the table has 1 row: the step fails');
      await shot(page, 'plan-data-check-light');
      await live.apply({ confirmName: name });
      await expect(live.result).toHaveAttribute('data-result', 'failed', { timeout: 60_000 });
      await expect(live.result).toContainText('step 1 of 1 failed');
      await expect(live.plan.steps.first()).toHaveAttribute('data-state', 'failed');
      await expect(live.result).toContainText('contains null values');
      await expect(live.result).toContainText('SQLSTATE 23502');
      await shot(page, 'apply-failed-light');
      expect(await columnsOf(db.url, 'item')).toEqual(['id', 'label']);

      // Nullable instead: the name must be typed, exactly, before Apply is possible.
      await page.getByTestId('tab-inspector').click();
      await added.getByTestId('column-not-null').uncheck();
      expect(await live.compare()).toBe(1);

      // Someone changes the database between Compare and Apply: refused, nothing runs.
      await rowsOf(db.url, 'CREATE TABLE intruder (x integer)');
      await live.apply({ confirmName: name });
      await expect(live.result).toHaveAttribute('data-result', 'failed', { timeout: 60_000 });
      await expect(live.result).toContainText('the database changed since the comparison');
      expect(await columnsOf(db.url, 'item')).toEqual(['id', 'label']);
      await rowsOf(db.url, 'DROP TABLE intruder');
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
      expect(await columnsOf(db.url, 'item')).toEqual(['id', 'label', 'column_1']);
      expect(await rowsOf(db.url, 'SELECT id, label FROM item')).toEqual([{ id: 1, label: 'kept' }]);

      await live.openTab('history');
      await expect(live.historyEntries()).toHaveCount(3);
      const [applied, refused, failed] = [0, 1, 2].map((i) => live.historyEntries().nth(i));
      await expect(applied).toHaveAttribute('data-status', 'applied');
      await expect(refused).toHaveAttribute('data-status', 'refused');
      await expect(failed).toHaveAttribute('data-status', 'failed');
      await applied.locator('summary').click();
      await expect(applied.getByTestId('history-sql')).toContainText('ADD COLUMN column_1 text');
      await failed.locator('summary').click();
      await expect(failed.getByTestId('history-error')).toContainText('contains null values');
      await shot(page, 'history-failed-light');

      await live.openTab('targets');
      await live.unprotect(name, 'not the name');
      await expect(row.getByTestId('target-unprotect-confirm')).toBeDisabled();
      await shot(page, 'targets-unprotect-light');
      await row.getByTestId('target-unprotect-cancel').click();
      await expect(row.getByTestId('target-protected')).toBeVisible();
      await live.unprotect(name);
      await expect(row.getByTestId('target-protected')).toHaveCount(0);
      await expect(row.getByTestId('target-error')).toHaveCount(0);
      await row.getByTestId('target-remove').click();
      await row.getByTestId('target-remove-confirm').click();
      await expect(row).toHaveCount(0);
      await expect(live.target('Sandbox').getByTestId('target-select')).toBeChecked();
    });

    test('a target with a shadow database URL lists it with its password hidden', async ({ studio }) => {
      await studio.open('/');
      const { live } = studio;
      const name = `Shadowed ${db.name.slice(-8)}`;
      await live.addTarget(name, db.url, { shadowUrl: 'postgres://postgres:shadowpw@127.0.0.1:5432/postgres' });
      const row = live.target(name);
      await expect(row.getByTestId('target-shadow-url')).toHaveText('shadow: postgres://postgres:***@127.0.0.1:5432/postgres');
      await expect(row).not.toContainText('shadowpw');
      await row.getByTestId('target-remove').click();
      await row.getByTestId('target-remove-confirm').click();
      await expect(row).toHaveCount(0);
    });
  });

});
