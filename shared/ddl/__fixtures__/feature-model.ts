/**
 * A model that uses every part of the document at least once: the golden script test
 * (generate.test.ts) prints it, and server/ddl-load.test.ts loads it into PostgreSQL 15 and checks
 * the catalog against it. Defaults are written the way PostgreSQL prints them back (pg_get_expr),
 * so "the database holds what the model says" can be checked literally.
 */
import type { Model, RawObject, View } from '../../model/document.ts';
import { emptyModel } from '../../model/empty.ts';
import { derivedId } from '../../model/ids.ts';
import { table } from '../../model/templates/build.ts';

const warehouses = table({
  schema: 'inventory', name: 'warehouses', comment: 'Where stock is kept',
  columns: {
    id: { type: 'integer', notNull: true, identity: { kind: 'always', options: { start: '10', increment: '5' } } },
    code: { type: 'public.citext', notNull: true, comment: 'Short code, case-insensitive' },
    name: { type: 'text', collation: 'C' },
    region: { type: 'character(2)' },
    capacity: { type: 'numeric(12,3)', default: '0' },
    tags: { type: 'text[]', default: "'{}'::text[]" },
    opened_at: { type: 'timestamp(3) with time zone' },
  },
  primaryKey: ['id'],
  uniques: [{ name: 'warehouses_code_uq', columns: ['code'], nullsNotDistinct: true, comment: 'One code per warehouse' }],
  indexes: [{ method: 'gin', items: ['tags'] }],
});

const order = table({
  name: 'Order', comment: "Customers' orders",
  columns: {
    id: { type: 'bigint', notNull: true, identity: { kind: 'by-default' } },
    number: { type: 'bigint', notNull: true, default: "nextval('order_number_seq'::regclass)" },
    customer: { type: 'text', notNull: true },
    user: { type: 'text' },
    placed_at: { type: 'timestamp with time zone', notNull: true, default: 'now()' },
    mood: { type: 'inventory.mood', default: "'happy'::inventory.mood" },
    qty: { type: 'inventory.small_positive' },
    price: { type: 'numeric(10,2)' },
    total: { type: 'numeric', generated: '(qty)::numeric * price' },
  },
  primaryKey: ['id'],
  uniques: [{ columns: ['customer', 'placed_at'], deferrable: true, initiallyDeferred: true }],
  checks: [
    { expression: 'price >= 0', comment: 'No negative prices' },
    { name: 'qty_is_even', expression: 'public.is_even(qty)', noInherit: true },
  ],
});

const products = table({
  name: 'products',
  columns: { sku: { type: 'character varying(40)', notNull: true }, variant: { type: 'integer', notNull: true }, title: { type: 'text' } },
  primaryKey: ['sku', 'variant'],
  // Same columns as the primary key: a second index, which CREATE TABLE alone would merge away.
  uniques: [{ name: 'products_sku_variant_key', columns: ['sku', 'variant'] }],
});

const orderLines = table({
  name: 'order_lines',
  columns: {
    order_id: { type: 'bigint', notNull: true }, line_no: { type: 'smallint', notNull: true },
    warehouse_id: { type: 'integer' }, sku: { type: 'character varying(40)' }, variant: { type: 'integer' },
    qty: { type: 'integer', notNull: true, default: '1' },
  },
  primaryKey: ['order_id', 'line_no'],
  checks: [{ name: 'order_lines_qty_positive', expression: 'qty > 0', notValid: true }],
  foreignKeys: [
    { columns: ['order_id'], references: 'Order', onDelete: 'cascade', onUpdate: 'cascade' },
    { columns: ['warehouse_id'], references: 'inventory.warehouses', onDelete: 'set-null', deferrable: true, initiallyDeferred: true },
    { name: 'order_lines_product_fk', columns: ['sku', 'variant'], references: 'products', refColumns: ['sku', 'variant'], match: 'full', onDelete: 'restrict' },
  ],
  indexes: [
    { items: [{ expression: 'lower((sku)::text)', order: 'desc', nulls: 'last' }] },
    { name: 'order_lines_sku_pattern', items: [{ column: 'sku', opclass: 'varchar_pattern_ops' }, { column: 'variant', order: 'desc' }] },
    { name: 'order_lines_sku_c', items: [{ column: 'sku', collation: 'C', nulls: 'first' }], with: { fillfactor: '70' }, comment: 'Byte order' },
    { items: ['warehouse_id'], include: ['qty'], where: '(qty > 0)' },
    { name: 'order_lines_one_sku', unique: true, items: ['order_id', 'sku'], nullsNotDistinct: true },
  ],
});

const events = table({
  name: 'events',
  columns: { id: { type: 'bigint', notNull: true }, at: { type: 'date', notNull: true }, payload: { type: 'jsonb' } },
  primaryKey: ['id', 'at'],
});
events.partitioning = { strategy: 'range', key: 'at' };
events.indexes.push({ id: derivedId.index('public', 'events_at_idx'), unique: false, items: [{ column: events.columns[1].id }] });
const partition = (name: string, bound: string) => {
  // The partition's primary key comes from the parent's (PostgreSQL names it `<partition>_pkey`).
  const t = table({ name, columns: { id: { type: 'bigint', notNull: true }, at: { type: 'date', notNull: true }, payload: { type: 'jsonb' } }, primaryKey: ['id', 'at'] });
  t.partitionOf = { parentId: events.id, bound };
  // One partition brings its own index matching the parent's: it must be attached, not duplicated.
  // Another says more about a column than its parent does.
  if (name === 'events_default') Object.assign(t.columns[2], { notNull: true, default: "'{}'::jsonb" });
  if (name === 'events_2024') t.indexes.push({ id: derivedId.index('public', 'events_2024_by_day'), name: 'events_2024_by_day', unique: false, items: [{ column: t.columns[1].id }] });
  return t;
};

const vehicles = table({ name: 'vehicles', columns: { id: { type: 'integer', notNull: true }, name: { type: 'text' } } });
const cars = table({ name: 'cars', columns: { id: { type: 'integer', notNull: true }, name: { type: 'text' }, wheels: { type: 'integer', default: '4' } } });
cars.inherits = [vehicles.id];

const cache = table({ name: 'cache', columns: { key: { type: 'text', notNull: true }, value: { type: 'jsonb' } }, primaryKey: ['key'] });
cache.unlogged = true;
cache.primaryKey!.deferrable = true;
cache.primaryKey!.initiallyDeferred = true;
cache.with = { fillfactor: '80' };

// A foreign-key cycle: only works because foreign keys come after every table.
const departments = table({
  name: 'departments', columns: { id: { type: 'integer', notNull: true }, head_id: { type: 'integer' } },
  primaryKey: ['id'], foreignKeys: [{ columns: ['head_id'], references: 'employees' }],
});
const employees = table({
  name: 'employees', columns: { id: { type: 'integer', notNull: true }, department_id: { type: 'integer' } },
  primaryKey: ['id'], foreignKeys: [{ columns: ['department_id'], references: 'departments' }],
});

const view = (schema: string, name: string, definition: string, extra: Partial<View> = {}): View => ({
  id: derivedId.view(schema, name), schema, name, materialized: false, definition, ...extra,
});

const raw = (kind: RawObject['kind'], name: string, definition: string, extra: Partial<RawObject> = {}): RawObject => ({
  id: derivedId.raw(kind, 'public', name), kind, schema: 'public', name, definition, ...extra,
});

/** Ex: `featureModel().tables.length` → 13. */
export function featureModel(): Model {
  const model = emptyModel();
  model.schemas[0].comment = 'Standard public schema';
  model.schemas.push({ id: derivedId.schema('inventory'), name: 'inventory', comment: 'Stock and warehouses' });
  model.extensions.push({ id: derivedId.extension('citext'), name: 'citext', schema: 'public', comment: 'data type for case-insensitive character strings' });
  model.enums.push({ id: derivedId.enum('inventory', 'mood'), schema: 'inventory', name: 'mood', values: ['happy', 'sad', "it's complicated"], comment: 'How it went' });
  // Listed before the domain it is built on: the generator must reorder.
  model.domains.push(
    {
      id: derivedId.domain('inventory', 'small_positive'), schema: 'inventory', name: 'small_positive',
      // A domain over a domain starts with its base's default (PostgreSQL copies it): the model says so.
      type: { name: 'positive_int', schema: 'inventory' }, notNull: false, default: '1',
      checks: [{ id: derivedId.domainCheck('inventory', 'small_positive', 'small_positive_check'), expression: 'VALUE < 100' }],
    },
    {
      id: derivedId.domain('inventory', 'positive_int'), schema: 'inventory', name: 'positive_int', type: { name: 'integer' },
      notNull: false, default: '1', comment: 'Whole numbers above zero',
      checks: [{ id: derivedId.domainCheck('inventory', 'positive_int', 'positive'), name: 'positive', expression: 'VALUE > 0' }],
    },
  );
  model.domains.push({
    id: derivedId.domain('inventory', 'short_code'), schema: 'inventory', name: 'short_code', type: { name: 'text' }, notNull: true,
    collation: 'C', checks: [{ id: derivedId.domainCheck('inventory', 'short_code', 'short_code_check'), expression: 'length(VALUE) <= 10' }],
  });
  model.sequences.push(
    {
      // OWNED BY needs the table's schema.
      id: derivedId.sequence('public', 'order_number_seq'), schema: 'public', name: 'order_number_seq', dataType: 'bigint',
      start: '1000', increment: '10', minValue: '1000', maxValue: '9999990', cache: '5', cycle: true,
      ownedBy: { tableId: order.id, columnId: order.columns[1].id }, comment: 'Order numbers',
    },
    { id: derivedId.sequence('public', 'tickets'), schema: 'public', name: 'tickets' },
  );
  model.tables.push(warehouses, order, orderLines, products, partition('events_2024', "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
    events, partition('events_default', 'DEFAULT'), cars, vehicles, cache, departments, employees);
  model.views.push(
    view('public', 'big_orders', 'SELECT id, total FROM order_totals WHERE total > 100', { with: { security_barrier: 'true' } }),
    view('public', 'order_totals', 'SELECT o.id, sum(l.qty) AS total FROM "Order" o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id', {
      comment: 'Quantity per order', columns: [{ name: 'id' }, { name: 'total', comment: 'Items in the order' }],
    }),
    // An updatable view whose inserts get a title the table's own default would not give.
    view('public', 'titled_products', 'SELECT sku, variant, title FROM products WHERE title IS NOT NULL', {
      with: { check_option: 'local' }, columns: [{ name: 'title', default: "'untitled'::text" }],
    }),
    // Created empty, as pg_dump --schema-only writes every materialized view.
    view('inventory', 'stock', 'SELECT warehouse_id, sum(qty) AS qty FROM order_lines GROUP BY warehouse_id', {
      materialized: true, withNoData: true, comment: 'Stock per warehouse',
      indexes: [{ id: derivedId.index('inventory', 'stock_warehouse_id_idx'), unique: true, items: [{ expression: 'warehouse_id' }] }],
    }),
  );
  model.rawObjects.push(
    raw('function', 'is_even', 'CREATE FUNCTION public.is_even(n integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT n % 2 = 0 $$;'),
    raw('function', 'touch', 'CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.placed_at := now(); RETURN NEW; END $$;'),
    raw('trigger', 'order_touch', 'CREATE TRIGGER order_touch BEFORE UPDATE ON public."Order" FOR EACH ROW EXECUTE FUNCTION public.touch();', { tableId: order.id }),
    raw('other', 'cache_rls', 'ALTER TABLE public.cache ENABLE ROW LEVEL SECURITY;'),
    raw('policy', 'cache_read', 'CREATE POLICY cache_read ON public.cache FOR SELECT USING (true);', { tableId: cache.id }),
  );
  return model;
}
