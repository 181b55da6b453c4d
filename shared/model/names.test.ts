import { describe, expect, it } from 'vitest';
import type { Column, Index, Model, Table } from './document.ts';
import { emptyModel } from './empty.ts';
import { figureColname, checkColumnName } from './name-parts.ts';
import { effectiveName, makeObjectName, resolveNames, utf8Length, withEffectiveNames } from './names.ts';

const col = (name: string): Column => ({ id: `c.${name}`, name, type: { name: 'integer' }, notNull: false });
const table = (name: string, columns: string[], extra: Partial<Table> = {}): Table => ({
  id: `t.${name}`, schema: 'public', name, columns: columns.map(col),
  uniques: [], checks: [], foreignKeys: [], indexes: [], ...extra,
});
let indexCount = 0;
const index = (items: Index['items'], extra: Partial<Index> = {}): Index => ({ id: `i.${(indexCount += 1)}`, unique: false, items, ...extra });

describe('makeObjectName', () => {
  const long = 'a'.repeat(40);
  it.each([
    ['orders', 'customer_id', 'fkey', 'orders_customer_id_fkey'],
    ['orders', undefined, 'pkey', 'orders_pkey'],
    ['orders', undefined, 'check', 'orders_check'],
    // 63 bytes: the longer part loses characters first, the label always survives.
    [long, 'b'.repeat(30), 'key', `${'a'.repeat(29)}_${'b'.repeat(29)}_key`],
    ['a'.repeat(60), 'short', 'idx', `${'a'.repeat(53)}_short_idx`],
    ['é'.repeat(40), undefined, 'pkey', `${'é'.repeat(29)}_pkey`],
  ])('makeObjectName(%s, %s, %s) = %s', (name1, name2, label, expected) => {
    const name = makeObjectName(name1, name2, label);
    expect(name).toBe(expected);
    expect(utf8Length(name)).toBeLessThanOrEqual(63);
  });
});

describe('figureColname (index expression parts)', () => {
  it.each([
    ['lower(email)', 'lower'],
    ['(lower(email))', 'lower'],
    ['public.lower(email)', 'lower'],
    ["data ->> 'k'", undefined],
    ['a + b', undefined],
    ['name::text', 'name'],
    ["(data->>'k')::int", 'int4'],
    ["(data->>'k')::integer", 'int4'],
    ["(data->>'k')::double precision", 'float8'],
    ["(data->>'k')::character varying(20)", 'varchar'],
    ["(data->>'k')::char(3)", 'bpchar'],
    ["(data->>'k')::boolean", 'bool'],
    ["(data->>'k')::public.citext", 'citext'],
    ["(data->>'k')::timestamp(3) with time zone", 'timestamptz'],
    ["CAST(data->>'k' AS bigint)", 'int8'],
    ['CAST(x AS text)', 'x'],
    ['y::real', 'y'],
    ['x COLLATE "C"', 'x'],
    ["data->'a'->>'b'", undefined],
    ["coalesce(x, 'a')", 'coalesce'],
    ['CASE WHEN a THEN 1 END', 'case'],
    ['COALESCE(a, b)', 'coalesce'],
    ['tags[1]', 'tags'],
    ['"Mixed"', 'Mixed'],
    ["lower(a) || 'x(y'", undefined],
  ])('%s → %s', (expression, expected) => {
    expect(figureColname(expression)).toBe(expected);
  });
});

describe('checkColumnName', () => {
  const columns = ['price', 'qty', 'Email'].map((name) => ({ name }));
  it.each([
    ['price >= 0', 'price'],
    ['price >= 0 AND price < 100', 'price'],
    ['qty * price > 0', undefined],
    ["\"Email\" ~* '^qty'", 'Email'],
    ['length(price::text) > 0', 'price'],
    ['true', undefined],
  ])('%s → %s', (expression, expected) => {
    expect(checkColumnName(expression, columns)).toBe(expected);
  });
});

describe('effectiveName', () => {
  const t = table('order_items', ['order_id', 'product_id', 'qty', 'price']);
  const id = (name: string) => `c.${name}`;
  it.each([
    ['pkey', { id: 'pk', columns: [id('order_id'), id('product_id')] }, 'order_items_pkey'],
    ['key', { id: 'u', columns: [id('order_id'), id('product_id')] }, 'order_items_order_id_product_id_key'],
    ['fkey', { id: 'f', columns: [id('order_id')], refTableId: 'x', refColumns: ['y'], onDelete: 'no-action', onUpdate: 'no-action', match: 'simple' }, 'order_items_order_id_fkey'],
    ['check', { id: 'k', expression: 'qty > 0' }, 'order_items_qty_check'],
    ['check', { id: 'k', expression: 'qty * price > 0' }, 'order_items_check'],
    ['idx', index([{ column: id('qty') }, { expression: 'lower(x)' }], { include: [id('price')] }), 'order_items_qty_lower_price_idx'],
    ['idx', index([{ expression: 'lower(a)' }, { expression: 'lower(b)' }]), 'order_items_lower_lower1_idx'],
    ['idx', index([{ expression: 'a + b' }], { unique: true }), 'order_items_expr_idx'],
    ['key', { id: 'u', name: 'given', columns: [id('qty')] }, 'given'],
  ] as const)('%s → %s', (kind, object, expected) => {
    expect(effectiveName(t, object as never, kind)).toBe(expected);
  });
});

describe('resolveNames: numeric suffix on collision within a schema', () => {
  const model = (tables: Table[]): Model => ({ ...emptyModel(), tables });
  it('suffixes a check name already used by another table in the schema', () => {
    // `a_b` with check on `c` and `a` with check on `b_c` both default to a_b_c_check.
    const first = table('a_b', ['c'], { checks: [{ id: 'k1', expression: 'c > 0' }] });
    const second = table('a', ['b_c'], { checks: [{ id: 'k2', expression: 'b_c > 0' }] });
    const names = resolveNames(model([first, second]));
    expect([names.get('k1'), names.get('k2')]).toEqual(['a_b_c_check', 'a_b_c_check1']);
  });
  it('suffixes an index name that collides with a table name, and two equal indexes', () => {
    const t = table('t', ['a'], { indexes: [index([{ column: 'c.a' }], { id: 'i1' }), index([{ column: 'c.a' }], { id: 'i2' })] });
    const names = resolveNames(model([t, table('t_a_idx', ['x'])]));
    expect([names.get('i1'), names.get('i2')]).toEqual(['t_a_idx1', 't_a_idx2']);
  });
  it('keeps explicit names and avoids them', () => {
    const t = table('t', ['a'], {
      primaryKey: { id: 'pk', columns: ['c.a'] },
      uniques: [{ id: 'u', columns: ['c.a'] }],
      checks: [{ id: 'k', name: 't_a_key', expression: 'a > 0' }],
    });
    const names = resolveNames(model([t]));
    expect([names.get('pk'), names.get('u'), names.get('k')]).toEqual(['t_pkey', 't_a_key1', 't_a_key']);
  });
  it('withEffectiveNames fills every name and leaves the input untouched', () => {
    const t = table('t', ['a'], { primaryKey: { id: 'pk', columns: ['c.a'] } });
    const m = model([t]);
    const named = withEffectiveNames(m);
    expect(named.tables[0].primaryKey?.name).toBe('t_pkey');
    expect(m.tables[0].primaryKey?.name).toBeUndefined();
  });
});
