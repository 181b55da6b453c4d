import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../shared/model/document.ts';
import { castFails } from './data-check-queries.ts';

const t = (name: string, extra: Partial<ColumnType> = {}): ColumnType => ({ name, ...extra });

/** How a conversion is tested without raising, per server version (15: regex and ranges; 16+: pg_input_is_valid). */
const CASES: Array<{ from: ColumnType; to: ColumnType; version: number; expected: string | { skip: string } }> = [
  { from: t('bigint'), to: t('integer'), version: 150000, expected: 'round(k.v::numeric) NOT BETWEEN -2147483648 AND 2147483647' },
  { from: t('bigint'), to: t('integer'), version: 170000, expected: 'round(k.v::numeric) NOT BETWEEN -2147483648 AND 2147483647' },
  { from: t('text'), to: t('date'), version: 160000, expected: "NOT pg_input_is_valid(k.v::text, 'date')" },
  { from: t('text'), to: t('date'), version: 150000, expected: { skip: 'PostgreSQL before 16 cannot test a conversion to date without running it' } },
  { from: t('text'), to: t('integer', { arrayDims: 1 }), version: 150000, expected: { skip: 'PostgreSQL before 16 cannot test a conversion to integer[] without running it' } },
  { from: t('text'), to: t('uuid'), version: 120000, expected: "CASE WHEN btrim(k.v::text) ~* '^[{]?[0-9a-f]{4}(-?[0-9a-f]{4}){7}[}]?$' THEN false ELSE true END" },
  { from: t('text'), to: t('character varying', { args: [5] }), version: 150000, expected: 'char_length(k.v::text) > 5' },
  { from: t('numeric'), to: t('numeric', { args: [5, 2] }), version: 150000, expected: "k.v::numeric <> 'NaN'::numeric AND abs(round(k.v::numeric, 2)) >= 1e3" },
  { from: t('mood', { schema: 'public' }), to: t('text'), version: 150000, expected: { skip: 'PostgreSQL before 16 cannot test a conversion from public.mood to text without running it' } },
];

describe('castFails', () => {
  it.each(CASES)('$from.name -> $to.name on $version', ({ from, to, version, expected }) => {
    expect(castFails('v', from, to, version)).toEqual(expected);
  });
});
