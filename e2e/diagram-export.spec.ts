/**
 * File ▸ Export SVG and PDF: real SVG (shapes and text), and the same picture from a non-browser
 * renderer (resvg, the Rust SVG renderer) as from Chromium. Both renderers are given the same SVG
 * file; only glyph rasterization and anti-aliasing may differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { Resvg } from '@resvg/resvg-js';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures.ts';
import { setTheme, SHOTS } from './live-steps.ts';

async function downloadFrom(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** The SVG as resvg draws it, at its own size (1 SVG px = 1 image px). */
function renderWithResvg(svg: string): PNG {
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' }, background: 'rgba(0,0,0,0)' }).render().asPng();
  return PNG.sync.read(png);
}

/** The SVG file opened in Chromium, screenshot at the same size. */
async function renderWithChromium(page: Page, svg: string, width: number, height: number): Promise<PNG> {
  const viewer = await page.context().newPage();
  try {
    await viewer.setViewportSize({ width, height });
    await viewer.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    return PNG.sync.read(await viewer.screenshot({ clip: { x: 0, y: 0, width, height } }));
  } finally {
    await viewer.close();
  }
}

/**
 * Per pixel, a colour distance of 0.02 (pixelmatch's YIQ scale) counts as different: strict enough
 * that a table's panel on the background, the subtlest pair in the picture (#ffffff on #f6f7f9,
 * #1d2128 on #15181e), differs; anti-aliased pixels are left out.
 */
function differingShare(a: PNG, b: PNG): number {
  const diff = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.02 });
  return diff / (a.width * a.height);
}

/**
 * Why 2.5%: both renderers draw the same fonts (Liberation Sans/Mono here) at the same places, so
 * what differs is glyph rasterization (hinting, sub-pixel placement): measured 1.09% of the
 * e-commerce diagram in either theme, all of it inside text. Leaving out one table (orders) makes
 * 6.3% (light) and 7.4% (dark) differ, so a renderer that dropped one would fail; the test checks that.
 */
const MAX_DIFFERING = 0.025;

test.describe('diagram export', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  for (const theme of ['light', 'dark'] as const) {
    test(`SVG in the ${theme} theme is real SVG that resvg draws as Chromium does`, async ({ studio, page }) => {
      await setTheme(studio, theme);
      const file = await downloadFrom(page, 'export-svg');
      expect(file.name).toBe('e-commerce.svg');
      const svg = file.bytes.toString('utf8');
      expect(svg).not.toContain('foreignObject');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? '', texts: [...doc.querySelectorAll('text, tspan')].map((t) => t.textContent) };
      }, svg);
      expect(parsed.error).toBe('');
      for (const name of await studio.tableNames()) expect(parsed.texts).toContain(name.split('.')[1]);

      const resvg = renderWithResvg(svg);
      const chromium = await renderWithChromium(page, svg, resvg.width, resvg.height);
      await writeFile(`${SHOTS}/export-${theme}-resvg.png`, PNG.sync.write(resvg));
      await writeFile(`${SHOTS}/export-${theme}-chromium.png`, PNG.sync.write(chromium));
      expect([chromium.width, chromium.height]).toEqual([resvg.width, resvg.height]);
      const share = differingShare(resvg, chromium);
      console.log(`${theme}: ${(share * 100).toFixed(3)}% of ${resvg.width}×${resvg.height} pixels differ between resvg and Chromium`);
      expect(share).toBeLessThan(MAX_DIFFERING);

      // The same comparison notices a table that one renderer would not draw.
      const start = svg.indexOf('<g data-table="public.orders">');
      const withoutOrders = svg.slice(0, start) + svg.slice(svg.indexOf('<g data-table=', start + 1));
      expect(differingShare(renderWithResvg(withoutOrders), chromium)).toBeGreaterThan(MAX_DIFFERING);
    });
  }

  test('PDF of the diagram and of the selection', async ({ studio, page }) => {
    const whole = await downloadFrom(page, 'export-pdf');
    expect(whole.name).toBe('e-commerce.pdf');
    const text = whole.bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const page1 = text.match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)!;
    await studio.selectTable('public.orders');
    await studio.selectTable('public.order_items', true);
    const part = await downloadFrom(page, 'export-pdf-selection');
    const box = part.bytes.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)!;
    expect(Number(box[1])).toBeLessThan(Number(page1[1]));
  });
});
