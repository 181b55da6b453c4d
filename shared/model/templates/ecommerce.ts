/**
 * The e-commerce model of the brief. `../shared/seed/ecommerce.sql` is its exact specification: the
 * generated DDL builds the same tables, columns, defaults, constraints, indexes and names
 * (server/ddl-seed.test.ts compares the two databases catalog against catalog).
 */
import type { ModelDocument } from '../document.ts';
import { emptyModel, makeDocument } from '../empty.ts';
import { derivedId } from '../ids.ts';
import { table, type ColumnSpec } from './build.ts';
import { layeredLayout } from './layout.ts';

const uuidKey: ColumnSpec = { type: 'uuid', notNull: true, default: 'gen_random_uuid()' };
const timestamp: ColumnSpec = { type: 'timestamp with time zone', default: 'now()' };
const money = (extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ type: 'numeric(10,2)', notNull: true, ...extra });
const varchar = (length: number, notNull = false): ColumnSpec => ({ type: `character varying(${length})`, notNull });
const flag = (value: boolean): ColumnSpec => ({ type: 'boolean', default: String(value) });

const customers = table({
  name: 'customers',
  columns: {
    id: uuidKey, email: varchar(255, true), encrypted_password: varchar(255, true),
    first_name: varchar(100, true), last_name: varchar(100, true), phone: varchar(20),
    created_at: timestamp, updated_at: timestamp, is_active: flag(true),
  },
  primaryKey: ['id'],
  uniques: [{ columns: ['email'] }],
  checks: [
    { name: 'valid_email', expression: String.raw`email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$'` },
    { name: 'valid_phone', expression: String.raw`phone IS NULL OR phone ~* '^\+?[1-9]\d{1,14}$'` },
  ],
});

const addresses = table({
  name: 'addresses',
  columns: {
    id: uuidKey, customer_id: { type: 'uuid', notNull: true },
    address_type: { type: 'public.address_type_enum', notNull: true, default: "'shipping'::address_type_enum" },
    street_line1: varchar(255, true), street_line2: varchar(255), city: varchar(100, true),
    state_province: varchar(100), postal_code: varchar(20), country_code: { type: 'character(2)', notNull: true },
    is_default: flag(false), created_at: timestamp,
  },
  primaryKey: ['id'],
  foreignKeys: [{ columns: ['customer_id'], references: 'customers', onDelete: 'cascade' }],
  // One default address per type per customer.
  indexes: [{ name: 'addresses_one_default', unique: true, items: ['customer_id', 'address_type'], where: 'is_default = true' }],
});

const categories = table({
  name: 'categories',
  columns: {
    id: uuidKey, parent_id: { type: 'uuid' }, name: varchar(255, true), slug: varchar(255, true),
    description: { type: 'text' }, is_active: flag(true), sort_order: { type: 'integer', default: '0' },
  },
  primaryKey: ['id'],
  uniques: [{ columns: ['slug'] }],
  checks: [{ name: 'no_self_reference', expression: 'id <> parent_id' }],
  foreignKeys: [{ columns: ['parent_id'], references: 'categories' }],
});

const products = table({
  name: 'products',
  columns: {
    id: uuidKey, sku: varchar(100, true), name: varchar(255, true), description: { type: 'text' },
    category_id: { type: 'uuid' }, base_price: money(), inventory_count: { type: 'integer', notNull: true, default: '0' },
    is_active: flag(true), version: { type: 'integer', default: '1' }, created_at: timestamp, updated_at: timestamp,
  },
  primaryKey: ['id'],
  uniques: [{ columns: ['sku'] }],
  checks: [{ expression: 'base_price >= 0' }, { expression: 'inventory_count >= 0' }],
  foreignKeys: [{ columns: ['category_id'], references: 'categories' }],
});

const orders = table({
  name: 'orders',
  columns: {
    id: uuidKey, order_number: varchar(50, true), customer_id: { type: 'uuid', notNull: true },
    billing_address_id: { type: 'uuid', notNull: true }, shipping_address_id: { type: 'uuid', notNull: true },
    status: { type: 'public.order_status', notNull: true, default: "'pending'::order_status" },
    subtotal: money(), tax_amount: money({ default: '0' }), shipping_amount: money({ default: '0' }), total_amount: money(),
    created_at: timestamp, updated_at: timestamp,
  },
  primaryKey: ['id'],
  uniques: [{ columns: ['order_number'] }],
  checks: [
    { expression: 'subtotal >= 0' }, { expression: 'tax_amount >= 0' }, { expression: 'shipping_amount >= 0' },
    { expression: 'total_amount >= 0' },
    { name: 'valid_total', expression: 'total_amount = subtotal + tax_amount + shipping_amount' },
  ],
  foreignKeys: [
    { columns: ['customer_id'], references: 'customers' },
    { columns: ['billing_address_id'], references: 'addresses' },
    { columns: ['shipping_address_id'], references: 'addresses' },
  ],
});

const orderItems = table({
  name: 'order_items',
  columns: {
    id: uuidKey, order_id: { type: 'uuid', notNull: true }, product_id: { type: 'uuid', notNull: true },
    quantity: { type: 'integer', notNull: true }, unit_price: money(), total_price: money(),
    product_name: varchar(255, true), product_sku: varchar(100, true),
  },
  primaryKey: ['id'],
  checks: [
    { expression: 'quantity > 0' }, { expression: 'unit_price >= 0' }, { expression: 'total_price >= 0' },
    { name: 'valid_item_total', expression: 'total_price = quantity * unit_price' },
  ],
  foreignKeys: [
    { columns: ['order_id'], references: 'orders', onDelete: 'cascade' },
    { columns: ['product_id'], references: 'products' },
  ],
});

/** Ex: `buildEcommerce().model.tables.map((t) => t.name)` → `['customers', 'addresses', …]`. */
export function buildEcommerce(): ModelDocument {
  const model = emptyModel();
  model.enums.push(
    { id: derivedId.enum('public', 'address_type_enum'), schema: 'public', name: 'address_type_enum', values: ['shipping', 'billing'] },
    {
      id: derivedId.enum('public', 'order_status'), schema: 'public', name: 'order_status',
      values: ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'],
    },
  );
  model.tables.push(customers, addresses, categories, products, orders, orderItems);
  // Tables are module constants: hand out copies so editing one document never changes the next.
  const copy = structuredClone(model);
  return makeDocument(copy, layeredLayout(copy), 'E-commerce');
}
