/**
 * Page objects for the studio, and a `studio` fixture that records every request the page makes
 * and fails the test if any leaves 127.0.0.1 (no CDN, no fonts, no telemetry), or if the page's
 * Content-Security-Policy refused anything (server/http/security-headers.ts).
 * Each worker starts its own studio server (e2e/studio-server.ts): port SCHEMATA_E2E_PORT + the
 * worker's parallel index, its own data directory and token; `baseURL` is that server.
 * Every test starts signed in: each worker opens the studio's access link (`/?token=…`) once in a
 * browser, as a person does, and the cookie the server set becomes every test's `storageState`
 * (`page.request` shares it). e2e/security.spec.ts starts without it.
 */
import { test as base, expect, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { LivePanels } from './pages/live.ts';
import { Projects } from './pages/projects.ts';
import { newToken, START_TIMEOUT_MS, startStudioServer, type StudioServer } from './studio-server.ts';

/** True for requests that stay on this machine (same server, inline data, blobs). */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return parsed.hostname === '127.0.0.1';
}

export class Studio {
  readonly requests: string[] = [];
  /** What the page's Content-Security-Policy refused, as the browser reported it. */
  readonly policyViolations: string[] = [];
  /** Targets, Migrate and History panels. */
  readonly live: LivePanels;
  /** File → New, projects, and what the server holds. */
  readonly projects: Projects;

  constructor(readonly page: Page) {
    this.live = new LivePanels(page);
    this.projects = new Projects(page);
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) this.policyViolations.push(message.text());
    });
    // SCHEMATA_E2E_DEBUG=1 prints what the page logs and every API answer or failure, in order.
    if (process.env.SCHEMATA_E2E_DEBUG) {
      page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
      page.on('requestfailed', (r) => console.log(`[failed] ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
      page.on('response', (r) => { if (r.url().includes('/api/')) console.log(`[${r.status()}] ${r.request().method()} ${r.url()}`); });
    }
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId('canvas')).toBeVisible();
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible();
  }

  /** A table (or view, enum) node by its schema-qualified name, e.g. `public.orders`. */
  table(qualified: string): Locator {
    return this.page.locator(`.react-flow__node [data-table="${qualified}"]`);
  }

  column(qualified: string, name: string): Locator {
    return this.table(qualified).locator(`[data-column="${name}"]`);
  }

  /** The React Flow wrapper of a node (what gets selected and dragged). */
  node(qualified: string): Locator {
    return this.page.locator('.react-flow__node').filter({ has: this.page.locator(`[data-table="${qualified}"]`) });
  }

  get sqlEditor(): Locator {
    return this.page.getByTestId('sql-editor');
  }

  /** Text of the lines Monaco currently renders (it only renders what is visible). */
  async visibleSql(): Promise<string> {
    await expect(this.sqlEditor.locator('.view-lines')).toBeVisible();
    return (await this.sqlEditor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** The store, through the test hook (test builds only). */
  async state<T>(read: string): Promise<T> {
    // Text Playwright evaluates (as DevTools does), not `new Function` in the page, which the
    // studio's Content-Security-Policy refuses.
    return this.page.evaluate(`(() => {
      const hook = window.__schemata;
      if (!hook) throw new Error('window.__schemata is missing: build with VITE_TEST_HOOK=1');
      const state = hook.store.getState();
      return (${read});
    })()`) as Promise<T>;
  }

  async tableNames(): Promise<string[]> {
    return this.page.locator('[data-testid="table-node"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-table') ?? ''));
  }

  /** Clicks a node's header (selects it; with `add`, adds it to the selection). */
  async selectTable(qualified: string, add = false): Promise<void> {
    await this.table(qualified).locator('.node-header').click({ modifiers: add ? ['Shift'] : [] });
  }

  /** Drags a node by its header through several mouse steps, like a person. */
  async dragTable(qualified: string, dx: number, dy: number): Promise<void> {
    const box = (await this.table(qualified).locator('.node-header').boundingBox())!;
    const x = box.x + 40;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i += 1) await this.page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
    await this.page.mouse.up();
  }

  /** Drags from a column's handle to another column's handle, or to a table's header. */
  async dragColumnTo(from: { table: string; column: string; side?: 'l' | 'r' }, to: { table: string; column?: string; side?: 'l' | 'r' }): Promise<void> {
    const side = (s: 'l' | 'r' | undefined) => (s === 'l' ? '.react-flow__handle-left' : '.react-flow__handle-right');
    await this.table(from.table).hover();
    const start = (await this.column(from.table, from.column).locator(side(from.side)).boundingBox())!;
    const target = to.column ? this.column(to.table, to.column).locator(side(to.side ?? 'l')) : this.table(to.table).locator('.node-header');
    const end = (await target.boundingBox())!;
    const [x0, y0] = [start.x + start.width / 2, start.y + start.height / 2];
    const [x1, y1] = [end.x + (to.column ? end.width / 2 : end.width / 3), end.y + end.height / 2];
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await this.page.mouse.move(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
    await this.page.mouse.up();
  }

  /** Presses a shortcut with the canvas focused (not a text field). */
  async press(keys: string): Promise<void> {
    await this.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
    await this.page.keyboard.press(keys);
  }

  async tableCount(): Promise<number> {
    return this.state<number>('state.doc.model.tables.length');
  }

  async position(qualified: string): Promise<{ x: number; y: number }> {
    const [schema, name] = qualified.split('.');
    return this.state(`(() => { const t = state.doc.model.tables.find((t) => t.schema === ${JSON.stringify(schema)} && t.name === ${JSON.stringify(name)}); const p = state.doc.layout.nodes[t.id]; return { x: p.x, y: p.y }; })()`);
  }

  async tabTo(tab: 'inspector' | 'types' | 'sql' | 'lint'): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  externalRequests(): string[] {
    return this.requests.filter((url) => !isLocal(url));
  }
}

/**
 * This worker's studio: its address and access token. TEST_PARALLEL_INDEX (0 … workers - 1) is set
 * before the specs load; a worker that replaces a failed one gets the same index, so the same port.
 */
const PORT = Number(process.env.SCHEMATA_E2E_PORT ?? 4799) + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const STUDIO_URL = `http://127.0.0.1:${PORT}`;
export const STUDIO_TOKEN = newToken();

export type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

export const test = base.extend<{ studio: Studio }, { studioServer: StudioServer; signedIn: StorageState }>({
  // Automatic: a journey that starts without the cookie (security.spec.ts) still needs the server.
  studioServer: [async ({}, use, workerInfo) => {
    const clientDir = process.env.SCHEMATA_E2E_CLIENT_DIR;
    if (!clientDir) throw new Error('SCHEMATA_E2E_CLIENT_DIR is not set: run the journeys through playwright.config.ts');
    const server = await startStudioServer({ port: PORT, token: STUDIO_TOKEN, clientDir, logDir: join(workerInfo.project.outputDir, 'servers') });
    await use(server);
    await server.stop();
  }, { scope: 'worker', auto: true, timeout: START_TIMEOUT_MS + 30_000 }],
  baseURL: async ({ studioServer }, use) => use(studioServer.url),
  signedIn: [async ({ browser, studioServer }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${studioServer.url}/?token=${encodeURIComponent(studioServer.token)}`);
    if (new URL(page.url()).searchParams.has('token')) throw new Error(`the access link did not redirect: ${page.url()}`);
    const state = await context.storageState();
    await context.close();
    if (!state.cookies.length) throw new Error('the access link set no cookie');
    await use(state);
  }, { scope: 'worker' }],
  storageState: async ({ signedIn }, use) => use(signedIn),
  studio: async ({ page }, use) => {
    const studio = new Studio(page);
    await use(studio);
    expect(studio.externalRequests(), 'requests that left 127.0.0.1').toEqual([]);
    expect(studio.policyViolations, 'what the Content-Security-Policy refused').toEqual([]);
  },
});

export { expect };
