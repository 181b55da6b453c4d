import { describe, expect, it } from 'vitest';
import { memoByObject } from './memo-by-object.ts';

describe('memoByObject', () => {
  const cases: Array<{ name: string; value: unknown }> = [
    { name: 'a list', value: ['issue'] },
    { name: 'an empty list', value: [] },
    { name: 'undefined', value: undefined },
    { name: 'zero', value: 0 },
  ];

  it.each(cases)('computes $name once per object, and again for another object', ({ value }) => {
    const keys: object[] = [];
    const memo = memoByObject((key: object) => {
      keys.push(key);
      return value;
    });
    const first = { id: 't' };
    const twin = { id: 't' };
    expect(memo(first)).toBe(value);
    expect(memo(first)).toBe(value);
    expect(memo(twin)).toBe(value);
    expect(keys).toEqual([first, twin]);
    expect(keys[1]).toBe(twin);
  });
});
