/**
 * Generated models with awkward names (see testing/fuzz-model.ts): the DDL must load, and
 * PostgreSQL must hold exactly the model's tables, columns and constraint/index names. Seeded, so
 * a failure repeats; `FUZZ_ROUNDS=200 npx vitest run server/ddl-fuzz.test.ts` searches wider.
 * Then hostile names (quotes, SQL fragments, `$$`, backslashes, 63-byte multi-byte names, reserved
 * words) for every kind of name: loaded, introspected, and read back byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { quoteIdent } from '../shared/ddl/quote.ts';
import { matchToBaseline } from '../shared/diff/baseline.ts';
import { planBetween } from '../shared/diff/plan.ts';
import type { Model } from '../shared/model/document.ts';
import { emptyModel, makeDocument } from '../shared/model/empty.ts';
import { derivedId } from '../shared/model/ids.ts';
import { withEffectiveNames } from '../shared/model/names.ts';
import { table, withDerivedIds } from '../shared/model/templates/build.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import type { SqlClient } from './db/sql-client.ts';
import { introspect } from './introspect/introspect.ts';
import { HOSTILE_NAMES } from './testing/fuzz.ts';
import { fuzzModel } from './testing/fuzz-model.ts';
import { useThrowawayDatabase } from './testing/throwaway-fixture.ts';

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
  const { client } = useThrowawayDatabase('ddl_fuzz');

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

const utf8 = (text: string) => new TextEncoder().encode(text).length;
/** `name` with a suffix, cut back (whole characters) to PostgreSQL's 63 bytes. */
function suffixed(name: string, suffix: string): string {
  let head = [...name];
  while (utf8(head.join('') + suffix) > 63) head = head.slice(0, -1);
  return head.join('') + suffix;
}

/**
 * One table per hostile name, spread over hostile schemas; each with hostile column names, an enum
 * column (hostile type name and labels), and a primary key, unique, check, foreign key and index
 * named after it. The check is spelled as PostgreSQL prints it back, so planning again compares
 * names, not the spelling of an expression.
 */
function hostileModel(): Model {
  const model = emptyModel();
  const schemas = ['public', 'a"b', 'Ünïcödé', 'select', "'; DROP TABLE x; --", '€'.repeat(21)];
  model.schemas.push(...schemas.slice(1).map((name) => ({ id: derivedId.schema(name), name })));
  model.enums.push({ id: derivedId.enum('a"b', '$$'), schema: 'a"b', name: '$$', values: [...HOSTILE_NAMES, "''", 'a\\b\\\\'] });
  HOSTILE_NAMES.forEach((name, i) => {
    const schema = schemas[i % schemas.length];
    const columns = [0, 1, 2, 3].map((k) => HOSTILE_NAMES[(i + k + 1) % HOSTILE_NAMES.length]);
    const previous = model.tables.at(-1);
    model.tables.push(table({
      schema, name,
      columns: {
        id: { type: 'integer', notNull: true },
        ...Object.fromEntries(columns.map((c) => [c, { type: 'text' }])),
        [suffixed(name, ' mood')]: { type: '"a""b"."$$"' },
        [suffixed(name, ' ref')]: { type: 'integer' },
      },
      primaryKey: ['id'],
      uniques: [{ name: suffixed(name, ' key'), columns: [columns[0]] }],
      checks: [{ name: suffixed(name, ' check'), expression: `(${quoteIdent(columns[1])} <> '''; $$ --'::text)` }],
      foreignKeys: previous ? [{ name: suffixed(name, ' fkey'), columns: [suffixed(name, ' ref')], references: `${previous.schema}.${previous.name}` }] : [],
      indexes: [{ name: suffixed(name, ' idx'), items: [columns[2], { expression: `lower(${quoteIdent(columns[3])})` }] }],
    }));
  });
  return withDerivedIds(model);
}

/** Every name of the kinds the test covers, qualified by its owner, sorted. */
function namesOf(model: Model): string[] {
  const out = [...model.schemas.map((s) => `schema ${s.name}`), ...model.enums.flatMap((e) => [`enum ${e.schema}.${e.name}`, ...e.values.map((v) => `label ${e.name}.${v}`)])];
  for (const t of withEffectiveNames(model).tables) {
    out.push(`table ${t.schema}.${t.name}`, ...t.columns.map((c) => `column ${t.name}.${c.name}`));
    out.push(...[t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys, ...t.indexes].map((o) => `constraint ${t.name}.${o!.name}`));
  }
  return out.sort();
}

describe('hostile names round-trip exactly through PostgreSQL 15', () => {
  const { client } = useThrowawayDatabase('hostile_names');

  it('schemas, enums and labels, tables, columns, constraints and indexes come back byte for byte; planning again is empty', async () => {
    const model = hostileModel();
    const parsed = parseDocument(makeDocument(model));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    await client.exec(generatePostgres(model));
    const live = await introspect(client);
    const [expected, actual] = [namesOf(model), namesOf(live)];
    expect(actual).toEqual(expected);
    // What PostgreSQL stores is UTF-8: compare the bytes too, not only the JavaScript strings.
    expect(Buffer.from(actual.join('\n')).equals(Buffer.from(expected.join('\n')))).toBe(true);
    expect(expected.filter((n) => n.includes('€'.repeat(21)))).not.toEqual([]);
    const again = planBetween(matchToBaseline(live, model), model);
    expect(again.steps.map((step) => step.sql)).toEqual([]);
  }, 120_000);
});
