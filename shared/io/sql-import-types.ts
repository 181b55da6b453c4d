/**
 * Types: a parsed `TypeName` becomes a canonical `ColumnType` (aliases folded through
 * `shared/model/types.ts`, user-defined types carrying their schema), and CREATE TYPE … AS ENUM and
 * CREATE DOMAIN become model objects.
 */
import type { CreateDomainStmt, CreateEnumStmt, Node, TypeName } from '@pgsql/types';
import type { ColumnType, Domain } from '../model/document.ts';
import { derivedId } from '../model/ids.ts';
import { MAX_IDENTIFIER_BYTES, utf8Length } from '../model/names.ts';
import { MAX_ARRAY_DIMS, typeArgProblems, typeArgsZod } from '../model/document-bounds.ts';
import { canonicalTypeName } from '../model/types.ts';
import { as, namesOf, numberText, stringOf } from './sql-import-ast.ts';
import type { ImportContext } from './sql-import-context.ts';
import { expressionText } from './sql-import-expr.ts';

/** `serial` and friends: the integer type they stand for. */
export const SERIAL_TYPES: Record<string, 'smallint' | 'integer' | 'bigint'> = {
  smallserial: 'smallint', serial2: 'smallint', serial: 'integer', serial4: 'integer', bigserial: 'bigint', serial8: 'bigint',
};

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

/** CREATE TYPE … AS ENUM. */
export function importEnum(ctx: ImportContext, stmt: CreateEnumStmt): void {
  const names = namesOf(stmt.typeName);
  const name = names[names.length - 1];
  const schema = ctx.creationSchema(names.length > 1 ? names[names.length - 2] : undefined);
  const values = (stmt.vals ?? []).map((v: Node) => stringOf(v));
  const bad = values.find((v) => enumLabelProblem(v));
  if (bad !== undefined) return ctx.skip('CREATE TYPE … AS ENUM', `enum ${name}: ${enumLabelProblem(bad)}`);
  ctx.addEnum({ id: derivedId.enum(schema, name), schema, name, values });
}

/**
 * Why the model cannot hold an enum label: PostgreSQL refuses one over 63 bytes, and an empty one
 * (which it accepts) cannot be told apart from a missing one. Ex: `enumLabelProblem('')` → a sentence.
 */
export function enumLabelProblem(label: string): string | undefined {
  if (!label) return 'an empty label is not supported';
  const bytes = utf8Length(label);
  return bytes > MAX_IDENTIFIER_BYTES ? `label '${label.slice(0, 20)}…' is ${bytes} bytes; PostgreSQL allows 63` : undefined;
}

/** CREATE DOMAIN with its default, NOT NULL, collation and checks. */
export function importDomain(ctx: ImportContext, stmt: CreateDomainStmt): void {
  const names = namesOf(stmt.domainname);
  const name = names[names.length - 1];
  const schema = ctx.creationSchema(names.length > 1 ? names[names.length - 2] : undefined);
  const domain: Domain = {
    id: derivedId.domain(schema, name), schema, name, type: columnTypeOf(ctx, stmt.typeName!), notNull: false, checks: [],
  };
  if (stmt.collClause) domain.collation = ctx.collationName(namesOf(stmt.collClause.collname));
  let checkNumber = 0;
  for (const node of stmt.constraints ?? []) {
    const c = as<{ contype?: string; conname?: string; raw_expr?: Node }>(node, 'Constraint');
    if (!c) continue;
    if (c.contype === 'CONSTR_NOTNULL') domain.notNull = true;
    else if (c.contype === 'CONSTR_DEFAULT' && c.raw_expr) domain.default = expressionText(ctx, c.raw_expr);
    else if (c.contype === 'CONSTR_CHECK' && c.raw_expr) {
      // PostgreSQL names an unnamed domain check <domain>_check, then <domain>_check1, …
      const checkName = c.conname ?? `${name}_check${checkNumber ? checkNumber : ''}`;
      if (!c.conname) checkNumber += 1;
      domain.checks.push({
        id: derivedId.domainCheck(schema, name, checkName),
        ...(c.conname ? { name: c.conname } : {}),
        expression: expressionText(ctx, c.raw_expr, { domainCheck: true }),
      });
    }
  }
  ctx.addDomain(domain);
}
