/** The same acceptance loop on PGlite (PostgreSQL 18 in WASM): one in-memory instance, reset per case. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { expectCaseHolds, loadCases, runCase } from './harness.ts';

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
    expectCaseHolds(await runCase(client, c));
  });
});
