import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

async function downloadFrom(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test.describe('export and open files', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('exports the whole diagram as PNG and SVG', async ({ page }) => {
    const png = await downloadFrom(page, 'export-png');
    expect(png.name).toBe('e-commerce.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(1500); // every table at 2x, not only the visible part
    expect(height).toBeGreaterThan(800);
    const svg = await downloadFrom(page, 'export-svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg');
    for (const name of ['customers', 'order_items', 'order_status']) expect(text).toContain(name);
    expect(text).toContain('cf-many-optional'); // relationship ends travel with the image
  });

  test('exports only the selection as PNG', async ({ studio, page }) => {
    const whole = await downloadFrom(page, 'export-png');
    await studio.selectTable('public.orders');
    await studio.selectTable('public.order_items', true);
    const part = await downloadFrom(page, 'export-png-selection');
    expect(part.bytes.readUInt32BE(16)).toBeLessThan(whole.bytes.readUInt32BE(16));
  });

  test('exports the document as JSON and opens it again', async ({ studio, page }) => {
    await studio.dragTable('public.customers', 0, 120);
    const moved = await studio.position('public.customers');
    const json = await downloadFrom(page, 'export-json');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    expect(doc.format).toBe('schemata');
    expect(doc.model.tables).toHaveLength(await studio.tableCount());

    doc.model.tables.find((t: { name: string }) => t.name === 'customers').name = 'clients';
    // The drag is an edit of a draft saved nowhere: opening a file asks before it replaces it.
    await page.getByTestId('open-json-input').setInputFiles({ name: 'shop.schemata.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    expect(await studio.projects.answerUnsaved('discard')).toContain('has edits that are saved nowhere');
    await expect(studio.table('public.clients')).toBeVisible();
    await expect(page.getByTestId('doc-name')).toHaveText(doc.name ?? 'shop');
    expect(await studio.position('public.clients')).toEqual(moved);
  });

  test('refuses an invalid document with a clear message and loses nothing', async ({ studio, page }) => {
    await page.getByTestId('add-table').click();
    await expect(studio.table('public.table_1')).toBeVisible();
    const broken = { format: 'schemata', version: 1, model: { schemas: [], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [], tables: [{ id: 't', schema: 'public', columns: [] }] }, layout: { nodes: {}, areas: [], notes: [] } };
    await page.getByTestId('open-json-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('broken.json is not a valid Schemata document; nothing was changed.');
    await expect(notice).toContainText('model.tables[0].name');
    await page.screenshot({ path: 'test-results/files-invalid.png' });
    await expect(studio.table('public.table_1')).toBeVisible();
    await page.getByTestId('undo').click();
    await expect(studio.table('public.table_1')).toHaveCount(0);

    await page.getByTestId('open-json-input').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
    await expect(notice).toContainText('notjson.json is not valid JSON');
  });

  test('refuses a document whose default would end the statement, naming the field (the page checks SQL with PostgreSQL\'s parser)', async ({ page }) => {
    const json = await downloadFrom(page, 'export-json');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    doc.model.tables[0].columns[0].default = '1); DROP TABLE x; SELECT (1';
    await page.getByTestId('open-json-input').setInputFiles({ name: 'injected.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('injected.json is not a valid Schemata document; nothing was changed.');
    await expect(notice).toContainText('model.tables[0].columns[0].default: has a ")" that closes nothing it opened');
  });
});
