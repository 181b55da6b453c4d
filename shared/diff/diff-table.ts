/**
 * Differences inside one table kept on both sides: columns, constraints and indexes, matched by id.
 * Constraint and index names are compared by their effective name (PostgreSQL's default when absent),
 * so renaming a table or a column renames the objects whose default name follows it.
 */
import type { Column, Index, Table } from '../model/document.ts';
import { effectiveName, type NameKind } from '../model/names.ts';
import { sameType } from '../model/types.ts';
import { pairById, sameComment, sameExcept, sameSqlText, stableJson, type Moved } from './match.ts';
import type { Change, IndexOwner, TableConstraint } from './types.ts';

const NAME_KIND: Record<TableConstraint['type'], NameKind> = {
  'primary-key': 'pkey', unique: 'key', check: 'check', 'foreign-key': 'fkey',
};

/** The effective name of a constraint on its table. */
export function constraintName(table: Table, constraint: TableConstraint): string {
  return effectiveName(table, constraint.value, NAME_KIND[constraint.type]);
}

/** The effective name of an index on its table (or materialized view, whose items are expressions). */
export function indexName(owner: IndexOwner, index: Index): string {
  const table = owner.type === 'table' ? owner.table : { name: owner.view.name, columns: [] };
  return effectiveName(table, index, 'idx');
}

/** Every constraint of a table, tagged. */
export function constraintsOf(table: Table): TableConstraint[] {
  return [
    ...(table.primaryKey ? [{ type: 'primary-key' as const, value: table.primaryKey }] : []),
    ...table.uniques.map((value) => ({ type: 'unique' as const, value })),
    ...table.checks.map((value) => ({ type: 'check' as const, value })),
    ...table.foreignKeys.map((value) => ({ type: 'foreign-key' as const, value })),
  ];
}

/** Column attributes that `column.alter` covers (everything but id and name). */
export function columnDiffers(a: Column, b: Column): boolean {
  return !sameType(a.type, b.type) || a.notNull !== b.notNull || !sameSqlText(a.default, b.default)
    || stableJson(a.identity) !== stableJson(b.identity) || !sameSqlText(a.generated, b.generated)
    || (a.collation ?? '') !== (b.collation ?? '') || !sameComment(a.comment, b.comment);
}

/** Columns of a partition mirror its parent's: PostgreSQL adds, drops and retypes them through the parent. */
function diffColumns(from: Table, to: Table): Change[] {
  const changes: Change[] = [];
  const { added, removed, kept } = pairById(from.columns, to.columns);
  const mirrored = to.partitionOf !== undefined && from.partitionOf !== undefined;
  if (!mirrored) {
    for (const column of removed) changes.push({ kind: 'column.drop', table: from, column });
    for (const column of added) changes.push({ kind: 'column.add', table: to, column });
  }
  for (const [a, b] of kept) {
    if (a.name !== b.name && !mirrored) changes.push({ kind: 'column.rename', table: to, from: a, to: b });
    if (!columnDiffers(a, b)) continue;
    // A partition only owns its defaults and comments; the rest follows the parent's ALTER.
    const own = mirrored ? { ...a, name: b.name, default: b.default, comment: b.comment } : b;
    if (columnDiffers(a, own)) changes.push({ kind: 'column.alter', fromTable: from, table: to, from: a, to: own });
  }
  return changes;
}

function diffConstraints(from: Table, to: Table): Change[] {
  const changes: Change[] = [];
  const tag = (c: TableConstraint) => ({ ...c, id: `${c.type}:${c.value.id}` });
  const { added, removed, kept } = pairById(constraintsOf(from).map(tag), constraintsOf(to).map(tag));
  for (const c of removed) changes.push({ kind: 'constraint.drop', table: from, constraint: untag(c) });
  for (const c of added) changes.push({ kind: 'constraint.add', table: to, constraint: untag(c) });
  for (const [ta, tb] of kept) {
    const [a, b] = [untag(ta), untag(tb)];
    if (!sameExcept(a.value, b.value, ['id', 'name', 'comment'])) {
      changes.push({ kind: 'constraint.drop', table: from, constraint: a });
      changes.push({ kind: 'constraint.add', table: to, constraint: b });
      continue;
    }
    if (constraintName(from, a) !== constraintName(to, b)) changes.push({ kind: 'constraint.rename', table: to, from: a, to: b });
    if (!sameComment(a.value.comment, b.value.comment)) changes.push({ kind: 'constraint.comment', table: to, from: a, to: b });
  }
  return changes;
}

function untag(c: TableConstraint & { id: string }): TableConstraint {
  return { type: c.type, value: c.value } as TableConstraint;
}

/** Index changes between two owners (a table, or a materialized view). */
export function diffIndexes(fromOwner: IndexOwner, toOwner: IndexOwner, from: Index[], to: Index[]): Change[] {
  const changes: Change[] = [];
  const { added, removed, kept } = pairById(from, to);
  for (const index of removed) changes.push({ kind: 'index.drop', owner: fromOwner, index });
  for (const index of added) changes.push({ kind: 'index.add', owner: toOwner, index });
  for (const [a, b] of kept) {
    if (!sameExcept(a, b, ['id', 'name', 'comment'])) {
      changes.push({ kind: 'index.drop', owner: fromOwner, index: a }, { kind: 'index.add', owner: toOwner, index: b });
      continue;
    }
    if (indexName(fromOwner, a) !== indexName(toOwner, b)) changes.push({ kind: 'index.rename', owner: toOwner, from: a, to: b });
    if (!sameComment(a.comment, b.comment)) changes.push({ kind: 'index.comment', owner: toOwner, from: a, to: b });
  }
  return changes;
}

/** Table-level attributes altered in place. */
function tableAltered(a: Table, b: Table): boolean {
  return !sameComment(a.comment, b.comment) || Boolean(a.unlogged) !== Boolean(b.unlogged)
    || stableJson(a.with) !== stableJson(b.with) || stableJson(a.inherits) !== stableJson(b.inherits)
    || stableJson(a.partitionOf) !== stableJson(b.partitionOf);
}

/** Changes for one table present on both sides. */
export function diffKeptTable(from: Table, to: Table, moved: Moved): Change[] {
  if (stableJson(from.partitioning) !== stableJson(to.partitioning)) return [{ kind: 'table.recreate', from, to }];
  const changes: Change[] = [];
  if (moved(from, to)) changes.push({ kind: 'table.rename', from, to });
  if (tableAltered(from, to)) changes.push({ kind: 'table.alter', from, to });
  changes.push(...diffColumns(from, to), ...diffConstraints(from, to));
  changes.push(...diffIndexes({ type: 'table', table: from }, { type: 'table', table: to }, from.indexes, to.indexes));
  return changes;
}

/** All table changes between two lists of tables. */
export function diffTables(from: Table[], to: Table[], moved: Moved): Change[] {
  const { added, removed, kept } = pairById(from, to);
  return [
    ...removed.map((table): Change => ({ kind: 'table.drop', table })),
    ...added.map((table): Change => ({ kind: 'table.create', table })),
    ...kept.flatMap(([a, b]) => diffKeptTable(a, b, moved)),
  ];
}
