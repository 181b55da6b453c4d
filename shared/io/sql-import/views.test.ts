import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../parser.ts';
import { run } from './test-kit.ts';

beforeAll(() => loadSqlParser());

const T = 'CREATE TABLE t (id int, c text);\n';

describe('CREATE MATERIALIZED VIEW … WITH NO DATA, and REFRESH', () => {
  const MV = `${T}CREATE MATERIALIZED VIEW mv AS SELECT id FROM t`;
  it.each([
    ['WITH NO DATA is kept', `${MV} WITH NO DATA;`, true, []],
    ['WITH DATA is populated (no field)', `${MV} WITH DATA;`, undefined, []],
    ['neither is populated', `${MV};`, undefined, []],
    ['a full pg_dump: created WITH NO DATA, refreshed in the data section', `${MV} WITH NO DATA;\nREFRESH MATERIALIZED VIEW public.mv;`, undefined, []],
    ['refreshed CONCURRENTLY', `${MV};\nREFRESH MATERIALIZED VIEW CONCURRENTLY mv;`, undefined, []],
    ['emptied by REFRESH … WITH NO DATA', `${MV};\nREFRESH MATERIALIZED VIEW mv WITH NO DATA;`, true, []],
    ['kept across a rename and SET SCHEMA', `${MV} WITH NO DATA;\nCREATE SCHEMA s;\nALTER MATERIALIZED VIEW mv RENAME TO mv2;\nALTER MATERIALIZED VIEW mv2 SET SCHEMA s;`, true, []],
    ['REFRESH of a view the script does not create', `${MV} WITH NO DATA;\nREFRESH MATERIALIZED VIEW other;`, true,
      [{ line: 3, message: 'REFRESH MATERIALIZED VIEW other: no such view in the script; PostgreSQL refuses it, ignored' }]],
    ['REFRESH of a plain view', `${MV} WITH NO DATA;\nCREATE VIEW v AS SELECT 1 AS one;\nREFRESH MATERIALIZED VIEW v;`, true,
      [{ line: 4, message: 'REFRESH MATERIALIZED VIEW v: a plain view; PostgreSQL refuses it, ignored' }]],
  ])('%s', (_title, sql, withNoData, warnings) => {
    const { model, report } = run(sql);
    const mv = model.views.find((v) => v.materialized)!;
    expect([mv.withNoData, 'withNoData' in mv]).toEqual([withNoData, withNoData !== undefined]);
    expect(report.warnings).toEqual(warnings);
    expect(report.skipped.filter((s) => s.statement.startsWith('REFRESH'))).toEqual([]);
  });
});

describe('a pg_dump file: WITH NO DATA is how it writes every materialized view', () => {
  const DUMP = `--\n-- PostgreSQL database dump\n--\n\n${T}CREATE MATERIALIZED VIEW mv AS SELECT id FROM t WITH NO DATA;\n`;
  it.each([
    ['schema only: created WITH NO DATA as the dump says, the population unspecified', DUMP, [true, true]],
    ['with data: REFRESH says populated', `${DUMP}REFRESH MATERIALIZED VIEW public.mv;\n`, [undefined, undefined]],
    ['REFRESH … WITH NO DATA says empty', `${DUMP}REFRESH MATERIALIZED VIEW public.mv WITH NO DATA;\n`, [true, undefined]],
    ['a pg_dumpall file too', DUMP.replace('database dump', 'database cluster dump'), [true, true]],
    ['the header elsewhere than a first line is still read', `-- my notes\n${DUMP}`, [true, true]],
    ['without the header, WITH NO DATA is what the file asks', DUMP.replace('PostgreSQL database dump', 'my schema'), [true, undefined]],
  ])('%s', (_title, sql, expected) => {
    const mv = run(sql).model.views[0];
    expect([mv.withNoData, mv.populationUnspecified]).toEqual(expected);
  });
});

describe('CREATE OR REPLACE VIEW keeps what PostgreSQL keeps', () => {
  it.each([
    ['column comments, with a column added', `${T}CREATE VIEW v AS SELECT id, c FROM t;\nCOMMENT ON COLUMN v.c IS 'view col';\nCREATE OR REPLACE VIEW v AS SELECT id, c, 1 AS x FROM t;`,
      [undefined, [{ name: 'c', comment: 'view col' }]]],
    ["the view's own comment", `${T}CREATE VIEW v AS SELECT id FROM t;\nCOMMENT ON VIEW v IS 'ids';\nCREATE OR REPLACE VIEW v AS SELECT id, c FROM t;`,
      ['ids', undefined]],
  ])('%s', (_title, sql, expected) => {
    const { model } = run(sql);
    expect(model.views.map((v) => [v.comment, v.columns])).toEqual([expected]);
  });
});

const V = `${T}CREATE VIEW v AS SELECT id, c FROM t;\n`;
const viewNamed = (sql: string, name: string) => run(sql).model.views.find((v) => v.name === name);

describe('ALTER VIEW … ALTER COLUMN … SET / DROP DEFAULT sets the default of the view column', () => {
  it.each([
    ['SET DEFAULT', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';`, 'v', [{ name: 'c', default: "'x'" }]],
    ['written as ALTER TABLE, two columns', `${V}ALTER TABLE v ALTER COLUMN c SET DEFAULT 'x', ALTER COLUMN id SET DEFAULT 1 + 1;`,
      'v', [{ name: 'c', default: "'x'" }, { name: 'id', default: '1 + 1' }]],
    ['beside a column comment, changed', `${V}COMMENT ON COLUMN v.c IS 'note';\nALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nALTER VIEW v ALTER COLUMN c SET DEFAULT 'y';`,
      'v', [{ name: 'c', comment: 'note', default: "'y'" }]],
    ['DROP DEFAULT takes it away (the comment stays)', `${V}COMMENT ON COLUMN v.c IS 'note';\nALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nALTER VIEW v ALTER COLUMN c DROP DEFAULT;`,
      'v', [{ name: 'c', comment: 'note' }]],
    ['DROP DEFAULT of a column never listed lists nothing', `${V}ALTER VIEW v ALTER COLUMN c DROP DEFAULT;`, 'v', undefined],
    ['the view renamed afterwards', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nALTER VIEW v RENAME TO w;`, 'w', [{ name: 'c', default: "'x'" }]],
    ['the view moved to another schema afterwards', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nCREATE SCHEMA s;\nALTER VIEW v SET SCHEMA s;`,
      'v', [{ name: 'c', default: "'x'" }]],
    ['the view replaced afterwards (PostgreSQL keeps the default)', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nCREATE OR REPLACE VIEW v AS SELECT id, c, 2 AS y FROM t;`,
      'v', [{ name: 'c', default: "'x'" }]],
  ])('%s', (_title, sql, name, expected) => {
    expect(viewNamed(sql, name)?.columns).toEqual(expected);
  });

  it('is neither a warning nor an object carried as SQL; dropping the view takes it along', () => {
    const { model, report } = run(`${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';`);
    expect([report.warnings, report.skipped, model.rawObjects]).toEqual([[], [], []]);
    expect(run(`${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nDROP VIEW v;`).model).toMatchObject({ views: [], rawObjects: [] });
  });

  it('on a materialized view says PostgreSQL refuses it, and keeps nothing', () => {
    const { model, report } = run(`${T}CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\nALTER TABLE mv ALTER COLUMN id SET DEFAULT 1;`);
    expect(report.warnings)
      .toEqual([{ line: 3, message: 'ALTER VIEW mv ALTER COLUMN id: mv is a materialized view, whose columns take no default (PostgreSQL refuses the statement); not imported' }]);
    expect([model.views[0].columns, model.rawObjects]).toEqual([undefined, []]);
  });
});

describe('ALTER VIEW … SET / RESET options', () => {
  it.each([
    ['SET merges', `${V}ALTER VIEW v SET (security_barrier = true, check_option = local);`, { security_barrier: 'true', check_option: 'local' }],
    ['RESET takes out', `${T}CREATE VIEW v WITH (security_barrier) AS SELECT id FROM t WITH LOCAL CHECK OPTION;\nALTER VIEW v RESET (check_option);`, { security_barrier: 'true' }],
    ['RESET of the last one leaves none', `${V}ALTER VIEW v SET (security_barrier = true);\nALTER VIEW v RESET (security_barrier);`, undefined],
  ])('%s', (_title, sql, expected) => {
    const { model, report } = run(sql);
    expect(model.views[0].with).toEqual(expected);
    expect(report.warnings).toEqual([]);
  });
});
