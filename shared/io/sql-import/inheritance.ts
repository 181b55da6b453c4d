/**
 * What an ALTER TABLE on a parent does to the tables that inherit from it (INHERITS children and
 * partitions), following PostgreSQL's recursion rules: without ONLY, column additions, drops, type
 * changes, defaults and NOT NULL reach every descendant. In the model a child lists all its columns
 * but not the checks it inherits (introspection leaves those out too), so NO INHERIT and DETACH
 * PARTITION turn the inherited checks into the child's own.
 */
import type { Check, Column, Index, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import type { ImportContext } from './import-context.ts';
import { dropColumn } from './drop.ts';
import { copyIndexes } from './create-table-like.ts';

/** The direct parents of a table: its partition parent, or the tables it INHERITS from. */
function parentsOf(ctx: ImportContext, table: Table): Table[] {
  const ids = table.partitionOf ? [table.partitionOf.parentId] : (table.inherits ?? []);
  return ids.map((id) => ctx.model.tables.find((t) => t.id === id)).filter((t): t is Table => !!t);
}

/** Every table that inherits from `table`, directly or not, each once, nearest first. */
export function descendantsOf(ctx: ImportContext, table: Table): Table[] {
  const out: Table[] = [];
  const queue = [table];
  while (queue.length) {
    const current = queue.shift()!;
    for (const t of ctx.model.tables) {
      if (t === table || out.includes(t)) continue;
      if (t.partitionOf?.parentId === current.id || t.inherits?.includes(current.id)) {
        out.push(t);
        queue.push(t);
      }
    }
  }
  return out;
}

/** The parent's column as a descendant gets it: same definition, the child's id, no identity or comment. */
function inheritedCopy(child: Table, column: Column): Column {
  const copy: Column = { ...structuredClone(column), id: derivedId.column(child.schema, child.name, column.name) };
  delete copy.identity;
  delete copy.comment;
  return copy;
}

/** ADD COLUMN on a parent: each descendant that lacks the column gets it at its end (one that has it merges). */
export function addColumnToDescendants(ctx: ImportContext, parent: Table, name: string): void {
  const column = parent.columns.find((c) => c.name === name);
  if (!column) return;
  for (const child of descendantsOf(ctx, parent)) {
    if (!child.columns.some((c) => c.name === name)) child.columns.push(inheritedCopy(child, column));
  }
}

/** DROP COLUMN on a parent: descendants drop it too, unless another of their parents still has it. */
export function dropColumnFromDescendants(ctx: ImportContext, parent: Table, name: string): void {
  const dropped = new Set([parent]);
  for (const child of descendantsOf(ctx, parent)) {
    const keptBy = parentsOf(ctx, child).some((p) => !dropped.has(p) && p.columns.some((c) => c.name === name));
    if (keptBy || !child.columns.some((c) => c.name === name)) continue;
    dropColumn(ctx, child, name);
    dropped.add(child);
  }
}

/** Applies a change of one column (type, default, NOT NULL) to the same column of every descendant. */
export function changeColumnOfDescendants(ctx: ImportContext, parent: Table, name: string, change: (column: Column) => void): void {
  for (const child of descendantsOf(ctx, parent)) {
    const column = child.columns.find((c) => c.name === name);
    if (column) change(column);
  }
}

/** The checks a table passes on: its own (but NO INHERIT ones) and those it inherits. */
function inheritableChecks(ctx: ImportContext, table: Table, seen = new Set<Table>()): Check[] {
  if (seen.has(table)) return [];
  seen.add(table);
  const own = table.checks.filter((c) => !c.noInherit);
  return [...own, ...parentsOf(ctx, table).flatMap((p) => inheritableChecks(ctx, p, seen))];
}

/**
 * ATTACH PARTITION: the partition's checks named like its new parent's (PostgreSQL requires them)
 * are merged into the parent's, inherited and no longer local; DETACH gives them back. One that is
 * valid where the parent's is NOT VALID stays, since it says more than the parent's.
 */
export function mergeChecksOnAttach(ctx: ImportContext, partition: Table, parent: Table): void {
  const name = (c: Check) => c.name ?? c.id.slice(c.id.lastIndexOf('.') + 1);
  const inherited = new Map(inheritableChecks(ctx, parent).map((c) => [name(c), c]));
  partition.checks = partition.checks.filter((c) => {
    const merged = inherited.get(name(c));
    return !merged || (merged.notValid && !c.notValid);
  });
}

/** NO INHERIT / DETACH PARTITION: the checks `child` inherited from `parent` become its own, as PostgreSQL keeps them. */
export function keepInheritedChecks(ctx: ImportContext, child: Table, parent: Table): void {
  const name = (c: Check) => c.name ?? c.id.slice(c.id.lastIndexOf('.') + 1);
  const stillInherited = new Set(parentsOf(ctx, child).filter((p) => p !== parent).flatMap((p) => inheritableChecks(ctx, p)).map(name));
  for (const check of inheritableChecks(ctx, parent)) {
    const checkName = name(check);
    // Pinned on the parent too: PostgreSQL picks default constraint names unique in the schema,
    // so a re-created parent would otherwise get `…_check1` beside the child's copy.
    check.name = checkName;
    if (stillInherited.has(checkName) || child.checks.some((c) => name(c) === checkName)) continue;
    const { id: _id, ...rest } = structuredClone(check);
    child.checks.push({ id: derivedId.constraint('ck', child.schema, child.name, checkName), ...rest, name: checkName });
  }
}

/** What an index covers, by column name or expression, to tell whether a partition already has its own. */
function coverage(table: Table, index: Index): string {
  const name = (id: string) => table.columns.find((c) => c.id === id)?.name ?? id;
  return JSON.stringify([index.unique, index.method, index.items.map((i) => ({ ...i, column: i.column && name(i.column) })), index.where]);
}

/**
 * DETACH PARTITION: the partition keeps the primary key, uniques, indexes and foreign keys it got
 * from its parent, as its own (keys and indexes under the names PostgreSQL chose for the partition,
 * foreign keys under the parent's names), and its inherited checks.
 */
export function keepPartitionObjects(ctx: ImportContext, partition: Table, parent: Table): void {
  keepInheritedChecks(ctx, partition, parent);
  const byName = new Map(partition.columns.map((c) => [c.name, c.id]));
  const idOf = (parentColumnId: string) => byName.get(parent.columns.find((c) => c.id === parentColumnId)?.name ?? '') ?? parentColumnId;
  const own = new Set(partition.indexes.map((x) => coverage(partition, x)));
  const source: Table = {
    ...parent, primaryKey: partition.primaryKey ? undefined : parent.primaryKey,
    indexes: parent.indexes.filter((x) => !own.has(coverage(parent, x))),
  };
  copyIndexes(ctx, partition, source, idOf, 0);
  for (const fk of parent.foreignKeys) {
    const name = fk.name ?? fk.id.slice(fk.id.lastIndexOf('.') + 1);
    if (partition.foreignKeys.some((f) => (f.name ?? f.id.slice(f.id.lastIndexOf('.') + 1)) === name)) continue;
    partition.foreignKeys.push({ ...structuredClone(fk), id: derivedId.constraint('fk', partition.schema, partition.name, name), name, columns: fk.columns.map(idOf) });
  }
}
