/**
 * Identity across projects (issue 9): a project applied to a database, then the database imported
 * into another project, is still matched table for table: the next plan changes in place, drops nothing.
 */
import { ADMIN_URL, createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { expect, test } from './fixtures.ts';
import { addTable, rowsOf, shot } from './live-steps.ts';

test.describe('live database', () => {
  test.describe('identity across projects (issue 9)', () => {
    let db: ThrowawayDb;
    test.beforeAll(async () => {
      db = await createThrowawayDb('e2e_identity');
    });
    test.afterAll(async () => {
      await db?.drop();
    });

    test('apply P1, insert 2 rows, import from database, reopen P1, add a column: the plan adds it, drops nothing, rows kept; a rename by shape, confirmed', async ({ studio, page }) => {
      await studio.open('/');
      const { live, projects } = studio;
      await projects.newFrom('blank');
      const table = await addTable(studio);
      const p1 = await projects.saveAsProject();
      const name = `Identity ${db.name.slice(-8)}`;
      // A shadow URL: models load on this PostgreSQL, not in the embedded engine (no initdb in the journey).
      await live.addTarget(name, db.url, { shadowUrl: ADMIN_URL });
      await expect(live.target(name).getByTestId('target-select')).toBeChecked();
      expect(await live.syncTarget()).toBe(1);
      await rowsOf(db.url, `INSERT INTO ${table} DEFAULT VALUES; INSERT INTO ${table} DEFAULT VALUES`);

      await live.openTab('targets');
      await live.target(name).getByTestId('target-import').click();
      await expect(page.getByTestId('doc-name')).toContainText('(imported)', { timeout: 20_000 });

      await projects.openDialog();
      await projects.openFromDialog(p1);
      await studio.node(table).click();
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector').getByTestId('column-add').click();
      expect(await live.compare()).toBe(1);
      await expect(live.plan.steps.filter({ hasText: 'ADD COLUMN' })).toHaveCount(1);
      await expect(live.plan.steps.filter({ hasText: 'DROP TABLE' })).toHaveCount(0);
      await live.apply();
      await expect(live.result).toHaveAttribute('data-result', 'verified', { timeout: 30_000 });
      expect(await rowsOf(db.url, `SELECT count(*)::int AS n FROM ${table}`)).toEqual([{ n: 2 }]);

      // A new model drawing the same table under another name (no baseline links them): the plan
      // offers the pair as a rename, and once the user says so it renames instead of dropping.
      await projects.newFrom('blank');
      const drawn = await addTable(studio);
      await studio.node(drawn).click();
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector').getByTestId('column-add').click();
      await page.getByTestId('inspector').getByTestId('inspector-table-name').fill('renamed');
      await page.getByTestId('inspector').getByTestId('inspector-table-name').press('Enter');
      await live.compare();
      await expect(live.plan.steps.filter({ hasText: 'DROP TABLE' })).toHaveCount(1);
      await expect(page.getByTestId('rename-candidate')).toHaveAttribute('data-from', table);
      await shot(page, 'rename-candidate');
      await page.getByTestId('treat-as-rename').click();
      await expect(live.plan.steps.filter({ hasText: 'RENAME TO renamed' })).toHaveCount(1);
      await expect(live.plan.steps.filter({ hasText: 'DROP TABLE' })).toHaveCount(0);
    });
  });
});
