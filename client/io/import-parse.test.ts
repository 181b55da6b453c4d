import { describe, expect, it } from 'vitest';
import { guessFormat } from './import-parse.ts';

describe('guessFormat', () => {
  const cases: Array<{ text: string; file?: string; format: 'sql' | 'dbml' }> = [
    { text: 'Table users { id int }', file: 'model.dbml', format: 'dbml' },
    { text: 'Table users { id int }', file: 'dump.sql', format: 'sql' },
    { text: 'CREATE TABLE t (id int);', file: 'notes.txt', format: 'sql' },
    { text: 'Table users {\n  id integer [pk]\n}', format: 'dbml' },
    { text: '// exported from dbdiagram.io\nProject shop { database_type: \'PostgreSQL\' }', format: 'dbml' },
    { text: '  Enum status { active }', format: 'dbml' },
    { text: '--\n-- PostgreSQL database dump\n--\nSET statement_timeout = 0;', format: 'sql' },
    { text: 'create table users (id int);', format: 'sql' },
    { text: '', format: 'sql' },
  ];
  it.each(cases)('$format: $text ($file)', ({ text, file, format }) => {
    expect(guessFormat(text, file)).toBe(format);
  });
});
