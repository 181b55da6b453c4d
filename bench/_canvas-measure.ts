/**
 * What the canvas benchmark measures in the page, each with the browser's own clock
 * (`performance.now()`, which starts at navigation): first render, frames while panning, rename
 * to repaint. Only real input (Playwright's mouse and keyboard) and the page's own DOM are used,
 * so the figures hold for the build users get (no test hook needed).
 */
import type { Page } from '@playwright/test';

/**
 * The in-page half, as text: tsx compiles this file with esbuild's keepNames, whose `__name` helper
 * would be missing in the page if these were functions handed to Playwright. Installed before the
 * page's own scripts run; it records, every animation frame, what the canvas shows.
 */
const IN_PAGE = String.raw`
(() => {
  const frames = [];
  const bench = { frames, stopped: false, panFrames: [], panning: false };
  window.__bench = bench;
  const tick = () => {
    if (bench.stopped) return;
    const nodes = document.querySelectorAll('.react-flow__node');
    let hidden = 0;
    for (const n of nodes) if (n.style.visibility === 'hidden') hidden++;
    const transform = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    // Far away a large diagram is one picture (the overview) rather than nodes: it counts as one once drawn.
    const overview = document.querySelector('[data-testid="canvas-overview"]');
    const pictured = overview && overview.width > 1 ? 1 : 0;
    frames.push({ t: performance.now(), nodes: nodes.length + pictured, hidden, transform });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  // When the page first shows Live (joined its project's room), checked every frame on its own:
  // the first-render recorder stops once the canvas settles, and Live often comes after that.
  const watchLive = () => {
    if (document.querySelector('[data-testid="live-status"]')?.textContent === 'Live') bench.liveAt = performance.now();
    else requestAnimationFrame(watchLive);
  };
  requestAnimationFrame(watchLive);

  bench.settled = (quiet) => {
    const last = frames.at(-1);
    if (!last || !last.nodes || last.hidden) return undefined;
    let first = frames.length - 1;
    while (first > 0) {
      const f = frames[first - 1];
      if (f.nodes !== last.nodes || f.hidden || f.transform !== last.transform) break;
      first--;
    }
    // Quiet means frames kept coming: a main thread blocked by work draws no frames at all.
    if (performance.now() - frames[first].t < quiet || frames.length - first < quiet / 50) return undefined;
    bench.stopped = true;
    return { ms: frames[first].t, nodes: last.nodes };
  };

  bench.emptyPanePoint = () => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return undefined;
    const box = pane.getBoundingClientRect();
    for (let y = box.top + box.height / 2, step = 0; step < 40; step++, y += (step % 2 ? 1 : -1) * step * 10) {
      for (let x = box.left + 80; x < box.right - 80; x += 12) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return undefined;
  };

  bench.startCounting = () => {
    bench.panFrames = [];
    bench.panning = true;
    const count = (t) => {
      bench.panFrames.push(t);
      if (bench.panning) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  };

  bench.stopCounting = () => {
    bench.panning = false;
    const t = bench.panFrames;
    let worst = 0;
    for (let i = 1; i < t.length; i++) worst = Math.max(worst, t[i] - t[i - 1]);
    return { fps: ((t.length - 1) * 1000) / (t.at(-1) - t[0]), worstFrameMs: worst };
  };

  // Renames the table open in the inspector; resolves when the canvas node shows the new name.
  bench.rename = (schema, newName) => new Promise((resolve, reject) => {
    const input = document.querySelector('[data-testid="inspector-table-name"]');
    if (!input) return reject(new Error('no table is open in the inspector'));
    const selector = '.react-flow__node [data-table="' + CSS.escape(schema + '.' + newName) + '"]';
    // React tracks input values: set through the native setter so its onChange sees the change.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, newName);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const timeout = setTimeout(() => reject(new Error(newName + ' never appeared on the canvas')), 30000);
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      const domMs = performance.now() - started;
      observer.disconnect();
      clearTimeout(timeout);
      requestAnimationFrame(() => resolve({ domMs, frameMs: performance.now() - started }));
    });
    observer.observe(document.querySelector('.react-flow'), { subtree: true, attributes: true, childList: true, characterData: true });
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  });
})();
`;

export async function installFrameRecorder(page: Page): Promise<void> {
  await page.addInitScript({ content: IN_PAGE });
}

const call = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

export interface FirstRender {
  /** Navigation start → the first frame showing the final set of nodes, all measured, at the final viewport. */
  ms: number;
  /** Nodes React Flow keeps in the DOM once settled (only the visible ones are rendered), plus one for the overview picture. */
  nodes: number;
}

/**
 * Waits until the canvas has not changed for `quietMs` (and frames kept coming meanwhile), then finds the first frame of that final
 * state: nodes present, none hidden (React Flow hides a node until it is measured), same viewport.
 */
export async function measureFirstRender(page: Page, quietMs = 2000, timeoutMs = 120_000): Promise<FirstRender> {
  const started = Date.now();
  for (;;) {
    const result = await call<FirstRender | undefined>(page, `window.__bench.settled(${quietMs})`);
    if (result) return result;
    if (Date.now() - started > timeoutMs) throw new Error(`the canvas did not settle within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(250);
  }
}

/** Navigation start → the first frame showing Live (the page joined its project's room). */
export async function measureLive(page: Page, timeoutMs = 120_000): Promise<number> {
  // Polled rather than page.waitForFunction: that compiles its predicate in the page, which the
  // studio's Content-Security-Policy (no 'unsafe-eval') refuses.
  const started = Date.now();
  for (;;) {
    const liveAt = await call<number | undefined>(page, 'window.__bench.liveAt');
    if (liveAt !== undefined) return liveAt;
    if (Date.now() - started > timeoutMs) throw new Error(`the page did not show Live within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(100);
  }
}

export interface PanResult {
  fps: number;
  /** The longest gap between two frames while panning. */
  worstFrameMs: number;
}

/** Drags the empty pane left and right for `durationMs`, counting animation frames meanwhile. */
export async function measurePan(page: Page, durationMs = 3000): Promise<PanResult | undefined> {
  const start = await call<{ x: number; y: number } | undefined>(page, 'window.__bench.emptyPanePoint()');
  if (!start) return undefined;
  await call(page, 'window.__bench.startCounting()');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const began = Date.now();
  for (let i = 0; Date.now() - began < durationMs; i++) {
    // A triangle wave of ±250 px: the view keeps moving and comes back.
    const phase = (i % 100) / 100;
    const dx = 250 * (phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase);
    await page.mouse.move(start.x + dx, start.y + dx / 5);
  }
  await page.mouse.up();
  return call<PanResult>(page, 'window.__bench.stopCounting()');
}

/** Jumps to a table with the command palette (which selects it), and opens the inspector. */
export async function jumpTo(page: Page, schema: string, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill(name);
  // The palette searches as one types: Enter once the table heads the list, then it closes.
  await page.getByTestId('palette-item').first().filter({ hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  await page.getByTestId('tab-inspector').click();
  await page.locator(`[data-testid="inspector"][data-table="${schema}.${name}"]`).waitFor();
  await page.waitForTimeout(800); // the 300 ms fit animation, and the nodes it brings into view
}

export interface RenameResult {
  /** Enter in the inspector's name field → the canvas node shows the new name. */
  domMs: number;
  /** … → the next animation frame after that (the new name is painted). */
  frameMs: number;
}

/** Renames the table open in the inspector to `newName` and times it until the canvas shows it. */
export async function measureRename(page: Page, schema: string, newName: string): Promise<RenameResult> {
  return call<RenameResult>(page, `window.__bench.rename(${JSON.stringify(schema)}, ${JSON.stringify(newName)})`);
}
