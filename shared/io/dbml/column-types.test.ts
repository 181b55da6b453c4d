import { describe, expect, it } from 'vitest';
import { withoutArraySuffix } from './column-types.ts';

describe('withoutArraySuffix', () => {
  it.each([
    ['int', 'int'],
    ['int[]', 'int'],
    ['int[][3]', 'int'],
    ['"char"[]', '"char"'],
    ['a[x]', 'a[x]'],
    ['[]', ''],
    ['int]', 'int]'],
  ])('%j → %j', (input, expected) => {
    expect(withoutArraySuffix(input)).toBe(expected);
  });

  it('is linear on a long run of [] that does not end the name (the old pattern was quadratic)', () => {
    const input = `${'[]'.repeat(200_000)}x`;
    const started = Date.now();
    expect(withoutArraySuffix(input)).toBe(input);
    expect(withoutArraySuffix(`t${'[]'.repeat(200_000)}`)).toBe('t');
    expect(Date.now() - started).toBeLessThan(500);
  });
});
