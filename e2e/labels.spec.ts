/**
 * Labels that say what happened (issue 12): a foreign-key step is labelled as one; a failed dry run
 * is listed as a failed dry run, with no hazards "accepted"; an old plan, result or SQL status goes
 * when another model opens; the compare target is remembered per project; a protected target is
 * removed only with its name typed; Escape closes the import dialog from its text area; selecting a
 * table while the Database tab is open shows it in the Table tab.
 */
import pg from 'pg';
import { createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { expect, test } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';
import { shot } from './live-steps.ts';

test.describe('labels that say what happened', () => {
  let db: ThrowawayDb;
  test.beforeAll(async () => {
    db = await createThrowawayDb('e2e_labels');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // A child row pointing at no parent: adding the foreign key fails on it.
    await client.query('CREATE TABLE parent (id integer PRIMARY KEY); CREATE TABLE child (id integer PRIMARY KEY, parent_id integer); INSERT INTO child VALUES (1, 99);');
    await client.end();
  });
  test.afterAll(async () => {
    await db?.drop();
  });

  test('a foreign-key step, a failed dry run, results of another model, the target per project, removing a protected target', async ({ studio, page }) => {
    test.setTimeout(240_000);
    const io = new ImportExport(page);
    const { live } = studio;
    await studio.open('/');
    const name = `Labels ${db.name.slice(-8)}`;
    await live.addTarget(name, db.url, { protected: true });
    const row = live.target(name);
    await expect(row.getByTestId('target-protected')).toBeVisible();
    await row.getByTestId('target-import').click();
    await expect(page.getByTestId('doc-name')).toContainText('(imported)', { timeout: 30_000 });
    await expect(page).toHaveURL(/\/p\//);
    const projectUrl = page.url();
    expect(await live.compare()).toBe(0);

    // The foreign key, added in the SQL pane.
    await studio.tabTo('sql');
    await expect.poll(() => studio.visibleSql(), { timeout: 20_000 }).toContain('CREATE TABLE');
    await page.getByTestId('sql-editor').locator('.sql-editor-body').click({ position: { x: 200, y: 60 } });
    await page.keyboard.press('Control+End');
    await io.typeSql('\nALTER TABLE public.child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES public.parent (id);\n');
    await page.getByTestId('sql-apply').click();
    await expect(io.applyStatus).toContainText('Applied: 1 change.');

    // Its step is a foreign key, not an index.
    expect(await live.compare()).toBe(1);
    const step = live.plan.steps.first();
    await expect(step).toHaveAttribute('data-phase', 'foreign-keys');
    await expect(step.locator('.step-phase')).toHaveText('foreign-keys');
    await expect(step).toContainText('FOREIGN KEY');
    await expect(live.plan.badges.filter({ hasText: 'may-fail-on-existing-data' })).toBeVisible();

    // A dry run that fails says so, here and in the history, where no hazard is "accepted".
    await page.getByTestId('dry-run').click();
    await expect(live.result).toHaveAttribute('data-result', 'failed', { timeout: 60_000 });
    await expect(live.result).toHaveAttribute('data-dry-run', 'true');
    await expect(live.result).toContainText('Dry run failed. Rolled back: nothing changed.');
    await expect(live.result).toContainText('violates foreign key constraint');
    await shot(page, 'dry-run-failed-light');
    await live.openTab('history');
    const newest = live.historyEntries().first();
    await expect(newest).toHaveAttribute('data-status', 'failed');
    await expect(newest).toHaveAttribute('data-dry-run', 'true');
    await expect(newest.getByTestId('history-status')).toHaveText('Dry run failed');
    await newest.locator('summary').click();
    await expect(newest.getByTestId('history-error')).toContainText('violates foreign key constraint');
    await expect(newest.getByTestId('history-hazards')).toHaveCount(0);
    await shot(page, 'history-dry-run-failed-light');

    // Another model opens: the plan, the failure and "Applied: 1 change." were about the one before.
    await live.openTab('migrate');
    await expect(live.plan.steps).toHaveCount(1);
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 30_000 });
    await studio.projects.newFrom('blank');
    if (await page.getByTestId('unsaved-dialog').isVisible()) await studio.projects.answerUnsaved('discard');
    await expect(page.getByTestId('doc-name')).not.toContainText('(imported)');
    await live.openTab('migrate');
    await expect(live.plan.steps).toHaveCount(0);
    await expect(live.result).toHaveCount(0);
    await studio.tabTo('sql');
    await expect(io.applyStatus).not.toContainText('Applied');

    // The compare target is the project's: the new model picks the sandbox, the project keeps its database.
    await live.openTab('migrate');
    await live.pickTarget('Sandbox');
    await page.goto(projectUrl);
    await expect(page.getByTestId('doc-name')).toContainText('(imported)', { timeout: 30_000 });
    await live.openTab('migrate');
    await expect(page.getByTestId('target-picker').locator('option:checked')).toHaveText(name);
    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await live.openTab('migrate');
    await expect(page.getByTestId('target-picker').locator('option:checked')).toHaveText(name);

    // A protected target is removed only with its name typed.
    await live.openTab('targets');
    await row.getByTestId('target-remove').click();
    await expect(row.getByTestId('target-remove-confirm')).toBeDisabled();
    await row.getByTestId('target-remove-name').fill(name.toLowerCase());
    await expect(row.getByTestId('target-remove-confirm')).toBeDisabled();
    await shot(page, 'target-remove-protected-light');
    await row.getByTestId('target-remove-cancel').click();
    await expect(row.getByTestId('target-remove-name')).toHaveCount(0);
    await row.getByTestId('target-remove').click();
    await row.getByTestId('target-remove-name').fill(name);
    await row.getByTestId('target-remove-confirm').click();
    await expect(row).toHaveCount(0);
    await expect(live.target('Sandbox').getByTestId('target-select')).toBeChecked();
  });

  test('Escape closes the import dialog while its text area has focus', async ({ studio, page }) => {
    const io = new ImportExport(page);
    await studio.open('/');
    await io.openImport();
    await page.getByTestId('import-text').click();
    await page.keyboard.insertText('CREATE TABLE pasted (id integer);');
    await expect(page.getByTestId('import-text')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
    // The key closed the dialog only: the diagram is as it was.
    await expect(studio.table('public.pasted')).toHaveCount(0);
  });

  test('selecting a table while the Database tab is open shows it in the Table tab', async ({ studio, page }) => {
    await studio.open('/');
    await studio.live.openTab('migrate');
    await studio.selectTable('public.orders');
    await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('inspector-table-name')).toHaveValue('orders');
    // An enum opens the Objects tab, with it in view.
    await studio.live.openTab('migrate');
    await studio.selectTable('public.order_status');
    await expect(page.getByTestId('tab-types')).toHaveAttribute('aria-selected', 'true');
  });
});
