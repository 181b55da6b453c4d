/**
 * The acceptance loop on PostgreSQL (see harness.ts): every case in cases/ is applied to a real
 * database and must end with the catalog of `after.sql`, an empty second plan and its rows kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { loadCases, runCase } from './harness.ts';

const cases = await loadCases();

describe('acceptance on PostgreSQL', () => {
  let db: ThrowawayDb;
  let client: SqlClient;
  beforeAll(async () => {
    db = await createThrowawayDb('acceptance');
    client = await openSqlClient(db.url);
  });
  afterAll(async () => {
    await client?.close();
    await db?.drop();
  });

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', async (c) => {
    const result = await runCase(client, c);
    expect(result.differences).toEqual([]);
    expect(result.replan.steps.map((s) => s.sql)).toEqual([]);
    if (!result.deletesData) expect(result.rowsAfter).toBe(result.rowsBefore);
    if (result.checkOk !== undefined) expect(result.checkOk).toBe(true);
    expect(result.plan.steps.length).toBeGreaterThan(0);
  });
});
