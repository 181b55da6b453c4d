import { describe, expect, it } from 'vitest';
import type { Model } from '../model/document.ts';
import { emptyModel } from '../model/empty.ts';
import { namedPath } from './named-path.ts';

const model: Model = {
  ...emptyModel(),
  tables: [{
    id: 't', schema: 'public', name: 'orders', uniques: [], foreignKeys: [],
    columns: [{ id: 't.a', name: 'id', type: { name: 'integer' }, notNull: true }, { id: 't.b', name: 'total', type: { name: 'numeric' }, notNull: false }],
    checks: [{ id: 't.ck', expression: 'total > 0' }],
    indexes: [{ id: 't.ix', name: 'orders_total', unique: false, items: [{ expression: 'lower(x)' }] }],
    partitioning: { strategy: 'list', key: 'id' },
  }],
  views: [{ id: 'v', schema: 'sales', name: 'totals', materialized: false, definition: 'SELECT 1' }],
  rawObjects: [{ id: 'raw:function:public.f()', kind: 'function', schema: 'public', name: 'f', definition: 'CREATE FUNCTION …' }],
};

describe('namedPath', () => {
  const cases: Array<[path: string, expected: string]> = [
    ['model.tables[0].columns[1].default', 'public.orders.total default'],
    ['model.tables[0].columns[0].type', 'public.orders.id type'],
    ['model.tables[0].checks[0].expression', 'public.orders check 1 expression'],
    ['model.tables[0].indexes[0].items[0].expression', 'public.orders index orders_total item 1 expression'],
    ['model.tables[0].indexes[0].where', 'public.orders index orders_total where'],
    ['model.tables[0].partitioning.key', 'public.orders partitioning key'],
    ['model.tables[0].with.fillfactor', 'public.orders with fillfactor'],
    ['model.views[0].definition', 'sales.totals definition'],
    ['model.rawObjects[0].id', 'public.f id'],
    ['model.tables[7].columns[0].default', 'table 8 column 1 default'],
    ['model', ''],
  ];
  it.each(cases)('%s → %s', (path, expected) => {
    expect(namedPath(model, path)).toBe(expected);
  });
});
