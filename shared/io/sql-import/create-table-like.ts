/**
 * `CREATE TABLE t (LIKE source INCLUDING …)`: the source's columns (NOT NULL always), and with the
 * matching INCLUDING options its defaults, identity, generated expressions, checks, comments and
 * indexes. Copied indexes and keys get the names PostgreSQL chooses for the new table; copied checks
 * keep their names.
 */
import type { TableLikeClause } from '@pgsql/types';
import type { Column, Index, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import type { ImportContext } from './import-context.ts';
import { chooseRelationName, nameAddition } from './chosen-names.ts';

// CREATE_TABLE_LIKE_* bits (src/include/nodes/parsenodes.h).
const COMMENTS = 1 << 0, CONSTRAINTS = 1 << 2, DEFAULTS = 1 << 3, GENERATED = 1 << 4, IDENTITY = 1 << 5, INDEXES = 1 << 6;

function copyColumn(table: Table, source: Column, options: number): Column {
  const column: Column = { id: derivedId.column(table.schema, table.name, source.name), name: source.name, type: { ...source.type }, notNull: source.notNull };
  if (source.collation) column.collation = source.collation;
  if (options & DEFAULTS && source.default) column.default = source.default;
  if (options & IDENTITY && source.identity) column.identity = structuredClone(source.identity);
  if (options & GENERATED && source.generated) column.generated = source.generated;
  if (options & COMMENTS && source.comment) column.comment = source.comment;
  return column;
}

/** Copies the source's primary key, uniques and indexes under the names PostgreSQL chooses for `table`. */
export function copyIndexes(ctx: ImportContext, table: Table, source: Table, idOf: (sourceColumnId: string) => string, options: number): void {
  const names = (ids: string[]) => ids.map((id) => source.columns.find((c) => c.id === id)?.name ?? 'expr');
  const note = (name: string) => {
    ctx.takeRelationName(table.schema, name);
    ctx.takeConstraintName(table.schema, name);
  };
  if (source.primaryKey) {
    const name = chooseRelationName(ctx, table.schema, table.name, undefined, 'pkey', true);
    note(name);
    table.primaryKey = { id: derivedId.primaryKey(table.schema, table.name), columns: source.primaryKey.columns.map(idOf) };
    if (name !== `${table.name}_pkey`) table.primaryKey.name = name;
  }
  for (const unique of source.uniques) {
    const name = chooseRelationName(ctx, table.schema, table.name, nameAddition(names(unique.columns)), 'key', true);
    note(name);
    table.uniques.push({ id: derivedId.constraint('uq', table.schema, table.name, name), name, columns: unique.columns.map(idOf) });
  }
  for (const index of source.indexes) {
    // As in CREATE INDEX: a column's name, a function call's function name, else "expr".
    const labels = index.items.map((i) => (i.column ? names([i.column])[0] : /^(?:[\w$]+\.)?([\w$]+)\(/.exec(i.expression ?? '')?.[1] ?? 'expr'));
    const name = chooseRelationName(ctx, table.schema, table.name, nameAddition(labels), 'idx');
    ctx.takeRelationName(table.schema, name);
    const copy: Index = { ...structuredClone(index), id: derivedId.index(table.schema, name), name };
    copy.items = copy.items.map((item) => (item.column ? { ...item, column: idOf(item.column) } : item));
    if (copy.include) copy.include = copy.include.map(idOf);
    if (!(options & COMMENTS)) delete copy.comment;
    table.indexes.push(copy);
  }
}

export function copyLike(ctx: ImportContext, table: Table, clause: TableLikeClause): void {
  const source = ctx.table(clause.relation ?? {});
  if (!source) return ctx.warn(`${table.name}: LIKE ${clause.relation?.relname}: table not found; its columns are not copied`);
  const options = clause.options ?? 0;
  const idMap = new Map<string, string>();
  for (const column of source.columns) {
    if (table.columns.some((c) => c.name === column.name)) continue;
    const copy = copyColumn(table, column, options);
    idMap.set(column.id, copy.id);
    table.columns.push(copy);
  }
  const idOf = (id: string) => idMap.get(id) ?? id;
  if (options & CONSTRAINTS) {
    for (const check of source.checks) {
      const name = check.name ?? check.id.slice(check.id.lastIndexOf('.') + 1);
      ctx.takeConstraintName(table.schema, name);
      const copy = { ...check, id: derivedId.constraint('ck', table.schema, table.name, name), name };
      if (!(options & COMMENTS)) delete copy.comment;
      table.checks.push(copy);
    }
  }
  if (options & INDEXES) copyIndexes(ctx, table, source, idOf, options);
}
