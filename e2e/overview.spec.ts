/**
 * The overview (issue 11): far away, a large diagram is one picture instead of a node per table.
 * A generated 200-table model imported as SQL and fitted shows the picture and no table nodes; a
 * click on a table's box selects it, a double-click goes to it (the nodes are back close up), and
 * fitting the view again brings the picture back.
 */
import type { Page } from '@playwright/test';
import { test, expect, type Studio } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';
import type { Layout, Model } from '../shared/model/document.ts';

const TABLES = 200;

/** Where the middle of a table's header is on screen, from its stored position and the viewport. */
async function headerOnScreen(studio: Studio, page: Page, tableId: string): Promise<{ x: number; y: number }> {
  const at = (await studio.state<Layout['nodes']>('state.doc.layout.nodes'))[tableId];
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const [, tx, ty, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(transform)!.map(Number);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  return { x: pane.x + tx + (at.x + 40) * zoom, y: pane.y + ty + (at.y + 10) * zoom };
}

test('a large diagram far away is one picture: a click selects a table, a double-click goes to it', async ({ studio, page }) => {
  test.setTimeout(120_000);
  await studio.open('/');
  // Counts every table node mounted from here on: the imported diagram goes straight to its picture.
  await page.evaluate(() => {
    const w = window as unknown as { tableNodesMounted: number };
    w.tableNodesMounted = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const added of record.addedNodes) {
          if (added instanceof Element) w.tableNodesMounted += added.querySelectorAll('[data-testid="table-node"]').length + (added.matches('[data-testid="table-node"]') ? 1 : 0);
        }
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  await new ImportExport(page).importGenerated(TABLES, test.info().outputPath('generated-200.sql'), (e) => studio.state<string>(e));

  const overview = page.getByTestId('canvas-overview');
  await expect(overview).toBeVisible();
  await expect(page.getByTestId('table-node')).toHaveCount(0);
  // Not one table was mounted on the way (at the zoom before the fit, then hidden by the overview).
  expect(await page.evaluate(() => (window as unknown as { tableNodesMounted: number }).tableNodesMounted)).toBe(0);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `test-results/overview-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Between tables a double-click adds none (it would be a speck at this zoom).
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.dblclick(pane.x + pane.width / 2, pane.y + pane.height - 30);
  await page.waitForTimeout(300);
  expect((await studio.state<Model>('state.doc.model')).tables).toHaveLength(TABLES);

  const model = await studio.state<Model>('state.doc.model');
  const target = model.tables[Math.floor(TABLES / 2)];
  const point = await headerOnScreen(studio, page, target.id);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => studio.state<string[]>('[...state.selection]')).toEqual([target.id]);

  await page.mouse.dblclick(point.x, point.y);
  await expect(overview).toHaveCount(0);
  await expect(studio.node(`${target.schema}.${target.name}`)).toHaveClass(/selected/);
  await expect(studio.column(`${target.schema}.${target.name}`, target.columns[0].name)).toBeVisible();

  await studio.press('f');
  await expect(overview).toBeVisible();
  await expect(page.getByTestId('table-node')).toHaveCount(0);
});
