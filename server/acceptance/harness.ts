/**
 * The acceptance loop for one case, on one database (a PostgreSQL throwaway database or a PGlite
 * instance), reset between phases:
 *   1. build `after.sql`, take its model (by default introspection; `targetOf` can give another,
 *      e.g. the file imported as a user would and put in PostgreSQL's spelling) and its catalog
 *      snapshot;
 *   2. reset, build `before.sql` (+ `rows.sql`), take its model and the row count of each table;
 *   3. plan before → after and apply it as the studio does (`applySteps`: one transaction, advisory
 *      lock, the plan's schema hash checked, every hazard accepted);
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
import { deletesData, HAZARD_KINDS } from '../../shared/diff/hazards.ts';
import type { Plan } from '../../shared/diff/types.ts';
import { applySteps, StepFailed } from '../db/apply.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { schemaHash } from '../introspect/hash.ts';
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

/**
 * The row count of every user table, sorted: a multiset, since a case may rename tables. A table
 * that lost rows (or a dropped table that held some) shows, where a total could hide it.
 */
async function rowCounts(db: SqlSession): Promise<number[]> {
  const tables = await db.query<{ name: string }>(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', '_schemata') AND n.nspname NOT LIKE 'pg\\_%'`);
  const counts: number[] = [];
  for (const t of tables) counts.push(Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t.name}`))[0].n));
  return counts.filter((n) => n > 0).sort((a, b) => a - b);
}

export interface CaseResult {
  plan: Plan;
  differences: CatalogDifference[];
  /** Steps of a second plan after the apply (must be none). */
  replan: Plan;
  rowsBefore: number[];
  rowsAfter: number[];
  deletesData: boolean;
  checkOk: boolean | undefined;
}

/** The model a case plans to, read while the database holds `after.sql`. */
export type TargetOf = (p: { db: SqlClient; afterSql: string }) => Promise<Model>;

const introspected: TargetOf = ({ db }) => introspect(db);

export async function runCase(db: SqlClient, c: AcceptanceCase, targetOf: TargetOf = introspected): Promise<CaseResult> {
  await resetDatabase(db);
  await db.exec(c.after);
  const afterLive = await targetOf({ db, afterSql: c.after });
  const expected = await catalogSnapshot(db);

  await resetDatabase(db);
  await db.exec(c.before);
  if (c.rows) await db.exec(c.rows);
  const before = await introspect(db);
  const target: Model = applyRenames({ after: afterLive, before, renames: c.renames });
  const rowsBefore = await rowCounts(db);

  const steps = plan(diff(before, target), { from: before, to: target });
  await applySteps(db, { steps: steps.steps, expectedHash: schemaHash(before), acceptedHazards: [...HAZARD_KINDS] }).catch((error) => {
    throw error instanceof StepFailed ? new Error(`${error.message}\n${error.failure.sql}`) : error;
  });

  const differences = compareSnapshots(expected, await catalogSnapshot(db));
  const live = matchToBaseline(await introspect(db), target);
  const replan = plan(diff(live, target), { from: live, to: target });
  const rowsAfter = await rowCounts(db);
  const checkOk = c.check ? Boolean((await db.query<{ ok: boolean }>(c.check))[0]?.ok) : undefined;
  return { plan: steps, differences, replan, rowsBefore, rowsAfter, deletesData: deletesData(steps.steps), checkOk };
}

/** What every case must hold on every engine: the catalog of `after`, an empty replan, rows kept. */
export function expectCaseHolds(result: CaseResult): void {
  expect(result.differences).toEqual([]);
  expect(result.replan.steps.map((s) => s.sql)).toEqual([]);
  if (!result.deletesData) expect(result.rowsAfter).toEqual(result.rowsBefore);
  if (result.checkOk !== undefined) expect(result.checkOk).toBe(true);
  expect(result.plan.steps.length).toBeGreaterThan(0);
}
