/** Catalog rows of tables, columns, constraints and indexes → model tables (ids from names). */
import type { Column, ForeignKey, Index, IndexItem, RawObject, ReferentialAction, Table } from '../../shared/model/document.ts';
import { derivedId } from '../../shared/model/ids.ts';
import { quoteLiteral, quoteQualified } from '../../shared/ddl/quote.ts';
import type { columnsQuery, constraintsQuery, indexesQuery, tablesQuery } from './queries-tables.ts';
import { columnType, compact, parseCheckDefinition, parseOptions, sequenceOptions, stripOuterParens, type SequenceRow } from './to-model-parts.ts';

import type { RowOf } from './catalog-query.ts';

export type TableRow = RowOf<typeof tablesQuery>;
export type ColumnRow = RowOf<typeof columnsQuery>;
export type ConstraintRow = RowOf<typeof constraintsQuery>;
export type IndexRow = RowOf<typeof indexesQuery>;

const ACTIONS: Record<string, ReferentialAction> = { a: 'no-action', r: 'restrict', c: 'cascade', n: 'set-null', d: 'set-default' };
const MATCH: Record<string, ForeignKey['match']> = { s: 'simple', f: 'full', p: 'partial' };
const key = (schema: string, name: string) => `${schema}\u0000${name}`;

/** Column ids by attribute number, per table: constraints and indexes name columns by number. */
export type ColumnIndex = Map<string, Map<number, string>>;

function toColumn(row: ColumnRow): Column {
  const type = columnType(row.type);
  const column: Column = { id: derivedId.column(row.schema, row.table, row.name), name: row.name, type, notNull: row.notNull };
  if (row.default !== undefined) column.default = row.default;
  if (row.identity) {
    const options = row.dataType ? sequenceOptions(row as unknown as SequenceRow, type.schema ? '' : type.name) : {};
    column.identity = { kind: row.identity === 'a' ? 'always' : 'by-default', ...(Object.keys(options).length ? { options } : {}) };
  }
  if (row.generated !== undefined) column.generated = row.generated;
  if (row.collation !== undefined) column.collation = row.collation;
  if (row.comment !== undefined) column.comment = row.comment;
  return column;
}

function partitioningOf(definition: string): Table['partitioning'] {
  const match = definition.match(/^(\w+)\s*\(([\s\S]*)\)$/);
  if (!match) return undefined;
  return { strategy: match[1].toLowerCase() as 'range' | 'list' | 'hash', key: match[2] };
}

export function buildTables(tableRows: TableRow[], columnRows: ColumnRow[]): { tables: Table[]; columnIndex: ColumnIndex } {
  const columnIndex: ColumnIndex = new Map();
  const columnsByTable = new Map<string, Column[]>();
  for (const row of columnRows) {
    const k = key(row.schema, row.table);
    if (!columnsByTable.has(k)) { columnsByTable.set(k, []); columnIndex.set(k, new Map()); }
    const column = toColumn(row);
    columnsByTable.get(k)!.push(column);
    columnIndex.get(k)!.set(row.num, column.id);
  }
  const tables = tableRows.map((row): Table => {
    const table: Table = compact({
      id: derivedId.table(row.schema, row.name), schema: row.schema, name: row.name, comment: row.comment,
      columns: columnsByTable.get(key(row.schema, row.name)) ?? [],
      uniques: [], checks: [], foreignKeys: [], indexes: [],
      with: parseOptions(row.options),
    } as Table);
    if (row.unlogged) table.unlogged = true;
    if (row.partitionKey) table.partitioning = partitioningOf(row.partitionKey);
    const parents = row.parents.map((p) => derivedId.table(p.schema, p.name));
    if (row.isPartition && parents.length && row.partitionBound) {
      table.partitionOf = { parentId: parents[0], bound: row.partitionBound };
    } else if (parents.length) {
      table.inherits = parents;
    }
    if (!columnIndex.has(key(row.schema, row.name))) columnIndex.set(key(row.schema, row.name), new Map());
    return table;
  });
  return { tables, columnIndex };
}

function columnIds(index: ColumnIndex, schema: string, table: string, nums: number[]): string[] | undefined {
  const byNum = index.get(key(schema, table));
  const ids = nums.map((n) => byNum?.get(n));
  return ids.every((id): id is string => id !== undefined) ? ids : undefined;
}

/**
 * Adds constraints to their tables; exclusion constraints, and foreign keys to tables outside the
 * schema filter, become raw objects.
 */
export function attachConstraints(tables: Table[], rows: ConstraintRow[], columnIndex: ColumnIndex): RawObject[] {
  const byKey = new Map(tables.map((t) => [key(t.schema, t.name), t]));
  const raw: RawObject[] = [];
  for (const row of rows) {
    const table = byKey.get(key(row.schema, row.table));
    if (!table) continue;
    const columns = columnIds(columnIndex, row.schema, row.table, row.columns) ?? [];
    const deferrable = row.deferrable ? { deferrable: true, ...(row.initiallyDeferred ? { initiallyDeferred: true } : {}) } : {};
    const comment = row.comment !== undefined ? { comment: row.comment } : {};
    if (row.indexComment !== undefined) raw.push(keyIndexComment(row, table));
    if (row.type === 'p') {
      table.primaryKey = { id: derivedId.primaryKey(row.schema, row.table), name: row.name, columns, ...comment, ...deferrable };
    } else if (row.type === 'u') {
      table.uniques.push({
        id: derivedId.constraint('uq', row.schema, row.table, row.name), name: row.name, columns,
        ...(row.nullsNotDistinct ? { nullsNotDistinct: true } : {}), ...comment, ...deferrable,
      });
    } else if (row.type === 'c') {
      const check = parseCheckDefinition(row.definition);
      table.checks.push({
        id: derivedId.constraint('ck', row.schema, row.table, row.name), name: row.name, expression: check.expression,
        ...(check.noInherit ? { noInherit: true } : {}), ...(check.notValid ? { notValid: true } : {}), ...comment,
      });
    } else if (row.type === 'f') {
      const refColumns = row.refSchema && row.refTable ? columnIds(columnIndex, row.refSchema, row.refTable, row.refColumns) : undefined;
      // A reference to a table outside the schema filter cannot be drawn: it is carried as its SQL
      // (created after the tables), so a document read with --schema loses nothing.
      if (!refColumns || !byKey.has(key(row.refSchema!, row.refTable!))) {
        raw.push(constraintObject(row, table));
        continue;
      }
      table.foreignKeys.push({
        id: derivedId.constraint('fk', row.schema, row.table, row.name), name: row.name, columns,
        refTableId: derivedId.table(row.refSchema!, row.refTable!), refColumns,
        onDelete: ACTIONS[row.onDelete] ?? 'no-action', onUpdate: ACTIONS[row.onUpdate] ?? 'no-action',
        match: MATCH[row.match] ?? 'simple', ...(row.validated ? {} : { notValid: true }), ...comment, ...deferrable,
      });
    } else {
      raw.push(constraintObject(row, table));
    }
  }
  return raw;
}

/**
 * A comment on the index of a primary key or unique constraint: the model has no place for it, so it
 * is carried as its statement (the SQL import names it the same way).
 */
function keyIndexComment(row: ConstraintRow, table: Table): RawObject {
  return {
    id: derivedId.raw('other', row.schema, `${row.table}.${row.name}.index-comment`), kind: 'other', schema: row.schema,
    name: `${row.name} index comment`, tableId: table.id,
    definition: `COMMENT ON INDEX ${quoteQualified(row.schema, row.name)} IS ${quoteLiteral(row.indexComment!)};`,
  };
}

/** A constraint the model does not type, as `ALTER TABLE … ADD CONSTRAINT …;` and its comment. */
function constraintObject(row: ConstraintRow, table: Table): RawObject {
  const on = `${quoteQualified(undefined, row.name)} ON ${quoteQualified(row.schema, row.table)}`;
  const comment = row.comment === undefined ? '' : `\nCOMMENT ON CONSTRAINT ${on} IS ${quoteLiteral(row.comment)};`;
  return {
    id: derivedId.raw('other', row.schema, `${row.table}.${row.name}`), kind: 'other', schema: row.schema, name: row.name,
    tableId: table.id,
    definition: `ALTER TABLE ${quoteQualified(row.schema, row.table)} ADD CONSTRAINT ${quoteQualified(undefined, row.name)} ${row.definition};${comment}`,
  };
}

/** One index row → model index; on a materialized view every item is an expression. */
export function toIndex(row: IndexRow, columnIndex: ColumnIndex): Index | undefined {
  const byNum = columnIndex.get(key(row.schema, row.table));
  const onView = row.tableKind === 'm';
  const items: IndexItem[] = [];
  for (let k = 0; k < row.keyCount; k++) {
    const num = row.keys[k];
    const item: IndexItem = num !== 0 && !onView
      ? { column: byNum?.get(num) ?? '' }
      : { expression: num !== 0 ? row.texts[k] : stripOuterParens(row.texts[k]) };
    if (item.column === '') return undefined;
    const option = row.options[k] ?? 0;
    const desc = (option & 1) !== 0;
    const nullsFirst = (option & 2) !== 0;
    if (desc) item.order = 'desc';
    if (nullsFirst && !desc) item.nulls = 'first';
    if (!nullsFirst && desc) item.nulls = 'last';
    if (row.opclasses[k]) item.opclass = row.opclasses[k];
    if (row.collations[k]) item.collation = row.collations[k];
    items.push(item);
  }
  const index: Index = { id: derivedId.index(row.schema, row.name), name: row.name, unique: row.unique, items };
  if (row.method !== 'btree') index.method = row.method;
  const include = row.keys.slice(row.keyCount).map((n) => byNum?.get(n));
  if (include.length) {
    if (include.some((id) => id === undefined)) return undefined;
    index.include = include as string[];
  }
  if (row.where !== undefined) index.where = row.where;
  if (row.nullsNotDistinct) index.nullsNotDistinct = true;
  const options = parseOptions(row.with);
  if (options) index.with = options;
  if (row.comment !== undefined) index.comment = row.comment;
  return index;
}

/** Adds indexes to their tables; returns the rest (materialized views' indexes) by owner key. */
export function attachIndexes(tables: Table[], rows: IndexRow[], columnIndex: ColumnIndex): Map<string, Index[]> {
  const byKey = new Map(tables.map((t) => [key(t.schema, t.name), t]));
  const viewIndexes = new Map<string, Index[]>();
  for (const row of rows) {
    const index = toIndex(row, columnIndex);
    if (!index) continue;
    const table = byKey.get(key(row.schema, row.table));
    if (table) table.indexes.push(index);
    else {
      const list = viewIndexes.get(key(row.schema, row.table)) ?? [];
      list.push(index);
      viewIndexes.set(key(row.schema, row.table), list);
    }
  }
  return viewIndexes;
}

export { key as relationKey };
