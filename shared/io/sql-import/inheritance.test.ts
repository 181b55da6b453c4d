/** ALTER TABLE on a parent and its descendants (INHERITS children, partitions), as PostgreSQL recurses. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../model/document.ts';
import { loadSqlParser } from '../parser.ts';
import { column, model, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

type Case = [title: string, sql: string, pick: (m: Model) => unknown, expected: unknown];

const FAMILY = 'CREATE TABLE base (id int, note text); CREATE TABLE child (extra int) INHERITS (base); CREATE TABLE grandchild () INHERITS (child);';
const names = (m: Model, t: string) => table(m, t).columns.map((c) => c.name);
const defaults = (m: Model, col: string) => ['base', 'child', 'grandchild'].map((t) => column(m, t, col).default ?? null);

const cases: Case[] = [
  ['ADD COLUMN reaches every descendant, at its end', `${FAMILY} ALTER TABLE base ADD COLUMN added int DEFAULT 3;`,
    (m) => [names(m, 'child'), names(m, 'grandchild'), column(m, 'grandchild', 'added')], [['id', 'note', 'extra', 'added'], ['id', 'note', 'extra', 'added'], { id: 'col:public.grandchild.added', name: 'added', type: { name: 'integer' }, notNull: false, default: '3' }]],
  ['ADD COLUMN a child already has merges', `${FAMILY} ALTER TABLE base ADD COLUMN extra int;`, (m) => names(m, 'child'), ['id', 'note', 'extra']],
  ['SET DEFAULT reaches the descendants', `${FAMILY} ALTER TABLE base ALTER COLUMN id SET DEFAULT 5;`, (m) => defaults(m, 'id'), ['5', '5', '5']],
  ['SET DEFAULT on ONLY the parent stays there', `${FAMILY} ALTER TABLE ONLY base ALTER COLUMN id SET DEFAULT 5;`, (m) => defaults(m, 'id'), ['5', null, null]],
  ['DROP DEFAULT reaches the descendants', 'CREATE TABLE base (id int DEFAULT 1); CREATE TABLE child () INHERITS (base); ALTER TABLE base ALTER COLUMN id DROP DEFAULT;',
    (m) => column(m, 'child', 'id').default, undefined],
  ['SET NOT NULL reaches the descendants, not under ONLY', `${FAMILY} ALTER TABLE base ALTER COLUMN id SET NOT NULL; ALTER TABLE ONLY base ALTER COLUMN note SET NOT NULL;`,
    (m) => [column(m, 'grandchild', 'id').notNull, column(m, 'child', 'note').notNull], [true, false]],
  ['ALTER COLUMN TYPE reaches the descendants', `${FAMILY} ALTER TABLE base ALTER COLUMN id TYPE bigint;`, (m) => column(m, 'grandchild', 'id').type, { name: 'bigint' }],
  ['RENAME COLUMN reaches the descendants', `${FAMILY} ALTER TABLE base RENAME COLUMN note TO body;`, (m) => [names(m, 'child'), column(m, 'grandchild', 'body').id], [['id', 'body', 'extra'], 'col:public.grandchild.body']],
  ['DROP COLUMN reaches the descendants, not under ONLY', `${FAMILY} ALTER TABLE base DROP COLUMN note; ALTER TABLE ONLY base DROP COLUMN id;`,
    (m) => [names(m, 'base'), names(m, 'grandchild')], [[], ['id', 'extra']]],
  ['DROP COLUMN keeps a column another parent still gives', 'CREATE TABLE a (x int); CREATE TABLE b (x int); CREATE TABLE c () INHERITS (a, b); ALTER TABLE a DROP COLUMN x;',
    (m) => names(m, 'c'), ['x']],
  ['ADD COLUMN on a partitioned table reaches its partitions', 'CREATE TABLE p (id int NOT NULL) PARTITION BY RANGE (id); CREATE TABLE p0 PARTITION OF p FOR VALUES FROM (0) TO (10); ALTER TABLE p ADD COLUMN z int;',
    (m) => names(m, 'p0'), ['id', 'z']],
  ['a redeclared inherited column keeps the parent\'s NOT NULL', 'CREATE TABLE a (x int NOT NULL); CREATE TABLE c (x int) INHERITS (a);', (m) => column(m, 'c', 'x').notNull, true],
];

const checkCases: Case[] = [
  ['NO INHERIT makes the inherited checks the child\'s own, with their names', 'CREATE TABLE a (x int, CHECK (x > 0)); CREATE TABLE c (y int CHECK (y > 0)) INHERITS (a); CREATE TABLE d () INHERITS (c); ALTER TABLE d NO INHERIT c;',
    (m) => [table(m, 'd').checks, table(m, 'a').checks[0].name],
    [[{ id: 'ck:public.d.c_y_check', name: 'c_y_check', expression: 'y > 0' }, { id: 'ck:public.d.a_x_check', name: 'a_x_check', expression: 'x > 0' }], 'a_x_check']],
  ['a NO INHERIT check is not kept', 'CREATE TABLE a (x int, CONSTRAINT own CHECK (x > 0) NO INHERIT); CREATE TABLE c () INHERITS (a); ALTER TABLE c NO INHERIT a;', (m) => table(m, 'c').checks, []],
  ['a check still inherited through another parent stays inherited', 'CREATE TABLE a (x int CONSTRAINT pos CHECK (x > 0)); CREATE TABLE b (x int CONSTRAINT pos CHECK (x > 0)); CREATE TABLE c () INHERITS (a, b); ALTER TABLE c NO INHERIT a;',
    (m) => table(m, 'c').checks, []],
  ['DETACH PARTITION keeps the columns and checks the partition had', 'CREATE TABLE p (id int NOT NULL CHECK (id >= 0)) PARTITION BY RANGE (id); CREATE TABLE p0 PARTITION OF p FOR VALUES FROM (0) TO (10); ALTER TABLE p ADD COLUMN z int; ALTER TABLE p DETACH PARTITION p0;',
    (m) => [names(m, 'p0'), table(m, 'p0').partitionOf, table(m, 'p0').checks.map((c) => c.id)], [['id', 'z'], undefined, ['ck:public.p0.p_id_check']]],
  ['DETACH PARTITION keeps the keys, indexes and foreign keys the partition got, under its own names',
    'CREATE TABLE q (id int PRIMARY KEY); CREATE TABLE p (id int NOT NULL, k text) PARTITION BY LIST (k); CREATE TABLE p0 PARTITION OF p FOR VALUES IN (\'a\'); ALTER TABLE p ADD PRIMARY KEY (id, k), ADD CONSTRAINT p_q_fk FOREIGN KEY (id) REFERENCES q; CREATE INDEX p_k ON p (k); ALTER TABLE p DETACH PARTITION p0;',
    (m) => { const t = table(m, 'p0'); return [t.primaryKey, t.indexes.map((x) => x.id), t.foreignKeys.map((f) => [f.id, f.columns, f.refTableId])]; },
    [{ id: 'pk:public.p0', columns: ['col:public.p0.id', 'col:public.p0.k'] }, ['idx:public.p0_k_idx'], [['fk:public.p0.p_q_fk', ['col:public.p0.id'], 'table:public.q']]]],
  ['DETACH PARTITION does not copy an index the partition brought itself',
    'CREATE TABLE p (id int, k text) PARTITION BY LIST (k); CREATE TABLE p0 (id int, k text); CREATE INDEX p0_mine ON p0 (k); ALTER TABLE p ATTACH PARTITION p0 FOR VALUES IN (\'a\'); CREATE INDEX p_k ON p (k); ALTER TABLE p DETACH PARTITION p0;',
    (m) => table(m, 'p0').indexes.map((x) => x.id), ['idx:public.p0_mine']],
];

describe.each([['columns', cases], ['checks', checkCases]])('ALTER TABLE on a parent: %s', (_group, list) => {
  it.each(list)('%s', (_title, sql, pick, expected) => {
    expect(pick(model(sql))).toEqual(expected);
  });
});
