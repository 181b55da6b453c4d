/**
 * Readable at every zoom: an imported model is fitted in view and every table shows its name there;
 * far away tables draw no column rows yet their relationships stay drawn, and the rows come back
 * zoomed in; zoomed out to the minimum, a name that no longer fits its box is left to its tooltip; File → New after a
 * zoomed-out model opens at the working zoom; an import from a database is fitted too.
 */
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { test, expect } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';
import { addTable, setTheme, SHOTS } from './live-steps.ts';
import { FAR_ZOOM, MIN_ZOOM } from '../client/canvas/level-of-detail.ts';

const CORPUS_PAGILA = fileURLToPath(new URL('../../shared/schemas/pagila/schema.sql', import.meta.url));

/** The zoom React Flow shows now (the scale of its viewport transform). */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

interface ShownName { table: string; text: string; visible: boolean; px: number }

/** For each table box on the page: its name as drawn (header or far label), whether it has a box, its size on screen. */
async function shownNames(page: Page): Promise<ShownName[]> {
  const zoom = await zoomOf(page);
  return page.getByTestId('table-node').evaluateAll((nodes, zoom) => nodes.map((node) => {
    const label = node.querySelector<HTMLElement>('.far-name, .node-name');
    const box = label?.getBoundingClientRect();
    return {
      table: node.getAttribute('data-table') ?? '',
      text: label?.innerText.trim() ?? '',
      visible: !!box && box.width > 0 && box.height > 0 && getComputedStyle(label!).visibility !== 'hidden',
      px: label ? parseFloat(getComputedStyle(label).fontSize) * zoom : 0,
    };
  }), zoom);
}

/** Every table box shows its own name, at a size one can read when it is a far label. */
async function expectEveryNameShown(page: Page, { legible }: { legible: boolean }): Promise<void> {
  const names = await shownNames(page);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    expect(name.visible, `${name.table} has a visible name`).toBe(true);
    expect(name.text.replace(/\s/g, ''), `${name.table} shows its name`).toBe(name.table.split('.')[1]);
    if (legible) expect(name.px, `${name.table}'s name on screen`).toBeGreaterThanOrEqual(11.5);
    if (legible) expect(name.px, `${name.table}'s name on screen`).toBeLessThanOrEqual(15);
  }
}

/**
 * Every table is on screen, and nothing drawn (tables, enums, notes…) lies under the canvas toolbar
 * or the zoom controls: the fit leaves them room.
 */
async function expectAllTablesInView(page: Page): Promise<void> {
  const tables = page.getByTestId('table-node');
  await expect.poll(() => tables.count()).toBeGreaterThan(0);
  for (const table of await tables.all()) await expect(table).toBeInViewport({ ratio: 0.99 });
  for (const [name, selector] of [['the canvas toolbar', '.canvas-toolbar'], ['the zoom controls', '.react-flow__controls']]) {
    const bar = (await page.locator(selector).boundingBox())!;
    const covered = await page.locator('.react-flow__node').evaluateAll((nodes, over) => nodes.filter((node) => {
      const box = node.getBoundingClientRect();
      return box.left < over.x + over.width && box.right > over.x && box.top < over.y + over.height && box.bottom > over.y;
    }).map((node) => node.getAttribute('data-id')), bar);
    expect(covered, `what is drawn under ${name}`).toEqual([]);
  }
}

/** Far labels wrap between words only: each line is drawn as one line, and ends at a word's end. */
async function expectWordsWhole(page: Page): Promise<void> {
  const split = await page.locator('.far-line').evaluateAll((lines) => lines.filter((line) => {
    const lineHeight = parseFloat(getComputedStyle(line).fontSize) * 1.15;
    return line.getBoundingClientRect().height > lineHeight * 1.5;
  }).map((line) => line.textContent));
  expect(split, 'label lines drawn on more than one line').toEqual([]);
  expect(await page.locator('.far-line').count()).toBeGreaterThan(0);
}

/**
 * Zoomed out so far that a legible name no longer fits its box: each table names itself in its
 * tooltip, and a label, where one is drawn, is the start of the name and stays inside the box.
 */
async function expectLabelsInsideBoxes(page: Page): Promise<void> {
  const labels = await page.getByTestId('table-node').evaluateAll((nodes) => nodes.map((node) => {
    const box = node.getBoundingClientRect();
    const lines = [...node.querySelectorAll<HTMLElement>('.far-line')];
    return {
      table: node.getAttribute('data-table') ?? '',
      title: node.getAttribute('title') ?? '',
      text: lines.map((line) => line.textContent).join(''),
      inside: lines.every((line) => {
        const r = line.getBoundingClientRect();
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
      }),
    };
  }));
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    expect(label.title, `${label.table}'s tooltip`).toBe(label.table);
    expect(label.table.split('.')[1].startsWith(label.text.replace(/…$/, '')), `${label.table}'s label "${label.text}"`).toBe(true);
    expect(label.inside, `${label.table}'s label stays inside its box`).toBe(true);
  }
}

async function zoomOutToMinimum(page: Page): Promise<void> {
  const zoomOut = page.locator('.react-flow__controls-zoomout');
  for (let i = 0; i < 40 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(MIN_ZOOM, 3);
}

test.describe('readable at every zoom', () => {
  test('an imported pg_dump is fitted in view, every table shows its name there; at the minimum zoom labels stay in their boxes', async ({ studio, page }) => {
    test.setTimeout(120_000); // parsing and the auto-layout on a 2-core machine shared with other runs
    const io = new ImportExport(page);
    const file = test.info().outputPath('pagila.sql');
    copyFileSync(CORPUS_PAGILA, file);
    await studio.open('/');
    // Zoomed in first: the import must not keep the zoom of the model before it.
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();

    await io.dropFile(file, 'new');
    await expect(io.report).toBeVisible({ timeout: 30_000 });
    await io.closeReport();
    await expect(page.getByTestId('notice')).toBeHidden({ timeout: 60_000 }); // the auto-layout has arranged it
    await expect.poll(() => studio.tableCount()).toBeGreaterThan(20);
    await expectAllTablesInView(page);
    // Pagila fitted is far from 1:1: every name reads there, whole words on each line.
    expect(await zoomOf(page)).toBeLessThan(FAR_ZOOM);
    await expectEveryNameShown(page, { legible: true });
    await expectWordsWhole(page);
    await setTheme(studio, 'light');
    await page.screenshot({ path: `${SHOTS}/zoom-fit-light.png` });
    await setTheme(studio, 'dark');
    await page.screenshot({ path: `${SHOTS}/zoom-fit-dark.png` });
    await setTheme(studio, 'light');
    // Far away a table mounts no column rows (nor their handles); its relationships are still drawn.
    const rows = page.locator('[data-testid="table-node"] [data-testid="column-row"]');
    const edges = page.locator('.react-flow__edge-path');
    await expect(rows).toHaveCount(0);
    await expect.poll(() => edges.count()).toBeGreaterThan(20);
    // Back at a readable zoom the rows return, and the lines join their columns again.
    while (await zoomOf(page) < FAR_ZOOM) await page.locator('.react-flow__controls-zoomin').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    await expect.poll(() => edges.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/zoom-near-light.png` });

    await zoomOutToMinimum(page);
    await expectLabelsInsideBoxes(page);
    await page.screenshot({ path: `${SHOTS}/zoom-minimum.png` });
  });

  test('File → New after a zoomed-out model opens at the working zoom, and a new table shows its name', async ({ studio, page }) => {
    await studio.open('/');
    for (let i = 0; i < 8; i++) await page.locator('.react-flow__controls-zoomout').click();
    expect(await zoomOf(page)).toBeLessThan(FAR_ZOOM);

    await studio.projects.newFrom('blank');
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await expect.poll(() => zoomOf(page)).toBe(1);
    const table = await addTable(studio);
    await expect(studio.table(table).locator('.node-name')).toHaveText(table.split('.')[1]);
    await expectEveryNameShown(page, { legible: true });

    // A template is fitted, never past 1:1 (the blank model's new table is let go when asked).
    await studio.projects.newFrom('ecommerce');
    await studio.projects.answerUnsaved('discard');
    await expect(studio.table('public.orders')).toBeVisible();
    await expectAllTablesInView(page);
    expect(await zoomOf(page)).toBeLessThanOrEqual(1);
  });

  test.describe('from a database', () => {
    let db: ThrowawayDb;
    test.beforeAll(async () => {
      db = await createThrowawayDb('e2e_zoom');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      // Forty tables in a chain: more than a screen holds at 1:1.
      const tables = Array.from({ length: 40 }, (_, i) => `CREATE TABLE t${i} (id integer PRIMARY KEY${i ? `, prev integer REFERENCES t${i - 1}` : ''}, label text);`);
      await client.query(tables.join('\n'));
      await client.end();
    });
    test.afterAll(async () => {
      await db?.drop();
    });

    test('an import from a database is fitted in view, names shown', async ({ studio, page }) => {
      test.setTimeout(90_000);
      await studio.open('/');
      for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
      const name = `Zoom ${db.name.slice(-8)}`;
      await studio.live.addTarget(name, db.url);
      const row = studio.live.target(name);
      await expect(row).toBeVisible();
      await row.getByTestId('target-import').click();
      await expect(page.getByTestId('doc-name')).toContainText('(imported)', { timeout: 30_000 });
      await expect.poll(() => studio.tableCount()).toBe(40);
      await expectAllTablesInView(page);
      await expectEveryNameShown(page, { legible: (await zoomOf(page)) < FAR_ZOOM });
      // Remove the target: the journeys share the server's targets.
      await studio.live.openTab('targets');
      await row.getByTestId('target-remove').click();
      await row.getByTestId('target-remove-confirm').click();
      await expect(row).toHaveCount(0);
    });
  });
});
