/**
 * Column types: PostgreSQL's aliases folded to canonical names, and canonical types written back as
 * SQL. Everything that compares or prints a type goes through here, so `varchar(20)` and
 * `character varying(20)` are the same type everywhere.
 */
import type { ColumnType } from './document.ts';
import { quoteIdent } from '../ddl/quote.ts';

/** Alias (lower-case) → canonical name as `format_type()` prints it. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  int: 'integer', int4: 'integer', int2: 'smallint', int8: 'bigint',
  serial4: 'integer', serial2: 'smallint', serial8: 'bigint',
  bool: 'boolean', float8: 'double precision', float4: 'real', float: 'double precision',
  decimal: 'numeric', varchar: 'character varying', 'char varying': 'character varying',
  char: 'character', bpchar: 'character', timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone', timetz: 'time with time zone', time: 'time without time zone',
  varbit: 'bit varying', 'double': 'double precision',
};

/**
 * `serial` and friends are no types: PostgreSQL reads them as the integer type they name, with a
 * sequence and a default (the model keeps exactly that, or an identity column when drawn).
 */
export const SERIAL_TYPES: Readonly<Record<string, 'smallint' | 'integer' | 'bigint'>> = {
  smallserial: 'smallint', serial2: 'smallint', serial: 'integer', serial4: 'integer', bigserial: 'bigint', serial8: 'bigint',
};

/** Types that take a modifier written after their first word: `timestamp(3) with time zone`. */
const TIME_TYPES = new Set([
  'timestamp without time zone', 'timestamp with time zone', 'time without time zone', 'time with time zone',
]);

/** The PostgreSQL built-in types offered by the type picker, canonical names. */
export const POSTGRES_TYPES = [
  'smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'money',
  'character varying', 'character', 'text', 'citext', 'bytea', 'boolean',
  'date', 'time without time zone', 'time with time zone', 'timestamp without time zone', 'timestamp with time zone', 'interval',
  'uuid', 'json', 'jsonb', 'xml', 'inet', 'cidr', 'macaddr', 'bit', 'bit varying', 'tsvector', 'tsquery',
  'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'int4range', 'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange', 'oid',
] as const;

/** `'VARCHAR'` → `'character varying'`; `'float(24)'` is handled by `parseTypeText`. */
export function canonicalTypeName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return TYPE_ALIASES[lower] ?? lower;
}

/** Words of PostgreSQL's multi-word type names (`character varying`, `interval day to second`). */
const TYPE_NAME_WORDS = new Set([
  'bit', 'character', 'char', 'varying', 'double', 'precision', 'timestamp', 'time', 'with', 'without', 'zone',
  'interval', 'year', 'month', 'day', 'hour', 'minute', 'second', 'to', 'national',
]);

/** Reserved keywords that name types, written bare (`"integer"` would name no type). */
const KEYWORD_TYPES = new Set([
  'bigint', 'bit', 'boolean', 'char', 'character', 'dec', 'decimal', 'float', 'int', 'integer', 'interval', 'json',
  'national', 'nchar', 'numeric', 'real', 'smallint', 'time', 'timestamp', 'varchar',
]);

/**
 * How a type name is written when it is one of PostgreSQL's own spellings: a one-word name as is
 * (`integer`, `int4`, `my_type`), a multi-word name made only of type keywords, and `"char"` (the
 * one-byte type). Anything else is an identifier for `quoteIdent`: a name is never raw SQL.
 */
function builtInSpelling(name: string): string | undefined {
  if (name === '"char"') return name;
  if (quoteIdent(name) === name || KEYWORD_TYPES.has(name)) return name;
  const words = name.split(' ');
  return words.length > 1 && words.every((w) => TYPE_NAME_WORDS.has(w)) ? name : undefined;
}

/** Ex: `formatType({ name: 'numeric', args: [10, 2] })` → `numeric(10,2)`. */
export function formatType(type: ColumnType): string {
  const args = type.args?.length ? `(${type.args.join(',')})` : '';
  let base: string;
  if (type.schema) base = `${quoteIdent(type.schema)}.${quoteIdent(type.name)}${args}`;
  else if (TIME_TYPES.has(type.name) && args) {
    const [first, ...rest] = type.name.split(' ');
    base = `${first}${args} ${rest.join(' ')}`;
  } else base = `${builtInSpelling(type.name) ?? quoteIdent(type.name)}${args}`;
  return base + '[]'.repeat(type.arrayDims ?? 0);
}

/** Two types are the same when their canonical forms print the same. */
export function sameType(a: ColumnType, b: ColumnType): boolean {
  return formatType(normalizeType(a)) === formatType(normalizeType(b));
}

/** Folds aliases and drops empty parts, so equal types are equal objects. */
export function normalizeType(type: ColumnType): ColumnType {
  const out: ColumnType = { name: type.schema ? type.name : canonicalTypeName(type.name) };
  if (type.schema) out.schema = type.schema;
  if (type.args?.length) out.args = [...type.args];
  if (type.arrayDims) out.arrayDims = type.arrayDims;
  return out;
}

/**
 * Reads a type as PostgreSQL prints it (`format_type()`), or as people write it:
 * `character varying(255)`, `numeric(10,2)`, `timestamp(3) with time zone`, `int[]`,
 * `public.order_status`, `"My Type"`.
 */
export function parseTypeText(text: string): ColumnType {
  let rest = text.trim();
  let arrayDims = 0;
  while (/\[\d*\]$/.test(rest)) {
    rest = rest.replace(/\s*\[\d*\]$/, '');
    arrayDims += 1;
  }
  if (/ array$/i.test(rest)) { rest = rest.replace(/ array$/i, ''); arrayDims = Math.max(arrayDims, 1); }
  let args: number[] | undefined;
  const argMatch = rest.match(/\(([\d\s,]+)\)/);
  if (argMatch) {
    args = argMatch[1].split(',').map((s) => Number(s.trim()));
    rest = (rest.slice(0, argMatch.index) + rest.slice(argMatch.index! + argMatch[0].length)).replace(/\s+/g, ' ').trim();
  }
  const qualified = rest.match(/^("(?:[^"]|"")+"|[^."]+)\.("(?:[^"]|"")+"|[^."]+)$/);
  const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
  let type: ColumnType;
  if (qualified && unquote(qualified[1]) !== 'pg_catalog') {
    type = { name: unquote(qualified[2]), schema: unquote(qualified[1]) };
  } else {
    const bare = qualified ? qualified[2] : rest;
    type = { name: bare.startsWith('"') ? unquote(bare) : canonicalTypeName(bare) };
  }
  if (type.name === 'double precision' || type.name === 'real') args = undefined;
  if (args) type.args = args;
  if (arrayDims) type.arrayDims = arrayDims;
  return type;
}
