import { describe, expect, it } from 'vitest';
import { dataCheckTone, describeDataCheck } from './data-check-text.ts';
import type { DataCheck, DataCheckResult } from './data-checks.ts';

const table = { schema: 'public', name: 'users', key: ['id'] };
const fails = (count: number, samples: string[] = []): DataCheckResult => ({ status: 'fails', count, samples });

const CASES: Array<{ check: DataCheck; result: DataCheckResult; text: string; tone: string }> = [
  { check: { kind: 'not-null', table, column: 'email' }, result: fails(3, ['id=4', 'id=7']), text: '3 rows have NULL in email (e.g. id=4, id=7)', tone: 'bad' },
  { check: { kind: 'not-null', table, column: 'email' }, result: { status: 'ok' }, text: 'no existing row fails', tone: 'good' },
  { check: { kind: 'unique', table, columns: ['a', 'b'] }, result: fails(1, ['a=1, b=2 (2 rows)']), text: '1 value is held by more than one row in (a, b) (e.g. a=1, b=2 (2 rows))', tone: 'bad' },
  { check: { kind: 'check', table, expression: 'price > 0', columns: [] }, result: fails(1, ['id=3']), text: '1 row fails price > 0 (e.g. id=3)', tone: 'bad' },
  { check: { kind: 'foreign-key', table, columns: ['user_id'], refTable: { schema: 'public', name: 'users' }, refColumns: ['id'] }, result: fails(2), text: '2 rows have no match in public.users (id)', tone: 'bad' },
  { check: { kind: 'cast', table, column: 'age', fromType: { name: 'text' }, toType: { name: 'integer' } }, result: fails(1, ['id=2']), text: '1 row has a value of age that does not convert to integer (e.g. id=2)', tone: 'bad' },
  { check: { kind: 'enum-values', table, column: 'mood', values: ['sad'], array: false }, result: fails(2), text: "2 rows hold 'sad' in mood", tone: 'bad' },
  { check: { kind: 'row-count', table, effect: 'deletes' }, result: fails(1204), text: 'deletes 1,204 rows', tone: 'bad' },
  { check: { kind: 'row-count', table, column: 'email', effect: 'deletes' }, result: { status: 'ok' }, text: 'deletes no row', tone: 'good' },
  { check: { kind: 'row-count', table, effect: 'fails' }, result: fails(4), text: 'the table has 4 rows: the step fails', tone: 'bad' },
  { check: { kind: 'row-count', table, effect: 'deletes' }, result: { status: 'sampled', count: 5_000_000, samples: [], sampledRows: 0, estimatedRows: 5_000_000 }, text: 'deletes ~5,000,000 rows (estimated from the table\'s statistics)', tone: 'bad' },
  {
    check: { kind: 'not-null', table, column: 'email' }, result: { status: 'sampled', count: 0, samples: [], sampledRows: 10_000, estimatedRows: 5_000_000 },
    text: 'checked a sample of 10,000 of ~5,000,000 rows: no existing row fails', tone: 'unknown',
  },
  { check: { kind: 'not-null', table, column: 'email' }, result: { status: 'skipped', reason: 'took longer than 3000 ms' }, text: 'not checked: took longer than 3000 ms', tone: 'unknown' },
];

describe('describeDataCheck', () => {
  it.each(CASES)('$text', ({ check, result, text, tone }) => {
    expect(describeDataCheck(check, result)).toBe(text);
    expect(dataCheckTone(result)).toBe(tone);
  });
});
