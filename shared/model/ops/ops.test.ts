import { describe, expect, it } from 'vitest';
import type { Model, Table } from '../document.ts';
import { documentZod } from '../document.ts';
import { makeDocument } from '../empty.ts';
import { buildModel, colId, tableId } from '../model-builder.ts';
import * as ops from './index.ts';
import { referenceProblems } from '../references.ts';

const base = (): Model =>
  buildModel({
    tables: [
      { name: 'customers', columns: ['id bigint!', 'email public.email_address!'], pk: ['id'] },
      {
        name: 'orders',
        columns: ['id bigint!', 'customer_id bigint!', "status public.order_status! = 'pending'::order_status"],
        pk: ['id'],
        fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }],
        indexes: [['customer_id']],
      },
      { name: 'products', columns: ['id integer!', 'name text', 'price numeric(10,2)'], pk: ['id'], checks: ['price >= 0'] },
      { name: 'categories', columns: ['id integer!', 'parent_id integer'], pk: ['id'], fks: [{ columns: ['parent_id'], ref: 'categories', refColumns: ['id'] }] },
      {
        name: 'order_items',
        columns: ['order_id bigint!', 'product_id integer!', 'qty integer!'],
        pk: ['order_id', 'product_id'],
        uniques: [['order_id', 'qty']],
        fks: [
          { columns: ['order_id'], ref: 'orders', refColumns: ['id'] },
          { columns: ['product_id'], ref: 'products', refColumns: ['id'] },
        ],
        indexes: [['product_id'], ['qty', 'product_id']],
      },
      { name: 'audit', schema: 'ops', columns: ['id bigint!'], pk: ['id'] },
    ],
    enums: [{ name: 'order_status', values: ['pending', 'paid'] }],
    domains: [{ name: 'email_address', type: 'text' }],
  });

const table = (m: Model, name: string, schema = 'public'): Table => {
  const t = m.tables.find((x) => x.name === name && x.schema === schema);
  if (!t) throw new Error(`no table ${schema}.${name}`);
  return t;
};
const names = (m: Model) => m.tables.map((t) => `${t.schema}.${t.name}`);
const colNames = (t: Table) => t.columns.map((c) => c.name);

interface Case {
  title: string;
  run: (m: Model) => Model;
  /** Tables (by name) allowed to change; every other table must keep its identity. */
  changes: string[];
  check: (after: Model, before: Model) => void;
}

const cases: Case[] = [
  { title: 'addTable with an id column and a new schema', changes: [], run: (m) => ops.addTable(m, { id: 't1', schema: 'sales', withIdColumn: true }), check: (a) => {
    const t = a.tables.find((x) => x.id === 't1')!;
    expect([t.schema, t.name, colNames(t)]).toEqual(['sales', 'table_1', ['id']]);
    expect(t.primaryKey?.columns).toEqual([t.columns[0].id]);
    expect(a.schemas.map((s) => s.name)).toContain('sales');
  } },
  { title: 'addTable picks the first free default name', changes: [], run: (m) => ops.addTable(ops.addTable(m, { name: 'table_1' }), { id: 't2' }), check: (a) => {
    expect(a.tables.find((x) => x.id === 't2')!.name).toBe('table_2');
  } },
  { title: 'renameTable keeps the id', changes: ['orders'], run: (m) => ops.renameTable(m, { tableId: tableId('orders'), name: 'purchases' }), check: (a) => {
    expect(a.tables.find((t) => t.id === tableId('orders'))!.name).toBe('purchases');
  } },
  { title: 'renameTable rewrites view queries and the SQL of its triggers', changes: ['orders'], run: (m) => {
    let next = ops.addView(m, { id: 'v', name: 'open_orders', definition: "SELECT o.id FROM public.orders o WHERE o.id > 0 AND 'orders' <> ''" });
    next = ops.addRawObject(next, { id: 'tr', kind: 'trigger', name: 'touch', tableId: tableId('orders'), definition: 'CREATE TRIGGER touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()' });
    next = ops.addRawObject(next, { id: 'fn', kind: 'function', name: 'count_orders', definition: 'CREATE FUNCTION count_orders() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders $$' });
    return ops.renameTable(next, { tableId: tableId('orders'), name: 'purchases' });
  }, check: (a) => {
    expect(a.views[0].definition).toBe("SELECT o.id FROM public.purchases o WHERE o.id > 0 AND 'orders' <> ''");
    expect(a.rawObjects[0].definition).toContain('ON purchases FOR EACH ROW');
    expect(a.rawObjects[1].definition).toContain('FROM orders $$');
  } },
  { title: 'setTableSchema adds the schema', changes: ['products'], run: (m) => ops.setTableSchema(m, { tableId: tableId('products'), schema: 'catalog' }), check: (a) => {
    expect(table(a, 'products', 'catalog').id).toBe(tableId('products'));
    expect(a.schemas.map((s) => s.name)).toContain('catalog');
  } },
  { title: 'setTableComment sets then clears', changes: ['orders'], run: (m) => ops.setTableComment(ops.setTableComment(m, { tableId: tableId('orders'), comment: 'x' }), { tableId: tableId('orders'), comment: '' }), check: (a) => {
    expect('comment' in table(a, 'orders')).toBe(false);
  } },
  { title: 'deleteTable drops foreign keys pointing at it', changes: ['order_items'], run: (m) => ops.deleteTable(m, { tableId: tableId('products') }), check: (a) => {
    expect(names(a)).not.toContain('public.products');
    expect(table(a, 'order_items').foreignKeys.map((f) => f.refTableId)).toEqual([tableId('orders')]);
  } },
  { title: 'duplicateTable gives fresh ids and remaps self references', changes: [], run: (m) => ops.duplicateTable(m, { tableId: tableId('categories'), id: 'copy' }), check: (a, b) => {
    const copy = a.tables.find((t) => t.id === 'copy')!;
    expect(copy.name).toBe('categories_copy');
    const originalIds = new Set(table(b, 'categories').columns.map((c) => c.id));
    expect(copy.columns.some((c) => originalIds.has(c.id))).toBe(false);
    expect(copy.foreignKeys[0].refTableId).toBe('copy');
    expect(copy.foreignKeys[0].refColumns).toEqual([copy.primaryKey!.columns[0]]);
  } },
  { title: 'addColumn at a position with a default name', changes: ['products'], run: (m) => ops.addColumn(m, { tableId: tableId('products'), index: 1 }), check: (a) => {
    expect(colNames(table(a, 'products'))).toEqual(['id', 'column_1', 'name', 'price']);
  } },
  { title: 'renameColumn keeps the id', changes: ['products'], run: (m) => ops.renameColumn(m, { tableId: tableId('products'), columnId: colId('products', 'name'), name: 'title' }), check: (a) => {
    expect(table(a, 'products').columns[1]).toMatchObject({ id: colId('products', 'name'), name: 'title' });
  } },
  { title: 'renameColumn rewrites the expressions of its table that name it', changes: ['products'], run: (m) => {
    const t = tableId('products');
    let next = ops.addIndex(m, { tableId: t, id: 'i', items: [{ expression: 'lower(name)' }], where: "price > 0 AND name <> 'price'" });
    next = ops.updateColumn(next, { tableId: t, columnId: colId('products', 'name'), patch: { generated: 'price * 2' } });
    next = ops.setTableOptions(next, { tableId: t, patch: { partitioning: { strategy: 'range', key: 'price' } } });
    return ops.renameColumn(next, { tableId: t, columnId: colId('products', 'price'), name: 'unit_price' });
  }, check: (a) => {
    const t = table(a, 'products');
    expect(t.checks[0].expression).toBe('unit_price >= 0');
    expect(t.indexes[0].where).toBe("unit_price > 0 AND name <> 'price'");
    expect(t.indexes[0].items[0].expression).toBe('lower(name)');
    expect(t.columns[1].generated).toBe('unit_price * 2');
    expect(t.partitioning?.key).toBe('unit_price');
  } },
  { title: 'updateColumn identity forces NOT NULL and drops the default', changes: ['products'], run: (m) => {
    const step = ops.updateColumn(m, { tableId: tableId('products'), columnId: colId('products', 'name'), patch: { default: "'x'" } });
    return ops.updateColumn(step, { tableId: tableId('products'), columnId: colId('products', 'name'), patch: { identity: { kind: 'by-default' } } });
  }, check: (a) => {
    const c = table(a, 'products').columns[1];
    expect([c.notNull, c.default, c.identity?.kind]).toEqual([true, undefined, 'by-default']);
  } },
  { title: 'updateColumn generated drops identity; null removes fields', changes: ['products'], run: (m) => ops.updateColumn(m, { tableId: tableId('products'), columnId: colId('products', 'price'), patch: { generated: 'id * 2', comment: 'c', collation: null } }), check: (a) => {
    expect(table(a, 'products').columns[2]).toMatchObject({ generated: 'id * 2', comment: 'c' });
  } },
  { title: 'updateColumn: a new key type carries over to the referencing columns', changes: ['products', 'order_items'], run: (m) => ops.updateColumn(m, { tableId: tableId('products'), columnId: colId('products', 'id'), patch: { type: { name: 'bigint' } } }), check: (a) => {
    expect(table(a, 'order_items').columns[1].type).toEqual({ name: 'bigint' });
    expect(table(a, 'order_items').columns[0].type).toEqual({ name: 'bigint' });
  } },
  { title: 'updateColumn keeps a primary-key column NOT NULL', changes: [], run: (m) => ops.updateColumn(m, { tableId: tableId('products'), columnId: colId('products', 'id'), patch: { notNull: false } }), check: (a, b) => {
    expect(a).toBe(b);
  } },
  { title: 'deleteColumn drops constraints, indexes and referencing keys', changes: ['order_items'], run: (m) => ops.deleteColumn(m, { tableId: tableId('order_items'), columnId: colId('order_items', 'product_id') }), check: (a) => {
    const t = table(a, 'order_items');
    expect(colNames(t)).toEqual(['order_id', 'qty']);
    expect(t.primaryKey).toBeUndefined();
    expect(t.uniques).toHaveLength(1);
    expect(t.foreignKeys.map((f) => f.refTableId)).toEqual([tableId('orders')]);
    expect(t.indexes).toEqual([]);
  } },
  { title: 'deleteColumn of a referenced column drops the foreign keys of other tables', changes: ['customers', 'orders'], run: (m) => ops.deleteColumn(m, { tableId: tableId('customers'), columnId: colId('customers', 'id') }), check: (a) => {
    expect(table(a, 'orders').foreignKeys).toEqual([]);
    expect(table(a, 'customers').primaryKey).toBeUndefined();
  } },
  { title: 'deleteColumn drops the checks that read the column', changes: ['products'], run: (m) => ops.deleteColumn(m, { tableId: tableId('products'), columnId: colId('products', 'price') }), check: (a) => {
    expect(table(a, 'products').checks).toEqual([]);
    expect(colNames(table(a, 'products'))).toEqual(['id', 'name']);
  } },
  { title: 'deleteColumn keeps the checks that do not read the column', changes: ['products'], run: (m) => ops.deleteColumn(m, { tableId: tableId('products'), columnId: colId('products', 'name') }), check: (a) => {
    expect(table(a, 'products').checks.map((c) => c.expression)).toEqual(['price >= 0']);
  } },
  { title: 'moveColumn reorders', changes: ['products'], run: (m) => ops.moveColumn(m, { tableId: tableId('products'), columnId: colId('products', 'price'), index: 0 }), check: (a) => {
    expect(colNames(table(a, 'products'))).toEqual(['price', 'id', 'name']);
  } },
  { title: 'setPrimaryKey makes its columns NOT NULL', changes: ['products'], run: (m) => ops.setPrimaryKey(m, { tableId: tableId('products'), columns: [colId('products', 'id'), colId('products', 'name')] }), check: (a) => {
    const t = table(a, 'products');
    expect(t.primaryKey?.columns).toHaveLength(2);
    expect(t.primaryKey?.id).toBe('pk:public.products');
    expect(t.columns[1].notNull).toBe(true);
  } },
  { title: 'setPrimaryKey sets and clears its comment, keeping the columns', changes: ['products'], run: (m) => {
    const commented = ops.setPrimaryKey(m, { tableId: tableId('products'), columns: [colId('products', 'id')], comment: 'one per product' });
    expect(table(commented, 'products').primaryKey?.comment).toBe('one per product');
    return ops.setPrimaryKey(commented, { tableId: tableId('products'), columns: [colId('products', 'id')], initiallyDeferred: true });
  }, check: (a) => {
    expect(table(a, 'products').primaryKey).toMatchObject({ columns: [colId('products', 'id')], comment: 'one per product', initiallyDeferred: true });
    expect(ops.setPrimaryKey(a, { tableId: tableId('products'), columns: [colId('products', 'id')], comment: '' }).tables.find((t) => t.name === 'products')!.primaryKey?.comment).toBeUndefined();
  } },
  { title: 'setPrimaryKey with no columns removes it', changes: ['products'], run: (m) => ops.setPrimaryKey(m, { tableId: tableId('products'), columns: [] }), check: (a) => {
    expect(table(a, 'products').primaryKey).toBeUndefined();
  } },
  { title: 'togglePrimaryKeyColumn adds and removes', changes: ['order_items'], run: (m) => ops.togglePrimaryKeyColumn(m, { tableId: tableId('order_items'), columnId: colId('order_items', 'order_id') }), check: (a) => {
    expect(table(a, 'order_items').primaryKey?.columns).toEqual([colId('order_items', 'product_id')]);
  } },
  { title: 'addUnique, updateUnique, removeUnique', changes: ['customers'], run: (m) => {
    const t = tableId('customers');
    const added = ops.addUnique(m, { tableId: t, id: 'u', columns: [colId('customers', 'email')] });
    const named = ops.updateUnique(added, { tableId: t, uniqueId: 'u', patch: { name: 'customers_email_key', nullsNotDistinct: true } });
    expect(table(named, 'customers').uniques[0]).toMatchObject({ name: 'customers_email_key', nullsNotDistinct: true });
    return ops.removeUnique(named, { tableId: t, uniqueId: 'u' });
  }, check: (a) => {
    expect(table(a, 'customers').uniques).toEqual([]);
  } },
  { title: 'addCheck, updateCheck, removeCheck', changes: ['products'], run: (m) => {
    const t = tableId('products');
    const added = ops.addCheck(m, { tableId: t, id: 'c', expression: 'id > 0' });
    const updated = ops.updateCheck(added, { tableId: t, checkId: 'c', patch: { expression: 'id > 1', name: 'positive' } });
    expect(table(updated, 'products').checks[1]).toEqual({ id: 'c', expression: 'id > 1', name: 'positive' });
    return ops.removeCheck(updated, { tableId: t, checkId: 'ck:public.products.ck0' });
  }, check: (a) => {
    expect(table(a, 'products').checks.map((c) => c.id)).toEqual(['c']);
  } },
  { title: 'addForeignKey creates the referencing column typed like the key', changes: ['products'], run: (m) => ops.addForeignKey(m, { tableId: tableId('products'), refTableId: tableId('categories'), columnIds: ['new'] }), check: (a) => {
    const t = table(a, 'products');
    expect(t.columns.at(-1)).toEqual({ id: 'new', name: 'category_id', type: { name: 'integer' }, notNull: true });
    expect(t.foreignKeys[0]).toMatchObject({ columns: ['new'], refColumns: [colId('categories', 'id')], onDelete: 'no-action' });
  } },
  { title: 'addForeignKey reuses a free column of the intended name and type', changes: ['order_items'], run: (m) => {
    const t = tableId('order_items');
    const fk = table(m, 'order_items').foreignKeys[0].id;
    const freed = ops.removeForeignKey(ops.renameColumn(m, { tableId: t, columnId: colId('order_items', 'order_id'), name: 'order_id' }), { tableId: t, foreignKeyId: fk });
    return ops.addForeignKey(freed, { tableId: t, refTableId: tableId('orders') });
  }, check: (a) => {
    const t = table(a, 'order_items');
    expect(colNames(t)).toEqual(['order_id', 'product_id', 'qty']);
    expect(t.foreignKeys.at(-1)!.columns).toEqual([colId('order_items', 'order_id')]);
  } },
  { title: 'addForeignKey creates a column when the one of that name is already a key', changes: ['order_items'], run: (m) => ops.addForeignKey(m, { tableId: tableId('order_items'), refTableId: tableId('orders') }), check: (a) => {
    expect(colNames(table(a, 'order_items'))).toEqual(['order_id', 'product_id', 'qty', 'order_id_2']);
  } },
  { title: 'addForeignKey on existing columns', changes: ['orders'], run: (m) => ops.addForeignKey(m, { tableId: tableId('orders'), refTableId: tableId('customers'), columns: [colId('orders', 'customer_id')], onDelete: 'cascade' }), check: (a) => {
    expect(table(a, 'orders').foreignKeys).toHaveLength(2);
    expect(table(a, 'orders').columns).toHaveLength(3);
  } },
  { title: 'updateForeignKey: deferrability and actions', changes: ['orders'], run: (m) => {
    const fk = table(m, 'orders').foreignKeys[0].id;
    const deferred = ops.updateForeignKey(m, { tableId: tableId('orders'), foreignKeyId: fk, patch: { initiallyDeferred: true, onDelete: 'set-null' } });
    expect(table(deferred, 'orders').foreignKeys[0]).toMatchObject({ deferrable: true, initiallyDeferred: true, onDelete: 'set-null' });
    return ops.updateForeignKey(deferred, { tableId: tableId('orders'), foreignKeyId: fk, patch: { deferrable: false } });
  }, check: (a) => {
    expect(table(a, 'orders').foreignKeys[0]).toMatchObject({ deferrable: false });
    expect('initiallyDeferred' in table(a, 'orders').foreignKeys[0]).toBe(false);
  } },
  { title: 'updateForeignKey: the referenced side follows a longer column list', changes: ['order_items'], run: (m) => {
    const t = tableId('order_items');
    const fk = table(m, 'order_items').foreignKeys[1].id;
    const retargeted = ops.updateForeignKey(m, { tableId: t, foreignKeyId: fk, patch: { refTableId: tableId('categories') } });
    expect(table(retargeted, 'order_items').foreignKeys[1].refColumns).toEqual([colId('categories', 'id')]);
    return ops.updateForeignKey(retargeted, { tableId: t, foreignKeyId: fk, patch: { columns: [colId('order_items', 'product_id'), colId('order_items', 'qty')] } });
  }, check: (a) => {
    expect(table(a, 'order_items').foreignKeys[1].refColumns).toEqual([colId('categories', 'id'), colId('categories', 'parent_id')]);
  } },
  { title: 'updateForeignKey: the referencing side follows a shorter list', changes: ['order_items'], run: (m) => {
    const t = tableId('order_items');
    const fk = table(m, 'order_items').foreignKeys[0].id;
    const wide = ops.updateForeignKey(m, { tableId: t, foreignKeyId: fk, patch: { refColumns: [colId('orders', 'id'), colId('orders', 'customer_id')] } });
    expect(table(wide, 'order_items').foreignKeys[0].columns).toEqual([colId('order_items', 'order_id'), colId('order_items', 'product_id')]);
    return ops.updateForeignKey(wide, { tableId: t, foreignKeyId: fk, patch: { refColumns: [colId('orders', 'id')] } });
  }, check: (a) => {
    expect(table(a, 'order_items').foreignKeys[0].columns).toEqual([colId('order_items', 'order_id')]);
  } },
  { title: 'removeForeignKey', changes: ['orders'], run: (m) => ops.removeForeignKey(m, { tableId: tableId('orders'), foreignKeyId: table(m, 'orders').foreignKeys[0].id }), check: (a) => {
    expect(table(a, 'orders').foreignKeys).toEqual([]);
  } },
  { title: 'addIndex, updateIndex (partial, expression, include), removeIndex', changes: ['products'], run: (m) => {
    const t = tableId('products');
    const added = ops.addIndex(m, { tableId: t, id: 'i', columns: [colId('products', 'name')], method: 'btree' });
    expect(table(added, 'products').indexes[0]).toEqual({ id: 'i', unique: false, items: [{ column: colId('products', 'name') }] });
    const updated = ops.updateIndex(added, { tableId: t, indexId: 'i', patch: { where: 'price > 0', items: [{ expression: 'lower(name)' }], include: [colId('products', 'price')], unique: true } });
    expect(table(updated, 'products').indexes[0]).toMatchObject({ where: 'price > 0', unique: true, items: [{ expression: 'lower(name)' }] });
    const cleared = ops.updateIndex(updated, { tableId: t, indexId: 'i', patch: { where: '', include: [] } });
    expect(table(cleared, 'products').indexes[0]).not.toHaveProperty('where');
    return ops.removeIndex(cleared, { tableId: t, indexId: 'i' });
  }, check: (a) => {
    expect(table(a, 'products').indexes).toEqual([]);
  } },
  { title: 'updateEnum rename propagates to columns', changes: ['orders'], run: (m) => ops.updateEnum(m, { enumId: m.enums[0].id, patch: { name: 'status', values: ['paid', 'pending', 'shipped'] } }), check: (a) => {
    expect(a.enums[0]).toMatchObject({ name: 'status', values: ['paid', 'pending', 'shipped'] });
    expect(table(a, 'orders').columns[2].type).toEqual({ name: 'status', schema: 'public' });
    expect(table(a, 'orders').columns[2].default).toBe("'pending'::status");
  } },
  { title: 'updateEnum: a move to another schema qualifies the casts', changes: ['orders'], run: (m) => ops.updateEnum(m, { enumId: m.enums[0].id, patch: { schema: 'sales' } }), check: (a) => {
    expect(table(a, 'orders').columns[2].default).toBe("'pending'::sales.order_status");
    expect(a.schemas.map((s) => s.name)).toContain('sales');
  } },
  { title: 'renameEnumValue rewrites defaults', changes: ['orders'], run: (m) => ops.renameEnumValue(m, { enumId: m.enums[0].id, from: 'pending', to: 'new' }), check: (a) => {
    expect(a.enums[0].values).toEqual(['new', 'paid']);
    expect(table(a, 'orders').columns[2].default).toBe("'new'::order_status");
  } },
  { title: 'addEnum then removeEnum turns columns into text', changes: ['orders'], run: (m) => ops.removeEnum(ops.addEnum(m, { id: 'e', name: 'mood', values: [] }), { enumId: m.enums[0].id }), check: (a) => {
    expect(a.enums.map((e) => e.id)).toEqual(['e']);
    expect(table(a, 'orders').columns[2].type).toEqual({ name: 'text' });
    expect(table(a, 'orders').columns[2].default).toBe("'pending'::text");
  } },
  { title: 'addDomain, updateDomain rename, removeDomain back to the base type', changes: ['customers'], run: (m) => {
    const added = ops.addDomain(m, { id: 'd', name: 'positive', type: { name: 'integer' }, checks: [{ expression: 'VALUE > 0' }] });
    expect(added.domains[1].checks[0].expression).toBe('VALUE > 0');
    const renamed = ops.updateDomain(added, { domainId: m.domains[0].id, patch: { name: 'email' } });
    expect(table(renamed, 'customers').columns[1].type).toEqual({ name: 'email', schema: 'public' });
    return ops.removeDomain(renamed, { domainId: m.domains[0].id });
  }, check: (a) => {
    expect(table(a, 'customers').columns[1].type).toEqual({ name: 'text' });
  } },
  { title: 'addManyToMany builds a junction table', changes: [], run: (m) => ops.addManyToMany(m, { leftTableId: tableId('products'), rightTableId: tableId('categories'), id: 'j' }), check: (a) => {
    const j = a.tables.find((t) => t.id === 'j')!;
    expect([j.name, colNames(j)]).toEqual(['product_category', ['product_id', 'category_id']]);
    expect(j.primaryKey?.columns).toEqual(j.columns.map((c) => c.id));
    expect(j.foreignKeys.map((f) => [f.refTableId, f.onDelete])).toEqual([[tableId('products'), 'cascade'], [tableId('categories'), 'cascade']]);
  } },
  { title: 'addManyToMany of a table with itself', changes: [], run: (m) => ops.addManyToMany(m, { leftTableId: tableId('customers'), rightTableId: tableId('customers'), id: 'j' }), check: (a) => {
    expect(colNames(a.tables.find((t) => t.id === 'j')!)).toEqual(['customer_id', 'customer_id_2']);
  } },
  { title: 'addSchema then renameSchema moves its objects', changes: ['audit'], run: (m) => ops.renameSchema(ops.addSchema(m, { name: 'x' }), { schemaId: 'schema:ops', name: 'operations' }), check: (a) => {
    expect(a.schemas.map((s) => s.name)).toEqual(['public', 'operations', 'x']);
    expect(table(a, 'audit', 'operations').id).toBe(tableId('audit', 'ops'));
  } },
  { title: 'setTableSchema and renameSchema carry schema-qualified SQL along', changes: ['audit', 'orders'], run: (m) => {
    let next = ops.addView(m, { id: 'v', name: 'v', definition: 'SELECT a.id FROM ops.audit a JOIN public.orders o ON o.id = a.id' });
    next = ops.updateColumn(next, { tableId: tableId('orders'), columnId: colId('orders', 'status'), patch: { default: "'pending'::ops.order_status" } });
    next = ops.setTableSchema(next, { tableId: tableId('orders'), schema: 'sales' });
    expect(next.views[0].definition).toBe('SELECT a.id FROM ops.audit a JOIN sales.orders o ON o.id = a.id');
    return ops.renameSchema(next, { schemaId: 'schema:ops', name: 'operations' });
  }, check: (a) => {
    expect(a.views[0].definition).toBe('SELECT a.id FROM operations.audit a JOIN sales.orders o ON o.id = a.id');
    expect(a.tables.find((t) => t.name === 'orders')!.columns[2].default).toBe("'pending'::operations.order_status");
  } },
  { title: 'renameSchema rewrites types defined in it', changes: ['orders', 'customers', 'products', 'categories', 'order_items'], run: (m) => ops.renameSchema(m, { schemaId: 'schema:public', name: 'app' }), check: (a) => {
    expect(table(a, 'orders', 'app').columns[2].type).toEqual({ name: 'order_status', schema: 'app' });
    expect(a.enums[0].schema).toBe('app');
  } },
];

describe('edit ops', () => {
  it.each(cases)('$title', ({ run, changes, check }) => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = run(before);
    check(after, before);
    expect(before).toEqual(snapshot);
    for (const t of before.tables) {
      if (!changes.includes(t.name) && after.tables.includes(t) === false && after.tables.some((x) => x.id === t.id)) {
        throw new Error(`table ${t.name} lost its identity`);
      }
    }
    const doc = documentZod.safeParse(makeDocument(after));
    expect(doc.success ? [] : doc.error.issues).toEqual([]);
    expect(referenceProblems(makeDocument(after))).toEqual([]);
  });
});

describe('no-ops return the same model', () => {
  const noops: Array<[string, (m: Model) => Model]> = [
    ['rename to the same name', (m) => ops.renameTable(m, { tableId: tableId('orders'), name: 'orders' })],
    ['unknown table', (m) => ops.addColumn(m, { tableId: 'nope' })],
    ['unknown column', (m) => ops.deleteColumn(m, { tableId: tableId('orders'), columnId: 'nope' })],
    ['same schema', (m) => ops.setTableSchema(m, { tableId: tableId('orders'), schema: 'public' })],
    ['same primary key', (m) => ops.setPrimaryKey(m, { tableId: tableId('orders'), columns: [colId('orders', 'id')] })],
    ['unchanged column patch', (m) => ops.updateColumn(m, { tableId: tableId('orders'), columnId: colId('orders', 'id'), patch: { notNull: true } })],
    ['existing schema', (m) => ops.addSchema(m, { name: 'public' })],
    ['move to the same place', (m) => ops.moveColumn(m, { tableId: tableId('orders'), columnId: colId('orders', 'id'), index: 0 })],
  ];
  it.each(noops)('%s', (_title, run) => {
    const m = base();
    expect(run(m)).toBe(m);
  });
});

describe('impossible edits throw ModelOpError', () => {
  const bad: Array<[string, (m: Model) => Model, RegExp]> = [
    ['many-to-many without a key', (m) => ops.addManyToMany(ops.addTable(m, { id: 'x', name: 'x' }), { leftTableId: 'x', rightTableId: tableId('orders') }), /no primary key/],
    ['foreign key to a table without a key', (m) => ops.addForeignKey(ops.addTable(m, { id: 'x', name: 'x' }), { tableId: tableId('orders'), refTableId: 'x' }), /no primary key/],
    ['column count mismatch', (m) => ops.addForeignKey(m, { tableId: tableId('orders'), refTableId: tableId('order_items'), columns: [colId('orders', 'id')] }), /cannot reference/],
    ['rename schema onto another', (m) => ops.renameSchema(m, { schemaId: 'schema:ops', name: 'public' }), /already exists/],
    ['remove a schema that holds tables', (m) => ops.removeSchema(m, { schemaId: 'schema:ops' }), /not empty/],
    ['rename a table to nothing', (m) => ops.renameTable(m, { tableId: tableId('orders'), name: ' ' }), /needs a name/],
    ['a column name over 63 bytes', (m) => ops.renameColumn(m, { tableId: tableId('orders'), columnId: colId('orders', 'id'), name: 'é'.repeat(32) }), /63 bytes/],
    ['an index name over 63 bytes', (m) => ops.addIndex(m, { tableId: tableId('orders'), columns: [colId('orders', 'id')], name: 'x'.repeat(64) }), /63 bytes/],
    ['an empty enum value', (m) => ops.updateEnum(m, { enumId: m.enums[0].id, patch: { values: ['a', ''] } }), /cannot be empty/],
    ['a repeated enum value', (m) => ops.addEnum(m, { name: 'e', values: ['a', 'a'] }), /twice/],
    ['a foreign key with no columns', (m) => ops.updateForeignKey(m, { tableId: tableId('orders'), foreignKeyId: table(m, 'orders').foreignKeys[0].id, patch: { columns: [] } }), /at least one column/],
    ['padding beyond the available columns', (m) => ops.updateForeignKey(m, { tableId: tableId('orders'), foreignKeyId: table(m, 'orders').foreignKeys[0].id, patch: { refColumns: [colId('customers', 'id'), colId('customers', 'email'), colId('customers', 'id'), colId('customers', 'email')] } }), /not enough columns/],
  ];
  it.each(bad)('%s', (_title, run, message) => {
    expect(() => run(base())).toThrow(ops.ModelOpError);
    expect(() => run(base())).toThrow(message);
  });
});
