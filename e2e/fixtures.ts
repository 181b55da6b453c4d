/**
 * Page objects for the studio, and a `studio` fixture that records every request the page makes
 * and fails the test if any leaves 127.0.0.1 (no CDN, no fonts, no telemetry).
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** True for requests that stay on this machine (same server, inline data, blobs). */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return parsed.hostname === '127.0.0.1';
}

export class Studio {
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId('canvas')).toBeVisible();
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible();
  }

  /** A table (or view, enum) node by its schema-qualified name, e.g. `public.orders`. */
  table(qualified: string): Locator {
    return this.page.locator(`[data-table="${qualified}"]`);
  }

  column(qualified: string, name: string): Locator {
    return this.table(qualified).locator(`[data-column="${name}"]`);
  }

  /** The React Flow wrapper of a node (what gets selected and dragged). */
  node(qualified: string): Locator {
    return this.page.locator('.react-flow__node').filter({ has: this.table(qualified) });
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
    return this.page.evaluate((code) => {
      const hook = (window as unknown as { __schemata?: { store: { getState: () => unknown } } }).__schemata;
      if (!hook) throw new Error('window.__schemata is missing: build with VITE_TEST_HOOK=1');
      return new Function('state', `return (${code});`)(hook.store.getState()) as never;
    }, read);
  }

  async tableNames(): Promise<string[]> {
    return this.page.locator('[data-testid="table-node"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-table') ?? ''));
  }

  externalRequests(): string[] {
    return this.requests.filter((url) => !isLocal(url));
  }
}

export const test = base.extend<{ studio: Studio }>({
  studio: async ({ page }, use) => {
    const studio = new Studio(page);
    await use(studio);
    expect(studio.externalRequests(), 'requests that left 127.0.0.1').toEqual([]);
  },
});

export { expect };
