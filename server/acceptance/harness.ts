/**
 * The acceptance loop for one case, on one database (a PostgreSQL throwaway database or a PGlite
 * instance), reset between phases:
 *   1. build `after.sql`, take its model (introspection) and its catalog snapshot;
 *   2. reset, build `before.sql` (+ `rows.sql`), take its model and row counts;
 *   3. plan before → after, apply every step in one transaction;
 *   4. compare the catalog with step 1's (catalog-snapshot, independent of introspection), plan
 *      again (must be empty), check rows survived (and `check.sql`, when the case has one).
 */
import { expect } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../../shared/model/document.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { diff } from '../../shared/diff/diff.ts';
import { plan } from '../../shared/diff/plan.ts';
import type { Plan } from '../../shared/diff/types.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { catalogSnapshot } from '../testing/catalog-snapshot.ts';
import { compareSnapshots, type CatalogDifference } from '../testing/round-trip.ts';
import { applyRenames, type Rename } from './renames.ts';

export const CASES_DIR = join(import.meta.dirname, 'cases');

export interface AcceptanceCase {
  name: string;
  before: string;
  after: string;
  rows?: string;
  /** One query returning one row whose column `ok` must be true after the apply. */
  check?: string;
  /** Objects renamed between before and after (identity the SQL files cannot say). */
  renames: Rename[];
}

export async function loadCases(): Promise<AcceptanceCase[]> {
  const names = (await readdir(CASES_DIR)).sort();
  const read = async (dir: string, file: string) => (existsSync(join(dir, file)) ? readFile(join(dir, file), 'utf8') : undefined);
  return Promise.all(names.map(async (name) => {
    const dir = join(CASES_DIR, name);
    const renames = await read(dir, 'renames.json');
    return {
      name,
      before: (await read(dir, 'before.sql')) ?? '',
      after: (await read(dir, 'after.sql')) ?? '',
      rows: await read(dir, 'rows.sql'),
      check: await read(dir, 'check.sql'),
      renames: renames ? (JSON.parse(renames) as Rename[]) : [],
    };
  }));
}

/** Drops every user schema and extension, and gives back an empty `public`. */
export async function resetDatabase(db: SqlSession): Promise<void> {
  await db.exec(`
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
        EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
      END LOOP;
      FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
      END LOOP;
    END $$;
    CREATE SCHEMA public;
    COMMENT ON SCHEMA public IS 'standard public schema';`);
}

/** Row count of every user table, keyed `schema.table`. */
async function rowCount(db: SqlSession): Promise<number> {
  const tables = await db.query<{ name: string }>(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', '_schemata') AND n.nspname NOT LIKE 'pg\\_%'`);
  let total = 0;
  for (const t of tables) total += Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t.name}`))[0].n);
  return total;
}

export interface CaseResult {
  plan: Plan;
  differences: CatalogDifference[];
  /** Steps of a second plan after the apply (must be none). */
  replan: Plan;
  rowsBefore: number;
  rowsAfter: number;
  deletesData: boolean;
  checkOk: boolean | undefined;
}

export async function runCase(db: SqlClient, c: AcceptanceCase): Promise<CaseResult> {
  await resetDatabase(db);
  await db.exec(c.after);
  const afterLive = await introspect(db);
  const expected = await catalogSnapshot(db);

  await resetDatabase(db);
  await db.exec(c.before);
  if (c.rows) await db.exec(c.rows);
  const before = await introspect(db);
  const target: Model = applyRenames({ after: afterLive, before, renames: c.renames });
  const rowsBefore = await rowCount(db);

  const steps = plan(diff(before, target), { from: before, to: target });
  await db.transaction(async (tx) => {
    for (const step of steps.steps) {
      try {
        await tx.exec(step.sql);
      } catch (error) {
        throw new Error(`step failed: ${step.sql}\n${(error as Error).message}`);
      }
    }
  });

  const differences = compareSnapshots(expected, await catalogSnapshot(db));
  const live = matchToBaseline(await introspect(db), target);
  const replan = plan(diff(live, target), { from: live, to: target });
  const rowsAfter = await rowCount(db);
  const checkOk = c.check ? Boolean((await db.query<{ ok: boolean }>(c.check))[0]?.ok) : undefined;
  const deletesData = steps.steps.some((s) => s.hazards.some((h) => h.kind === 'deletes-data'));
  return { plan: steps, differences, replan, rowsBefore, rowsAfter, deletesData, checkOk };
}

/** What every case must hold on every engine: the catalog of `after`, an empty replan, rows kept. */
export function expectCaseHolds(result: CaseResult): void {
  expect(result.differences).toEqual([]);
  expect(result.replan.steps.map((s) => s.sql)).toEqual([]);
  if (!result.deletesData) expect(result.rowsAfter).toBe(result.rowsBefore);
  if (result.checkOk !== undefined) expect(result.checkOk).toBe(true);
  expect(result.plan.steps.length).toBeGreaterThan(0);
}
