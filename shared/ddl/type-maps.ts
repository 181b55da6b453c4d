/**
 * Explicit type mapping tables: canonical PostgreSQL type → MySQL/MariaDB and SQLite. Every entry
 * that loses something says what in `lossy`; the generators turn that into a warning naming each
 * column. Arrays, enums, domains and unknown types are handled by `mapColumnType`.
 */
import type { ColumnType, Model } from '../model/document.ts';

export type ExportDialect = 'mysql' | 'sqlite';

/** What a mapped type is, for the rules that depend on it (key lengths, defaults, indexability). */
export type TypeFamily = 'integer' | 'decimal' | 'float' | 'boolean' | 'string' | 'text' | 'blob' | 'json'
  | 'date' | 'time' | 'datetime' | 'enum' | 'other';

export interface MappedColumnType {
  sql: string;
  family: TypeFamily;
  /** Character length of a VARCHAR/CHAR, when bounded. */
  length?: number;
  /** Fractional-second precision of a time type. */
  precision?: number;
  /** Why this mapping loses information; absent when it does not. */
  lossy?: string;
  /** The PostgreSQL type was an array (now JSON). */
  array?: boolean;
  /** SQLite: a CHECK that keeps an enum's values (`IN (…)`), with `{col}` for the column. */
  check?: string;
}

type Rule = (args: number[] | undefined) => MappedColumnType;
const fixed = (sql: string, family: TypeFamily, lossy?: string): Rule => () => ({ sql, family, ...(lossy ? { lossy } : {}) });

/** MySQL/MariaDB: the largest VARCHAR that still fits a row in utf8mb4. */
const MYSQL_MAX_VARCHAR = 16383;
const fsp = (args: number[] | undefined) => Math.min(args?.[0] ?? 6, 6);

export const MYSQL_TYPES: Record<string, Rule> = {
  smallint: fixed('SMALLINT', 'integer'),
  integer: fixed('INT', 'integer'),
  bigint: fixed('BIGINT', 'integer'),
  numeric: (a) => (a?.length
    ? { sql: `DECIMAL(${Math.min(a[0], 65)},${Math.min(a[1] ?? 0, 30)})`, family: 'decimal', ...(a[0] > 65 || (a[1] ?? 0) > 30 ? { lossy: 'numeric precision above DECIMAL(65,30) capped' } : {}) }
    : { sql: 'DECIMAL(65,30)', family: 'decimal', lossy: 'unbounded numeric became DECIMAL(65,30)' }),
  real: fixed('FLOAT', 'float'),
  'double precision': fixed('DOUBLE', 'float'),
  money: fixed('DECIMAL(19,2)', 'decimal', 'money became DECIMAL(19,2) (no currency formatting)'),
  'character varying': (a) => (a?.length && a[0] <= MYSQL_MAX_VARCHAR
    ? { sql: `VARCHAR(${a[0]})`, family: 'string', length: a[0] }
    : { sql: 'LONGTEXT', family: 'text' }),
  character: (a) => ((a?.[0] ?? 1) <= 255 ? { sql: `CHAR(${a?.[0] ?? 1})`, family: 'string', length: a?.[0] ?? 1 } : { sql: 'LONGTEXT', family: 'text', lossy: 'char(n) over 255 became LONGTEXT (no padding)' }),
  text: fixed('LONGTEXT', 'text'),
  citext: fixed('LONGTEXT', 'text'),
  name: fixed('VARCHAR(63)', 'string'),
  bytea: fixed('LONGBLOB', 'blob'),
  boolean: fixed('BOOLEAN', 'boolean'),
  date: fixed('DATE', 'date'),
  'time without time zone': (a) => ({ sql: `TIME(${fsp(a)})`, family: 'time', precision: fsp(a) }),
  'time with time zone': (a) => ({ sql: `TIME(${fsp(a)})`, family: 'time', precision: fsp(a), lossy: 'timetz became TIME (time zone dropped)' }),
  'timestamp without time zone': (a) => ({ sql: `DATETIME(${fsp(a)})`, family: 'datetime', precision: fsp(a) }),
  'timestamp with time zone': (a) => ({ sql: `DATETIME(${fsp(a)})`, family: 'datetime', precision: fsp(a), lossy: 'timestamptz became DATETIME (time zone dropped; store UTC)' }),
  interval: fixed('VARCHAR(64)', 'string', 'interval became VARCHAR(64) text'),
  uuid: fixed('CHAR(36)', 'string', 'uuid became CHAR(36)'),
  json: fixed('JSON', 'json'),
  jsonb: fixed('JSON', 'json', 'jsonb became JSON (text storage, duplicate keys kept)'),
  xml: fixed('LONGTEXT', 'text', 'xml became LONGTEXT'),
  inet: fixed('VARCHAR(43)', 'string', 'inet became VARCHAR(43)'),
  cidr: fixed('VARCHAR(43)', 'string', 'cidr became VARCHAR(43)'),
  macaddr: fixed('VARCHAR(17)', 'string', 'macaddr became VARCHAR(17)'),
  macaddr8: fixed('VARCHAR(23)', 'string', 'macaddr8 became VARCHAR(23)'),
  bit: (a) => ({ sql: `BIT(${Math.min(a?.[0] ?? 1, 64)})`, family: 'other', ...((a?.[0] ?? 1) > 64 ? { lossy: 'bit(n) over 64 capped at BIT(64)' } : {}) }),
  'bit varying': (a) => ({ sql: `BIT(${Math.min(a?.[0] ?? 64, 64)})`, family: 'other', lossy: 'bit varying became fixed BIT' }),
  tsvector: fixed('LONGTEXT', 'text', 'tsvector became LONGTEXT (no full-text semantics)'),
  tsquery: fixed('LONGTEXT', 'text', 'tsquery became LONGTEXT'),
  oid: fixed('INT UNSIGNED', 'integer'),
};

export const SQLITE_TYPES: Record<string, Rule> = {
  smallint: fixed('INTEGER', 'integer'),
  integer: fixed('INTEGER', 'integer'),
  bigint: fixed('INTEGER', 'integer'),
  numeric: (a) => ({ sql: a?.length ? `NUMERIC(${a.join(',')})` : 'NUMERIC', family: 'decimal', lossy: 'numeric is stored with NUMERIC affinity (precision not enforced)' }),
  real: fixed('REAL', 'float'),
  'double precision': fixed('REAL', 'float'),
  money: fixed('NUMERIC', 'decimal', 'money became NUMERIC'),
  'character varying': (a) => (a?.length
    ? { sql: `VARCHAR(${a[0]})`, family: 'string', length: a[0], lossy: 'varchar length is not enforced by SQLite' }
    : { sql: 'TEXT', family: 'text' }),
  character: (a) => ({ sql: `CHAR(${a?.[0] ?? 1})`, family: 'string', length: a?.[0] ?? 1, lossy: 'char length and padding are not enforced by SQLite' }),
  text: fixed('TEXT', 'text'),
  citext: fixed('TEXT COLLATE NOCASE', 'text', 'citext became TEXT COLLATE NOCASE (ASCII case folding only)'),
  name: fixed('TEXT', 'text'),
  bytea: fixed('BLOB', 'blob'),
  boolean: fixed('BOOLEAN', 'boolean', 'boolean is stored as 0/1'),
  date: fixed('TEXT', 'date', 'date is stored as ISO-8601 text'),
  'time without time zone': fixed('TEXT', 'time', 'time is stored as ISO-8601 text'),
  'time with time zone': fixed('TEXT', 'time', 'timetz is stored as ISO-8601 text'),
  'timestamp without time zone': fixed('TEXT', 'datetime', 'timestamp is stored as ISO-8601 text'),
  'timestamp with time zone': fixed('TEXT', 'datetime', 'timestamptz is stored as ISO-8601 text'),
  interval: fixed('TEXT', 'text', 'interval is stored as text'),
  uuid: fixed('TEXT', 'string', 'uuid is stored as text'),
  json: fixed('TEXT', 'json', 'json is stored as text'),
  jsonb: fixed('TEXT', 'json', 'jsonb is stored as text'),
  xml: fixed('TEXT', 'text', 'xml is stored as text'),
  inet: fixed('TEXT', 'string', 'inet is stored as text'),
  cidr: fixed('TEXT', 'string', 'cidr is stored as text'),
  macaddr: fixed('TEXT', 'string', 'macaddr is stored as text'),
  macaddr8: fixed('TEXT', 'string', 'macaddr8 is stored as text'),
  bit: fixed('INTEGER', 'integer', 'bit(n) is stored as an integer'),
  'bit varying': fixed('BLOB', 'blob', 'bit varying is stored as a blob'),
  tsvector: fixed('TEXT', 'text', 'tsvector is stored as text'),
  tsquery: fixed('TEXT', 'text', 'tsquery is stored as text'),
  oid: fixed('INTEGER', 'integer'),
};

/** Maps one column type; enums and domains are looked up in the model. */
export function mapColumnType(dialect: ExportDialect, type: ColumnType, model: Model): MappedColumnType {
  const table = dialect === 'mysql' ? MYSQL_TYPES : SQLITE_TYPES;
  if (type.arrayDims) {
    return dialect === 'mysql'
      ? { sql: 'JSON', family: 'json', array: true, lossy: 'array became JSON' }
      : { sql: 'TEXT', family: 'json', array: true, lossy: 'array is stored as JSON text' };
  }
  if (type.schema) {
    const enumType = model.enums.find((e) => e.schema === type.schema && e.name === type.name);
    if (enumType) return mapEnum(dialect, enumType.values);
    const domain = model.domains.find((d) => d.schema === type.schema && d.name === type.name);
    if (domain) {
      const base = mapColumnType(dialect, domain.type, model);
      return { ...base, lossy: `domain ${domain.name} flattened to its base type${domain.checks.length ? ' (its checks dropped)' : ''}` };
    }
    return unknownType(dialect, `${type.schema}.${type.name}`);
  }
  const rule = table[type.name];
  return rule ? rule(type.args) : unknownType(dialect, type.name);
}

function mapEnum(dialect: ExportDialect, values: string[]): MappedColumnType {
  const list = values.map((v) => `'${v.replace(/\\/g, dialect === 'mysql' ? '\\\\' : '\\').replace(/'/g, "''")}'`).join(', ');
  if (dialect === 'mysql') return { sql: `ENUM(${list})`, family: 'enum' };
  return { sql: 'TEXT', family: 'enum', check: `{col} IN (${list})`, lossy: 'enum became TEXT with a CHECK of its values' };
}

function unknownType(dialect: ExportDialect, name: string): MappedColumnType {
  return dialect === 'mysql'
    ? { sql: 'LONGTEXT', family: 'text', lossy: `type ${name} has no MySQL equivalent; became LONGTEXT` }
    : { sql: 'TEXT', family: 'text', lossy: `type ${name} has no SQLite equivalent; stored as text` };
}
