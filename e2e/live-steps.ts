/** Steps the live-database journeys share: theme, screenshots, adding and deleting tables, reading rows. */
import pg from 'pg';
import type { Page } from '@playwright/test';
import { expect, type Studio } from './fixtures.ts';

export const SHOTS = process.env.SCHEMATA_SHOTS ?? 'test-results';
export const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/live-${name}.png` });

export async function setTheme(studio: Studio, theme: 'light' | 'dark'): Promise<void> {
  const html = studio.page.locator('html');
  const isDark = async () => (await html.evaluate((el) => getComputedStyle(el).colorScheme)).includes('dark');
  if ((await isDark()) !== (theme === 'dark')) await studio.page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

/** Adds a table with the toolbar; its qualified name (e.g. `public.table_2`). */
export async function addTable(studio: Studio): Promise<string> {
  const before = new Set(await studio.tableNames());
  await studio.page.getByTestId('add-table').click();
  await expect.poll(async () => (await studio.tableNames()).length).toBe(before.size + 1);
  return (await studio.tableNames()).find((name) => !before.has(name))!;
}

export async function rowsOf(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function columnsOf(url: string, table: string): Promise<string[]> {
  const rows = await rowsOf(url, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' ORDER BY ordinal_position`);
  return rows.map((r) => String(r.column_name));
}

export async function deleteTable(studio: Studio, qualified: string): Promise<void> {
  await studio.node(qualified).click();
  await studio.page.keyboard.press('Delete');
  await expect(studio.table(qualified)).toHaveCount(0);
}
