/**
 * Edit ops on columns. Model in, new model out; untouched tables keep their identity.
 */
import type { Column, ColumnType, Identity, Model, Table } from '../document.ts';
import { newId } from '../ids.ts';
import { mentionsIdentifier, renameIdentifier } from '../sql-rename.ts';
import { sameType } from '../types.ts';
import { applyPatch, filterShared, findTable, mapShared, updateColumnIn, updateTable, updateTables } from './structural-sharing.ts';
import { checkName, checkOptionalName, firstFree } from './op-names.ts';

export interface AddColumnParams {
  tableId: string;
  id?: string;
  /** Default: `column_1`, `column_2`, … */
  name?: string;
  /** Default: `text`. */
  type?: ColumnType;
  notNull?: boolean;
  default?: string;
  comment?: string;
  /** Insert position; default: at the end. */
  index?: number;
}

/** Ex: `addColumn(model, { tableId, name: 'email', type: { name: 'text' }, notNull: true })`. */
export function addColumn(model: Model, params: AddColumnParams): Model {
  checkOptionalName(params.name, 'column');
  return updateTable(model, params.tableId, (t) => {
    const column: Column = {
      id: params.id ?? newId('column'),
      name: params.name ?? firstFree('column', t.columns.map((c) => c.name)),
      type: params.type ?? { name: 'text' },
      notNull: params.notNull ?? false,
      ...(params.default ? { default: params.default } : {}),
      ...(params.comment ? { comment: params.comment } : {}),
    };
    const columns = [...t.columns];
    columns.splice(params.index ?? columns.length, 0, column);
    return { ...t, columns };
  });
}

/**
 * Renames a column (its id stays). Expressions of the same table that name it follow: checks,
 * index expressions and predicates, generated columns, the partition key.
 */
export function renameColumn(model: Model, params: { tableId: string; columnId: string; name: string }): Model {
  const old = findTable(model, params.tableId)?.columns.find((c) => c.id === params.columnId);
  if (!old || old.name === params.name) return model;
  checkName(params.name, 'column');
  const renamed = updateColumnIn(model, params.tableId, params.columnId, (c) => ({ ...c, name: params.name }));
  return updateTable(renamed, params.tableId, (t) => renameInExpressions(t, old.name, params.name));
}

function renameInExpressions(table: Table, from: string, to: string): Table {
  const sql = <T extends string | undefined>(text: T): T => (text ? (renameIdentifier(text, from, to) as T) : text);
  const checks = mapShared(table.checks, (c) => (sql(c.expression) === c.expression ? c : { ...c, expression: sql(c.expression) }));
  const columns = mapShared(table.columns, (c) => (sql(c.generated) === c.generated ? c : { ...c, generated: sql(c.generated) }));
  const indexes = mapShared(table.indexes, (x) => {
    const items = mapShared(x.items, (item) => (sql(item.expression) === item.expression ? item : { ...item, expression: sql(item.expression) }));
    const where = sql(x.where);
    return items === x.items && where === x.where ? x : { ...x, items, ...(where ? { where } : {}) };
  });
  const key = sql(table.partitioning?.key);
  const partitioning = table.partitioning && key !== table.partitioning.key ? { ...table.partitioning, key: key! } : table.partitioning;
  if (checks === table.checks && columns === table.columns && indexes === table.indexes && partitioning === table.partitioning) return table;
  return { ...table, checks, columns, indexes, ...(partitioning ? { partitioning } : {}) };
}

/** Fields of a column that `updateColumn` sets; `null` removes an optional field. */
export interface ColumnPatch {
  type?: ColumnType;
  notNull?: boolean;
  default?: string | null;
  identity?: Identity | null;
  generated?: string | null;
  collation?: string | null;
  comment?: string | null;
}

/**
 * Updates a column. Keeps PostgreSQL's rules so the model stays valid: an identity column is NOT
 * NULL and has no default; a generated column has neither default nor identity; a primary-key
 * column stays NOT NULL. Empty strings count as removal. A new type carries over to the columns
 * that reference this one (see `retypeReferencing`).
 */
export function updateColumn(model: Model, params: { tableId: string; columnId: string; patch: ColumnPatch }): Model {
  const table = findTable(model, params.tableId);
  if (!table) return model;
  const inPrimaryKey = table.primaryKey?.columns.includes(params.columnId) ?? false;
  const patch: ColumnPatch = { ...params.patch };
  for (const key of ['default', 'generated', 'collation', 'comment'] as const) if (patch[key] === '') patch[key] = null;
  if (patch.identity) Object.assign(patch, { notNull: true, default: null, generated: null });
  if (patch.generated) Object.assign(patch, { default: null, identity: null });
  if (patch.default) Object.assign(patch, { identity: null, generated: null });
  if (inPrimaryKey && patch.notNull === false) delete patch.notNull;
  const old = table.columns.find((c) => c.id === params.columnId);
  const next = updateColumnIn(model, params.tableId, params.columnId, (c) => applyPatch(c, patch));
  return patch.type && old && !sameType(old.type, patch.type) ? retypeReferencing(next, params.tableId, old, patch.type) : next;
}

/**
 * When a referenced column changes type, the columns that reference it and still had its old type
 * follow (a key and its references must compare; changing `customers.id` to bigint changes
 * `orders.customer_id` too). References that already differed are left for the lint to show.
 */
function retypeReferencing(model: Model, tableId: string, old: Column, type: ColumnType): Model {
  const plain = { ...type };
  return updateTables(model, (t) => {
    const followers = new Set<string>();
    for (const fk of t.foreignKeys) {
      if (fk.refTableId !== tableId) continue;
      fk.refColumns.forEach((refId, i) => {
        if (refId === old.id) followers.add(fk.columns[i]);
      });
    }
    if (!followers.size) return t;
    const columns = mapShared(t.columns, (c) => (followers.has(c.id) && sameType(c.type, old.type) ? { ...c, type: plain } : c));
    return columns === t.columns ? t : { ...t, columns };
  });
}

/**
 * Deletes a column and, as `ALTER TABLE … DROP COLUMN … CASCADE` does, every constraint and index
 * that uses it (a composite key is dropped, not narrowed: a narrower key would change its meaning),
 * foreign keys of other tables that reference it, and sequences it owns.
 */
export function deleteColumn(model: Model, params: { tableId: string; columnId: string }): Model {
  const table = findTable(model, params.tableId);
  if (!table?.columns.some((c) => c.id === params.columnId)) return model;
  const gone = params.columnId;
  const uses = (ids: string[] | undefined) => ids?.includes(gone) ?? false;
  // As DROP COLUMN does, constraints and indexes whose SQL text reads the column go with it.
  const goneName = table.columns.find((c) => c.id === gone)!.name;
  const reads = (sql: string | undefined) => sql !== undefined && mentionsIdentifier(sql, goneName);
  let next = updateTable(model, params.tableId, (t) => {
    const out: Table = {
      ...t,
      columns: t.columns.filter((c) => c.id !== gone),
      uniques: filterShared(t.uniques, (u) => !uses(u.columns)),
      checks: filterShared(t.checks, (c) => !reads(c.expression)),
      foreignKeys: filterShared(t.foreignKeys, (fk) => !uses(fk.columns)),
      indexes: filterShared(t.indexes, (x) =>
        !x.items.some((i) => i.column === gone || reads(i.expression)) && !uses(x.include) && !reads(x.where)),
    };
    if (uses(t.primaryKey?.columns)) delete out.primaryKey;
    return out;
  });
  next = updateTables(next, (t) => {
    const foreignKeys = filterShared(t.foreignKeys, (fk) => !(fk.refTableId === params.tableId && uses(fk.refColumns)));
    return foreignKeys === t.foreignKeys ? t : { ...t, foreignKeys };
  });
  const sequences = filterShared(next.sequences, (s) => s.ownedBy?.columnId !== gone);
  return sequences === next.sequences ? next : { ...next, sequences };
}

/** Moves a column to position `index` (clamped to the table). */
export function moveColumn(model: Model, params: { tableId: string; columnId: string; index: number }): Model {
  return updateTable(model, params.tableId, (t) => {
    const from = t.columns.findIndex((c) => c.id === params.columnId);
    const to = Math.max(0, Math.min(params.index, t.columns.length - 1));
    if (from < 0 || from === to) return t;
    const columns = [...t.columns];
    const [column] = columns.splice(from, 1);
    columns.splice(to, 0, column);
    return { ...t, columns };
  });
}

/** Column ids → columns of the table, in the given order (unknown ids skipped). */
export function columnsByIds(table: Table, ids: string[]): Column[] {
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Makes the given columns NOT NULL (PostgreSQL does so for primary-key columns). */
export function requireNotNull(table: Table, ids: string[]): Table {
  const columns = mapShared(table.columns, (c) => (ids.includes(c.id) && !c.notNull ? { ...c, notNull: true } : c));
  return columns === table.columns ? table : { ...table, columns };
}
