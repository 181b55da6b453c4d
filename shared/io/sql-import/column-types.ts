/**
 * Column types: a parsed `TypeName` becomes a canonical `ColumnType` (aliases folded through
 * `shared/model/types.ts`, user-defined types carrying their schema). Reads types only, so the
 * expression printer can use it for casts (CREATE TYPE and CREATE DOMAIN are in `enums-domains.ts`).
 */
import type { TypeName } from '@pgsql/types';
import type { ColumnType } from '../../model/document.ts';
import { MAX_ARRAY_DIMS, typeArgProblems, typeArgsZod } from '../../model/document-bounds.ts';
import { canonicalTypeName } from '../../model/types.ts';
import { namesOf, numberText } from './ast.ts';
import type { ImportContext } from './import-context.ts';

// Interval field masks (src/include/utils/datetime.h): typmod bits naming the fields kept.
const MONTH = 1 << 1, YEAR = 1 << 2, DAY = 1 << 3, HOUR = 1 << 10, MINUTE = 1 << 11, SECOND = 1 << 12;
const INTERVAL_FIELDS: Record<number, string> = {
  [YEAR]: 'year', [MONTH]: 'month', [DAY]: 'day', [HOUR]: 'hour', [MINUTE]: 'minute', [SECOND]: 'second',
  [YEAR | MONTH]: 'year to month', [DAY | HOUR]: 'day to hour', [DAY | HOUR | MINUTE]: 'day to minute',
  [DAY | HOUR | MINUTE | SECOND]: 'day to second', [HOUR | MINUTE]: 'hour to minute',
  [HOUR | MINUTE | SECOND]: 'hour to second', [MINUTE | SECOND]: 'minute to second',
};

/** A schema and name split out of a type's name list; `pg_catalog` means built-in. */
export function typeNameParts(typeName: TypeName): { schema?: string; name: string } {
  const names = namesOf(typeName.names);
  const name = names[names.length - 1] ?? '';
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  return schema && schema !== 'pg_catalog' ? { schema, name } : { name };
}

/**
 * Ex: the TypeName of `varchar(20)[]` → `{ name: 'character varying', args: [20], arrayDims: 1 }`;
 * of `status` where the model has enum `shop.status` on the search path → `{ name: 'status', schema: 'shop' }`.
 */
export function columnTypeOf(ctx: ImportContext, typeName: TypeName): ColumnType {
  const names = namesOf(typeName.names);
  const parts = typeNameParts(typeName);
  const builtin = names.length > 1 && names[0] === 'pg_catalog';
  let type: ColumnType;
  if (parts.schema) type = { name: parts.name, schema: parts.schema };
  else if (builtin) type = { name: canonicalTypeName(parts.name) };
  else {
    const schema = ctx.typeSchema({ relname: parts.name });
    if (schema) type = { name: parts.name, schema };
    else if (parts.name === 'char') type = { name: '"char"' }; // the one-byte internal type, written "char"
    else type = { name: canonicalTypeName(parts.name) };
  }
  const mods = (typeName.typmods ?? []).map((m) => numberText(m));
  if (!type.schema && type.name === 'interval' && mods.length) {
    const fields = INTERVAL_FIELDS[Number(mods[0])];
    if (fields) type.name = `interval ${fields}`;
    mods.shift();
  }
  // A bare `bpchar` is blank-padded text of any length; only the SQL word `character` means character(1).
  if (!type.schema && parts.name === 'bpchar' && !mods.length) type.name = 'bpchar';
  const args = mods.filter((m): m is string => m !== undefined);
  if (args.length && argsFit(type, args)) type.args = args.map(Number);
  else if (args.length) ctx.warn(`type ${parts.name}(${args.join(',').slice(0, 60)}): a type modifier is out of range; read as ${parts.name}`);
  if (typeName.arrayBounds?.length) type.arrayDims = Math.min(typeName.arrayBounds.length, MAX_ARRAY_DIMS);
  if ((typeName.arrayBounds?.length ?? 0) > MAX_ARRAY_DIMS) ctx.warn(`type ${parts.name}: more than ${MAX_ARRAY_DIMS} array dimensions read as ${MAX_ARRAY_DIMS} (PostgreSQL does not enforce them)`);
  if (typeName.pct_type) ctx.warn(`%TYPE in the type of a column is read as type "${parts.name}"`);
  ctx.typeLocations.set(type, { line: ctx.line, byte: typeName.location });
  return type;
}

/**
 * Whether type modifiers are ones the model holds (`document-bounds.ts`): PostgreSQL refuses the
 * others (`varchar(0)`, `numeric(1.5)`, `numeric(99999999999)`), or for time precisions over 6
 * reads them as 6, which is what the type without a modifier means anyway.
 */
function argsFit(type: ColumnType, args: string[]): boolean {
  if (args.some((a) => !/^-?\d{1,10}$/.test(a))) return false;
  const numbers = args.map(Number);
  return typeArgsZod.safeParse(numbers).success && !typeArgProblems(type.schema ? '' : type.name, numbers).length;
}
