import { describe, expect, it } from 'vitest';
import { decodeUserNameHeader, encodeUserNameHeader, normalizeUserName, USER_NAME_MAX_LENGTH } from './user-name.ts';

describe('normalizeUserName', () => {
  const cases: [string, string | null | undefined, string | null][] = [
    ['a plain name', 'Ada Lovelace', 'Ada Lovelace'],
    ['trimmed', '  Ada  ', 'Ada'],
    ['inner white space made one space', 'Ada \t\n Lovelace', 'Ada Lovelace'],
    ['empty', '', null],
    ['only spaces', '   ', null],
    ['absent', null, null],
    ['a control character', 'Ada\u0000', null],
    ['escape', 'Ada\u001b[31m', null],
    ['any script', 'Zoë 山田', 'Zoë 山田'],
    ['cut at the limit', 'x'.repeat(100), 'x'.repeat(USER_NAME_MAX_LENGTH)],
    ['cut by code points', '😀'.repeat(70), '😀'.repeat(USER_NAME_MAX_LENGTH)],
    ['no trailing space after the cut', `${'x'.repeat(59)} y`, 'x'.repeat(59)],
  ];
  it.each(cases)('%s', (_, raw, expected) => {
    expect(normalizeUserName(raw)).toBe(expected);
  });
});

describe('the X-Schemata-User header', () => {
  it.each(['Ada', 'Zoë 山田', 'a/b%c d', '😀'.repeat(60)])('round-trips %s', (name) => {
    const header = encodeUserNameHeader(name);
    expect(header).toMatch(/^[\x21-\x7e]*$/);
    expect(decodeUserNameHeader(header)).toBe(name);
  });
  const refused: [string, string | undefined][] = [
    ['absent', undefined],
    ['bad encoding', '%E0%A4%A'],
    ['a control character', '%00'],
    ['far too long', 'a'.repeat(2000)],
  ];
  it.each(refused)('refuses %s', (_, header) => {
    expect(decodeUserNameHeader(header)).toBeNull();
  });
});
