/**
 * DBML column types → canonical PostgreSQL types. dbdiagram.io users write whatever their database
 * calls a type (`datetime`, `tinyint`, `string`), so types PostgreSQL does not know are folded to the
 * nearest PostgreSQL type here, and each fold is reported.
 */
import type { ColumnType } from '../../model/document.ts';
import { POSTGRES_TYPES, parseTypeText } from '../../model/types.ts';

/** Non-PostgreSQL type names seen in DBML files (lower-case) → the canonical PostgreSQL type. */
const FOREIGN_TYPES: Record<string, string> = {
  datetime: 'timestamp without time zone',
  datetime2: 'timestamp without time zone',
  smalldatetime: 'timestamp without time zone',
  tinyint: 'smallint',
  mediumint: 'integer',
  string: 'text',
  tinytext: 'text',
  mediumtext: 'text',
  longtext: 'text',
  nvarchar: 'character varying',
  nchar: 'character',
  ntext: 'text',
  blob: 'bytea',
  tinyblob: 'bytea',
  mediumblob: 'bytea',
  longblob: 'bytea',
  binary: 'bytea',
  varbinary: 'bytea',
  number: 'numeric',
  unsigned: 'bigint',
  uniqueidentifier: 'uuid',
};

/** Serial pseudo-types become an integer with an identity (`increment`). */
const SERIALS: Record<string, string> = {
  serial: 'integer', serial4: 'integer', smallserial: 'smallint', serial2: 'smallint', bigserial: 'bigint', serial8: 'bigint',
};

const KNOWN = new Set<string>(POSTGRES_TYPES);
for (const extra of ['hstore', 'ltree', 'citext', 'vector', 'geometry', 'geography', 'regclass', 'name', 'char']) KNOWN.add(extra);

export interface MappedType {
  type: ColumnType;
  /** Set when the DBML type was a serial: the column gets an identity. */
  serial?: boolean;
  /** Why the type changed, for the import report. */
  note?: string;
}

/**
 * The type name without its trailing `[]`/`[3]` suffixes. A backwards scan: `(\[\d*\])+$` in a
 * replace retried from every start and took quadratic time on a long run of `[]`.
 * Ex: `withoutArraySuffix('int[][3]')` → `'int'`.
 */
export function withoutArraySuffix(typeName: string): string {
  let end = typeName.length;
  while (end > 0 && typeName[end - 1] === ']') {
    let open = end - 2;
    while (open >= 0 && typeName[open] >= '0' && typeName[open] <= '9') open -= 1;
    if (open < 0 || typeName[open] !== '[') break;
    end = open;
  }
  return typeName.slice(0, end);
}

/**
 * Maps one DBML type. `enumSchema` is set when the type names a DBML enum (in that schema).
 * Ex: `mapDbmlType('varchar(255)')` → `{ type: { name: 'character varying', args: [255] } }`.
 */
export function mapDbmlType(typeName: string, typeSchema: string | null, enumSchema?: string): MappedType {
  if (enumSchema !== undefined || (typeSchema && typeSchema !== 'pg_catalog')) {
    const parsed = parseTypeText(typeName.replace(/^"|"$/g, ''));
    const name = parsed.schema ? parsed.name : typeName.replace(/\[\d*\]/g, '').trim();
    const type: ColumnType = { name, schema: enumSchema ?? typeSchema ?? 'public' };
    if (parsed.arrayDims) type.arrayDims = parsed.arrayDims;
    return { type };
  }
  // PostgreSQL's quoted built-in names (`"char"`) stay quoted, as the model writes them.
  if (/^"[^"]+"(\[\])*$/.test(typeName)) {
    const dims = (typeName.match(/\[\]/g) ?? []).length;
    return { type: { name: withoutArraySuffix(typeName), ...(dims ? { arrayDims: dims } : {}) } };
  }
  const parsed = parseTypeText(typeName);
  const lower = parsed.name.toLowerCase();
  if (SERIALS[lower]) return { type: { ...parsed, name: SERIALS[lower] }, serial: true };
  if (lower === 'int unsigned' || lower === 'integer unsigned') {
    return { type: { name: 'bigint' }, note: `type "${typeName}" became bigint` };
  }
  const foreign = FOREIGN_TYPES[lower];
  if (foreign && !KNOWN.has(lower)) {
    const type: ColumnType = { name: foreign };
    if (parsed.args && ['character varying', 'character', 'numeric'].includes(foreign)) type.args = parsed.args;
    if (parsed.arrayDims) type.arrayDims = parsed.arrayDims;
    return { type, note: `type "${typeName}" became ${foreign}` };
  }
  if (!KNOWN.has(lower) && !parsed.schema) {
    return { type: parsed, note: `type "${typeName}" is not a PostgreSQL built-in type; kept as written` };
  }
  return { type: parsed };
}
