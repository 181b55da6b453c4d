import { describe, expect, it } from 'vitest';
import { diff } from '../diff/diff.ts';
import type { Model } from './document.ts';
import { buildModel, type TableSpec } from './model-builder.ts';
import { mergeModels, type MergeMode } from './merge.ts';

const customers: TableSpec = { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'], uniques: [['email']] };
const orders: TableSpec = {
  name: 'orders', columns: ['id bigint!', 'customer_id bigint!', 'total numeric(10,2)'], pk: ['id'],
  fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'], name: 'orders_customer_fk' }],
};
const notes: TableSpec = { name: 'notes', columns: ['id bigint!', 'body text'], pk: ['id'] };

/** A model as the canvas makes it: random-looking ids, not derived from names. */
function drawn(tables: TableSpec[]): Model {
  return JSON.parse(JSON.stringify(buildModel({ tables })).replace(/"(schema|table|col|pk|uq|ck|fk|idx):/g, '"drawn-$1:')) as Model;
}
const imported = (tables: TableSpec[]) => buildModel({ tables });
const withColumns = (spec: TableSpec, columns: string[]): TableSpec => ({ ...spec, columns });
const renamed = (spec: TableSpec, name: string): TableSpec => ({ ...spec, name });

const idOf = (m: Model, name: string) => m.tables.find((t) => t.name === name)?.id;

interface Case {
  name: string;
  base: TableSpec[];
  incoming: TableSpec[];
  mode: MergeMode;
  /** Change kinds of diff(base, result), sorted. */
  changes: string[];
  /** Tables of the result that keep the base id of the named base table. */
  keeps: Array<[result: string, base: string]>;
  added: string[];
  removed: string[];
  tables: string[];
}

const cases: Case[] = [
  {
    name: 'replace with the same tables changes nothing',
    base: [customers, orders], incoming: [customers, orders], mode: 'replace',
    changes: [], keeps: [['customers', 'customers'], ['orders', 'orders']], added: [], removed: [], tables: ['customers', 'orders'],
  },
  {
    name: 'replace with a column added adds only the column',
    base: [customers, orders], incoming: [customers, withColumns(orders, [...orders.columns, 'note text'])], mode: 'replace',
    changes: ['column.add'], keeps: [['orders', 'orders']], added: [], removed: [], tables: ['customers', 'orders'],
  },
  {
    name: 'replace with a renamed table (same columns) renames it',
    base: [customers, notes], incoming: [customers, renamed(notes, 'remarks')], mode: 'replace',
    // The primary key follows its default name (notes_pkey → remarks_pkey), as PostgreSQL would not by itself.
    changes: ['constraint.rename', 'table.rename'], keeps: [['remarks', 'notes']], added: [], removed: [], tables: ['customers', 'remarks'],
  },
  {
    name: 'replace with a column renamed in place renames the column',
    base: [notes], incoming: [withColumns(notes, ['id bigint!', 'text text'])], mode: 'replace',
    changes: ['column.rename'], keeps: [['notes', 'notes']], added: [], removed: [], tables: ['notes'],
  },
  {
    name: 'replace without a table drops it',
    base: [customers, notes], incoming: [customers], mode: 'replace',
    changes: ['table.drop'], keeps: [['customers', 'customers']], added: [], removed: ['notes'], tables: ['customers'],
  },
  {
    name: 'replace with a new table adds it',
    base: [customers], incoming: [customers, orders], mode: 'replace',
    changes: ['table.create'], keeps: [['customers', 'customers']], added: ['orders'], removed: [], tables: ['customers', 'orders'],
  },
  {
    name: 'merge keeps the tables the import does not name',
    base: [customers, notes], incoming: [withColumns(customers, [...customers.columns, 'name text']), orders], mode: 'merge',
    changes: ['column.add', 'table.create'], keeps: [['customers', 'customers'], ['notes', 'notes']], added: ['orders'], removed: [],
    tables: ['customers', 'notes', 'orders'],
  },
  {
    name: 'merge never takes a different table for a rename',
    base: [notes], incoming: [renamed(notes, 'remarks')], mode: 'merge',
    changes: ['table.create'], keeps: [['notes', 'notes']], added: ['remarks'], removed: [], tables: ['notes', 'remarks'],
  },
];

describe('mergeModels', () => {
  it.each(cases)('$name', (c) => {
    const base = drawn(c.base);
    const result = mergeModels({ base, incoming: imported(c.incoming), mode: c.mode });
    expect(diff(base, result.model).map((x) => x.kind).sort()).toEqual(c.changes);
    for (const [now, before] of c.keeps) expect(idOf(result.model, now)).toBe(idOf(base, before));
    expect(result.added.map((id) => result.model.tables.find((t) => t.id === id)?.name)).toEqual(c.added);
    expect(result.removed.map((id) => base.tables.find((t) => t.id === id)?.name)).toEqual(c.removed);
    expect(result.model.tables.map((t) => t.name).sort()).toEqual(c.tables);
    expect(new Set(result.model.tables.map((t) => t.id)).size).toBe(result.model.tables.length);
  });

  it('carries column ids into the references of matched tables', () => {
    const base = drawn([customers, orders]);
    const { model } = mergeModels({ base, incoming: imported([customers, orders]), mode: 'replace' });
    const fk = model.tables.find((t) => t.name === 'orders')!.foreignKeys[0];
    const baseCustomers = base.tables.find((t) => t.name === 'customers')!;
    expect(fk.refTableId).toBe(baseCustomers.id);
    expect(fk.refColumns).toEqual([baseCustomers.columns[0].id]);
  });

  it('gives a new table a fresh id when its derived id is held by a renamed base table', () => {
    // The base table once read as `notes` was renamed to `remarks` in the model: it still holds notes' derived id.
    const base = imported([renamed(notes, 'remarks')]);
    base.tables[0].id = imported([notes]).tables[0].id;
    const incoming = imported([renamed(notes, 'remarks'), withColumns(notes, ['id bigint!'])]);
    const { model, added } = mergeModels({ base, incoming, mode: 'merge' });
    expect(model.tables.map((t) => t.name).sort()).toEqual(['notes', 'remarks']);
    expect(new Set(model.tables.map((t) => t.id)).size).toBe(2);
    expect(added).toHaveLength(1);
  });

  it('drops, and reports, a kept foreign key whose referenced column the import removed', () => {
    const base = drawn([customers, orders]);
    const incoming = imported([withColumns({ ...customers, pk: ['code'], uniques: [] }, ['code text!'])]);
    const { model, warnings } = mergeModels({ base, incoming, mode: 'merge' });
    expect(model.tables.find((t) => t.name === 'orders')!.foreignKeys).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('orders_customer_fk')]);
  });
});
