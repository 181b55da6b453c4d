/**
 * Column defaults for MySQL and SQLite: literals kept (their casts dropped), the clock and UUID
 * functions mapped to the target's own, other expressions translated or dropped with the reason.
 */
import type { ExportDialect, MappedColumnType } from './type-maps.ts';
import { translateExpr, type ExprTarget } from './dialect-expr.ts';

export type DefaultResult =
  /** `sql` is what follows `DEFAULT`. */
  | { sql: string }
  | { dropped: string }
  /** `nextval(…)`: the column is an auto-increment candidate. */
  | { sequence: true };

const CAST = String.raw`(?:::[\w ."]+(?:\(\d+(?:,\d+)*\))?(?:\[\])*)*`;
const LITERAL = new RegExp(String.raw`^\(?('(?:[^']|'')*')${CAST}\)?${CAST}$`);
const NUMBER = new RegExp(String.raw`^\(?(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\)?${CAST}$`);
const CLOCK = /^(now\(\)|current_timestamp(\(\d\))?|localtimestamp(\(\d\))?|transaction_timestamp\(\)|statement_timestamp\(\)|clock_timestamp\(\)|\('now'::text\)::(timestamp|date)[\w ]*)$/i;
const TODAY = /^(current_date|\('now'::text\)::date|\(now\(\)\)::date|now\(\)::date)$/i;
/** `now() AT TIME ZONE 'utc'` (PostgreSQL 15 shows it as `timezone('utc'::text, now())`): UTC wall-clock time. */
const UTC_CLOCK = /^\(?(?:(?:now\(\)|current_timestamp|localtimestamp|transaction_timestamp\(\)|statement_timestamp\(\)|clock_timestamp\(\)) at time zone 'utc'(?:::text)?|timezone\('utc'(?:::text)?, (?:now\(\)|current_timestamp)\))\)?$/i;
const UUID = /^(gen_random_uuid\(\)|uuid_generate_v4\(\)|public\.uuid_generate_v4\(\)|uuid_generate_v1\(\)|public\.gen_random_uuid\(\))$/i;

/** A version-4 UUID built from SQLite's own functions. */
const SQLITE_UUID = "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', abs(random()) % 4 + 1, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))";

function literal(dialect: ExportDialect, pgLiteral: string): string {
  return dialect === 'mysql' ? pgLiteral.replace(/\\/g, '\\\\') : pgLiteral;
}

/** MySQL accepts only expression defaults (in parentheses) on TEXT, BLOB and JSON columns. */
const needsParens = (dialect: ExportDialect, type: MappedColumnType) =>
  dialect === 'mysql' && ['text', 'blob', 'json'].includes(type.family);

function clockDefault(dialect: ExportDialect, type: MappedColumnType, today: boolean): DefaultResult {
  if (dialect === 'sqlite') {
    if (type.family === 'date' || today) return { sql: 'CURRENT_DATE' };
    return { sql: type.family === 'time' ? 'CURRENT_TIME' : 'CURRENT_TIMESTAMP' };
  }
  if (type.family === 'date') return { sql: '(CURRENT_DATE)' };
  if (type.family === 'time') return { sql: '(CURRENT_TIME)' };
  if (type.family === 'datetime' && !today) return { sql: type.precision ? `CURRENT_TIMESTAMP(${type.precision})` : 'CURRENT_TIMESTAMP' };
  return { dropped: `clock default on a ${type.sql} column` };
}

/** The UTC clock: SQLite's CURRENT_TIMESTAMP already is; MySQL has UTC_TIMESTAMP. */
function utcClockDefault(dialect: ExportDialect, type: MappedColumnType): DefaultResult {
  if (dialect === 'sqlite') return type.family === 'date' || type.family === 'time' ? { dropped: `UTC clock default on a ${type.sql} column` } : { sql: 'CURRENT_TIMESTAMP' };
  if (type.family !== 'datetime') return { dropped: `UTC clock default on a ${type.sql} column` };
  return { sql: `(UTC_TIMESTAMP(${type.precision ?? ''}))` };
}

/**
 * One column default for the target. Ex: `translateDefault("'pending'::order_status", …)` →
 * `{ sql: "'pending'" }`; `translateDefault('now()', datetime)` → `{ sql: 'CURRENT_TIMESTAMP(6)' }`.
 */
export function translateDefault(sql: string, type: MappedColumnType, target: ExprTarget): DefaultResult {
  const text = sql.trim();
  const { dialect } = target;
  if (/^nextval\(/i.test(text)) return { sequence: true };
  if (/^null(::[\w ]+)?$/i.test(text)) return { sql: 'NULL' };
  if (TODAY.test(text)) return clockDefault(dialect, type, true);
  if (CLOCK.test(text)) return clockDefault(dialect, type, false);
  if (UTC_CLOCK.test(text)) return utcClockDefault(dialect, type);
  const lit = text.match(LITERAL);
  if (lit && type.array) {
    return lit[1] === "'{}'" ? { sql: needsParens(dialect, type) ? "('[]')" : "'[]'" } : { dropped: `array default ${text}` };
  }
  if (lit) {
    if (type.family === 'json' && dialect === 'mysql' && !/^'[[{"\d]|^'(true|false|null)'$/.test(lit[1])) return { dropped: 'non-JSON literal default on a JSON column' };
    if (type.family === 'boolean') return { sql: /^'(t|true|y|yes|on|1)'$/i.test(lit[1]) ? '1' : '0' };
    const out = literal(dialect, lit[1]);
    return { sql: needsParens(dialect, type) ? `(${out})` : out };
  }
  const num = text.match(NUMBER);
  if (num) return { sql: needsParens(dialect, type) ? `(${num[1]})` : num[1] };
  if (/^(true|false)$/i.test(text)) return { sql: /^true$/i.test(text) ? '1' : '0' };
  if (UUID.test(text)) return { sql: dialect === 'mysql' ? '(UUID())' : SQLITE_UUID };
  const translated = translateExpr(text, { ...target, columns: new Set() });
  if (!translated.ok) return { dropped: `default ${text} ${translated.reason}` };
  return { sql: `(${translated.sql})` };
}
