import { describe, expect, it } from 'vitest';
import { pairById, sameSqlText, stableJson } from './match.ts';

describe('sameSqlText', () => {
  it.each([
    ['SELECT a\n  FROM t;', 'SELECT a FROM t', true],
    ["x = 'a  b'", "x = 'a b'", false],
    ['"My  Col" > 0', '"My Col" > 0', false],
    ['now()', 'now( )', false],
    ['  price >= 0  ', 'price >= 0', true],
  ])('%j vs %j', (a, b, same) => {
    expect(sameSqlText(a, b)).toBe(same);
  });
});

describe('stableJson and pairById', () => {
  it('ignores key order, absent, false and empty values', () => {
    expect(stableJson({ b: 1, a: undefined, c: [], d: false, e: {} })).toBe(stableJson({ b: 1 }));
  });
  it('pairs by id', () => {
    const result = pairById([{ id: 'a', v: 1 }, { id: 'b', v: 2 }], [{ id: 'b', v: 3 }, { id: 'c', v: 4 }]);
    expect(result.added.map((o) => o.id)).toEqual(['c']);
    expect(result.removed.map((o) => o.id)).toEqual(['a']);
    expect(result.kept).toEqual([[{ id: 'b', v: 2 }, { id: 'b', v: 3 }]]);
  });
});
