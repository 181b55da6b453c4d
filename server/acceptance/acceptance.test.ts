/**
 * The acceptance loop on PostgreSQL (see harness.ts): every case in cases/ is applied to a real
 * database and must end with the catalog of `after.sql`, an empty second plan and its rows kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { expectCaseHolds, loadCases, runCase } from './harness.ts';

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
    expectCaseHolds(await runCase(client, c));
  });
});
