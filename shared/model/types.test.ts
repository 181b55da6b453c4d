import { describe, expect, it } from 'vitest';
import { canonicalTypeName, formatType, parseTypeText, sameType } from './types.ts';

describe('parseTypeText → formatType', () => {
  const cases: Array<[input: string, parsed: object, printed: string]> = [
    ['character varying(255)', { name: 'character varying', args: [255] }, 'character varying(255)'],
    ['VARCHAR(20)', { name: 'character varying', args: [20] }, 'character varying(20)'],
    ['numeric(10,2)', { name: 'numeric', args: [10, 2] }, 'numeric(10,2)'],
    ['decimal(10, 2)', { name: 'numeric', args: [10, 2] }, 'numeric(10,2)'],
    ['timestamp(3) with time zone', { name: 'timestamp with time zone', args: [3] }, 'timestamp(3) with time zone'],
    ['timestamptz', { name: 'timestamp with time zone' }, 'timestamp with time zone'],
    ['int[]', { name: 'integer', arrayDims: 1 }, 'integer[]'],
    ['text[][]', { name: 'text', arrayDims: 2 }, 'text[][]'],
    ['integer ARRAY', { name: 'integer', arrayDims: 1 }, 'integer[]'],
    ['public.order_status', { name: 'order_status', schema: 'public' }, 'public.order_status'],
    ['"Sales"."Status Kind"', { name: 'Status Kind', schema: 'Sales' }, '"Sales"."Status Kind"'],
    ['pg_catalog.int4', { name: 'integer' }, 'integer'],
    ['bpchar(2)', { name: 'character', args: [2] }, 'character(2)'],
    ['double precision', { name: 'double precision' }, 'double precision'],
  ];
  it.each(cases)('%s', (input, parsed, printed) => {
    expect(parseTypeText(input)).toEqual(parsed);
    expect(formatType(parseTypeText(input))).toBe(printed);
  });
});

describe('canonicalTypeName and sameType', () => {
  it.each([
    ['INT4', 'integer'], ['bool', 'boolean'], ['float8', 'double precision'], ['Timestamp', 'timestamp without time zone'],
    ['uuid', 'uuid'], ['char', 'character'],
  ])('%s is %s', (alias, canonical) => expect(canonicalTypeName(alias)).toBe(canonical));

  it('treats aliases as the same type and different modifiers as different', () => {
    expect(sameType({ name: 'varchar', args: [10] }, { name: 'character varying', args: [10] })).toBe(true);
    expect(sameType({ name: 'varchar', args: [10] }, { name: 'character varying', args: [11] })).toBe(false);
    expect(sameType({ name: 'int', arrayDims: 1 }, { name: 'integer' })).toBe(false);
  });
});
