/**
 * One line per data check result, as the plan review and the CLI show it under a step's hazard:
 * `2 rows have NULL in email (e.g. id=4, id=7)`, `no existing row fails`, `deletes 1,204 rows`.
 */
import { formatType } from '../model/types.ts';
import type { DataCheck, DataCheckResult } from './data-checks.ts';

const n = (count: number) => count.toLocaleString('en-US');
const rows = (count: number) => `${n(count)} ${count === 1 ? 'row' : 'rows'}`;
const eg = (samples: string[]) => (samples.length ? ` (e.g. ${samples.join(', ')})` : '');
const list = (names: string[]) => names.join(', ');

/** What the failing rows (or groups) are, for `count` of them. */
function failing(check: Exclude<DataCheck, { kind: 'unavailable' }>, count: number): string {
  const has = count === 1 ? 'has' : 'have';
  switch (check.kind) {
    case 'not-null': return `${rows(count)} ${has} NULL in ${check.column}`;
    case 'unique': return `${n(count)} ${count === 1 ? 'value is' : 'values are'} held by more than one row in (${list(check.columns)})`;
    case 'check': return `${rows(count)} ${count === 1 ? 'fails' : 'fail'} ${check.expression}`;
    case 'foreign-key': return `${rows(count)} ${has} no match in ${check.refTable.schema}.${check.refTable.name} (${list(check.refColumns)})`;
    case 'cast': return `${rows(count)} ${has} a value of ${check.column} that does not convert to ${formatType(check.toType)}`;
    case 'enum-values': return `${rows(count)} ${count === 1 ? 'holds' : 'hold'} ${list(check.values.map((v) => `'${v}'`))} in ${check.column}`;
    case 'row-count':
      if (check.effect === 'fails') return `the table has ${rows(count)}: the step fails`;
      return check.column ? `deletes the ${check.column} of ${rows(count)}` : `deletes ${rows(count)}`;
  }
}

/** The line for a check that found nothing. */
function nothing(check: DataCheck): string {
  if (check.kind === 'row-count') return check.effect === 'fails' ? 'the table is empty: nothing fails' : 'deletes no row';
  return 'no existing row fails';
}

/**
 * Ex: `describeDataCheck({ kind: 'not-null', table, column: 'email' }, { status: 'fails', count: 3, samples: ['id=4'] })`
 * → `3 rows have NULL in email (e.g. id=4)`.
 */
export function describeDataCheck(check: DataCheck, result: DataCheckResult): string {
  if (result.status === 'skipped') return `not checked: ${result.reason}`;
  if (check.kind === 'unavailable') return `not checked: ${check.reason}`;
  if (result.status === 'ok') return nothing(check);
  if (result.status === 'fails') return `${failing(check, result.count)}${eg(result.samples)}`;
  if (!result.sampledRows) return `${failing(check, result.count).replace(n(result.count), `~${n(result.count)}`)} (estimated from the table's statistics)`;
  const found = result.count ? `${failing(check, result.count)}${eg(result.samples)}` : nothing(check);
  return `checked a sample of ${n(result.sampledRows)} of ~${n(result.estimatedRows)} rows: ${found}`;
}

/** How bad a result is for the reader: rows fail (or are deleted), nothing does, or nobody knows. */
export function dataCheckTone(result: DataCheckResult): 'bad' | 'good' | 'unknown' {
  if (result.status === 'skipped') return 'unknown';
  if (result.status === 'ok') return 'good';
  return result.count > 0 ? 'bad' : result.status === 'sampled' ? 'unknown' : 'good';
}
