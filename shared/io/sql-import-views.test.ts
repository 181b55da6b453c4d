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
