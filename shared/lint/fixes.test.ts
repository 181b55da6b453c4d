import { describe, expect, it } from 'vitest';
import { modelZod, type Model, type Table } from '../model/document.ts';
import { applyLintFixes, indexNameFor, lintFix } from './fixes.ts';
import { lintModel } from './lint.ts';
import { buildLintSample } from './sample-document.ts';
import { buildModel, tableId, type TableSpec } from '../model/model-builder.ts';
import * as ops from '../model/ops/index.ts';
import { formatType } from '../model/types.ts';

const customers: TableSpec = { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'] };
const withTables = (...tables: TableSpec[]): Model => buildModel({ tables: [customers, ...tables] });
const table = (m: Model, name: string): Table => m.tables.find((t) => t.name === name)!;
const typeOf = (name: string, column: string) => (m: Model) => formatType(table(m, name).columns.find((c) => c.name === column)!.type);

interface Case {
  name: string;
  code: string;
  model: () => Model;
  title: string;
  /** What the fixed model holds where the finding was. */
  read: (m: Model) => unknown;
  expected: unknown;
}

const cases: Case[] = [
  {
    name: 'a foreign key without an index gets one, named like PostgreSQL names it', code: 'fk-without-index',
    model: () => withTables({ name: 'orders', columns: ['id bigint!', 'customer_id bigint!'], pk: ['id'], fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }] }),
    title: 'Add an index on (customer_id)',
    read: (m) => table(m, 'orders').indexes.map((x) => [x.name, x.unique, x.items.length]), expected: [['orders_customer_id_idx', false, 1]],
  },
  {
    name: 'a composite foreign key gets one index over its columns in order', code: 'fk-without-index',
    model: () => buildModel({ tables: [
      { name: 'regions', columns: ['code text!', 'part integer!'], pk: ['code', 'part'] },
      { name: 'shops', columns: ['id bigint!', 'region_code text!', 'region_part integer!'], pk: ['id'], fks: [{ columns: ['region_code', 'region_part'], ref: 'regions', refColumns: ['code', 'part'] }] },
    ] }),
    title: 'Add an index on (region_code, region_part)',
    read: (m) => table(m, 'shops').indexes.map((x) => x.name), expected: ['shops_region_code_region_part_idx'],
  },
  {
    name: 'a table with an id column makes it the key', code: 'no-primary-key',
    model: () => withTables({ name: 'events', columns: ['id bigint', 'payload jsonb'] }),
    title: 'Make id the primary key',
    read: (m) => [table(m, 'events').primaryKey?.columns, table(m, 'events').columns[0].notNull], expected: [['col:public.events.id'], true],
  },
  {
    name: 'a table without one gets an id identity column first', code: 'no-primary-key',
    model: () => withTables({ name: 'events', columns: ['payload jsonb'] }),
    title: 'Add an id column (bigint, identity) as the primary key',
    read: (m) => table(m, 'events').columns.map((c) => [c.name, formatType(c.type), c.identity?.kind ?? null, c.notNull]),
    expected: [['id', 'bigint', 'always', true], ['payload', 'jsonb', null, false]],
  },
  {
    name: 'a duplicate index is removed, the first one stays', code: 'duplicate-index',
    model: () => withTables({ name: 'orders', columns: ['id bigint!', 'status text'], pk: ['id'], indexes: [{ items: ['status'], name: 'a_idx' }, { items: ['status'], name: 'b_idx' }] }),
    title: 'Remove index b_idx',
    read: (m) => table(m, 'orders').indexes.map((x) => x.name), expected: ['a_idx'],
  },
  {
    name: 'an index that is a prefix of another is removed', code: 'redundant-index',
    model: () => withTables({ name: 'orders', columns: ['id bigint!', 'a text', 'b text'], pk: ['id'], indexes: [{ items: ['a'], name: 'a_idx' }, { items: ['a', 'b'], name: 'a_b_idx' }] }),
    title: 'Remove index a_idx',
    read: (m) => table(m, 'orders').indexes.map((x) => x.name), expected: ['a_b_idx'],
  },
  {
    name: 'a unique constraint over the key columns is removed', code: 'redundant-unique',
    model: () => withTables({ name: 'tags', columns: ['id bigint!'], pk: ['id'], uniques: [['id']] }),
    title: 'Remove this unique constraint',
    read: (m) => table(m, 'tags').uniques, expected: [],
  },
  {
    name: 'a nullable key column becomes NOT NULL', code: 'nullable-primary-key',
    model: () => {
      const m = withTables({ name: 'tags', columns: ['id bigint!'], pk: ['id'] });
      return { ...m, tables: m.tables.map((t) => (t.name === 'tags' ? { ...t, columns: [{ ...t.columns[0], notNull: false }] } : t)) };
    },
    title: 'Make id NOT NULL',
    read: (m) => table(m, 'tags').columns[0].notNull, expected: true,
  },
  {
    name: 'an identity column loses its default', code: 'identity-with-default',
    model: () => {
      const m = withTables({ name: 'tags', columns: ['id bigint!', 'n integer!'], pk: ['id'] });
      return { ...m, tables: m.tables.map((t) => (t.name === 'tags' ? { ...t, columns: [t.columns[0], { ...t.columns[1], identity: { kind: 'always' as const }, default: '0' }] } : t)) };
    },
    title: 'Remove the default of n',
    read: (m) => [table(m, 'tags').columns[1].default, table(m, 'tags').columns[1].identity?.kind], expected: [undefined, 'always'],
  },
  { name: 'timestamp becomes timestamptz, precision kept', code: 'timestamp-without-time-zone', model: () => withTables({ name: 'log', columns: ['id bigint!', 'at timestamp(3)'], pk: ['id'] }), title: 'Make at timestamp(3) with time zone', read: typeOf('log', 'at'), expected: 'timestamp(3) with time zone' },
  { name: 'varchar without a length becomes text', code: 'varchar-without-length', model: () => withTables({ name: 'log', columns: ['id bigint!', 'msg varchar'], pk: ['id'] }), title: 'Make msg text', read: typeOf('log', 'msg'), expected: 'text' },
  { name: 'char(n) becomes varchar(n)', code: 'char-type', model: () => withTables({ name: 'log', columns: ['id bigint!', 'cc char(2)'], pk: ['id'] }), title: 'Make cc character varying(2)', read: typeOf('log', 'cc'), expected: 'character varying(2)' },
  { name: 'char alone is char(1): varchar(1)', code: 'char-type', model: () => withTables({ name: 'log', columns: ['id bigint!', 'flag char'], pk: ['id'] }), title: 'Make flag character varying(1)', read: typeOf('log', 'flag'), expected: 'character varying(1)' },
  { name: 'json becomes jsonb', code: 'json-type', model: () => withTables({ name: 'log', columns: ['id bigint!', 'doc json'], pk: ['id'] }), title: 'Make doc jsonb', read: typeOf('log', 'doc'), expected: 'jsonb' },
];

describe('lintFix', () => {
  it.each(cases)('$name', ({ code, model, title, read, expected }) => {
    const before = model();
    const issue = lintModel(before).find((i) => i.code === code);
    expect(issue, `the model should have a ${code} finding`).toBeDefined();
    const fix = lintFix(before, issue!)!;
    expect(fix.title).toBe(title);
    const after = fix.apply(before);
    expect(read(after)).toEqual(expected);
    expect(lintModel(after).filter((i) => i.code === code && i.objectId === issue!.objectId)).toEqual([]);
    expect(modelZod.safeParse(after).success).toBe(true);
  });

  it.each([
    ['a rule with no fix', () => withTables({ name: 'o', columns: ['id bigint!', 'total double precision'], pk: ['id'] }), 'float-for-money'],
    ['a partitioned table without a key (its key must hold the partition key)', () => ops.setTableOptions(withTables({ name: 'p', columns: ['at timestamptz!'] }), { tableId: tableId('p'), patch: { partitioning: { strategy: 'range', key: 'at' } } }), 'no-primary-key'],
  ])('has no fix for %s', (_name, model, code) => {
    const m = model();
    const issue = lintModel(m).find((i) => i.code === code);
    expect(issue, `the model should have a ${code} finding`).toBeDefined();
    expect(lintFix(m, issue!)).toBeUndefined();
  });

  it('adds an id column whose id no other column has, even one that was called id before', () => {
    const m = ops.renameColumn(withTables({ name: 'events', columns: ['id bigint', 'payload jsonb'] }), { tableId: tableId('events'), columnId: 'col:public.events.id', name: 'legacy_id' });
    const issue = lintModel(m).find((i) => i.code === 'no-primary-key')!;
    const fixed = lintFix(m, issue)!.apply(m);
    const ids = table(fixed, 'events').columns.map((c) => c.id);
    expect(table(fixed, 'events').columns.map((c) => c.name)).toEqual(['id', 'legacy_id', 'payload']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(table(fixed, 'events').primaryKey?.columns).toEqual([ids[0]]);
  });

  it('has no fix once the objects of the finding are gone', () => {
    const m = withTables({ name: 'log', columns: ['id bigint!', 'doc json'], pk: ['id'] });
    const issue = lintModel(m).find((i) => i.code === 'json-type')!;
    expect(lintFix(ops.deleteTable(m, { tableId: tableId('log') }), issue)).toBeUndefined();
  });
});

describe('applyLintFixes', () => {
  it('fixes every missing foreign-key index of the e-commerce-like sample at once, each named apart', () => {
    const m = withTables(
      { name: 'orders', columns: ['id bigint!', 'customer_id bigint!', 'billing_id bigint'], pk: ['id'], fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }, { columns: ['billing_id'], ref: 'customers', refColumns: ['id'] }] },
      { name: 'notes', columns: ['id bigint!', 'customer_id bigint!'], pk: ['id'], fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }] },
    );
    const missing = lintModel(m).filter((i) => i.code === 'fk-without-index');
    expect(missing).toHaveLength(3);
    const fixed = applyLintFixes(m, missing);
    expect(lintModel(fixed).filter((i) => i.code === 'fk-without-index')).toEqual([]);
    expect(fixed.tables.flatMap((t) => t.indexes.map((x) => x.name))).toEqual(['orders_customer_id_idx', 'orders_billing_id_idx', 'notes_customer_id_idx']);
  });

  it('leaves the lint sample with only findings that have no fix, and a valid model', () => {
    const model = buildLintSample().model;
    const fixed = applyLintFixes(model, lintModel(model));
    expect(modelZod.safeParse(fixed).success).toBe(true);
    const left = lintModel(fixed).filter((i) => lintFix(fixed, i));
    expect(left.map((i) => `${i.code}: ${i.message}`)).toEqual([]);
  });
});

describe('indexNameFor', () => {
  it.each([
    ['a free name', [], 'orders_customer_id_idx'],
    ['a taken name gets a number', ['orders_customer_id_idx'], 'orders_customer_id1_idx'],
    ['two taken names', ['orders_customer_id_idx', 'orders_customer_id1_idx'], 'orders_customer_id2_idx'],
  ])('%s', (_name, taken, expected) => {
    let m = withTables({ name: 'orders', columns: ['id bigint!', 'customer_id bigint!'], pk: ['id'] });
    for (const name of taken) m = ops.addIndex(m, { tableId: tableId('orders'), name, columns: ['col:public.orders.id'] });
    expect(indexNameFor(m, table(m, 'orders'), ['customer_id'])).toBe(expected);
  });

  it('stays within 63 bytes', () => {
    const m = withTables({ name: 'orders', columns: ['id bigint!'], pk: ['id'] });
    expect(indexNameFor(m, table(m, 'orders'), ['a'.repeat(80)]).length).toBeLessThanOrEqual(63);
  });
});
