/**
 * A small, valid document seeded with one design mistake per lint rule that a valid document can
 * hold (everything but empty names and references to missing tables, which do not validate).
 * For demos and end-to-end tests of the lint panel: `buildLintSample()`.
 */
import type { ModelDocument } from '../model/document.ts';
import { makeDocument } from '../model/empty.ts';
import { buildModel, colId, tableId } from '../model/model-builder.ts';
import * as ops from '../model/ops/index.ts';

export function buildLintSample(): ModelDocument {
  let m = buildModel({
    tables: [
      { name: 'customers', columns: ['id integer!', 'email varchar!', 'country char(2)', 'balance money', 'created_at timestamp = now()'], pk: ['id'], uniques: [['id']] },
      {
        name: 'orders',
        columns: ["id bigint! = nextval('orders_id_seq'::regclass)", 'customer_id bigint!', 'total double precision', 'meta json', 'status public.order_status'],
        pk: ['id'],
        fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }],
        indexes: [['status'], ['status'], ['customer_id'], ['customer_id', 'total']],
      },
      { name: 'events', columns: ['payload jsonb'] },
      { name: 'empty_table', columns: [] },
      { name: 'regions', columns: ['code text!', 'part integer!'], pk: ['code', 'part'] },
      { name: 'shops', columns: ['id integer!', 'region_code text!', 'region_part integer', 'owner_email text!'], pk: ['id'],
        fks: [
          { columns: ['region_code', 'region_part'], ref: 'regions', refColumns: ['code', 'part'] },
          { columns: ['owner_email'], ref: 'customers', refColumns: ['email'] },
        ],
        indexes: [['region_code', 'region_part']] },
      { name: 'payments', columns: ['id bigint', 'paid_at timestamptz!', 'amount numeric!'], pk: ['id'] },
    ],
    enums: [{ name: 'order_status', values: ['new', 'new'] }, { name: 'mood', values: [] }],
  });
  const orders = tableId('orders');
  m = ops.addColumn(m, { tableId: orders, id: 'col:public.orders.Total Due', name: 'Total Due', type: { name: 'numeric' } });
  m = ops.addColumn(m, { tableId: orders, id: 'col:public.orders.dup', name: 'meta', type: { name: 'jsonb' } });
  m = ops.addColumn(m, { tableId: orders, name: 'note', type: { name: 'text', schema: 'public' } });
  m = ops.updateForeignKey(m, { tableId: orders, foreignKeyId: 'fk:public.orders.fk0', patch: { onDelete: 'set-null', onUpdate: 'set-default' } });
  m = ops.setTableOptions(m, { tableId: tableId('payments'), patch: { partitioning: { strategy: 'range', key: 'paid_at' } } });
  // States the editor would not produce, but an imported document can hold.
  const customers = m.tables.find((t) => t.id === tableId('customers'))!;
  m = ops.updateColumn(m, { tableId: customers.id, columnId: colId('customers', 'email'), patch: { generated: 'lower(email)' } });
  m = {
    ...m,
    tables: m.tables.map((t) => {
      if (t.id === tableId('customers')) return { ...t, columns: t.columns.map((c) => (c.name === 'email' ? { ...c, default: "''" } : c)) };
      if (t.id === tableId('payments')) return { ...t, columns: t.columns.map((c) => (c.name === 'id' ? { ...c, identity: { kind: 'always' as const }, default: '0', type: { name: 'text' } } : c)) };
      return t;
    }),
  };
  return makeDocument(m, undefined, 'Lint sample: one mistake per rule');
}
