import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../model/document.ts';
import { loadSqlParser } from '../parser.ts';
import { column, model, run, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

type Case = [title: string, sql: string, pick: (m: Model) => unknown, expected: unknown];

const S = 'CREATE SCHEMA a;';

const cases: Case[] = [
  ['a table moves with its columns, keys, checks and indexes', `${S} CREATE TABLE t (id int PRIMARY KEY, x int UNIQUE CHECK (x > 0)); CREATE INDEX ON t (x); ALTER TABLE t SET SCHEMA a;`,
    (m) => { const t = table(m, 'a.t'); return [t.id, t.columns.map((c) => c.id), t.primaryKey?.id, t.uniques[0].id, t.checks[0].id, t.indexes[0].id]; },
    ['table:a.t', ['col:a.t.id', 'col:a.t.x'], 'pk:a.t', 'uq:a.t.t_x_key', 'ck:a.t.t_x_check', 'idx:a.t_x_idx']],
  ['later statements find it by its new name', `${S} CREATE TABLE t (id int); ALTER TABLE t SET SCHEMA a; ALTER TABLE a.t ADD CONSTRAINT t_pk PRIMARY KEY (id); COMMENT ON TABLE a.t IS 'moved';`,
    (m) => [table(m, 'a.t').primaryKey?.name, table(m, 'a.t').comment], ['t_pk', 'moved']],
  ['foreign keys to and from it follow', `${S} CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p_id int REFERENCES p); ALTER TABLE p SET SCHEMA a;`,
    (m) => [table(m, 'c').foreignKeys[0].refTableId, table(m, 'c').foreignKeys[0].refColumns], ['table:a.p', ['col:a.p.id']]],
  ['its owned sequence moves and the default follows', `${S} CREATE TABLE t (id serial); ALTER TABLE t SET SCHEMA a;`,
    (m) => [m.sequences.map((s) => s.id), column(m, 'a.t', 'id').default], [['seq:a.t_id_seq'], "nextval('a.t_id_seq'::regclass)"]],
  ['views that read it are reprinted', `${S} CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t; ALTER TABLE t SET SCHEMA a;`,
    (m) => [m.views[0].definition, m.views[0].dependsOn], ['SELECT id FROM a.t', ['table:a.t']]],
  ['its triggers move with it and name it', `${S} CREATE TABLE t (id int); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); ALTER TABLE t SET SCHEMA a;`,
    (m) => m.rawObjects.map((r) => [r.id, r.schema, r.tableId, r.definition]), [['raw:trigger:a.t.tr', 'a', 'table:a.t', 'CREATE TRIGGER tr BEFORE INSERT ON a.t FOR EACH ROW EXECUTE FUNCTION f ();']]],
  ['a materialized view moves with its indexes', `${S} CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one; CREATE UNIQUE INDEX mv_one ON mv (one); ALTER MATERIALIZED VIEW mv SET SCHEMA a;`,
    (m) => [m.views[0].id, m.views[0].indexes?.[0].id], ['view:a.mv', 'idx:a.mv_one']],
  ['a view, and the views that read it', `${S} CREATE VIEW v AS SELECT 1 AS one; CREATE VIEW w AS SELECT one FROM v; ALTER VIEW v SET SCHEMA a;`,
    (m) => m.views.map((v) => [v.id, v.definition, v.dependsOn]), [['view:a.v', 'SELECT 1 AS one', undefined], ['view:public.w', 'SELECT one FROM a.v', ['view:a.v']]]],
  ['a sequence, and the defaults that use it', `${S} CREATE SEQUENCE s; CREATE TABLE t (n bigint DEFAULT nextval('s')); ALTER SEQUENCE s SET SCHEMA a;`,
    (m) => [m.sequences[0].id, column(m, 't', 'n').default], ['seq:a.s', "nextval('a.s'::regclass)"]],
  ['ALTER TABLE moves a view too, as PostgreSQL allows', `${S} CREATE VIEW v AS SELECT 1 AS one; ALTER TABLE v SET SCHEMA a;`, (m) => m.views[0].id, 'view:a.v'],
];

describe('import of ALTER … SET SCHEMA', () => {
  it.each(cases)('%s', (_title, sql, pick, expected) => {
    expect(pick(model(sql))).toEqual(expected);
  });

  it.each([
    ['a schema that does not exist', 'CREATE TABLE t (id int);\nALTER TABLE t SET SCHEMA nowhere;', { warnings: [{ line: 2, message: 'ALTER … SET SCHEMA: schema nowhere does not exist (PostgreSQL refuses the statement); t is not moved' }], skipped: [] }],
    ['a table the model does not hold', `${S}\nALTER TABLE t SET SCHEMA a;`, { warnings: [{ line: 2, message: 'ALTER … SET SCHEMA: t is not in the model (PostgreSQL refuses the statement); it is left out' }], skipped: [] }],
    ['IF EXISTS on a table the model does not hold', `${S}\nALTER TABLE IF EXISTS t SET SCHEMA a;`, { warnings: [], skipped: [{ line: 2, statement: 'ALTER … SET SCHEMA', reason: 't is not in the model' }] }],
  ])('reports %s and changes nothing', (_title, sql, report) => {
    const result = run(sql);
    expect(result.report).toEqual(report);
    expect(result.model.tables.map((t) => t.id)).toEqual(sql.includes('CREATE TABLE') ? ['table:public.t'] : []);
  });
});
