/** A type nothing defines is a warning at the line and column where it is written (PostgreSQL would refuse the script). */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../parser.ts';
import { run } from './test-kit.ts';

beforeAll(() => loadSqlParser());

describe('types nothing defines', () => {
  it.each<[string, string, unknown[]]>([
    ['a typo in a column, and in an array column', 'CREATE TABLE note (\n  id int PRIMARY KEY,\n  body txet,\n  tags txet[]\n);', [
      { line: 3, column: 8, message: 'public.note.body: type "txet" does not exist' },
      { line: 4, column: 8, message: 'public.note.tags: type "txet" does not exist' },
    ]],
    ['a domain over a typo', '-- é\nCREATE DOMAIN d AS tetx;', [{ line: 2, column: 20, message: 'domain public.d: type "tetx" does not exist' }]],
    ['a type created after the table using it is known', "CREATE TABLE t (m mood);\nCREATE TYPE mood AS ENUM ('a');", []],
    ['built-ins, enums and an extension\'s type are known', "CREATE EXTENSION citext;\nCREATE TYPE mood AS ENUM ('a');\nCREATE TABLE t (a citext, b mood, c timestamptz, d varchar(3)[], e interval hour to minute);", []],
  ])('%s', (_title, sql, warnings) => {
    expect(run(sql).report.warnings.filter((w) => w.message.includes('does not exist'))).toEqual(warnings);
  });
});
