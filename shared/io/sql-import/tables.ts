/**
 * CREATE TABLE: columns and constraints, UNLOGGED, WITH (…), INHERITS, PARTITION BY and
 * PARTITION OF (a partition's columns mirror its parent's, as in PostgreSQL).
 */
import type { ColumnDef, CompositeTypeStmt, Constraint, CreateStmt, Node, PartitionBoundSpec, PartitionElem, PartitionSpec, TableLikeClause, TypeName } from '@pgsql/types';
import type { Column, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { quoteIdent } from '../../ddl/quote.ts';
import { as, kindOf, namesOf, storageOptions } from './ast.ts';
import { columnOf } from './columns.ts';
import { addConstraints } from './constraints.ts';
import { copyLike } from './create-table-like.ts';
import type { ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { rawObjectOf } from './raw-objects.ts';
import { deparseNode, parseNodes } from '../parser.ts';

const STRATEGIES: Record<string, 'range' | 'list' | 'hash'> = {
  PARTITION_STRATEGY_RANGE: 'range', PARTITION_STRATEGY_LIST: 'list', PARTITION_STRATEGY_HASH: 'hash',
};

/** `PARTITION BY RANGE (a, lower(b))` → `a, lower(b)`. */
function partitionKeyText(ctx: ImportContext, spec: PartitionSpec): string {
  return (spec.partParams ?? []).map((node) => {
    const elem = as<PartitionElem>(node, 'PartitionElem')!;
    let text = elem.name ? quoteIdent(elem.name) : elem.expr ? expressionText(ctx, elem.expr) : '';
    if (elem.expr && kindOf(elem.expr) !== 'FuncCall') text = `(${text})`;
    if (elem.collation?.length) text += ` COLLATE ${ctx.collationName(namesOf(elem.collation)).split('.').map((p) => (p.startsWith('"') ? p : quoteIdent(p))).join('.')}`;
    if (elem.opclass?.length) text += ` ${namesOf(elem.opclass).map(quoteIdent).join('.')}`;
    return text;
  }).join(', ');
}

/** A partition bound as PostgreSQL prints it: `FOR VALUES FROM ('a') TO ('b')`, `DEFAULT`, … */
export function partitionBoundText(ctx: ImportContext, bound: PartitionBoundSpec): string {
  if (bound.is_default) return 'DEFAULT';
  const datum = (n: Node) => {
    const text = expressionText(ctx, n);
    return kindOf(n) === 'ColumnRef' && /^(minvalue|maxvalue)$/i.test(text) ? text.toUpperCase() : text;
  };
  const list = (nodes: Node[] | undefined) => (nodes ?? []).map(datum).join(', ');
  if (bound.strategy === 'l') return `FOR VALUES IN (${list(bound.listdatums)})`;
  if (bound.strategy === 'r') return `FOR VALUES FROM (${list(bound.lowerdatums)}) TO (${list(bound.upperdatums)})`;
  if (bound.strategy === 'h') return `FOR VALUES WITH (modulus ${bound.modulus ?? 0}, remainder ${bound.remainder ?? 0})`;
  return deparseNode({ PartitionBoundSpec: bound });
}

/** A parent's column as it appears in a child (partition or inheritance child). */
function inheritedColumn(table: Table, parentColumn: Column): Column {
  const column: Column = { ...parentColumn, id: derivedId.column(table.schema, table.name, parentColumn.name) };
  delete column.identity;
  delete column.comment;
  return column;
}

/** Merges `col WITH OPTIONS …` or a redeclared inherited column into the existing column. */
function mergeColumn(existing: Column, declared: Column, def: ColumnDef): void {
  if (def.typeName) existing.type = declared.type;
  if (declared.notNull) existing.notNull = true;
  if (declared.default !== undefined) existing.default = declared.default;
  if (declared.generated !== undefined) existing.generated = declared.generated;
  if (declared.identity) existing.identity = declared.identity;
  if (declared.collation) existing.collation = declared.collation;
}

function inheritColumns(ctx: ImportContext, table: Table, stmt: CreateStmt): void {
  const parents = (stmt.inhRelations ?? []).map((n) => as<{ schemaname?: string; relname?: string }>(n, 'RangeVar')!);
  const parentIds: string[] = [];
  for (const ref of parents) {
    const parent = ctx.table(ref);
    if (!parent) {
      ctx.warn(`${table.name}: parent table ${ref.relname} not found`);
      continue;
    }
    parentIds.push(parent.id);
    for (const column of parent.columns) {
      if (!table.columns.some((c) => c.name === column.name)) table.columns.push(inheritedColumn(table, column));
    }
  }
  if (!parentIds.length) return;
  if (stmt.partbound) table.partitionOf = { parentId: parentIds[0], bound: partitionBoundText(ctx, stmt.partbound) };
  else table.inherits = parentIds;
}

/** Adds the columns and constraints of `CREATE TABLE (…)` (or `ALTER TABLE … ADD COLUMN`) to `table`. */
export function addTableElements(ctx: ImportContext, table: Table, elements: Node[] | undefined): void {
  addConstraints(ctx, table, addColumnElements(ctx, table, elements));
}

/** Adds the columns (and LIKE copies) of table elements; gives back their constraints, to add once every column is there. */
function addColumnElements(ctx: ImportContext, table: Table, elements: Node[] | undefined): Constraint[] {
  const constraints: Constraint[] = [];
  for (const element of elements ?? []) {
    const def = as<ColumnDef>(element, 'ColumnDef');
    const constraint = as<Constraint>(element, 'Constraint');
    if (def) {
      const { column, constraints: own } = columnOf(ctx, table, def);
      const existing = table.columns.find((c) => c.name === column.name);
      if (existing) mergeColumn(existing, column, def);
      else table.columns.push(column);
      constraints.push(...own);
    } else if (constraint) constraints.push(constraint);
    else if (kindOf(element) === 'TableLikeClause') copyLike(ctx, table, as<TableLikeClause>(element, 'TableLikeClause')!);
  }
  return constraints;
}

/** The attributes of a composite type the model keeps as text (`CREATE TYPE ct AS (a int, b text)`), if it does. */
function compositeAttributes(ctx: ImportContext, typeName: TypeName): Node[] | undefined {
  const names = namesOf(typeName.names);
  const ref = { relname: names[names.length - 1], ...(names.length > 1 ? { schemaname: names[names.length - 2] } : {}) };
  const schema = ctx.typeSchema(ref);
  const raw = ctx.model.rawObjects.find((r) => r.kind === 'type' && r.schema === schema && r.name === ref.relname);
  const statement = raw && parseNodes(raw.definition).map((n) => as<CompositeTypeStmt>(n, 'CompositeTypeStmt')).find(Boolean);
  return statement?.coldeflist;
}

/**
 * `CREATE TABLE t OF ct`: the columns of the composite type, then the `WITH OPTIONS` and
 * constraints of the statement. The model has no link to the type (introspection reads such a
 * table as a plain one too), so the import warns. False when the type is not a composite type the model keeps.
 */
function typedTableColumns(ctx: ImportContext, table: Table, typeName: TypeName): boolean {
  const attributes = compositeAttributes(ctx, typeName);
  if (!attributes) return false;
  addTableElements(ctx, table, attributes);
  const type = namesOf(typeName.names).join('.');
  ctx.warn(`table ${table.name} is created OF type ${type}: imported as a plain table with the type's columns (the model does not keep the link to ${type})`);
  return true;
}

/** CREATE TABLE. `text` is the statement as written, kept when the table cannot be modelled. */
export function importCreateTable(ctx: ImportContext, stmt: CreateStmt, text: string): void {
  const relation = stmt.relation!;
  if (relation.relpersistence === 't') return ctx.skip('CREATE TEMPORARY TABLE', 'temporary tables are not part of a schema');
  const schema = ctx.creationSchema(relation.schemaname);
  const name = relation.relname!;
  if (ctx.table({ schemaname: schema, relname: name })) {
    if (stmt.if_not_exists) return ctx.skip('CREATE TABLE IF NOT EXISTS', `table ${schema}.${name} already exists`);
    ctx.warn(`table ${schema}.${name} is created twice; the second definition is ignored`);
    return;
  }
  const table: Table = {
    id: derivedId.table(schema, name), schema, name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [],
  };
  if (stmt.ofTypename && !typedTableColumns(ctx, table, stmt.ofTypename)) {
    const type = namesOf(stmt.ofTypename.names).join('.');
    ctx.warn(`table ${name} is created OF type ${type}, which is not a composite type of the model: kept as SQL text, not as a table`);
    return ctx.addRaw(rawObjectOf(ctx, 'other', schema, name, text));
  }
  if (relation.relpersistence === 'u') table.unlogged = true;
  const options = storageOptions(stmt.options);
  if (options) table.with = options;
  ctx.addTable(table);
  if (stmt.partbound) inheritColumns(ctx, table, stmt);
  // Constraints come after INHERITS has brought the parents' columns: `(UNIQUE (a, b)) INHERITS (p)` names only inherited ones.
  const constraints = addColumnElements(ctx, table, stmt.tableElts);
  if (!stmt.partbound && stmt.inhRelations?.length) {
    // Inherited columns come first in PostgreSQL; locally declared ones follow unless merged.
    const local = table.columns;
    table.columns = [];
    inheritColumns(ctx, table, stmt);
    for (const column of local) {
      const existing = table.columns.find((c) => c.name === column.name);
      // A redeclared inherited column keeps the parent's NOT NULL (PostgreSQL merges the two).
      if (existing) Object.assign(existing, { ...column, id: existing.id, notNull: column.notNull || existing.notNull });
      else table.columns.push(column);
    }
  }
  addConstraints(ctx, table, constraints);
  if (stmt.partspec) {
    table.partitioning = { strategy: STRATEGIES[stmt.partspec.strategy ?? ''] ?? 'range', key: partitionKeyText(ctx, stmt.partspec) };
  }
  if (stmt.accessMethod) ctx.warn(`${name}: table access method ${stmt.accessMethod} is not kept`);
}
