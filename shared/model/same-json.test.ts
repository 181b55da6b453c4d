import { describe, expect, it } from 'vitest';
import { sameJson } from './same-json.ts';

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: 1 }, { a: '1' }, false],
    [{ a: null }, { a: {} }, false],
    [[], {}, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    ['x', 'x', true],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
  });
});
