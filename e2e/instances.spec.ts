/**
 * Two studio processes on one PostgreSQL store (issue 13), as a team runs them behind a load
 * balancer: a browser on each edits one project. Edits, presence and comments cross from one
 * process to the other through PostgreSQL (the relay), with no reload.
 * Both processes share one access token (as instances behind one address must) and their own
 * throwaway store database; their ports sit apart from the workers' own studios.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { newToken, START_TIMEOUT_MS, startStudioServer, type StudioServer } from './studio-server.ts';
import { expect, Studio, test } from './fixtures.ts';

const BASE_PORT = Number(process.env.SCHEMATA_E2E_PORT ?? 4799) + 40 + Number(process.env.TEST_PARALLEL_INDEX ?? 0) * 2;
const tableNames = (studio: Studio) => studio.state<string>("state.doc.model.tables.map((t) => t.name).sort().join(',')");

/** A browser signed in to one instance through its access link, signing with `name`. */
async function signIn(browser: Browser, server: StudioServer, name: string): Promise<{ page: Page; studio: Studio }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((n) => localStorage.setItem('schemata.userName', n), name);
  const studio = new Studio(page);
  await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return { page, studio };
}

test.describe('two studio processes on one store', () => {
  let db: ThrowawayDb;
  const servers: StudioServer[] = [];

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(2 * START_TIMEOUT_MS);
    db = await createThrowawayDb('e2e_instances');
    const token = newToken();
    const env = { SCHEMATA_STORE_URL: db.url, SCHEMATA_SECRET_KEY: randomBytes(32).toString('base64url') };
    const clientDir = process.env.SCHEMATA_E2E_CLIENT_DIR!;
    const logDir = join(testInfo.project.outputDir, 'servers');
    // One after the other: the first prepares the store's tables, the second finds them.
    for (const port of [BASE_PORT, BASE_PORT + 1]) servers.push(await startStudioServer({ port, token, clientDir, logDir, env }));
  });

  test.afterAll(async () => {
    for (const server of servers) await server.stop();
    await db?.drop();
  });

  test('a browser on each edits one project: edits, presence and comments cross between them live', async ({ browser }) => {
    test.setTimeout(180_000);
    const ann = await signIn(browser, servers[0], 'Ann');
    const id = await ann.studio.projects.saveAsProject('Shared');
    await expect(ann.page.getByTestId('live-status')).toHaveText('Live');

    const bo = await signIn(browser, servers[1], 'Bo');
    await bo.page.goto(`${servers[1].url}/p/${encodeURIComponent(id)}`);
    await expect(bo.page.getByTestId('live-status')).toHaveText('Live');
    await expect(bo.page.getByTestId('doc-name')).toHaveText('Shared');

    // Presence crosses: each sees the other, on the other process.
    await expect(ann.page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Bo is here');
    await expect(bo.page.getByTestId('presence-avatar')).toHaveAttribute('title', 'Ann is here');

    // An edit on each side reaches the other's canvas, and the store holds both.
    await ann.studio.selectTable('public.orders');
    await ann.page.getByTestId('tab-inspector').click();
    await ann.page.getByTestId('inspector-table-name').fill('purchases');
    await ann.page.getByTestId('inspector-table-name').press('Enter');
    await expect(bo.studio.table('public.purchases')).toBeVisible();
    await bo.studio.selectTable('public.products');
    await bo.page.getByTestId('tab-inspector').click();
    await bo.page.getByTestId('inspector-table-name').fill('articles');
    await bo.page.getByTestId('inspector-table-name').press('Enter');
    await expect(ann.studio.table('public.articles')).toBeVisible();
    const both = 'addresses,articles,categories,customers,order_items,purchases';
    await expect.poll(() => tableNames(ann.studio)).toBe(both);
    await expect.poll(() => tableNames(bo.studio)).toBe(both);
    await expect(ann.page.getByTestId('save-state')).toHaveText('Saved');
    await expect(bo.page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(async () => {
      const stored = await (await bo.page.request.get(`${servers[1].url}/api/projects/${id}`)).json();
      return stored.document.model.tables.map((t: { name: string }) => t.name).sort().join(',');
    }).toBe(both);

    // A comment made on Bo's process shows on Ann's canvas and in her Comments tab, without a reload.
    await bo.studio.selectTable('public.customers');
    await bo.page.getByTestId('tab-comments').click();
    await bo.page.getByTestId('new-thread-text').fill('Do we need both addresses?');
    await bo.page.getByTestId('new-thread-start').click();
    await expect(ann.studio.table('public.customers').getByTestId('comment-badge')).toHaveText('1');
    await ann.page.getByTestId('tab-comments').click();
    await expect(ann.page.locator('[data-testid="comment-thread"][data-target="public.customers"]')).toContainText('Do we need both addresses?');
    // Resolved on Ann's side: the badge goes on Bo's.
    await ann.page.locator('[data-testid="comment-thread"][data-target="public.customers"]').getByTestId('thread-resolve').click();
    await expect(bo.studio.table('public.customers').getByTestId('comment-badge')).toHaveCount(0);

    await ann.page.screenshot({ path: 'test-results/instances-ann.png' });
    await bo.page.screenshot({ path: 'test-results/instances-bo.png' });
    expect([...ann.studio.externalRequests(), ...bo.studio.externalRequests()]).toEqual([]);
    await ann.page.context().close();
    await bo.page.context().close();
  });
});
