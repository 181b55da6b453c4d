/**
 * Import journey: a real pg_dump (pagila) dropped on the page becomes a laid-out diagram with an
 * import report; editing the SQL pane moves the canvas; a syntax error shows at its line and changes
 * nothing; the model exports to the other dialects and as migration files.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';

// The corpus beside the repository (../shared/schemas), as the import round-trip tests read it.
const CORPUS_PAGILA = fileURLToPath(new URL('../../shared/schemas/pagila/schema.sql', import.meta.url));

/** The dump under the name a user's file would have (the model is named after the file). */
function pagila(): string {
  const path = test.info().outputPath('pagila.sql');
  copyFileSync(CORPUS_PAGILA, path);
  return path;
}
const shots = (name: string) => test.info().outputPath(`import-${name}.png`);

/** 1-based line of the first line of `file` that starts with `prefix`. */
function lineOf(file: string, prefix: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

test('drop a pg_dump: diagram and report; edit the SQL pane: the canvas follows; a syntax error shows at its line', async ({ studio, page }) => {
  test.setTimeout(120_000); // parsing, layout and Monaco on a 2-core machine shared with other runs
  const io = new ImportExport(page);
  const PAGILA = pagila();
  await studio.open('/');

  await io.dropFile(PAGILA, 'new');
  await expect(io.report).toBeVisible({ timeout: 30_000 });
  const tables = await studio.tableCount();
  expect(await io.stat('tables')).toBe(tables);
  expect(tables).toBeGreaterThan(10);
  expect(await io.stat('views')).toBe(await studio.state<number>('state.doc.model.views.length'));
  // The report lists what was skipped, at the line where the dump has it.
  const skipped = await io.skipped();
  expect(skipped[0]).toContain(`line ${lineOf(PAGILA, 'SET statement_timeout')}`);
  expect(skipped[0]).toContain('SET');
  expect(skipped.some((s) => s.includes('ALTER … OWNER TO') || s.includes('OWNER'))).toBe(true);
  await page.screenshot({ path: shots('report') });
  await io.closeReport();

  await expect(page.getByTestId('doc-name')).toHaveText('pagila');
  await expect(studio.table('public.actor')).toBeVisible();
  await expect(studio.table('public.film')).toBeVisible();
  // The auto-layout arranges the first grid in its worker; the page says so until it is done.
  await expect(page.getByTestId('notice')).toBeHidden({ timeout: 60_000 });
  await page.screenshot({ path: shots('diagram') });

  // Edit the DDL: add a column to actor, apply with Ctrl+Enter.
  const before = await studio.position('public.actor');
  await studio.tabTo('sql');
  await studio.selectTable('public.actor');
  await io.cursorAtEndOf('CREATE TABLE public.actor (');
  await io.typeSql('\n    nickname text,');
  await expect(page.getByTestId('sql-apply')).toBeEnabled();
  await io.applySqlWithKeyboard();
  await expect(io.applyStatus).toContainText('Applied: 1 change.');
  // The fitted dump is drawn far away, where tables show no column rows: go to the table to see it.
  await studio.press('Control+k');
  await page.getByTestId('palette-input').fill('public.actor');
  await page.keyboard.press('Enter');
  await expect(studio.column('public.actor', 'nickname')).toBeVisible();
  expect(await studio.position('public.actor')).toEqual(before);
  expect(await studio.tableCount()).toBe(tables);
  await page.screenshot({ path: shots('applied') });
  // The apply is one undoable step.
  await page.getByTestId('undo').click();
  await expect(studio.column('public.actor', 'nickname')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(studio.column('public.actor', 'nickname')).toBeVisible();

  // A syntax error: a marker at PostgreSQL's line and column, and the model stays as it was.
  const model = await studio.state<string>('JSON.stringify(state.doc.model)');
  await page.getByTestId('sql-editor').locator('.sql-editor-body').click({ position: { x: 200, y: 60 } });
  await page.keyboard.press('Control+Home');
  await io.typeSql('CREATE TABLE broken (id int,, x int);\n');
  await page.getByTestId('sql-apply').click();
  await expect(io.applyStatus).toHaveAttribute('data-error-line', '1');
  await expect(io.applyStatus).toHaveAttribute('data-error-column', String('CREATE TABLE broken (id int,'.length + 1));
  await expect(io.applyStatus).toContainText('syntax error at or near ","');
  await expect(page.getByTestId('sql-editor').locator('.squiggly-error')).toBeVisible();
  expect(await studio.state<string>('JSON.stringify(state.doc.model)')).toBe(model);
  await page.screenshot({ path: shots('syntax-error') });

  // Discard puts the model's DDL back.
  await page.getByTestId('sql-discard').click();
  await expect(page.getByTestId('sql-apply')).toBeDisabled();
  await expect(page.getByTestId('sql-editor').locator('.squiggly-error')).toHaveCount(0);
});

test('merge a dump into the open model keeps the positions of matched tables', async ({ studio, page }) => {
  const io = new ImportExport(page);
  const PAGILA = pagila();
  await studio.open('/');
  await io.dropFile(PAGILA, 'new');
  await expect(io.report).toBeVisible({ timeout: 30_000 });
  await io.closeReport();
  await studio.dragTable('public.actor', 160, 90);
  const moved = await studio.position('public.actor');
  const ids = await studio.state<string>('JSON.stringify(state.doc.model.tables.map((t) => t.id))');

  await io.dropFile(PAGILA, 'merge');
  await expect(io.report).toBeVisible({ timeout: 30_000 });
  expect(await io.stat('added')).toBe(0);
  await io.closeReport();
  expect(await studio.position('public.actor')).toEqual(moved);
  expect(await studio.state<string>('JSON.stringify(state.doc.model.tables.map((t) => t.id))')).toBe(ids);
});

test('export: dialect warnings, DBML, and migration files as a zip', async ({ studio, page }) => {
  const io = new ImportExport(page);
  const PAGILA = pagila();
  await studio.open('/');
  await io.dropFile(PAGILA, 'new');
  await expect(io.report).toBeVisible({ timeout: 30_000 });
  await io.closeReport();

  await io.openExport();
  await expect(page.getByTestId('export-text')).toHaveValue(/CREATE TABLE public\.actor/);
  await expect(page.getByTestId('export-no-warnings')).toBeVisible();
  await page.getByTestId('export-format-sqlite').click();
  await expect(page.getByTestId('export-text')).toHaveValue(/CREATE TABLE "?actor"?/);
  await expect(page.getByTestId('export-warnings').locator('li').first()).toBeVisible();
  await page.screenshot({ path: shots('export-sqlite') });
  await page.getByTestId('export-format-dbml').click();
  await expect(page.getByTestId('export-text')).toHaveValue(/Table ("?public"?\.)?"?actor"? /);

  await page.getByTestId('export-format-migration').click();
  await page.getByTestId('migration-layout').selectOption('flyway');
  await expect(page.getByTestId('migration-preview')).toHaveValue(/==> V1__update_schema\.sql <==/);
  await expect(page.getByTestId('migration-preview')).toHaveValue(/==> U1__update_schema\.sql <==/);
  // The files kept are the server's, made as the CLI's `diff --out` makes them.
  await expect(page.getByTestId('migration-summary')).toContainText('as the CLI writes them', { timeout: 45_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('migration-download').click();
  expect((await download).suggestedFilename()).toBe('pagila-migrations-flyway.zip');
  await page.screenshot({ path: shots('export-migration') });
});

test('paste DBML into the import dialog; a syntax error is shown at its line and imports nothing', async ({ studio, page }) => {
  const io = new ImportExport(page);
  await studio.open('/');
  const dbml = [
    'Table users {', '  id integer [pk]', '  email varchar [unique, not null]', '}',
    'Table posts {', '  id integer [pk]', '  user_id integer [ref: > users.id]', '  title varchar', '}',
  ].join('\n');
  await io.openImport();
  await page.getByTestId('import-text').fill(dbml);
  await expect(page.getByTestId('import-source')).toContainText('DBML');
  await page.getByTestId('import-submit').click();
  await expect(io.report).toBeVisible();
  expect(await io.stat('tables')).toBe(2);
  await io.closeReport();
  await expect(studio.table('public.posts')).toBeVisible();
  expect(await studio.tableCount()).toBe(2);

  const model = await studio.state<string>('JSON.stringify(state.doc.model)');
  await io.openImport();
  await page.getByTestId('import-into-merge').check();
  await page.getByTestId('import-text').fill('CREATE TABLE comments (id int PRIMARY KEY);\nCREATE TABLE t (id int,, x int);');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-error')).toContainText(`Line 2, column ${'CREATE TABLE t (id int,'.length + 1}`);
  await expect(page.getByTestId('import-error')).toContainText('Nothing was imported');
  await page.screenshot({ path: shots('dialog-error') });
  expect(await studio.state<string>('JSON.stringify(state.doc.model)')).toBe(model);
});

test('migration files from a named version of the project hold only what changed since', async ({ studio, page }) => {
  const io = new ImportExport(page);
  await studio.open('/');
  await studio.projects.saveAsProject();

  await io.openExport();
  await page.getByTestId('export-format-migration').click();
  page.once('dialog', (dialog) => void dialog.accept('release 1'));
  await page.getByTestId('migration-label-version').click();
  await expect(page.getByTestId('migration-start')).toContainText('release 1');
  await expect(page.getByTestId('migration-summary')).toContainText('Nothing changed');
  await page.getByTestId('dialog-close').click();

  await page.getByTestId('add-table').click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await io.openExport();
  await page.getByTestId('export-format-migration').click();
  await page.getByTestId('migration-start').selectOption({ index: 1 });
  await expect(page.getByTestId('migration-summary')).toContainText(/\d+ steps? in 2 files/);
  await expect(page.getByTestId('migration-preview')).toHaveValue(/CREATE TABLE/);
  await expect(page.getByTestId('migration-preview')).toHaveValue(/DROP TABLE/);
  await page.screenshot({ path: shots('migration-from-version') });
});
