import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../model/document.ts';
import { loadSqlParser } from '../parser.ts';
import { column, columnNames, model, run, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

type Case = [title: string, sql: string, pick: (m: Model) => unknown, expected: unknown];

const T = 'CREATE TABLE t (id int, a int, b text);';

const alterCases: Case[] = [
  ['ADD COLUMN', `${T} ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 1;`, (m) => [column(m, 't', 'c').notNull, column(m, 't', 'c').default], [true, '1']],
  ['ADD COLUMN IF NOT EXISTS an existing column', `${T} ALTER TABLE t ADD COLUMN IF NOT EXISTS a text;`, (m) => column(m, 't', 'a').type, { name: 'integer' }],
  ['DROP COLUMN drops its index and key', `${T} CREATE INDEX ON t (a); ALTER TABLE t ADD UNIQUE (a); ALTER TABLE t DROP COLUMN a;`,
    (m) => [table(m, 't').columns.map((c) => c.name), table(m, 't').indexes, table(m, 't').uniques], [['id', 'b'], [], []]],
  ['ALTER COLUMN TYPE', `${T} ALTER TABLE t ALTER COLUMN b TYPE varchar(10) USING b::varchar;`, (m) => column(m, 't', 'b').type, { name: 'character varying', args: [10] }],
  ['SET DEFAULT with a cast, then DROP DEFAULT', `${T} ALTER TABLE t ALTER COLUMN b SET DEFAULT 'x'::text; ALTER TABLE t ALTER COLUMN a SET DEFAULT 1; ALTER TABLE t ALTER COLUMN a DROP DEFAULT;`,
    (m) => [column(m, 't', 'b').default, column(m, 't', 'a').default], ["'x'::text", undefined]],
  ['SET / DROP NOT NULL', `${T} ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL; ALTER TABLE t ALTER b DROP NOT NULL;`,
    (m) => [column(m, 't', 'a').notNull, column(m, 't', 'b').notNull], [true, false]],
  ['ADD CONSTRAINT PRIMARY KEY (ONLY, pg_dump style)', `${T} ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);`,
    (m) => [table(m, 't').primaryKey?.name, columnNames(m, 't', table(m, 't').primaryKey?.columns)], ['t_pkey', ['id']]],
  ['ADD CONSTRAINT FOREIGN KEY NOT VALID, then VALIDATE', `${T} CREATE TABLE p (id int PRIMARY KEY); ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT f;`,
    (m) => [table(m, 't').foreignKeys[0].name, table(m, 't').foreignKeys[0].notValid], ['f', undefined]],
  ['ADD CHECK NOT VALID', `${T} ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;`, (m) => table(m, 't').checks[0], { id: 'ck:public.t.c', name: 'c', expression: 'a > 0', notValid: true }],
  ['ADD PRIMARY KEY USING INDEX', `${T} CREATE UNIQUE INDEX t_id ON t (id); ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_id;`,
    (m) => [table(m, 't').primaryKey?.name, table(m, 't').indexes], ['t_pk', []]],
  ['DROP CONSTRAINT', `${T} ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0); ALTER TABLE t DROP CONSTRAINT c;`, (m) => table(m, 't').checks, []],
  ['ADD GENERATED … AS IDENTITY', `${T} ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.t_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1);`,
    (m) => column(m, 't', 'id').identity, { kind: 'always' }],
  ['DROP IDENTITY', 'CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY); ALTER TABLE t ALTER COLUMN id DROP IDENTITY;', (m) => column(m, 't', 'id').identity, undefined],
  ['ATTACH PARTITION', "CREATE TABLE p (d date) PARTITION BY RANGE (d); CREATE TABLE p1 (d date); ALTER TABLE ONLY p ATTACH PARTITION p1 FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');",
    (m) => table(m, 'p1').partitionOf, { parentId: 'table:public.p', bound: "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')" }],
  ['ENABLE / FORCE ROW LEVEL SECURITY kept as one statement per table', `${T} ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY;`,
    (m) => m.rawObjects, [{ id: 'raw:other:public.t.row-level-security', kind: 'other', schema: 'public', name: 't row level security', tableId: 'table:public.t',
      definition: 'ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;\nALTER TABLE public.t FORCE ROW LEVEL SECURITY;' }]],
  ["a partition's index attached to its parent's keeps its own name", "CREATE TABLE p (a int) PARTITION BY LIST (a); CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1); CREATE INDEX pa ON ONLY p (a); CREATE INDEX p1a ON p1 (a); ALTER INDEX pa ATTACH PARTITION p1a;",
    (m) => [table(m, 'p').indexes.map((x) => x.name), table(m, 'p1').indexes.map((x) => x.name)], [['pa'], ['p1a']]],
  ['SET (an option given as an unquoted word)', `${T} ALTER TABLE t SET (autovacuum_enabled = off, fillfactor = 60);`, (m) => table(m, 't').with, { autovacuum_enabled: 'off', fillfactor: '60' }],
  ['SET (storage options), SET UNLOGGED, INHERIT', `${T} CREATE TABLE base (id int); ALTER TABLE t SET (fillfactor = 50); ALTER TABLE t SET UNLOGGED; ALTER TABLE t INHERIT base;`,
    (m) => [table(m, 't').with, table(m, 't').unlogged, table(m, 't').inherits], [{ fillfactor: '50' }, true, ['table:public.base']]],
];

const dropCases: Case[] = [
  ['DROP TABLE takes its owned sequences and the FKs to it', 'CREATE TABLE p (id serial PRIMARY KEY); CREATE TABLE c (p_id int REFERENCES p); DROP TABLE p CASCADE;',
    (m) => [m.tables.map((t) => t.name), m.sequences, table(m, 'c').foreignKeys], [['c'], [], []]],
  ['DROP VIEW, INDEX, SEQUENCE, TYPE, SCHEMA, EXTENSION', "CREATE SCHEMA s; CREATE EXTENSION hstore; CREATE TABLE t (a int); CREATE INDEX ix ON t (a); CREATE VIEW v AS SELECT 1 AS x; CREATE SEQUENCE q; CREATE TYPE e AS ENUM ('x'); DROP VIEW v; DROP INDEX ix; DROP SEQUENCE q; DROP TYPE e; DROP SCHEMA s; DROP EXTENSION hstore;",
    (m) => [m.views, table(m, 't').indexes, m.sequences, m.enums, m.schemas.map((s) => s.name), m.extensions], [[], [], [], [], ['public'], []]],
  ['DROP FUNCTION by signature', 'CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; CREATE FUNCTION f(text) RETURNS int LANGUAGE sql AS $$ SELECT 2 $$; DROP FUNCTION f(integer);',
    (m) => m.rawObjects.map((r) => r.id), ['raw:function:public.f(text)']],
];

const renameCases: Case[] = [
  ['RENAME table: new ids everywhere, PostgreSQL-chosen names pinned', 'CREATE TABLE a (id serial PRIMARY KEY, x int UNIQUE); CREATE TABLE b (a_id int REFERENCES a); ALTER TABLE a RENAME TO z;',
    (m) => [table(m, 'z').id, table(m, 'z').columns.map((c) => c.id), table(m, 'z').primaryKey, table(m, 'z').uniques[0].name, table(m, 'b').foreignKeys[0].refTableId, m.sequences[0].ownedBy],
    ['table:public.z', ['col:public.z.id', 'col:public.z.x'], { id: 'pk:public.z', name: 'a_pkey', columns: ['col:public.z.id'] }, 'a_x_key', 'table:public.z', { tableId: 'table:public.z', columnId: 'col:public.z.id' }]],
  ['RENAME COLUMN rewrites checks, indexes and views', 'CREATE TABLE t (a int CHECK (a > 0)); CREATE INDEX ON t ((a + 1)); CREATE VIEW v AS SELECT x.a FROM t x; ALTER TABLE t RENAME COLUMN a TO b;',
    (m) => [column(m, 't', 'b').id, table(m, 't').checks[0], table(m, 't').indexes[0].items, m.views[0].definition],
    ['col:public.t.b', { id: 'ck:public.t.t_a_check', name: 't_a_check', expression: 'b > 0' }, [{ expression: 'b + 1' }], 'SELECT x.b AS a FROM public.t AS x']],
  ['RENAME CONSTRAINT', 'CREATE TABLE t (a int CONSTRAINT c CHECK (a > 0)); ALTER TABLE t RENAME CONSTRAINT c TO d;', (m) => table(m, 't').checks[0].id, 'ck:public.t.d'],
  ['ALTER INDEX … RENAME', 'CREATE TABLE t (a int); CREATE INDEX ON t (a); ALTER INDEX t_a_idx RENAME TO by_a;', (m) => table(m, 't').indexes[0], { id: 'idx:public.by_a', name: 'by_a', unique: false, items: [{ column: 'col:public.t.a' }] }],
  ['ALTER VIEW … RENAME rewrites the views that read it', 'CREATE VIEW a AS SELECT 1 AS x; CREATE VIEW b AS SELECT x FROM a; ALTER VIEW a RENAME TO z;',
    (m) => m.views.map((v) => [v.id, v.definition, v.dependsOn]), [['view:public.z', 'SELECT 1 AS x', undefined], ['view:public.b', 'SELECT x FROM public.z', ['view:public.z']]]],
  ['ALTER SEQUENCE … RENAME rewrites nextval defaults', "CREATE SEQUENCE s; CREATE TABLE t (id int DEFAULT nextval('s')); ALTER SEQUENCE s RENAME TO q;",
    (m) => [m.sequences[0].id, column(m, 't', 'id').default], ['seq:public.q', "nextval('public.q'::regclass)"]],
  ['ALTER TYPE … ADD VALUE BEFORE / AFTER, RENAME VALUE', "CREATE TYPE e AS ENUM ('a', 'c'); ALTER TYPE e ADD VALUE 'b' BEFORE 'c'; ALTER TYPE e ADD VALUE 'd' AFTER 'c'; ALTER TYPE e RENAME VALUE 'a' TO 'A';",
    (m) => m.enums[0].values, ['A', 'b', 'c', 'd']],
  ['ALTER DOMAIN', "CREATE DOMAIN d AS int NOT NULL CONSTRAINT pos CHECK (VALUE > 0); ALTER DOMAIN d SET DEFAULT 1; ALTER DOMAIN d DROP NOT NULL; ALTER DOMAIN d DROP CONSTRAINT pos; ALTER DOMAIN d ADD CONSTRAINT small CHECK (VALUE < 10);",
    (m) => { const d = m.domains[0]; return [d.default, d.notNull, d.checks]; }, ['1', false, [{ id: 'dck:public.d.small', name: 'small', expression: 'VALUE < 10' }]]],
];

describe.each([['ALTER TABLE', alterCases], ['DROP', dropCases], ['RENAME and ALTER TYPE/DOMAIN', renameCases]])('import of %s', (_group, cases) => {
  it.each(cases)('%s', (_title, sql, pick, expected) => {
    expect(pick(model(sql))).toEqual(expected);
  });
});

describe('ADD COLUMN under a SELECT * view', () => {
  it('warns that the view would gain the column', () => {
    const { report } = run('CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT * FROM t;\nALTER TABLE t ADD COLUMN b int;');
    expect(report.warnings).toEqual([{ line: 3, message: 'view v selects * from t: PostgreSQL fixed its columns when it was created, so recreating it from the model adds column b' }]);
  });
});

describe('ALTER TABLE subcommands the model does not hold', () => {
  it.each([
    ['OWNER TO', 'ALTER TABLE t OWNER TO postgres;', 'ownership is not part of the model'],
    ['REPLICA IDENTITY', 'ALTER TABLE ONLY t REPLICA IDENTITY FULL;', 'replica identity is not part of the model'],
    ['CLUSTER ON', 'ALTER TABLE t CLUSTER ON ix;', 'clustering is not part of the model'],
    ['OWNER TO on a sequence, written as ALTER TABLE', 'CREATE SEQUENCE sq; ALTER TABLE sq OWNER TO postgres;', 'ownership is not part of the model'],
  ])('%s is skipped and reported at its line', (_title, sql, reason) => {
    const { report } = run(`CREATE TABLE t (a int);\nCREATE INDEX ix ON t (a);\n${sql}`);
    expect(report.skipped).toEqual([{ line: 3, statement: 'ALTER TABLE', reason }]);
    expect(report.warnings).toEqual([]);
  });
});

describe('identity changes and RESTART', () => {
  const ID = 'CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, n int);\n';
  it.each([
    ['SET GENERATED BY DEFAULT', `${ID}ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT;`, { kind: 'by-default' }],
    ['SET GENERATED ALWAYS', 'CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY);\nALTER TABLE t ALTER COLUMN id SET GENERATED ALWAYS;', { kind: 'always' }],
    ['SET GENERATED with a sequence option', `${ID}ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT SET INCREMENT BY 5;`, { kind: 'by-default', options: { increment: '5' } }],
  ])('%s', (_title, sql, identity) => {
    const { model: m, report } = run(sql);
    expect(column(m, 't', 'id').identity).toEqual(identity);
    expect(report).toEqual({ skipped: [], warnings: [] });
  });

  it.each([
    ['ALTER SEQUENCE … RESTART', 'CREATE SEQUENCE s INCREMENT BY 2;\nALTER SEQUENCE s INCREMENT BY 5 RESTART WITH 100;', 'ALTER SEQUENCE … RESTART', (m: Model) => m.sequences[0].increment, '5'],
    ['SET GENERATED … RESTART', `${ID}ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT RESTART WITH 50;`, 'ALTER TABLE', (m: Model) => column(m, 't', 'id').identity?.kind, 'by-default'],
  ])('%s is reported as skipped, the rest applied', (_title, sql, statement, pick, expected) => {
    const { model: m, report } = run(sql);
    expect(report.skipped).toEqual([{ line: 2, statement, reason: "RESTART sets the sequence's current value: data, not schema" }]);
    expect(pick(m)).toBe(expected);
  });

  it('SET GENERATED on a column that is not an identity warns', () => {
    expect(run(`${ID}ALTER TABLE t ALTER COLUMN n SET GENERATED ALWAYS;`).report.warnings)
      .toEqual([{ line: 2, message: 'ALTER TABLE t: column n is not an identity column (PostgreSQL refuses the statement); not imported' }]);
  });
});
