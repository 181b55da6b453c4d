/**
 * The read-only query of each data check (`shared/diff/data-checks.ts`). Every name is quoted by
 * `shared/ddl/quote.ts`; the only model text is a check expression, which the real parser proved is
 * one expression (`shared/model/sql-fields.ts`), and it runs read-only under a timeout anyway.
 * A row query answers `total` (failing rows or groups, all of them) and up to 5 `sample`s.
 */
import type { DataCheck, LiveTable } from '../../shared/diff/data-checks.ts';
import { quoteIdent, quoteLiteral, quoteQualified } from '../../shared/ddl/quote.ts';
import type { ColumnType } from '../../shared/model/document.ts';
import { formatType, normalizeType } from '../../shared/model/types.ts';

/** `{ percent }`: read only that share of the table's pages (`TABLESAMPLE SYSTEM`, same pages each time). */
export interface Sampling {
  percent: number;
}

export type CheckQuery =
  /** Rows or groups failing: `total` and `sample` columns. */
  | { shape: 'rows'; sql: string }
  /** A count only: `total`. */
  | { shape: 'count'; sql: string }
  /** Nothing to ask: `ok`, or a reason it cannot be checked. */
  | { shape: 'none'; skip?: string };

const SAMPLES = 5;
const MAX_VALUE_CHARS = 40;
const col = (name: string) => `k.${quoteIdent(name)}`;
const valueText = (expr: string) => `left(coalesce(${expr}::text, 'NULL'), ${MAX_VALUE_CHARS})`;

/** `FROM public.users AS k [TABLESAMPLE SYSTEM (1.5) REPEATABLE (7)]` */
export function fromClause(table: { schema: string; name: string }, sampling?: Sampling): string {
  const sample = sampling ? ` TABLESAMPLE SYSTEM (${sampling.percent.toFixed(6)}) REPEATABLE (7)` : '';
  return `FROM ${quoteQualified(table.schema, table.name)} AS k${sample}`;
}

/** How a row is named in a sample: `id=3`, `a=1, b=x`, or `ctid=(0,7)` without a primary key. */
function rowKey(table: LiveTable): string {
  if (!table.key.length) return `'ctid=' || k.ctid::text`;
  return table.key.map((c) => `${quoteLiteral(`${c}=`)} || ${valueText(col(c))}`).join(` || ', ' || `);
}

function rowsWhere(table: LiveTable, condition: string, sampling?: Sampling): CheckQuery {
  const order = table.key.length ? ` ORDER BY ${table.key.map(col).join(', ')}` : '';
  return { shape: 'rows', sql: `SELECT count(*) OVER () AS total, ${rowKey(table)} AS sample ${fromClause(table, sampling)} WHERE ${condition}${order} LIMIT ${SAMPLES}` };
}

const INTEGER_RANGES: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};
const NUMBERS = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);
const STRINGS = new Set(['text', 'character varying', 'character', 'citext', 'name']);
const INTEGER_TEXT = '^[+-]?[0-9]+$';
const NUMERIC_TEXT = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';
/** What `boolin` accepts: a unique prefix of true/false/yes/no, on/off, 1/0 (case and spaces aside). */
const BOOLEAN_TEXT = '^(t|tr|tru|true|f|fa|fal|fals|false|y|ye|yes|n|no|on|of|off|1|0)$';
const UUID_TEXT = '^[{]?[0-9a-f]{4}(-?[0-9a-f]{4}){7}[}]?$';

/** A regex over the trimmed text, then (when it matched) a condition on it: never raises. */
const textMatches = (value: string, pattern: string, then = 'false') =>
  `CASE WHEN btrim(${value}::text) ~* ${quoteLiteral(pattern)} THEN ${then} ELSE true END`;

/**
 * The condition under which a value does NOT convert to `to`, without raising; `{ skip }` when it
 * cannot be told on this server. PostgreSQL 16+ has `pg_input_is_valid` for any type; before, only
 * lengths, number ranges and the formats of integers, numbers, booleans and uuids are tested.
 */
export function castFails(column: string, fromType: ColumnType, toType: ColumnType, serverVersion: number): string | { skip: string } {
  const [from, to] = [normalizeType(fromType), normalizeType(toType)];
  const value = col(column);
  const plainFrom = !from.schema && !from.arrayDims;
  const inputValid = serverVersion >= 160000 ? `NOT pg_input_is_valid(${value}::text, ${quoteLiteral(formatType(to))})` : undefined;
  if (to.arrayDims || from.arrayDims || to.schema) {
    return inputValid ?? { skip: `PostgreSQL before 16 cannot test a conversion to ${formatType(to)} without running it` };
  }
  if ((to.name === 'character varying' || to.name === 'character') && to.args?.length) {
    return `char_length(${value}::text) > ${to.args[0]}`;
  }
  const range = INTEGER_RANGES[to.name];
  const numericBound = to.name === 'numeric' && to.args?.length ? to.args : undefined;
  const outOfRange = (n: string) => (range
    ? `round(${n}) NOT BETWEEN ${range[0]} AND ${range[1]}`
    : numericBound ? `${n} <> 'NaN'::numeric AND abs(round(${n}, ${numericBound[1] ?? 0})) >= 1e${numericBound[0] - (numericBound[1] ?? 0)}` : undefined);
  if (plainFrom && NUMBERS.has(from.name)) {
    const test = outOfRange(`${value}::numeric`);
    if (test) return test;
  }
  if (inputValid) return inputValid;
  if (!plainFrom || !STRINGS.has(from.name)) {
    return { skip: `PostgreSQL before 16 cannot test a conversion from ${formatType(from)} to ${formatType(to)} without running it` };
  }
  const numberTest = outOfRange(`btrim(${value}::text)::numeric`);
  if (range) return textMatches(value, INTEGER_TEXT, numberTest);
  if (NUMBERS.has(to.name)) return textMatches(value, NUMERIC_TEXT, numberTest ?? 'false');
  if (to.name === 'boolean') return textMatches(value, BOOLEAN_TEXT);
  if (to.name === 'uuid') return textMatches(value, UUID_TEXT);
  return { skip: `PostgreSQL before 16 cannot test a conversion to ${formatType(to)} without running it` };
}

/** Duplicate groups of a key: NULLs are distinct (never duplicates) unless `nullsNotDistinct`. */
function duplicateGroups(check: Extract<DataCheck, { kind: 'unique' }>, sampling?: Sampling): CheckQuery {
  const keys = check.columns.map(col);
  const nonNull = check.nullsNotDistinct ? 'true' : keys.map((k) => `${k} IS NOT NULL`).join(' AND ');
  const label = check.columns.map((c) => `${quoteLiteral(`${c}=`)} || ${valueText(col(c))}`).join(` || ', ' || `);
  return {
    shape: 'rows',
    sql: `SELECT count(*) OVER () AS total, ${label} || ' (' || count(*) || ' rows)' AS sample ${fromClause(check.table, sampling)} `
      + `WHERE ${nonNull} GROUP BY ${keys.join(', ')} HAVING count(*) > 1 LIMIT ${SAMPLES}`,
  };
}

/** Rows whose key (all of it set: MATCH SIMPLE) is not in the referenced table. */
function orphans(check: Extract<DataCheck, { kind: 'foreign-key' }>, sampling?: Sampling): CheckQuery {
  const set = check.columns.map((c) => `${col(c)} IS NOT NULL`).join(' AND ');
  const match = check.columns.map((c, i) => `r.${quoteIdent(check.refColumns[i])} = ${col(c)}`).join(' AND ');
  return rowsWhere(check.table, `${set} AND NOT EXISTS (SELECT 1 FROM ${quoteQualified(check.refTable.schema, check.refTable.name)} AS r WHERE ${match})`, sampling);
}

/**
 * Rows for which the expression is false (NULL passes, as in a CHECK). It reads the columns
 * under the names it was written with (new names, `value` for a domain) from a row of its own.
 */
function violations(check: Extract<DataCheck, { kind: 'check' }>, sampling?: Sampling): CheckQuery {
  const columns = check.columns.map((c) => `${col(c.live)} AS ${quoteIdent(c.as)}`).join(', ');
  return rowsWhere(check.table, `NOT (SELECT (${check.expression}) FROM (SELECT ${columns}) AS v)`, sampling);
}

export function checkQuery(check: DataCheck, serverVersion: number, sampling?: Sampling): CheckQuery {
  switch (check.kind) {
    case 'unavailable': return { shape: 'none', skip: check.reason };
    case 'not-null': return rowsWhere(check.table, `${col(check.column)} IS NULL`, sampling);
    case 'unique': return duplicateGroups(check, sampling);
    case 'check': return violations(check, sampling);
    case 'foreign-key': return orphans(check, sampling);
    case 'cast': {
      const fails = castFails(check.column, check.fromType, check.toType, serverVersion);
      if (typeof fails !== 'string') return { shape: 'none', skip: fails.skip };
      return rowsWhere(check.table, `${col(check.column)} IS NOT NULL AND (${fails})`, sampling);
    }
    case 'enum-values': {
      if (!check.values.length) return { shape: 'none' };
      const labels = check.values.map(quoteLiteral).join(', ');
      const holds = check.array ? `${col(check.column)}::text[] && ARRAY[${labels}]::text[]` : `${col(check.column)}::text IN (${labels})`;
      return rowsWhere(check.table, holds, sampling);
    }
    case 'row-count': {
      const where = check.column ? ` WHERE ${col(check.column)} IS NOT NULL` : '';
      return { shape: 'count', sql: `SELECT count(*) AS total ${fromClause(check.table, sampling)}${where}` };
    }
  }
}
