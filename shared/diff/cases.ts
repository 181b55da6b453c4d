/**
 * Golden cases for diff + plan: a `before` model and a change to it. Each case's expected plan is
 * `__fixtures__/<name>/expected.sql` (steps with their phase and hazards as comments).
 */
import type { Model } from '../model/document.ts';
import { buildModel, colId, tableId } from '../model/model-builder.ts';

export interface DiffCase {
  name: string;
  before: Model;
  /** Edits a deep copy of `before` into `after`. */
  edit: (m: Model) => void;
}

const shop = () => buildModel({
  tables: [
    { name: 'customers', columns: ['id bigint!', 'email character varying(100)!', 'age text'], pk: ['id'], uniques: [['email']] },
    {
      name: 'orders', columns: ['id bigint!', 'customer_id bigint', 'status public.order_status! = \'new\'::order_status', 'total numeric(10,2)'], pk: ['id'],
      fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }], indexes: [['customer_id']],
    },
  ],
  enums: [{ name: 'order_status', values: ['new', 'paid', 'shipped'] }],
});

const table = (m: Model, name: string) => m.tables.find((t) => t.name === name)!;
const column = (m: Model, t: string, c: string) => table(m, t).columns.find((x) => x.name === c)!;

export const DIFF_CASES: DiffCase[] = [
  { name: 'equal', before: shop(), edit: () => undefined },
  { name: 'rename-table-keeps-data', before: shop(), edit: (m) => { table(m, 'customers').name = 'clients'; } },
  { name: 'rename-column', before: shop(), edit: (m) => { column(m, 'customers', 'email').name = 'email_address'; } },
  {
    name: 'add-and-drop-columns', before: shop(), edit: (m) => {
      const t = table(m, 'customers');
      t.columns = t.columns.filter((c) => c.name !== 'age');
      t.columns.push({ id: 'c_new', name: 'created_at', type: { name: 'timestamp with time zone' }, notNull: true, default: 'now()' });
      t.columns.push({ id: 'c_req', name: 'nickname', type: { name: 'text' }, notNull: true });
    },
  },
  {
    name: 'type-changes', before: shop(), edit: (m) => {
      column(m, 'customers', 'age').type = { name: 'integer' };
      column(m, 'customers', 'email').type = { name: 'character varying', args: [255] };
      column(m, 'orders', 'total').type = { name: 'numeric', args: [8, 2] };
    },
  },
  { name: 'enum-add-values', before: shop(), edit: (m) => { m.enums[0].values = ['draft', 'new', 'paid', 'packed', 'shipped', 'returned']; } },
  { name: 'enum-remove-value', before: shop(), edit: (m) => { m.enums[0].values = ['new', 'shipped']; } },
  {
    name: 'fk-cycle-create', before: buildModel({ tables: [] }), edit: (m) => {
      m.tables = buildModel({
        tables: [
          { name: 'a', columns: ['id integer!', 'b_id integer'], pk: ['id'], fks: [{ columns: ['b_id'], ref: 'b', refColumns: ['id'] }] },
          { name: 'b', columns: ['id integer!', 'a_id integer'], pk: ['id'], fks: [{ columns: ['a_id'], ref: 'a', refColumns: ['id'] }] },
        ],
      }).tables;
    },
  },
  { name: 'drop-referenced-table', before: shop(), edit: (m) => { m.tables = m.tables.filter((t) => t.name !== 'customers'); table(m, 'orders').foreignKeys = []; } },
  {
    name: 'primary-key-change-with-fk', before: shop(), edit: (m) => {
      table(m, 'customers').primaryKey = { id: 'pk_new', columns: [colId('customers', 'id'), colId('customers', 'email')] };
      table(m, 'customers').uniques.push({ id: 'uq_id', columns: [colId('customers', 'id')] });
    },
  },
  {
    name: 'view-on-retyped-column', before: { ...shop(), views: [{ id: 'v1', schema: 'public', name: 'adults', materialized: false, definition: 'SELECT id, age FROM customers', dependsOn: [tableId('customers')] }] },
    edit: (m) => { column(m, 'customers', 'age').type = { name: 'integer' }; },
  },
  {
    name: 'identity-and-generated', before: shop(), edit: (m) => {
      column(m, 'customers', 'id').identity = { kind: 'by-default' };
      table(m, 'orders').columns.push({ id: 'g', name: 'total_cents', type: { name: 'bigint' }, notNull: false, generated: '(total * (100)::numeric)' });
    },
  },
  {
    name: 'schema-domain-sequence-extension', before: shop(), edit: (m) => {
      m.schemas.push({ id: 'schema_billing', name: 'billing', comment: 'Money' });
      m.extensions.push({ id: 'ext_citext', name: 'citext' });
      m.domains.push({ id: 'd_pos', schema: 'billing', name: 'positive', type: { name: 'numeric' }, notNull: false, checks: [{ id: 'dck', expression: 'VALUE > 0' }] });
      m.sequences.push({ id: 'seq_inv', schema: 'billing', name: 'invoice_no', start: '1000' });
      m.tables.push({
        id: 'inv', schema: 'billing', name: 'invoices', columns: [
          { id: 'inv_no', name: 'no', type: { name: 'bigint' }, notNull: true, default: "nextval('billing.invoice_no'::regclass)" },
          { id: 'inv_amt', name: 'amount', type: { name: 'positive', schema: 'billing' }, notNull: true },
        ], uniques: [], checks: [], foreignKeys: [], indexes: [], primaryKey: { id: 'inv_pk', columns: ['inv_no'] },
      });
      m.sequences[0].ownedBy = { tableId: 'inv', columnId: 'inv_no' };
    },
  },
  {
    name: 'comments-and-not-null', before: shop(), edit: (m) => {
      table(m, 'orders').comment = 'Placed orders';
      column(m, 'orders', 'customer_id').notNull = true;
      column(m, 'orders', 'customer_id').comment = 'who ordered';
      table(m, 'orders').checks.push({ id: 'ck_total', expression: 'total >= 0' });
    },
  },
  {
    name: 'renames-that-trade-names', before: shop(), edit: (m) => {
      // email and age trade names (a cycle: one goes through a temporary name); the table is renamed too.
      column(m, 'customers', 'email').name = 'age_tmp';
      column(m, 'customers', 'age').name = 'email';
      column(m, 'customers', 'age_tmp').name = 'age';
      table(m, 'customers').name = 'people';
    },
  },
];
