import { describe, expect, it } from 'vitest';
import { needsQuoting, quoteIdent, quoteLiteral, quoteQualified } from './quote.ts';

describe('quoteIdent (same rule as PostgreSQL quote_ident)', () => {
  it.each([
    ['orders', 'orders'],
    ['order_items2', 'order_items2'],
    ['_private', '_private'],
    ['Order', '"Order"'],
    ['user', '"user"'], // reserved
    ['timestamp', '"timestamp"'], // column-name keyword
    ['left', '"left"'], // type/function-name keyword
    ['name', 'name'], // unreserved keyword
    ['version', 'version'],
    ['a$b', '"a$b"'],
    ['2fa', '"2fa"'],
    ['with space', '"with space"'],
    ['a"b', '"a""b"'],
    ['émile', '"émile"'],
  ])('%s → %s', (name, expected) => {
    expect(quoteIdent(name)).toBe(expected);
    expect(needsQuoting(name)).toBe(expected !== name);
  });

  it('qualifies and quotes literals', () => {
    expect(quoteQualified('Sales', 'order')).toBe('"Sales"."order"');
    expect(quoteQualified(undefined, 'orders')).toBe('orders');
    expect(quoteLiteral("it's \\ ok")).toBe("'it''s \\ ok'");
  });
});
