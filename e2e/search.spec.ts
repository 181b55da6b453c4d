/**
 * Search that finds the right thing first: the command palette ranks an exact name above a longer
 * one that starts with it, reads schema-qualified queries, and finds columns (`table.column`),
 * opening the table with the column pointed at in the inspector. Ranking rules: shared/model/search.ts.
 */
import { test, expect } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';

// `recording_first_release_date` comes first in the model, so only the ranking can put `recording` first.
const SQL = [
  'CREATE SCHEMA audit;',
  'CREATE TABLE recording_first_release_date (recording int, year int);',
  'CREATE TABLE recording_alias (id int PRIMARY KEY, recording int, name text);',
  'CREATE TABLE recording (id int PRIMARY KEY, name text NOT NULL, length int);',
  'CREATE TABLE audit.log (id int PRIMARY KEY, entry text);',
].join('\n');

test('the palette finds the right thing first: exact name, schema-qualified, table.column', async ({ studio, page }) => {
  const io = new ImportExport(page);
  await studio.open('/');
  await io.openImport();
  await page.getByTestId('import-text').fill(SQL);
  await page.getByTestId('import-submit').click();
  await expect(io.report).toBeVisible();
  await io.closeReport();
  await expect(studio.table('public.recording')).toBeVisible();

  const palette = page.getByTestId('command-palette');
  const items = palette.getByTestId('palette-item');
  const open = async (query: string) => {
    await studio.press('Control+k');
    await expect(palette).toBeVisible();
    await page.getByTestId('palette-input').fill(query);
  };
  const selected = () => studio.state<string[]>('[...state.selection].map((id) => { const t = state.doc.model.tables.find((t) => t.id === id); return t ? `${t.schema}.${t.name}` : id; })');

  // The exact name first, the longer names after it, then the column called `recording`.
  await open('recording');
  await expect(items.first()).toHaveText(/^public\.recording\s*table$/);
  await expect(items).toHaveText([
    /^public\.recording\s*table$/, /^public\.recording_alias\s*table$/, /^public\.recording_first_release_date\s*table$/,
    /^public\.recording_alias\.recording\s*column$/, /^public\.recording_first_release_date\.recording\s*column$/,
  ]);
  await page.screenshot({ path: 'test-results/search-palette.png' });
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(studio.node('public.recording')).toHaveClass(/selected/);
  expect(await selected()).toEqual(['public.recording']);

  // Schema-qualified: the schema tells `audit.log` apart; `public.recording` opens recording again.
  await open('audit.log');
  await page.keyboard.press('Enter');
  expect(await selected()).toEqual(['audit.log']);
  await open('public.recording');
  await expect(items.first()).toHaveText(/^public\.recording\s*table$/);
  await page.keyboard.press('Enter');
  expect(await selected()).toEqual(['public.recording']);

  // table.column: the column, then the same column of a longer table name; Enter opens the table
  // in the inspector with that column pointed at.
  await open('audit.log');
  await page.keyboard.press('Enter');
  expect(await selected()).toEqual(['audit.log']);
  await open('recording.name');
  await expect(items).toHaveText([/^public\.recording\.name\s*column$/, /^public\.recording_alias\.name\s*column$/]);
  await page.screenshot({ path: 'test-results/search-palette-column.png' });
  await page.keyboard.press('Enter');
  expect(await selected()).toEqual(['public.recording']);
  const row = page.getByTestId('inspector').locator('[data-testid="inspector-column"][data-column="name"]');
  await expect(row).toHaveClass(/focused/);
  await expect(row).toBeInViewport();
  await page.screenshot({ path: 'test-results/search-column-opened.png' });
});
