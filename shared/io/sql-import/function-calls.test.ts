/** How an unqualified function call in an expression is printed: PostgreSQL searches pg_catalog first. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../parser.ts';
import { PG_CATALOG_FUNCTION_NAMES } from '../postgres-catalog-functions/names.ts';
import { model, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

const LOWER_ARRAY = 'CREATE FUNCTION public.lower(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;';
const APP_LOWER = 'CREATE SCHEMA app; CREATE FUNCTION app.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;';

const cases: Array<[title: string, sql: string, expected: string]> = [
  ['a catalog name stays unqualified though the model defines an overload',
    `${LOWER_ARRAY} CREATE TABLE u (name text); CREATE UNIQUE INDEX u_lower ON u (lower(name));`, 'lower(name)'],
  ['a name only the model defines is qualified',
    'CREATE FUNCTION public.norm(text) RETURNS text LANGUAGE sql AS $$ SELECT $1 $$; CREATE TABLE u (name text); CREATE INDEX ON u (norm(name));', 'public.norm(name)'],
  ['pg_catalog first by default, even with the user schema on the path',
    `${APP_LOWER} SET search_path = app, public; CREATE TABLE u (name text); CREATE INDEX ON u (lower(name));`, 'lower(name)'],
  ['a path that names pg_catalog after a user schema searches that schema first',
    `${APP_LOWER} SET search_path = app, pg_catalog; CREATE TABLE u (name text); CREATE INDEX ON u (lower(name));`, 'app.lower(name)'],
  ['a path that names pg_catalog before the user schema keeps the catalog function',
    `${APP_LOWER} SET search_path = pg_catalog, app; CREATE TABLE u (name text); CREATE INDEX ON u (lower(name));`, 'lower(name)'],
];

describe('unqualified function calls in expressions', () => {
  it.each(cases)('%s', (_title, sql, expected) => {
    const [index] = model(sql).tables.flatMap((t) => t.indexes);
    expect(index.items[0].expression).toBe(expected);
  });

  it('a CHECK calling a catalog name reads as PostgreSQL prints it', () => {
    const m = model(`${LOWER_ARRAY} CREATE TABLE u (name text CHECK (lower(name) <> ''));`);
    expect(table(m, 'u').checks[0].expression).toBe("lower(name) <> ''");
  });

  it('the generated list holds catalog functions, aggregates and procedures of PostgreSQL 15 and 18', () => {
    expect(['lower', 'now', 'count', 'regexp_replace', 'gen_random_uuid', 'uuidv7'].filter((n) => !PG_CATALOG_FUNCTION_NAMES.has(n))).toEqual([]);
    expect(PG_CATALOG_FUNCTION_NAMES.has('norm')).toBe(false);
  });
});
