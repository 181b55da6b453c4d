import { test, expect } from './fixtures.ts';

const SHOTS = '/tmp/shots-inspector';

test.describe('layout editing in the inspector', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('a subject area is renamed, recoloured and loses a table; each change is one undo step', async ({ studio, page }) => {
    const model = await studio.state<string>('JSON.stringify(state.doc.model)');
    await studio.selectTable('public.orders');
    await studio.selectTable('public.order_items', true);
    await page.getByTestId('add-area').click();
    await studio.tabTo('inspector');
    const inspector = page.getByTestId('area-inspector');
    await expect(inspector).toHaveAttribute('data-area', 'Area 1');
    await expect(inspector.getByTestId('area-table')).toHaveCount(2);

    await inspector.getByTestId('area-inspector-name').fill('Sales');
    await inspector.getByTestId('area-inspector-name').press('Enter');
    const area = page.locator('[data-testid="area-node"][data-area="Sales"]');
    await expect(area).toBeVisible();
    await inspector.getByTestId('area-color-c93b3b').click();
    await expect(inspector.getByTestId('area-color-c93b3b')).toHaveAttribute('aria-checked', 'true');
    expect(await studio.state<string>('state.doc.layout.areas[0].color')).toBe('#c93b3b');
    await inspector.getByTestId('area-inspector-note').fill('Orders and what they hold');
    await inspector.getByTestId('area-inspector-name').click();
    expect(await studio.state<string>('state.doc.layout.areas[0].note')).toBe('Orders and what they hold');

    const widthWithBoth = (await area.boundingBox())!.width;
    await inspector.locator('[data-testid="area-table"][data-table="public.order_items"]').getByTestId('area-table-remove').click();
    await expect(inspector.getByTestId('area-table')).toHaveCount(1);
    await expect(studio.table('public.order_items')).toBeVisible(); // out of the area, still on the diagram
    await expect.poll(async () => (await area.boundingBox())!.width).toBeLessThan(widthWithBoth - 100);
    await page.screenshot({ path: `${SHOTS}/area-inspector.png` });

    await page.getByTestId('undo').click();
    await expect(inspector.getByTestId('area-table')).toHaveCount(2);
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    expect(await studio.state<string>('state.doc.layout.areas[0].color')).not.toBe('#c93b3b');
    // None of it is schema.
    expect(await studio.state<string>('JSON.stringify(state.doc.model)')).toBe(model);
  });

  test('an empty area name is refused with a message, and the name stays', async ({ studio, page }) => {
    await studio.selectTable('public.orders');
    await page.getByTestId('add-area').click();
    await studio.tabTo('inspector');
    const name = page.getByTestId('area-inspector-name');
    await name.fill('   ');
    await name.press('Enter');
    await expect(page.getByText('A subject area needs a name.')).toBeVisible();
    await expect(name).toHaveValue('Area 1');
  });

  test('a sticky note takes a colour, and back the theme colour', async ({ studio, page }) => {
    await studio.tabTo('inspector');
    await page.getByTestId('add-note').click();
    const note = page.getByTestId('note-node').last();
    await note.getByTestId('note-text').fill('Ask finance about refunds');
    await page.getByTestId('note-inspector').getByTestId('note-color-d6e6ff').click();
    await expect(note).toHaveAttribute('data-color', '#d6e6ff');
    await expect(note).toHaveCSS('background-color', 'rgb(214, 230, 255)');
    await page.screenshot({ path: `${SHOTS}/note-color.png` });
    await page.getByTestId('note-inspector').getByTestId('note-color-none').click();
    await expect(note).toHaveAttribute('data-color', '');
    await page.getByTestId('undo').click();
    await expect(note).toHaveAttribute('data-color', '#d6e6ff');
  });

  test('a saved project reopens where the user was looking', async ({ studio, page }) => {
    const id = await studio.projects.saveAsProject();
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.react-flow__controls-zoomout').click();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + 40, pane.y + 200);
    await page.mouse.down();
    for (let i = 1; i <= 8; i += 1) await page.mouse.move(pane.x + 40 + i * 15, pane.y + 200 + i * 10);
    await page.mouse.up();
    // translate(Xpx, Ypx) scale(Z) → [X, Y, Z], rounded as the document keeps them.
    const shown = async () => {
      const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
      const [x, y, zoom] = (transform.match(/-?[\d.]+/g) ?? []).map(Number);
      return { x: Math.round(x), y: Math.round(y), zoom: Math.round(zoom * 1000) / 1000 };
    };
    const where = await shown();
    // The document takes the view when the pan ends, a moment after the mouse is released.
    await expect.poll(() => studio.state<{ x: number; y: number; zoom: number }>('state.doc.layout.viewport')).toEqual(where);
    const kept = await studio.state<{ x: number; y: number; zoom: number }>('state.doc.layout.viewport');
    expect(kept.zoom).toBeLessThan(1);
    // Panning is kept but is not an edit to undo.
    await expect(page.getByTestId('undo')).toBeDisabled();
    await expect.poll(async () => ((await studio.projects.onServer(id)).document as unknown as { layout: { viewport?: unknown } }).layout.viewport).toEqual(kept);

    await page.reload();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect.poll(shown).toEqual(kept);
    await page.screenshot({ path: `${SHOTS}/viewport-after-reload.png` });
  });
});
