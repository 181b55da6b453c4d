import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, parseScript, SqlSyntaxError } from '../parser.ts';
import { importSql, importSqlSync } from './import-sql.ts';
import { stripPsqlLines } from './psql-commands.ts';
import { table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

function syntaxError(sql: string): SqlSyntaxError {
  try {
    importSqlSync(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('syntax errors', () => {
  it.each([
    ['first line', 'CREATE TABLE (id int);', 1, 14, 13, 'syntax error at or near "("'],
    ['later line and column', 'CREATE TABLE a (id int);\n\nCREATE TABLE b (\n  id int,,\n  x int\n);', 4, 10, 52, 'syntax error at or near ","'],
    ['after multi-byte text the column counts characters', "COMMENT ON TABLE a IS 'é€😀';\nSELEC 1;", 2, 1, 30, 'syntax error at or near "SELEC"'],
    ['unterminated string', "CREATE TABLE t (a text DEFAULT 'x);", 1, 32, 31, 'unterminated quoted string at or near "\'x);"'],
    ['after stripped meta-commands and COPY data lines numbers stay right', 'COPY t (a) FROM stdin;\n1\n2\n\\.\n\\connect db\nCREATE TABEL t (a int);', 6, 8, 49, 'syntax error at or near "TABEL"'],
  ])('%s', (_title, sql, line, column, position, message) => {
    const error = syntaxError(sql);
    expect({ line: error.line, column: error.column, position: error.position, message: error.message }).toEqual({ line, column, position, message });
  });

  it('imports nothing: the async import rejects with the same typed error', async () => {
    await expect(importSql('CREATE TABLE ok (a int);\nCREATE TABLE bad (a int,,);')).rejects.toMatchObject({ name: 'SqlSyntaxError', line: 2, column: 25 });
  });
});

describe('empty input', () => {
  it.each(['', '-- only a comment\n', ';;', '/* x */ ;', '\\connect db\n'])('%j imports an empty model', (sql) => {
    const { model } = importSqlSync(sql);
    expect([model.tables, model.views, model.rawObjects]).toEqual([[], [], []]);
  });
});

describe('statement positions', () => {
  it('gives each statement its first line, after comments', () => {
    const { statements } = parseScript('-- header\nSET x = 1;\n\n/* note */ CREATE TABLE t (\n a int\n);\nSELECT 1');
    expect(statements.map((s) => [s.kind, s.line, s.text])).toEqual([
      ['VariableSetStmt', 2, 'SET x = 1'], ['CreateStmt', 4, 'CREATE TABLE t (\n a int\n)'], ['SelectStmt', 7, 'SELECT 1'],
    ]);
  });

  it('blanks psql lines without moving any offset', () => {
    const input = "\\restrict abc\nCOPY t FROM stdin;\na b\n\\.\nSELECT '\\x';";
    const { text, stripped } = stripPsqlLines(input);
    expect(text.length).toBe(input.length);
    expect(text.split('\n').map((l) => l.trim())).toEqual(['', 'COPY t FROM stdin;', '', '', "SELECT '\\x';"]);
    expect(stripped).toEqual([
      { line: 1, kind: 'meta-command', text: '\\restrict abc' },
      { line: 3, kind: 'copy-data', text: '1 data line' },
    ]);
  });

  it('finds COPY data after the comment pg_dump writes above each COPY', () => {
    const input = '--\n-- Data for Name: t; Type: TABLE DATA\n--\n\nCOPY public.t (a) FROM stdin;\nx\ny\n\\.\n';
    expect(stripPsqlLines(input).stripped).toEqual([{ line: 6, kind: 'copy-data', text: '2 data lines' }]);
  });

  it('leaves a backslash line inside a dollar-quoted body alone', () => {
    const input = 'CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\not a command\n$$;';
    expect(stripPsqlLines(input)).toEqual({ text: input, stripped: [] });
  });
});

describe('the import report', () => {
  const dump = [
    '\\restrict k1', // 1
    "SET statement_timeout = 0;", // 2
    "SELECT pg_catalog.set_config('search_path', '', false);", // 3
    'CREATE TABLE public.t (id integer NOT NULL);', // 4
    'ALTER TABLE public.t OWNER TO postgres;', // 5
    '/* Data for Name: t */ COPY public.t (id) FROM stdin;', // 6
    '1', // 7
    '\\.', // 8
    "SELECT pg_catalog.setval('public.s', 1, false);", // 9
    'GRANT SELECT ON public.t TO PUBLIC;', // 10
    'INSERT INTO public.t VALUES (2);', // 11
    'BEGIN;', // 12
    'COMMIT;', // 13
    'DROP TABLE IF EXISTS public.gone;', // 14
    'COMMENT ON TABLE public.nothing IS $$x$$;', // 15
    '\\unrestrict k1', // 16
  ].join('\n');

  it('lists every skipped statement with its line, kind and reason', () => {
    const { report } = importSqlSync(dump);
    expect(report.skipped).toEqual([
      { line: 1, statement: '\\restrict', reason: 'a psql meta-command, not SQL' },
      { line: 2, statement: 'SET', reason: 'a session setting' },
      { line: 3, statement: 'SELECT set_config', reason: "honoured: unqualified names now resolve against search_path ''" },
      { line: 5, statement: 'ALTER TABLE', reason: 'ownership is not part of the model' },
      { line: 6, statement: 'COPY', reason: 'row data is not part of the schema' },
      { line: 7, statement: 'COPY data', reason: '1 data line of COPY … FROM stdin: row data is not part of the schema' },
      { line: 9, statement: 'SELECT setval', reason: "sets a sequence's current value: data, not schema" },
      { line: 10, statement: 'GRANT', reason: 'privileges are not part of the model' },
      { line: 11, statement: 'INSERT', reason: 'row data is not part of the schema' },
      { line: 12, statement: 'BEGIN', reason: 'transaction control' },
      { line: 13, statement: 'COMMIT', reason: 'transaction control' },
      { line: 14, statement: 'DROP TABLE', reason: 'public.gone is not in the model: nothing to drop' },
      { line: 16, statement: '\\unrestrict', reason: 'a psql meta-command, not SQL' },
    ]);
    expect(report.warnings).toEqual([{ line: 15, message: 'COMMENT ON TABLE public.nothing: object not found in the model; comment not imported' }]);
  });

  it('honours search_path for every later unqualified name', () => {
    const { model } = importSqlSync('CREATE SCHEMA a; CREATE SCHEMA b;\nSET search_path = a;\nCREATE TABLE t (id int PRIMARY KEY);\nSET search_path TO b, a;\nCREATE TABLE u (t_id int REFERENCES t);\nRESET search_path;\nCREATE TABLE v (x int);');
    expect(model.tables.map((t) => t.id)).toEqual(['table:a.t', 'table:b.u', 'table:public.v']);
    expect(table(model, 'u').foreignKeys[0].refTableId).toBe('table:a.t');
  });

  it('reads text after SET client_encoding = latin1 the way the server does, and says so', () => {
    const { model, report } = importSqlSync("SET client_encoding = latin1;\nCREATE TABLE t (a int);\nCOMMENT ON TABLE t IS 'é';");
    expect(table(model, 't').comment).toBe('Ã©');
    expect(report.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('warns about a statement that refers to a missing table, and goes on', () => {
    const { model, report } = importSqlSync('CREATE INDEX ix ON missing (a);\nCREATE TABLE t (a int);');
    expect(model.tables.map((t) => t.name)).toEqual(['t']);
    expect(report.warnings).toEqual([{ line: 1, message: 'CREATE INDEX: table missing not found; index not imported' }]);
  });
});
