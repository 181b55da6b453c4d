import { describe, expect, it } from 'vitest';
import { nulMessage, nulPlaces, nulPosition } from './nul-character.ts';
import { importDocument, ImportSyntaxError } from './import-document.ts';

describe('nulPosition', () => {
  it.each([
    ['no NUL', 'select 1', undefined],
    ['first character', '\0', { line: 1, column: 1 }],
    ['later line', 'a\nbc\n de\0f', { line: 3, column: 4 }],
    ['after a surrogate pair (one character)', '😀\0', { line: 1, column: 2 }],
    ['the first of several', 'x\0\n\0', { line: 1, column: 2 }],
  ])('%s', (_what, text, expected) => {
    expect(nulPosition(text)).toEqual(expected);
  });
});

describe('nulPlaces', () => {
  it.each([
    ['none', { a: ['x', { b: 'y' }], n: 1, t: true, z: null }, []],
    ['a nested string', { a: [{ b: 'ok' }, { b: 'x\0' }] }, [{ path: 'a[1].b', line: 1, column: 2 }]],
    ['an object key', { ['k\0']: 1 }, [{ path: 'k\0', line: 1, column: 2 }]],
    ['the value itself', 'a\0', [{ path: '', line: 1, column: 2 }]],
  ])('%s', (_what, value, expected) => {
    expect(nulPlaces(value)).toEqual(expected);
  });

  it('stops at 20 places', () => {
    expect(nulPlaces(Array(100).fill('\0'))).toHaveLength(20);
  });
});

describe('importDocument refuses a NUL with its line and column (never imports only what came before it)', () => {
  it.each(['sql', 'dbml'] as const)('%s', async (format) => {
    const error = await importDocument('CREATE TABLE a (id int);\n  \0 CREATE TABLE b (id int);', format).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportSyntaxError);
    expect(error).toMatchObject({ line: 2, column: 3, format, message: nulMessage({ line: 2, column: 3 }) });
  });
});
