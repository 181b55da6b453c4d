/**
 * Keys as PostgreSQL makes them: keys of one statement that are the same index are one constraint
 * (transformIndexConstraints), and a table declaring only constraints names the columns INHERITS brings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../model/document.ts';
import { loadSqlParser } from '../parser.ts';
import { columnNames, run, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

type Case = [title: string, sql: string, pick: (m: Model) => unknown, expected: unknown];

const keys = (m: Model, t: string) => [
  table(m, t).primaryKey?.name ?? (table(m, t).primaryKey ? 'pkey' : null),
  ...table(m, t).uniques.map((u) => `${u.id}${u.deferrable ? ' deferrable' : ''}`),
];

const cases: Case[] = [
  ['PRIMARY KEY UNIQUE on a column is the primary key only', 'CREATE TABLE a (id int PRIMARY KEY UNIQUE);', (m) => keys(m, 'a'), ['pkey']],
  ['a table UNIQUE repeating the primary key is dropped, its name taken by the key', 'CREATE TABLE a (id int, CONSTRAINT a_once UNIQUE (id), PRIMARY KEY (id));', (m) => keys(m, 'a'), ['a_once']],
  ['two identical UNIQUEs are one', 'CREATE TABLE a (x int, y int, UNIQUE (x, y), UNIQUE (x, y), UNIQUE (y, x));', (m) => keys(m, 'a'), [null, 'uq:public.a.a_x_y_key', 'uq:public.a.a_y_x_key']],
  ['a DEFERRABLE UNIQUE is another index: both kept', 'CREATE TABLE a (id int PRIMARY KEY, UNIQUE (id) DEFERRABLE);', (m) => keys(m, 'a'), ['pkey', 'uq:public.a.a_id_key deferrable']],
  ['a UNIQUE added by a later statement is kept beside the key', 'CREATE TABLE a (id int PRIMARY KEY); ALTER TABLE a ADD UNIQUE (id);', (m) => keys(m, 'a'), ['pkey', 'uq:public.a.a_id_key']],
  ['ADD COLUMN … PRIMARY KEY UNIQUE is one statement too: the key only', 'CREATE TABLE a (x int); ALTER TABLE a ADD COLUMN id int PRIMARY KEY UNIQUE;', (m) => keys(m, 'a'), ['pkey']],
  ['two ADD CONSTRAINT of one ALTER TABLE are two constraints', 'CREATE TABLE a (id int); ALTER TABLE a ADD PRIMARY KEY (id), ADD UNIQUE (id);', (m) => keys(m, 'a'), ['pkey', 'uq:public.a.a_id_key']],
  ['UNIQUE of a table that only INHERITS its columns', 'CREATE TABLE p (a int, b int); CREATE TABLE c (UNIQUE (a, b)) INHERITS (p);',
    (m) => columnNames(m, 'c', table(m, 'c').uniques[0]?.columns), ['a', 'b']],
  ['PRIMARY KEY and CHECK on inherited columns, beside a local one', 'CREATE TABLE p (a int); CREATE TABLE c (b int, PRIMARY KEY (a), CHECK (a > b)) INHERITS (p);',
    (m) => [columnNames(m, 'c', table(m, 'c').primaryKey?.columns), table(m, 'c').columns.map((c) => `${c.name}${c.notNull ? '!' : ''}`), table(m, 'c').checks.map((k) => k.expression)],
    [['a'], ['a!', 'b'], ['a > b']]],
];

describe('keys as PostgreSQL makes them', () => {
  it.each(cases)('%s', (_title, sql, pick, expected) => {
    const result = run(sql);
    expect(result.report.warnings).toEqual([]);
    expect(pick(result.model)).toEqual(expected);
  });
});
