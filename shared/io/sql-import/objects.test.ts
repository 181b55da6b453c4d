import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../model/document.ts';
import { loadSqlParser } from '../parser.ts';
import { column, model, run, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

type Case = [title: string, sql: string, pick: (m: Model) => unknown, expected: unknown];

const typeCases: Case[] = [
  ['CREATE SCHEMA', 'CREATE SCHEMA app;', (m) => m.schemas.map((s) => s.id), ['schema:public', 'schema:app']],
  ['CREATE SCHEMA AUTHORIZATION names the schema after the role', 'CREATE SCHEMA AUTHORIZATION bob;', (m) => m.schemas.map((s) => s.name), ['public', 'bob']],
  ['CREATE EXTENSION with schema and version', "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public VERSION '1.6';", (m) => m.extensions,
    [{ id: 'ext:pg_trgm', name: 'pg_trgm', schema: 'public', version: '1.6' }]],
  ['CREATE EXTENSION plpgsql is skipped', 'CREATE EXTENSION plpgsql;', (m) => m.extensions, []],
  ['enum', "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');", (m) => m.enums, [{ id: 'enum:public.mood', schema: 'public', name: 'mood', values: ['sad', 'ok', 'happy'] }]],
  // Found by server/import-fuzz.test.ts: labels the model cannot hold made a model parseDocument refused.
  ['an enum with a label over 63 bytes (PostgreSQL refuses it) or an empty one is skipped',
    `CREATE TYPE long AS ENUM ('a', '${'€'.repeat(22)}'); CREATE TYPE empty AS ENUM (''); CREATE TYPE fine AS ENUM ('${'€'.repeat(21)}');`,
    (m) => [m.enums.map((e) => e.name), run(`CREATE TYPE long AS ENUM ('a', '${'€'.repeat(22)}');`).report.skipped.map((s) => s.reason)],
    [['fine'], ['enum long: label \'€€€€€€€€€€€€€€€€€€€€…\' is 66 bytes; PostgreSQL allows 63']]],
  // Found by server/import-fuzz.test.ts: a duplicated statement gave two objects one id.
  ['an enum or domain created twice keeps the first (PostgreSQL refuses the second)',
    "CREATE TYPE e AS ENUM ('a'); CREATE TYPE e AS ENUM ('b'); CREATE DOMAIN d AS int; CREATE DOMAIN d AS text;",
    (m) => [m.enums.map((e) => e.values), m.domains.map((d) => d.type.name)], [[['a']], ['integer']]],
  ['ALTER TYPE … ADD or RENAME VALUE to a label the model cannot hold is skipped',
    `CREATE TYPE e AS ENUM ('a'); ALTER TYPE e ADD VALUE '${'x'.repeat(64)}'; ALTER TYPE e RENAME VALUE 'a' TO '';`, (m) => m.enums[0].values, ['a']],
  ['domain with default, NOT NULL, collation and checks', "CREATE DOMAIN public.code AS varchar(5) COLLATE \"C\" DEFAULT 'x' NOT NULL CHECK (VALUE <> '') CONSTRAINT upper_only CHECK (VALUE = upper(VALUE));",
    (m) => m.domains, [{
      id: 'domain:public.code', schema: 'public', name: 'code', type: { name: 'character varying', args: [5] }, notNull: true, default: "'x'", collation: 'C',
      checks: [{ id: 'dck:public.code.code_check', expression: "VALUE <> ''" }, { id: 'dck:public.code.upper_only', name: 'upper_only', expression: 'VALUE = upper(VALUE)' }],
    }]],
  ['a domain used as a column type carries its schema', 'CREATE DOMAIN "Name" AS varchar(50); CREATE TABLE t (n "Name");', (m) => column(m, 't', 'n').type, { name: 'Name', schema: 'public' }],
  ['composite type kept as text and usable as a column type', 'CREATE TYPE pair AS (a int, b int); CREATE TABLE t (p pair);',
    (m) => [m.rawObjects.map((r) => [r.kind, r.name]), column(m, 't', 'p').type], [[['type', 'pair']], { name: 'pair', schema: 'public' }]],
];

const sequenceCases: Case[] = [
  ['CREATE SEQUENCE with options', 'CREATE SEQUENCE s AS integer START WITH 5 INCREMENT BY 2 MINVALUE -10 MAXVALUE 1000 CACHE 3 CYCLE;',
    (m) => m.sequences, [{ id: 'seq:public.s', schema: 'public', name: 's', dataType: 'integer', start: '5', increment: '2', minValue: '-10', maxValue: '1000', cache: '3', cycle: true }]],
  ["options equal to PostgreSQL's defaults are left out, as introspection leaves them out", 'CREATE SEQUENCE s AS bigint START WITH 1 INCREMENT BY 1 NO MINVALUE MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;',
    (m) => m.sequences, [{ id: 'seq:public.s', schema: 'public', name: 's' }]],
  ['a descending sequence starts at its maximum', 'CREATE SEQUENCE s AS smallint INCREMENT BY -1 MAXVALUE -1 START WITH -1;',
    (m) => m.sequences, [{ id: 'seq:public.s', schema: 'public', name: 's', dataType: 'smallint', increment: '-1' }]],
  ['ALTER SEQUENCE … OWNED BY', 'CREATE TABLE t (id int); CREATE SEQUENCE s; ALTER SEQUENCE s OWNED BY t.id;',
    (m) => m.sequences[0].ownedBy, { tableId: 'table:public.t', columnId: 'col:public.t.id' }],
  ['ALTER SEQUENCE options', 'CREATE SEQUENCE s; ALTER SEQUENCE s INCREMENT BY 10 NO MAXVALUE;', (m) => m.sequences[0].increment, '10'],
  // Found by server/import-fuzz.test.ts: BigInt('1e308') threw a plain SyntaxError out of the import.
  ['an option that is no bigint (PostgreSQL refuses it) is ignored', 'CREATE SEQUENCE s START 1e308 INCREMENT 1.5 MAXVALUE 99999999999999999999 CACHE 2;',
    (m) => m.sequences, [{ id: 'seq:public.s', schema: 'public', name: 's', cache: '2' }]],
  ['ALTER SEQUENCE with an option that is no bigint keeps the others', 'CREATE SEQUENCE s START 5; ALTER SEQUENCE s MINVALUE -1e3 INCREMENT 3;',
    (m) => m.sequences, [{ id: 'seq:public.s', schema: 'public', name: 's', start: '5', increment: '3' }]],
];

const indexCases: Case[] = [
  ['plain index with default name', 'CREATE TABLE t (a int, b int); CREATE INDEX ON t (a, b);', (m) => table(m, 't').indexes,
    [{ id: 'idx:public.t_a_b_idx', unique: false, items: [{ column: 'col:public.t.a' }, { column: 'col:public.t.b' }] }]],
  ['unique, method, order, nulls, opclass, collation', 'CREATE TABLE t (a text, b int); CREATE UNIQUE INDEX ix ON t USING btree (a COLLATE "C" text_pattern_ops DESC NULLS LAST, b ASC NULLS FIRST);',
    (m) => table(m, 't').indexes[0], { id: 'idx:public.ix', name: 'ix', unique: true, items: [
      { column: 'col:public.t.a', order: 'desc', nulls: 'last', opclass: 'text_pattern_ops', collation: 'C' },
      { column: 'col:public.t.b', order: 'asc', nulls: 'first' }] }],
  ['expression index named after the function', 'CREATE TABLE t (name text); CREATE INDEX ON t USING gin (lower(name) gin_trgm_ops);',
    (m) => table(m, 't').indexes[0], { id: 'idx:public.t_lower_idx', unique: false, method: 'gin', items: [{ expression: 'lower(name)', opclass: 'gin_trgm_ops' }] }],
  ['INCLUDE, WHERE and WITH', 'CREATE TABLE t (a int, b int, d timestamptz); CREATE INDEX ix ON t (a) INCLUDE (b) WITH (fillfactor = 80) WHERE d IS NULL;',
    (m) => { const x = table(m, 't').indexes[0]; return [x.include, x.where, x.with]; }, [['col:public.t.b'], 'd IS NULL', { fillfactor: '80' }]],
  ['index on a materialized view goes to the view', 'CREATE TABLE t (a int); CREATE MATERIALIZED VIEW mv AS SELECT a FROM t; CREATE UNIQUE INDEX ON mv (a);',
    (m) => m.views[0].indexes, [{ id: 'idx:public.mv_a_idx', unique: true, items: [{ expression: 'a' }] }]],
];

const viewCases: Case[] = [
  ['view definition deparsed, dependsOn from the query', 'CREATE TABLE a (id int, x int); CREATE TABLE b (id int); CREATE VIEW v AS SELECT a.x, count(*) AS n FROM a JOIN b USING (id) GROUP BY a.x;',
    (m) => [m.views[0].definition, m.views[0].dependsOn], ['SELECT a.x, count(*) AS n FROM public.a JOIN public.b USING (id) GROUP BY a.x', ['table:public.a', 'table:public.b']]],
  ['names resolve on the search_path and are qualified; CTEs are not', 'CREATE SCHEMA s; SET search_path = s; CREATE TABLE t (id int); CREATE VIEW v AS WITH w AS (SELECT id FROM t) SELECT id FROM w;',
    (m) => m.views[0].definition, 'WITH w AS (SELECT id FROM s.t) SELECT id FROM w'],
  ['names the model defines are schema-qualified, as pg_dump writes them', 'CREATE TABLE t (id int); CREATE VIEW v AS SELECT t.id FROM t;', (m) => m.views[0].definition, 'SELECT t.id FROM public.t'],
  ['column aliases fold into the query', 'CREATE TABLE t (a int, b int); CREATE VIEW v (x, y) AS SELECT a, b FROM t;', (m) => m.views[0].definition, 'SELECT a AS x, b AS y FROM public.t'],
  ['WITH CHECK OPTION and options', 'CREATE TABLE t (a int); CREATE VIEW v WITH (security_barrier) AS SELECT a FROM t WITH LOCAL CHECK OPTION;',
    (m) => m.views[0].with, { security_barrier: 'true', check_option: 'local' }],
  ['CREATE OR REPLACE VIEW replaces', 'CREATE TABLE t (a int); CREATE VIEW v AS SELECT 1 AS a; CREATE OR REPLACE VIEW v AS SELECT a FROM t;',
    (m) => m.views.map((v) => v.definition), ['SELECT a FROM public.t']],
  ['materialized view', 'CREATE TABLE t (a int); CREATE MATERIALIZED VIEW mv AS SELECT a FROM t WITH NO DATA;', (m) => [m.views[0].materialized, m.views[0].id, m.views[0].withNoData], [true, 'view:public.mv', true]],
  ['CREATE TABLE AS is kept as text', 'CREATE TABLE t (a int); CREATE TABLE copy AS SELECT a FROM t;', (m) => m.rawObjects.map((r) => [r.kind, r.name]), [['other', 'copy']]],
];

const rawCases: Case[] = [
  ['function kept with its text and signature', 'CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;',
    (m) => m.rawObjects, [{ id: 'raw:function:public.add(a integer, b integer)', kind: 'function', schema: 'public', name: 'add', definition: 'CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;' }]],
  ['procedure', 'CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;', (m) => m.rawObjects[0].kind, 'procedure'],
  ['function under a search_path keeps it', 'CREATE SCHEMA s; SET search_path = s, public; CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
    (m) => [m.rawObjects[0].schema, m.rawObjects[0].definition], ['s', 'SET search_path = s, public;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nRESET search_path;']],
  ['a call to a model function outside public is qualified', 'CREATE SCHEMA s; SET search_path = s; CREATE FUNCTION ok(int) RETURNS bool LANGUAGE sql AS $$ SELECT true $$; CREATE TABLE t (a int CHECK (ok(a)));',
    (m) => table(m, 's.t').checks[0].expression, 's.ok(a)'],
  ['trigger belongs to its table', 'CREATE TABLE t (a int); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();',
    (m) => m.rawObjects.map((r) => [r.id, r.name, r.tableId]), [['raw:trigger:public.t.tr', 'tr', 'table:public.t']]],
  ['aggregate, collation, text search', "CREATE AGGREGATE agg(text) (SFUNC = textcat, STYPE = text); CREATE COLLATION c1 (provider = icu, locale = 'und'); CREATE TEXT SEARCH CONFIGURATION ts (COPY = simple); ALTER TEXT SEARCH CONFIGURATION ts ALTER MAPPING FOR word WITH simple;",
    (m) => m.rawObjects.map((r) => [r.id, r.name, r.definition.split('\n').length]), [['raw:aggregate:public.agg(text)', 'agg', 1], ['raw:collation:public.c1', 'c1', 1], ['raw:text-search:public.configuration.ts', 'ts', 2]]],
  ['policy and rule', 'CREATE TABLE t (a int); CREATE POLICY p ON t USING (a > 0); CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;',
    (m) => m.rawObjects.map((r) => [r.id, r.name, r.tableId]), [['raw:policy:public.t.p', 'p', 'table:public.t'], ['raw:rule:public.t.r', 'r', 'table:public.t']]],
  ['a DO block that creates functions counts as one', 'DO $$ BEGIN CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS \'SELECT 1\'; END $$; CREATE TABLE t (a int DEFAULT f());',
    (m) => [m.rawObjects.map((r) => r.kind), column(m, 't', 'a').default], [['function'], 'public.f()']],
];

const commentCases: Case[] = [
  ['on schema, table, column, view column', "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; COMMENT ON SCHEMA public IS 's'; COMMENT ON TABLE t IS 'tt'; COMMENT ON COLUMN t.a IS 'ca'; COMMENT ON COLUMN v.a IS 'va';",
    (m) => [m.schemas[0].comment, table(m, 't').comment, column(m, 't', 'a').comment, m.views[0].columns], ['s', 'tt', 'ca', [{ name: 'a', comment: 'va' }]]],
  ['on constraints by given and default name', "CREATE TABLE t (a int PRIMARY KEY CHECK (a > 0)); COMMENT ON CONSTRAINT t_pkey ON t IS 'pk'; COMMENT ON CONSTRAINT t_a_check ON t IS 'ck';",
    (m) => [table(m, 't').primaryKey?.comment, table(m, 't').checks[0].comment], ['pk', 'ck']],
  ['on index, sequence, type, domain, extension', "CREATE EXTENSION hstore; CREATE TABLE t (a int); CREATE INDEX ix ON t (a); CREATE SEQUENCE s; CREATE TYPE e AS ENUM ('x'); CREATE DOMAIN d AS int; COMMENT ON INDEX ix IS 'i'; COMMENT ON SEQUENCE s IS 'q'; COMMENT ON TYPE e IS 'e'; COMMENT ON DOMAIN d IS 'd'; COMMENT ON EXTENSION hstore IS 'h';",
    (m) => [table(m, 't').indexes[0].comment, m.sequences[0].comment, m.enums[0].comment, m.domains[0].comment, m.extensions[0].comment], ['i', 'q', 'e', 'd', 'h']],
  ['on a function is appended to its text', "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1'; COMMENT ON FUNCTION f(integer) IS 'doc';",
    (m) => m.rawObjects[0].definition.split('\n')[1], "COMMENT ON FUNCTION f(integer) IS 'doc';"],
  ['IS NULL removes a comment', "CREATE TABLE t (a int); COMMENT ON TABLE t IS 'x'; COMMENT ON TABLE t IS NULL;", (m) => table(m, 't').comment, undefined],
];

describe.each([
  ['types', typeCases], ['sequences', sequenceCases], ['indexes', indexCases], ['views', viewCases], ['raw objects', rawCases], ['comments', commentCases],
])('import of %s', (_group, cases) => {
  it.each(cases)('%s', (_title, sql, pick, expected) => {
    expect(pick(model(sql))).toEqual(expected);
  });
});
