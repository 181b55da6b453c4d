import { describe, expect, it } from 'vitest';
import { formatOptions, parseOptions } from './options-text.ts';

describe('storage parameters text', () => {
  it.each([
    ['', {}],
    ['fillfactor=70', { fillfactor: '70' }],
    [' fillfactor = 70 , autovacuum_enabled=false ', { fillfactor: '70', autovacuum_enabled: 'false' }],
    ['toast.autovacuum_enabled=off', { 'toast.autovacuum_enabled': 'off' }],
    ['fillfactor', null],
    ['=70', null],
    ['fillfactor=', null],
  ] as const)('parseOptions(%j)', (text, expected) => {
    expect(parseOptions(text)).toEqual(expected);
  });

  it('formats what it parses', () => {
    const options = { fillfactor: '70', autovacuum_enabled: 'false' };
    expect(parseOptions(formatOptions(options))).toEqual(options);
    expect(formatOptions(undefined)).toBe('');
  });
});
