import { describe, expect, it } from 'vitest';
import type { Table } from '../../shared/model/document.ts';
import { emptyModel } from '../../shared/model/empty.ts';
import { compareModels, sameJson } from './compare.ts';

const table = (id: string, name: string, comment?: string): Table => ({
  id, schema: 'public', name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [], ...(comment ? { comment } : {}),
});

describe('compareModels', () => {
  const version = { ...emptyModel(), tables: [table('a', 'accounts'), table('b', 'bills'), table('c', 'carts')] };

  it.each([
    ['nothing changed', [table('a', 'accounts'), table('b', 'bills'), table('c', 'carts')], [], []],
    ['a rename is a change', [table('a', 'users'), table('b', 'bills'), table('c', 'carts')], [['a', 'changed']], []],
    ['an edit is a change', [table('a', 'accounts', 'who pays'), table('b', 'bills'), table('c', 'carts')], [['a', 'changed']], []],
    ['added and removed', [table('a', 'accounts'), table('b', 'bills'), table('d', 'discounts')], [['d', 'added']], ['public.carts']],
  ])('%s', (_name, tables, status, removed) => {
    const result = compareModels('v1', version, { ...emptyModel(), tables });
    expect([...result.status]).toEqual(status);
    expect(result.removed).toEqual(removed);
    expect(result.label).toBe('v1');
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: 1 }, { a: '1' }, false],
    [[], {}, false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
  });
});
