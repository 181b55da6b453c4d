/**
 * The details pane (issue 12): resized by its splitter (pointer and keys) and kept at that width
 * after a reload, collapsed and expanded (button, rail, Ctrl+\) and kept collapsed; messages that
 * wrap instead of being clipped, with a Copy button; the Objects tab's sections compact, counted
 * and folding. Screenshots light and dark.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ImportExport } from './pages/import.ts';
import { setTheme } from './live-steps.ts';

const SHOTS = process.env.SCHEMATA_SHOTS ?? 'test-results';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/panes-${name}.png` });

const pane = (page: Page) => page.locator('[data-testid="right-pane"][data-collapsed="false"]');
const paneWidth = async (page: Page) => (await pane(page).boundingBox())!.width;
const canvasWidth = async (page: Page) => (await page.getByTestId('canvas').boundingBox())!.width;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('the details pane', () => {
  test('resizes by dragging its splitter and by keys, and keeps its width after a reload', async ({ studio, page }) => {
    await studio.open('/');
    const splitter = page.getByTestId('pane-splitter');
    const initial = await paneWidth(page);
    expect(initial).toBeGreaterThan(400);
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(initial)));

    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 100, box.y + 300, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + 300, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => paneWidth(page)).toBeCloseTo(initial + 200, -1);
    const dragged = await paneWidth(page);
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(dragged)));
    await shot(page, 'resized-light');

    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect.poll(() => paneWidth(page)).toBe(dragged);

    // Keys: the handle moves with the arrow (left widens the pane), Home is the narrowest.
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => paneWidth(page)).toBe(dragged - 16);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => paneWidth(page)).toBe(dragged - 16 + 80);
    await page.keyboard.press('Home');
    await expect(splitter).toHaveAttribute('aria-valuenow', await splitter.getAttribute('aria-valuemin') as string);
    await expect.poll(() => paneWidth(page)).toBe(Number(await splitter.getAttribute('aria-valuemin')));
    // The canvas always keeps its share, however far the pane is dragged.
    await page.keyboard.press('End');
    expect(await canvasWidth(page)).toBeGreaterThanOrEqual(359);
    await splitter.dblclick();
    await expect.poll(() => paneWidth(page)).toBe(initial);
  });

  test('collapses and expands (button, rail, shortcut) and stays collapsed after a reload', async ({ studio, page }) => {
    await studio.open('/');
    const before = await canvasWidth(page);
    await page.getByTestId('pane-collapse').click();
    await expect(page.locator('[data-testid="right-pane"][data-collapsed="true"]')).toBeVisible();
    await expect(page.getByTestId('tab-sql')).toBeHidden();
    await expect.poll(() => canvasWidth(page)).toBeGreaterThan(before + 300);
    await shot(page, 'collapsed-light');
    await setTheme(studio, 'dark');
    await shot(page, 'collapsed-dark');
    await setTheme(studio, 'light');

    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('pane-expand')).toBeVisible();

    // The rail names the tabs: a click opens the pane on that tab.
    await page.getByTestId('rail-types').click();
    await expect(page.getByTestId('tab-types')).toHaveAttribute('aria-selected', 'true');
    await expect(pane(page)).toBeVisible();

    // Ctrl+\ hides and shows it, from the canvas.
    await page.getByTestId('canvas').click({ position: { x: 700, y: 700 } });
    await page.keyboard.press('Control+Backslash');
    await expect(page.getByTestId('pane-expand')).toBeVisible();
    await page.keyboard.press('Control+Backslash');
    await expect(pane(page)).toBeVisible();

    // Enter on the focused splitter collapses too; something asking for a tab (a selection) opens it again.
    await page.getByTestId('pane-splitter').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pane-expand')).toBeVisible();
    await page.getByTestId('pane-expand').click();
    await expect(pane(page)).toBeVisible();
  });

  test('a long SQL error wraps in full, and Copy copies it', async ({ studio, page }) => {
    const io = new ImportExport(page);
    await studio.open('/');
    await studio.tabTo('sql');
    await expect.poll(() => studio.visibleSql(), { timeout: 20_000 }).toContain('CREATE TABLE');
    await page.getByTestId('sql-editor').locator('.sql-editor-body').click({ position: { x: 200, y: 60 } });
    await page.keyboard.press('Control+Home');
    await io.typeSql(`CREATE TABLE a_table_with_a_rather_long_name_to_make_the_message_long (id int,, x int);\n`);
    await page.getByTestId('sql-apply').click();
    const status = io.applyStatus;
    await expect(status).toContainText('syntax error at or near ","');
    await expect(status).toContainText('The model was not changed.');
    // Nothing is clipped: the message is as wide as its box, on as many lines as it takes.
    expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth && getComputedStyle(el).whiteSpace !== 'nowrap')).toBe(true);
    const text = await status.innerText();
    await page.getByTestId('sql-apply-copy').click();
    await expect(page.getByTestId('sql-apply-copy')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await shot(page, 'sql-error-light');
    await page.getByTestId('sql-discard').click();
    await expect(page.getByTestId('sql-apply-copy')).toHaveCount(0);
  });
});

test.describe('the Objects tab', () => {
  test('lists its sections compactly, with counts, each folding and remembered', async ({ studio, page }) => {
    await studio.open('/');
    await studio.tabTo('types');
    const section = (id: string) => page.locator(`[data-section="${id}"]`);
    // The e-commerce template: 2 enums, no domains, no views, one schema.
    await expect(section('enums').getByTestId('section-count')).toHaveText('2');
    await expect(section('domains').getByTestId('section-count')).toHaveText('0');
    await expect(section('domains').getByTestId('section-empty')).toHaveText('No domains yet.');
    await expect(section('views').getByTestId('section-empty')).toBeVisible();
    await expect(section('schemas').getByTestId('section-count')).toHaveText('1');
    // Empty sections are one short line each: the next header follows right under.
    const domains = (await section('domains').boundingBox())!;
    const views = (await section('views').boundingBox())!;
    expect(domains.height).toBeLessThan(90);
    expect(views.y - (domains.y + domains.height)).toBeLessThan(2);

    // Fold the enums: the header stays with its count, the list goes; Domains moves up.
    const domainsTop = domains.y;
    await section('enums').getByTestId('section-toggle').click();
    await expect(section('enums')).toHaveAttribute('data-collapsed', 'true');
    await expect(section('enums').getByTestId('enum-item')).toHaveCount(0);
    await expect(section('enums').getByTestId('section-count')).toHaveText('2');
    await expect.poll(async () => (await section('domains').boundingBox())!.y).toBeLessThan(domainsTop - 200);
    await shot(page, 'objects-folded-light');

    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await studio.tabTo('types');
    await expect(section('enums')).toHaveAttribute('data-collapsed', 'true');
    // Selecting an enum on the canvas opens its folded section.
    await studio.selectTable('public.order_status');
    await expect(section('enums')).toHaveAttribute('data-collapsed', 'false');
    await expect(section('enums').getByTestId('enum-item')).toHaveCount(2);
    // Adding a domain counts it.
    await page.getByTestId('domain-add').click();
    await expect(section('domains').getByTestId('section-count')).toHaveText('1');
    await expect(section('domains').getByTestId('domain-item')).toHaveCount(1);
    await shot(page, 'objects-light');
    await setTheme(studio, 'dark');
    await shot(page, 'objects-dark');
  });
});
