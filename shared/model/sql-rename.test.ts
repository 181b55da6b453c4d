import { describe, expect, it } from 'vitest';
import { mentionsIdentifier, renameIdentifier } from './sql-rename.ts';

describe('renameIdentifier', () => {
  const cases: Array<[sql: string, from: string, to: string, expected: string]> = [
    ['price >= 0', 'price', 'unit_price', 'unit_price >= 0'],
    ['price>=0 AND price<1000', 'price', 'cost', 'cost>=0 AND cost<1000'],
    ["note <> 'price' AND price > 0", 'price', 'cost', "note <> 'price' AND cost > 0"],
    ["note <> 'it''s price'", 'price', 'cost', "note <> 'it''s price'"],
    ['"price" > 0', 'price', 'cost', 'cost > 0'],
    ['"Price" > 0', 'price', 'cost', '"Price" > 0'],
    ['"Price" > 0', 'Price', 'cost', 'cost > 0'],
    ['PRICE > 0', 'price', 'cost', 'cost > 0'],
    ['price_total > 0 AND unit_price > 0', 'price', 'cost', 'price_total > 0 AND unit_price > 0'],
    ['lower(email)', 'lower', 'x', 'lower(email)'],
    ['lower(email)', 'email', 'mail', 'lower(mail)'],
    ['price > 0 -- price must be positive', 'price', 'cost', 'cost > 0 -- price must be positive'],
    ['status = $$price$$', 'price', 'cost', 'status = $$price$$'],
    ['price > 0', 'price', 'Unit Price', '"Unit Price" > 0'],
    ['price > 0', 'price', 'order', '"order" > 0'],
    ['(subtotal + tax_amount) = total_amount', 'tax_amount', 'tax', '(subtotal + tax) = total_amount'],
    ["status <> 'done'::text", 'status', 'state', "state <> 'done'::text"],
  ];
  it.each(cases)('%s: %s → %s', (sql, from, to, expected) => {
    expect(renameIdentifier(sql, from, to)).toBe(expected);
  });

  it.each([
    ['SELECT * FROM public.orders JOIN public.items ON true', 'SELECT * FROM sales.orders JOIN public.items ON true'],
    ['SELECT * FROM public . "orders"', 'SELECT * FROM sales . "orders"'],
    ['SELECT public FROM orders', 'SELECT public FROM orders'],
  ])('qualifying: %s', (sql, expected) => {
    expect(renameIdentifier(sql, 'public', 'sales', { qualifying: 'orders' })).toBe(expected);
  });
});

describe('mentionsIdentifier', () => {
  it.each([
    ['price >= 0', 'price', true],
    ['(unit_price >= 0)', 'price', false],
    ["note <> 'price'", 'price', false],
    ['"Price" > 1', 'price', false],
    ['lower(name) <> name -- price', 'price', false],
    ['t.price > 0', 'price', true],
  ])('%s mentions %s: %s', (sql, name, expected) => expect(mentionsIdentifier(sql, name)).toBe(expected));
});
