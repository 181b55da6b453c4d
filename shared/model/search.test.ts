import { describe, expect, it } from 'vitest';
import type { Column, Model, Table } from './document.ts';
import { emptyModel } from './empty.ts';
import { buildSearchIndex, search, wordStarts } from './search.ts';
import { searchObjects } from './object-search.ts';

describe('wordStarts', () => {
  it.each([
    ['recording_first_release_date', [10, 16, 24]],
    ['firstReleaseDate', [5, 12]],
    ['HTTPServer', [4]],
    ['order2Item', [6]],
    ['_orders', [1]],
    ['Add a table', [4, 6]],
    ['orders', []],
  ])('%s → %j', (name, starts) => {
    expect(wordStarts(name)).toEqual(starts);
  });
});

describe('search ranking', () => {
  const names = (list: string[], query: string, limit?: number) => {
    const index = buildSearchIndex(list.map((name) => ({ value: name, path: [name], name })));
    return search(index, query, limit);
  };

  it.each<[string, string[], string, string[]]>([
    ['exact before a longer name that starts with it',
      ['recording_first_release_date', 'recording'], 'recording', ['recording', 'recording_first_release_date']],
    ['exact ignores case', ['Orders', 'orders_archive'], 'ORDERS', ['Orders', 'orders_archive']],
    ['prefix before word match before substring',
      ['backorders', 'old_orders', 'orders_log'], 'orders', ['orders_log', 'old_orders', 'backorders']],
    ['camelCase words count', ['preordersx', 'customerOrders'], 'orders', ['customerOrders', 'preordersx']],
    ['a query may span words', ['recording_first_release_date', 'first_release'], 'first_release',
      ['first_release', 'recording_first_release_date']],
    ['ties: shorter first, then alphabetical', ['order_items', 'orders', 'order_lines', 'orderz'], 'order',
      ['orders', 'orderz', 'order_items', 'order_lines']],
    ['a name with a dot is still found whole', ['v1.2_notes', 'notes'], 'v1.2', ['v1.2_notes']],
    ['no match, nothing', ['orders'], 'xyz', []],
    ['blank query: everything in the given order', ['b', 'a'], '  ', ['b', 'a']],
    ['surrounding space is ignored', ['orders', 'order_items'], ' orders ', ['orders']],
  ])('%s', (_, list, query, expected) => {
    expect(names(list, query)).toEqual(expected);
  });

  it('keeps only the best `limit` hits, still best first', () => {
    const list = Array.from({ length: 200 }, (_, i) => `t${i}_orders`).concat('orders');
    expect(names(list, 'orders', 3)).toEqual(['orders', 't0_orders', 't1_orders']);
  });

  it('every entry of a lower group comes first, however well a higher one matches', () => {
    const index = buildSearchIndex([
      { value: 'column', path: ['total'], name: 'total', group: 1 },
      { value: 'table', path: ['subtotals'], name: 'subtotals', group: 0 },
    ]);
    expect(search(index, 'total')).toEqual(['table', 'column']);
  });
});

const col = (name: string): Column => ({ id: `c.${name}`, name, type: { name: 'text' }, notNull: false });
const table = (schema: string, name: string, columns: string[]): Table => ({
  id: `t.${schema}.${name}`, schema, name, columns: columns.map((c) => ({ ...col(c), id: `c.${schema}.${name}.${c}` })),
  uniques: [], checks: [], foreignKeys: [], indexes: [],
});

describe('searchObjects', () => {
  const model: Model = {
    ...emptyModel(),
    tables: [
      table('public', 'recording_first_release_date', ['recording', 'year']),
      table('public', 'recording', ['id', 'name', 'length']),
      table('public', 'recording_alias', ['id', 'name']),
      table('audit', 'log', ['id', 'entry']),
      table('public', 'log', ['id']),
      table('public', 'orders', ['id', 'total', 'total_cents']),
    ],
    views: [{ id: 'v.order_totals', schema: 'public', name: 'order_totals', materialized: false, definition: 'SELECT 1' }],
  };
  const labels = (query: string, limit?: number) => searchObjects(model, query, limit).map((h) => `${h.kind} ${h.label}`);

  it.each<[string, string, string[]]>([
    ['the exact table first, columns below the tables', 'recording', [
      'table public.recording', 'table public.recording_alias', 'table public.recording_first_release_date',
      'column public.recording_first_release_date.recording',
    ]],
    ['schema-qualified: schema and name (no table is called public: no column hit)', 'public.recording', [
      'table public.recording', 'table public.recording_alias', 'table public.recording_first_release_date',
    ]],
    ['the schema tells two tables apart', 'audit.log', ['table audit.log']],
    ['a schema prefix works too', 'aud.log', ['table audit.log']],
    ['table.column finds the column', 'recording.name', ['column public.recording.name', 'column public.recording_alias.name']],
    ['table.column, exact column before a longer one', 'orders.total', ['column public.orders.total', 'column public.orders.total_cents']],
    ['schema.table.column', 'public.orders.total_cents', ['column public.orders.total_cents']],
    ['a bare column name lists table.column hits below the table hits', 'total', [
      'view public.order_totals', 'column public.orders.total', 'column public.orders.total_cents',
    ]],
    ['an empty column part lists the columns of a table', 'orders.', [
      'column public.orders.id', 'column public.orders.total', 'column public.orders.total_cents',
    ]],
  ])('%s: %s', (_, query, expected) => {
    expect(labels(query)).toEqual(expected);
  });

  it('a column hit opens its table and names the column', () => {
    expect(searchObjects(model, 'orders.total', 1)).toEqual([
      { kind: 'column', id: 't.public.orders', columnId: 'c.public.orders.total', label: 'public.orders.total' },
    ]);
  });

  it('an empty query lists the objects, not the columns', () => {
    expect(labels('', 100).every((l) => !l.startsWith('column'))).toBe(true);
    expect(labels('', 100)).toHaveLength(7);
  });
});
