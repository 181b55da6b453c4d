/**
 * A model drawn with the editor's ops alone (what the inspector and canvas do), renamed along the
 * way, generates DDL that PostgreSQL 15 accepts, and the database then enforces what was drawn.
 */
import { describe, expect, it } from 'vitest';
import { generatePostgres } from '../shared/ddl/generate.ts';
import type { Model } from '../shared/model/document.ts';
import { emptyModel } from '../shared/model/empty.ts';
import { lintModel } from '../shared/lint/lint.ts';
import * as ops from '../shared/model/ops/index.ts';
import { useThrowawayDatabase } from './testing/throwaway-fixture.ts';

const col = (m: Model, table: string, column: string) => m.tables.find((t) => t.name === table)!.columns.find((c) => c.name === column)!.id;

/** The e-commerce core, drawn step by step as a user would. */
function drawModel(): Model {
  let m = emptyModel();
  m = ops.addEnum(m, { id: 'status', name: 'order_status', values: ['pending', 'paid', 'cancelled'] });
  m = ops.addDomain(m, { id: 'email', name: 'email_address', type: { name: 'text' }, checks: [{ expression: "VALUE ~ '@'" }] });
  m = ops.addTable(m, { id: 'customers', name: 'customers', withIdColumn: true });
  m = ops.addColumn(m, { tableId: 'customers', name: 'email', type: { name: 'email_address', schema: 'public' }, notNull: true });
  m = ops.addColumn(m, { tableId: 'customers', name: 'created_at', type: { name: 'timestamp with time zone' }, notNull: true, default: 'now()' });
  m = ops.addIndex(m, { tableId: 'customers', unique: true, items: [{ expression: 'lower(email)' }] });
  m = ops.addTable(m, { id: 'products', name: 'products', withIdColumn: true });
  m = ops.addColumn(m, { tableId: 'products', name: 'price', type: { name: 'numeric', args: [10, 2] }, notNull: true });
  m = ops.addCheck(m, { tableId: 'products', expression: 'price >= 0' });
  m = ops.addTable(m, { id: 'categories', name: 'categories', withIdColumn: true });
  m = ops.addManyToMany(m, { leftTableId: 'products', rightTableId: 'categories', id: 'junction' });
  m = ops.addTable(m, { id: 'orders', name: 'orders', withIdColumn: true });
  m = ops.addForeignKey(m, { tableId: 'orders', refTableId: 'customers' });
  m = ops.addColumn(m, { tableId: 'orders', name: 'status', type: { name: 'order_status', schema: 'public' }, notNull: true, default: "'pending'::order_status" });
  m = ops.addIndex(m, { tableId: 'orders', columns: [col(m, 'orders', 'customer_id')], include: [col(m, 'orders', 'status')], where: "status <> 'cancelled'" });
  m = ops.addIndex(m, { tableId: 'orders', columns: [col(m, 'orders', 'customer_id')] });
  m = ops.addIndex(m, { tableId: 'junction', columns: [col(m, 'product_category', 'category_id')] });
  m = ops.addView(m, { name: 'open_orders', definition: "SELECT orders.id, orders.customer_id FROM public.orders WHERE orders.status <> 'cancelled'" });
  // Renames after the fact: expressions, casts and view queries must follow.
  m = ops.renameColumn(m, { tableId: 'products', columnId: col(m, 'products', 'price'), name: 'unit_price' });
  m = ops.updateEnum(m, { enumId: 'status', patch: { name: 'purchase_status' } });
  m = ops.renameEnumValue(m, { enumId: 'status', from: 'pending', to: 'open' });
  return ops.renameTable(m, { tableId: 'orders', name: 'purchases' });
}

describe('a model drawn with the ops', () => {
  const model = drawModel();
  const { client } = useThrowawayDatabase('model_ops');

  it('has no lint errors', () => {
    expect(lintModel(model).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('loads into PostgreSQL 15', async () => {
    await client.exec(generatePostgres(model));
    const tables = await client.query<{ name: string }>("SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1");
    expect(tables.map((t) => t.name)).toEqual(['categories', 'customers', 'product_category', 'products', 'purchases']);
  });

  it('enforces what was drawn', async () => {
    await client.exec(`INSERT INTO customers (email) VALUES ('ann@example.com');
      INSERT INTO products (unit_price) VALUES (5); INSERT INTO categories DEFAULT VALUES;
      INSERT INTO product_category (product_id, category_id) SELECT p.id, c.id FROM products p, categories c;
      INSERT INTO purchases (customer_id) SELECT id FROM customers;`);
    await expect(client.exec(`INSERT INTO customers (email) VALUES ('no-at-sign')`)).rejects.toThrow(/email_address/);
    await expect(client.exec(`INSERT INTO customers (email) VALUES ('ANN@example.com')`)).rejects.toThrow(/duplicate key/);
    await expect(client.exec('INSERT INTO products (unit_price) VALUES (-1)')).rejects.toThrow(/check constraint/);
    await expect(client.exec('INSERT INTO purchases (customer_id) VALUES (999)')).rejects.toThrow(/foreign key/);
    expect(await client.query('SELECT status::text AS status FROM purchases')).toEqual([{ status: 'open' }]);
    expect(await client.query('SELECT count(*)::int AS n FROM open_orders')).toEqual([{ n: 1 }]);
    await client.exec('DELETE FROM products');
    expect(await client.query('SELECT count(*)::int AS n FROM product_category')).toEqual([{ n: 0 }]);
  });
});
