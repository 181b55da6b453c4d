import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from './parser.ts';
import { run } from './sql-import-test-kit.ts';

beforeAll(() => loadSqlParser());

const T = 'CREATE TABLE t (id int, c text);\n';

describe('CREATE MATERIALIZED VIEW … WITH NO DATA', () => {
  it.each([
    ['WITH NO DATA warns: the model cannot keep it', `${T}CREATE MATERIALIZED VIEW mv AS SELECT id FROM t WITH NO DATA;`,
      [{ line: 2, message: 'materialized view mv: WITH NO DATA is not kept (the model has no place for it), so the generated DDL creates it populated' }]],
    ['WITH DATA is what the model means', `${T}CREATE MATERIALIZED VIEW mv AS SELECT id FROM t WITH DATA;`, []],
  ])('%s', (_title, sql, warnings) => {
    const { model, report } = run(sql);
    expect(model.views.map((v) => [v.name, v.materialized])).toEqual([['mv', true]]);
    expect(report.warnings).toEqual(warnings);
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
const carried = (view: string, ...lines: string[]) => [{
  id: `raw:other:public.${view}.column-defaults`, kind: 'other', schema: 'public', name: `${view} column defaults`, definition: lines.join('\n'),
}];

describe('ALTER VIEW … ALTER COLUMN … SET DEFAULT is carried as SQL under the final names', () => {
  it.each([
    ['SET DEFAULT', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';`, carried('v', "ALTER VIEW public.v ALTER COLUMN c SET DEFAULT 'x';")],
    ['written as ALTER TABLE, two columns', `${V}ALTER TABLE v ALTER COLUMN c SET DEFAULT 'x', ALTER COLUMN id SET DEFAULT 1 + 1;`,
      carried('v', "ALTER VIEW public.v ALTER COLUMN c SET DEFAULT 'x';", 'ALTER VIEW public.v ALTER COLUMN id SET DEFAULT 1 + 1;')],
    ['DROP DEFAULT takes it away', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nALTER VIEW v ALTER COLUMN c DROP DEFAULT;`, []],
    ['the view renamed afterwards', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nALTER VIEW v RENAME TO w;`, carried('w', "ALTER VIEW public.w ALTER COLUMN c SET DEFAULT 'x';")],
    ['the view replaced afterwards (PostgreSQL keeps the default)', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nCREATE OR REPLACE VIEW v AS SELECT id, c, 2 AS y FROM t;`,
      carried('v', "ALTER VIEW public.v ALTER COLUMN c SET DEFAULT 'x';")],
    ['the view dropped afterwards', `${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';\nDROP VIEW v;`, []],
  ])('%s', (_title, sql, expected) => {
    expect(run(sql).model.rawObjects).toEqual(expected);
  });

  it('says so in the report, at its line; on a materialized view it says PostgreSQL refuses it', () => {
    expect(run(`${V}ALTER VIEW v ALTER COLUMN c SET DEFAULT 'x';`).report.warnings)
      .toEqual([{ line: 3, message: 'ALTER VIEW v ALTER COLUMN c SET DEFAULT: the model keeps no default on a view column; kept as SQL text' }]);
    expect(run(`${T}CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\nALTER TABLE mv ALTER COLUMN id SET DEFAULT 1;`).report.warnings)
      .toEqual([{ line: 3, message: 'ALTER VIEW mv ALTER COLUMN id: mv is a materialized view, whose columns take no default (PostgreSQL refuses the statement); not imported' }]);
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
