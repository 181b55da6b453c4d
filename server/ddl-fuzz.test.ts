/**
 * Generated models with awkward names (see testing/fuzz-model.ts): the DDL must load, and
 * PostgreSQL must hold exactly the model's tables, columns and constraint/index names. Seeded, so
 * a failure repeats; `FUZZ_ROUNDS=200 npx vitest run server/ddl-fuzz.test.ts` searches wider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePostgres } from '../shared/ddl/generate.ts';
import type { Model } from '../shared/model/document.ts';
import { makeDocument } from '../shared/model/empty.ts';
import { withEffectiveNames } from '../shared/model/names.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import { openSqlClient, type SqlClient } from './db/sql-client.ts';
import { fuzzModel } from './testing/fuzz-model.ts';
import { createThrowawayDb, type ThrowawayDb } from './testing/throwaway-db.ts';

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 8);
async function catalogNames(client: SqlClient) {
  const relations = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`);
  const columns = await client.query<{ table: string; name: string; type: string; notNull: boolean }>(`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull"
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0
    ORDER BY c.relname, a.attnum`);
  const names = await client.query<{ table: string; name: string }>(`
    SELECT c.relname AS table, co.conname AS name FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid WHERE c.relnamespace = 'public'::regnamespace
    UNION SELECT t.relname, i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`);
  return { relations: relations.map((r) => r.name), columns, names: names.map((n) => `${n.table} ${n.name}`).sort() };
}

function expectedNames(input: Model) {
  const model = withEffectiveNames(input);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    relations: model.tables.map((t) => t.name).sort(byName),
    columns: [...model.tables].sort((a, b) => byName(a.name, b.name)).flatMap((t) => t.columns.map((c) => ({
      table: t.name, name: c.name, type: c.type.name === 'timestamp with time zone' ? 'timestamp(3) with time zone' : `${c.type.name}${c.type.args ? `(${c.type.args.join(',')})` : ''}${'[]'.repeat(c.type.arrayDims ?? 0)}`,
      notNull: c.notNull,
    }))),
    names: model.tables.flatMap((t) => [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys, ...t.indexes].map((o) => `${t.name} ${o!.name}`)).sort(),
  };
}

describe('awkward generated models load with exactly their names', () => {
  let db: ThrowawayDb;
  let client: SqlClient;
  beforeAll(async () => {
    db = await createThrowawayDb('ddl_fuzz');
    client = await openSqlClient(db.url);
  });
  afterAll(async () => {
    await client?.close();
    await db?.drop();
  });

  it.each(Array.from({ length: ROUNDS }, (_, i) => 1000 + i))('seed %i', async (seed) => {
    const model = fuzzModel(seed);
    const parsed = parseDocument(makeDocument(model));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    await client.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.exec(generatePostgres(model));
    const actual = await catalogNames(client);
    const expected = expectedNames(model);
    expect(actual.relations).toEqual(expected.relations);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.names).toEqual(expected.names);
  });
});
