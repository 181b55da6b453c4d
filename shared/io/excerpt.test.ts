import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.ts';

describe('excerpt', () => {
  const cases: Array<[text: string, max: number, expected: string]> = [
    ['CREATE TABLE t (\n  id int\n)', 20, 'CREATE TABLE t ( id…'],
    ['  SELECT 1  ', 20, 'SELECT 1'],
    ['12345', 5, '12345'],
    ['123456', 5, '1234…'],
    ['a\t\tb\r\nc', 10, 'a b c'],
  ];
  it.each(cases)('%j at most %i → %j', (text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });
});
