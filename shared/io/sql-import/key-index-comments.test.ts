import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../parser.ts';
import { run, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

const T = 'CREATE TABLE t (id int PRIMARY KEY, code text CONSTRAINT t_code UNIQUE, n int);\n';
const carried = (schema: string, tableName: string, index: string, comment: string) => ({
  id: `raw:other:${schema}.${tableName}.${index}.index-comment`, kind: 'other', schema, name: `${index} index comment`,
  definition: `COMMENT ON INDEX ${schema}.${index} IS '${comment}';`, tableId: `table:${schema}.${tableName}`,
});

describe("COMMENT ON INDEX of a key's index is carried as SQL under the key's final name", () => {
  it.each([
    ['primary key', `${T}COMMENT ON INDEX t_pkey IS 'by id';`, [carried('public', 't', 't_pkey', 'by id')]],
    ['named unique, schema-qualified', `${T}COMMENT ON INDEX public.t_code IS 'codes';`, [carried('public', 't', 't_code', 'codes')]],
    ['unnamed unique', "CREATE TABLE u (a int UNIQUE);\nCOMMENT ON INDEX u_a_key IS 'x';", [carried('public', 'u', 'u_a_key', 'x')]],
    ['IS NULL takes it away', `${T}COMMENT ON INDEX t_pkey IS 'x';\nCOMMENT ON INDEX t_pkey IS NULL;`, []],
    ['the key renamed afterwards', `${T}COMMENT ON INDEX t_code IS 'c';\nALTER INDEX t_code RENAME TO t_code_u;`, [carried('public', 't', 't_code_u', 'c')]],
    ['the table moved to another schema afterwards', `CREATE SCHEMA s;\n${T}COMMENT ON INDEX t_pkey IS 'p';\nALTER TABLE t SET SCHEMA s;`, [carried('s', 't', 't_pkey', 'p')]],
    ['the key dropped afterwards', `${T}COMMENT ON INDEX t_code IS 'c';\nALTER TABLE t DROP CONSTRAINT t_code;`, []],
    ['a commented index that becomes a key (USING INDEX)', "CREATE TABLE v (a int);\nCREATE UNIQUE INDEX v_a ON v (a);\nCOMMENT ON INDEX v_a IS 'kept';\nALTER TABLE v ADD CONSTRAINT v_pk PRIMARY KEY USING INDEX v_a;",
      [carried('public', 'v', 'v_pk', 'kept')]],
  ])('%s', (_title, sql, expected) => {
    expect(run(sql).model.rawObjects).toEqual(expected);
  });

  it('says so in the report, at the line of the COMMENT', () => {
    expect(run(`${T}COMMENT ON INDEX t_pkey IS 'by id';`).report.warnings)
      .toEqual([{ line: 2, message: 'COMMENT ON INDEX t_pkey: the model keeps no comment on the index of a key; kept as SQL text' }]);
  });

  it("a plain index's comment still lands on the index, and an exclusion constraint's on its SQL text", () => {
    const { model } = run(`${T}CREATE INDEX t_n ON t (n);\nCOMMENT ON INDEX t_n IS 'plain';
ALTER TABLE t ADD CONSTRAINT t_ex EXCLUDE USING btree (n WITH =);\nCOMMENT ON INDEX t_ex IS 'excl';`);
    expect(table(model, 't').indexes[0].comment).toBe('plain');
    expect(model.rawObjects.map((r) => r.definition)).toEqual([
      "ALTER TABLE public.t ADD CONSTRAINT t_ex EXCLUDE USING btree (n WITH =);\nCOMMENT ON INDEX t_ex IS 'excl';",
    ]);
  });
});
