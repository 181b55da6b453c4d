import { describe, expect, it } from 'vitest';
import type { Model, Table } from '../document.ts';
import { modelZod } from '../document.ts';
import { buildModel, tableId } from '../model-builder.ts';
import * as ops from './index.ts';
import { referenceProblems } from '../references.ts';
import { makeDocument } from '../empty.ts';

const base = (): Model => {
  const model = buildModel({
    tables: [
      { name: 'events', columns: ['id bigint!', 'at timestamptz!', 'payload jsonb'], pk: ['id', 'at'] },
      { name: 'events_2026', columns: ['at timestamptz!', 'id bigint!'] },
      { name: 'accounts', columns: ['id bigint!', 'name text'], pk: ['id'] },
      { name: 'audited', columns: ['changed_at timestamptz!', 'changed_by text'] },
      { name: 'archived_accounts', columns: ['id bigint!'] },
      { name: 'misfit', columns: ['id integer!'] },
    ],
  });
  return ops.setTableOptions(model, { tableId: tableId('events'), patch: { partitioning: { strategy: 'range', key: 'at' } } });
};
const t = (m: Model, name: string): Table => m.tables.find((x) => x.name === name)!;
const id = tableId;
const RANGE = "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')";

describe('partition and inheritance ops', () => {
  const cases: Array<[string, (m: Model) => Model, (m: Model) => unknown, unknown]> = [
    ['a partition of a range-partitioned table takes its bound and its columns in the parent\'s order', (m) => ops.setPartitionOf(m, { tableId: id('events_2026'), partitionOf: { parentId: id('events'), bound: ` ${RANGE};` } }),
      (m) => [t(m, 'events_2026').partitionOf, t(m, 'events_2026').columns.map((c) => c.name)], [{ parentId: id('events'), bound: RANGE }, ['id', 'at', 'payload']]],
    ['the columns it had keep their ids', (m) => ops.setPartitionOf(m, { tableId: id('events_2026'), partitionOf: { parentId: id('events'), bound: 'DEFAULT' } }),
      (m) => t(m, 'events_2026').columns.slice(0, 2).map((c) => c.id), [t(base(), 'events_2026').columns[1].id, t(base(), 'events_2026').columns[0].id]],
    ['a partition becomes a plain table again and keeps its columns', (m) => ops.setPartitionOf(ops.setPartitionOf(m, { tableId: id('events_2026'), partitionOf: { parentId: id('events'), bound: 'DEFAULT' } }), { tableId: id('events_2026'), partitionOf: null }),
      (m) => ['partitionOf' in t(m, 'events_2026'), t(m, 'events_2026').columns.length], [false, 3]],
    ['inherits copies the parent\'s missing columns (without default or identity)', (m) => ops.setInherits(m, { tableId: id('archived_accounts'), parentIds: [id('accounts'), id('audited')] }),
      (m) => [t(m, 'archived_accounts').inherits, t(m, 'archived_accounts').columns.map((c) => `${c.name} ${c.type.name}${c.notNull ? '!' : ''}`)],
      [[id('accounts'), id('audited')], ['id bigint!', 'name text', 'changed_at timestamp with time zone!', 'changed_by text']]],
    ['removing a parent keeps the columns it brought', (m) => ops.setInherits(ops.setInherits(m, { tableId: id('archived_accounts'), parentIds: [id('audited')] }), { tableId: id('archived_accounts'), parentIds: [] }),
      (m) => ['inherits' in t(m, 'archived_accounts'), t(m, 'archived_accounts').columns.length], [false, 3]],
  ];
  it.each(cases)('%s', (_, run, read, expected) => {
    const before = base();
    const after = run(before);
    expect(read(after)).toEqual(expected);
    expect(modelZod.safeParse(after).success).toBe(true);
    expect(referenceProblems(makeDocument(after))).toEqual([]);
    expect(t(after, 'misfit')).toBe(t(before, 'misfit'));
  });

  const partitionOf = (table: string, parent: string, bound: string) => (m: Model) => ops.setPartitionOf(m, { tableId: id(table), partitionOf: { parentId: id(parent), bound } });
  const refused: Array<[string, (m: Model) => Model, string]> = [
    ['a parent that is not partitioned', partitionOf('events_2026', 'accounts', 'DEFAULT'), 'public.events_2026 cannot be a partition of public.accounts: it is not partitioned (choose PARTITION BY on it first).'],
    ['a range bound that is a list bound', partitionOf('events_2026', 'events', "FOR VALUES IN ('x')"), "public.events_2026: a range partition's bound reads like FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') or DEFAULT."],
    ['a column the parent lacks', partitionOf('accounts', 'events', 'DEFAULT'), "public.accounts cannot be a partition of public.events: it has columns the parent lacks (name); a partition has exactly its parent's columns."],
    ['a column of another type', partitionOf('misfit', 'events', 'DEFAULT'), 'public.misfit.id is integer but public.events.id is bigint: the types must match.'],
    ['a table as its own partition', partitionOf('events', 'events', 'DEFAULT'), 'public.events cannot derive from public.events: public.events already derives from it.'],
    ['inheriting from a partitioned table', (m) => ops.setInherits(m, { tableId: id('archived_accounts'), parentIds: [id('events')] }), 'public.archived_accounts cannot inherit from public.events: it is partitioned.'],
    ['an inheritance cycle', (m) => ops.setInherits(ops.setInherits(m, { tableId: id('archived_accounts'), parentIds: [id('accounts')] }), { tableId: id('accounts'), parentIds: [id('archived_accounts')] }),
      'public.accounts cannot derive from public.archived_accounts: public.archived_accounts already derives from it.'],
    ['a partition that inherits', (m) => ops.setInherits(partitionOf('events_2026', 'events', 'DEFAULT')(m), { tableId: id('events_2026'), parentIds: [id('audited')] }), 'public.events_2026 is a partition: it cannot inherit from other tables.'],
    ['an inherited column of another type', (m) => ops.setInherits(m, { tableId: id('misfit'), parentIds: [id('accounts')] }), 'public.misfit.id is integer but public.accounts.id is bigint: the types must match.'],
  ];
  it.each(refused)('refuses %s', (_, run, message) => {
    expect(() => run(base())).toThrow(new ops.ModelOpError(message));
  });

  const bounds: Array<['range' | 'list' | 'hash', string, string | undefined]> = [
    ['range', 'FOR VALUES FROM (MINVALUE) TO (100)', undefined],
    ['range', 'default', undefined],
    ['list', "for values in ('a', 'b')", undefined],
    ['hash', 'FOR VALUES WITH (MODULUS 4, REMAINDER 3)', undefined],
    ['hash', 'FOR VALUES WITH (MODULUS 4, REMAINDER 4)', 'the REMAINDER must be less than the MODULUS'],
    ['hash', 'DEFAULT', 'a hash-partitioned table has no DEFAULT partition'],
    ['list', 'IN (1)', "a list partition's bound reads like FOR VALUES IN ('eu', 'us') or DEFAULT"],
  ];
  it.each(bounds)('boundProblem(%s, %s) → %s', (strategy, bound, problem) => {
    expect(ops.boundProblem(strategy, bound)).toBe(problem);
  });

  it('the same partition or parents again return the same model', () => {
    const partitioned = partitionOf('events_2026', 'events', RANGE)(base());
    expect(partitionOf('events_2026', 'events', RANGE)(partitioned)).toBe(partitioned);
    const child = ops.setInherits(partitioned, { tableId: id('archived_accounts'), parentIds: [id('accounts')] });
    expect(ops.setInherits(child, { tableId: id('archived_accounts'), parentIds: [id('accounts'), id('accounts')] })).toBe(child);
  });
});
