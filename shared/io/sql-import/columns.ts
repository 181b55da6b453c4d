/**
 * Column definitions: type, NOT NULL, DEFAULT, identity, generated, collation, and the constraints
 * written on the column (returned as table constraints, as PostgreSQL itself treats them). `serial`
 * becomes what PostgreSQL makes of it: an integer column, a sequence owned by it, and a
 * `nextval(…)` default.
 */
import type { ColumnDef, Constraint, Node } from '@pgsql/types';
import type { Column, Identity, SequenceOptions, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { as, defElems, namesOf, numberText } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { chooseRelationName } from './chosen-names.ts';
import { columnTypeOf, typeNameParts } from './column-types.ts';
import { SERIAL_TYPES } from '../../model/types.ts';

/** Sequence options from `DefElem`s (CREATE/ALTER SEQUENCE, identity columns). */
export function sequenceOptionsOf(ctx: ImportContext, options: Node[] | undefined): SequenceOptions {
  const out: SequenceOptions = {};
  for (const d of defElems(options)) {
    const value = numberText(d.arg);
    if (value !== undefined && !isBigint(value)) {
      ctx.warn(`sequence option ${d.defname?.toUpperCase()} ${value.slice(0, 40)} is not a bigint (PostgreSQL refuses it): ignored`);
      continue;
    }
    switch (d.defname) {
      case 'as': {
        const type = columnTypeOf(ctx, as(d.arg, 'TypeName')!);
        if (type.name === 'smallint' || type.name === 'integer' || type.name === 'bigint') out.dataType = type.name;
        break;
      }
      case 'start': if (value !== undefined) out.start = value; break;
      case 'increment': if (value !== undefined) out.increment = value; break;
      case 'minvalue': if (value !== undefined) out.minValue = value; else delete out.minValue; break;
      case 'maxvalue': if (value !== undefined) out.maxValue = value; else delete out.maxValue; break;
      case 'cache': if (value !== undefined) out.cache = value; break;
      case 'cycle': out.cycle = as<{ boolval?: boolean }>(d.arg, 'Boolean')?.boolval ?? false; break;
      default: break; // sequence_name, owned_by, restart: handled by the callers or without effect on the model
    }
  }
  return out;
}

const TYPE_RANGE: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n], integer: [-2147483648n, 2147483647n], bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** A whole number in bigint's range, what a sequence option must be. Ex: `'1e308'` → false. */
function isBigint(text: string): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const [min, max] = TYPE_RANGE.bigint;
  const value = BigInt(text);
  return value >= min && value <= max;
}

/**
 * Leaves out options equal to what PostgreSQL would choose anyway (start at the bound, increment
 * 1, the type's range, cache 1, `defaultType`), so a sequence reads the same imported or introspected.
 * Ex: `{ dataType: 'bigint', start: '1', cache: '1' }` → `{}`.
 */
export function compactSequenceOptions<T extends SequenceOptions>(options: T, defaultType = 'bigint'): T {
  const out = { ...options };
  const dataType = out.dataType ?? defaultType;
  const [typeMin, typeMax] = TYPE_RANGE[dataType] ?? TYPE_RANGE.bigint;
  const ascending = BigInt(out.increment ?? '1') > 0n;
  const min = out.minValue !== undefined ? BigInt(out.minValue) : ascending ? 1n : typeMin;
  const max = out.maxValue !== undefined ? BigInt(out.maxValue) : ascending ? typeMax : -1n;
  if (out.dataType === defaultType) delete out.dataType;
  if (out.start !== undefined && BigInt(out.start) === (ascending ? min : max)) delete out.start;
  if (out.increment === '1') delete out.increment;
  if (out.minValue !== undefined && min === (ascending ? 1n : typeMin)) delete out.minValue;
  if (out.maxValue !== undefined && max === (ascending ? typeMax : -1n)) delete out.maxValue;
  if (out.cache === '1') delete out.cache;
  if (out.cycle === false) delete out.cycle;
  return out;
}

/** Applies `DEFERRABLE`, `INITIALLY DEFERRED`, … items to the constraint before them, as the grammar intends. */
export function attachConstraintAttributes(nodes: Node[] | undefined): Constraint[] {
  const out: Constraint[] = [];
  for (const node of nodes ?? []) {
    const c = as<Constraint>(node, 'Constraint');
    if (!c) continue;
    const last = out[out.length - 1];
    switch (c.contype) {
      case 'CONSTR_ATTR_DEFERRABLE': if (last) last.deferrable = true; break;
      case 'CONSTR_ATTR_NOT_DEFERRABLE': if (last) last.deferrable = false; break;
      case 'CONSTR_ATTR_DEFERRED': if (last) last.initdeferred = true; break;
      case 'CONSTR_ATTR_IMMEDIATE': if (last) last.initdeferred = false; break;
      case 'CONSTR_ATTR_ENFORCED': case 'CONSTR_ATTR_NOT_ENFORCED': break;
      default: out.push({ ...c });
    }
  }
  return out;
}

function identityOf(ctx: ImportContext, c: Constraint, columnType = 'bigint'): Identity {
  const options = compactSequenceOptions(sequenceOptionsOf(ctx, c.options), columnType);
  return { kind: c.generated_when === 'a' ? 'always' : 'by-default', ...(Object.keys(options).length ? { options } : {}) };
}

/** Makes `column` a serial: integer type, owned sequence, `nextval` default, NOT NULL. */
function makeSerial(ctx: ImportContext, table: Table, column: Column, intType: 'smallint' | 'integer' | 'bigint'): void {
  const name = chooseRelationName(ctx, table.schema, table.name, column.name, 'seq');
  ctx.addSequence({
    id: derivedId.sequence(table.schema, name), schema: table.schema, name, dataType: intType,
    ownedBy: { tableId: table.id, columnId: column.id },
  });
  column.type = { name: intType };
  column.notNull = true;
  const shown = `${table.schema}.${name}`;
  column.default = `nextval('${shown.replace(/'/g, "''")}'::regclass)`;
}

export interface ColumnResult {
  column: Column;
  /** PRIMARY KEY, UNIQUE, CHECK, REFERENCES written on the column, with the column as their key. */
  constraints: Constraint[];
}

/** Ex: `id serial PRIMARY KEY` → an integer column with a sequence, and a primary key constraint on `id`. */
export function columnOf(ctx: ImportContext, table: Table, def: ColumnDef): ColumnResult {
  const name = def.colname!;
  const column: Column = {
    id: derivedId.column(table.schema, table.name, name), name, type: { name: 'text' }, notNull: false,
  };
  const parts = def.typeName ? typeNameParts(def.typeName) : undefined;
  const serial = parts && !parts.schema && !def.typeName?.arrayBounds?.length ? SERIAL_TYPES[parts.name] : undefined;
  if (def.typeName && !serial) column.type = columnTypeOf(ctx, def.typeName);
  if (def.collClause) column.collation = ctx.collationName(namesOf(def.collClause.collname));
  if (def.is_not_null) column.notNull = true;
  const constraints: Constraint[] = [];
  for (const c of attachConstraintAttributes(def.constraints)) {
    switch (c.contype) {
      case 'CONSTR_NOTNULL': column.notNull = true; break;
      case 'CONSTR_NULL': column.notNull = false; break;
      case 'CONSTR_DEFAULT': if (c.raw_expr) column.default = expressionText(ctx, c.raw_expr); break;
      case 'CONSTR_IDENTITY': column.identity = identityOf(ctx, c, column.type.name); column.notNull = true; break;
      case 'CONSTR_GENERATED':
        if (c.raw_expr) column.generated = expressionText(ctx, c.raw_expr);
        if (c.generated_kind === 'v') ctx.warn(`column ${name}: virtual generated columns are imported as stored`);
        break;
      case 'CONSTR_PRIMARY': case 'CONSTR_UNIQUE':
        constraints.push({ ...c, keys: [{ String: { sval: name } }] });
        break;
      case 'CONSTR_FOREIGN':
        constraints.push({ ...c, fk_attrs: [{ String: { sval: name } }] });
        break;
      default: constraints.push(c);
    }
  }
  if (serial) makeSerial(ctx, table, column, serial);
  return { column, constraints };
}

/** `ALTER TABLE … ALTER COLUMN … ADD GENERATED … AS IDENTITY`. */
export function identityFromConstraint(ctx: ImportContext, c: Constraint, columnType: string): Identity {
  return identityOf(ctx, c, columnType);
}
