/** The same acceptance loop on PGlite (PostgreSQL 18 in WASM): one in-memory instance, reset per case. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { loadCases, runCase } from './harness.ts';

const cases = await loadCases();

describe('acceptance on PGlite', () => {
  let client: SqlClient;
  beforeAll(async () => {
    client = await openSqlClient('pglite:memory:');
  });
  afterAll(async () => {
    await client?.close();
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
