/**
 * Layout at scale: a generated 500-table model (bench/_generate-model.ts, seeded) imported as SQL
 * lands without any two tables overlapping, and so does each auto-layout mode; one undo restores the
 * positions from before a layout. Boxes are the store's positions with each node's drawn size (the
 * DOM's, for every node React Flow has drawn; the estimate, or more, for the others).
 */
import type { Page } from '@playwright/test';
import { test, expect, type Studio } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';
import type { Layout, Model } from '../shared/model/document.ts';
import { overlappingPairs } from '../shared/model/packing.ts';
import { drawnSizes } from '../client/canvas/node-sizes.ts';

const TABLES = 500;

/** Pairs of tables whose boxes intersect, and the extent of all boxes. */
async function placement(studio: Studio, page: Page) {
  const model = await studio.state<Model>('state.doc.model');
  const nodes = await studio.state<Layout['nodes']>('state.doc.layout.nodes');
  const drawn = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.react-flow__node')]
    .map((el) => [el.dataset.id, { width: el.offsetWidth, height: el.offsetHeight }])));
  const sizes = drawnSizes(model, { nodes }, (id) => drawn[id]);
  const boxes = model.tables.map((t) => ({ id: `${t.schema}.${t.name}`, ...nodes[t.id], ...sizes.get(t.id)! }));
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
  return { placed: boxes.length, overlaps: overlappingPairs(boxes), aspect: width / height };
}

test('a 500-table import and every auto-layout mode place no table on another; one undo puts a layout back', async ({ studio, page }) => {
  test.setTimeout(180_000);
  await studio.open('/');
  // The import's grid shows at once; the auto-layout then arranges it in its worker.
  await new ImportExport(page).importGenerated(TABLES, test.info().outputPath('generated-500.sql'), (e) => studio.state<string>(e));
  await expect.poll(() => studio.tableCount()).toBe(TABLES);
  const imported = await placement(studio, page);
  expect(imported.placed).toBe(TABLES);
  expect(imported.overlaps).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('layout-scale-import.png') });

  for (const mode of ['layered-down', 'compact', 'layered-right']) {
    const before = await studio.state<Layout['nodes']>('state.doc.layout.nodes');
    await page.getByTestId('layout-mode').selectOption(mode);
    await page.getByTestId('auto-layout').click();
    await expect.poll(() => studio.state<Layout['nodes']>('state.doc.layout.nodes')).not.toEqual(before);
    await expect(page.getByTestId('auto-layout')).toBeVisible(); // the run is over: progress and Cancel gone
    const { overlaps, aspect } = await placement(studio, page);
    expect(overlaps, `${mode}: overlapping tables`).toEqual([]);
    // Near a 16:10 screen, not a strip.
    expect(aspect, mode).toBeGreaterThan(0.6);
    expect(aspect, mode).toBeLessThan(4);
    await page.screenshot({ path: test.info().outputPath(`layout-scale-${mode}.png`) });
    if (mode === 'layered-right') {
      await page.getByTestId('undo').click();
      expect(await studio.state<Layout['nodes']>('state.doc.layout.nodes')).toEqual(before);
    }
  }
});
