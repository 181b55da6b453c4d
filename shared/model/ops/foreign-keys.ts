/**
 * Edit ops on foreign keys, and the many-to-many helper that builds a junction table.
 */
import type { Column, ForeignKey, Model, ReferentialAction, Table } from '../document.ts';
import { newId } from '../ids.ts';
import { addTable } from './tables.ts';
import { normalizeType, sameType } from '../types.ts';
import { applyPatch, filterShared, findTable, updateTable } from './structural-sharing.ts';
import { checkOptionalName, singular, uniqueName } from './op-names.ts';
import { ModelOpError } from './model-op-error.ts';

export interface AddForeignKeyParams {
  tableId: string;
  refTableId: string;
  id?: string;
  /** Referencing column ids. Absent: new columns are created (see `createColumns`). */
  columns?: string[];
  /** Referenced column ids. Absent: the referenced table's primary key. */
  refColumns?: string[];
  /**
   * When `columns` is absent, referencing columns named `<singular ref table>_<ref column>` (e.g.
   * `customer_id`, unless `columnNames` says otherwise) are reused when they exist with the same
   * type and no key to that table uses them, and created (typed like the referenced ones) otherwise.
   */
  columnNames?: string[];
  /** Ids for created columns (to know them afterwards); default `newId('column')`. */
  columnIds?: string[];
  /** Whether created columns are NOT NULL (default true: most references are mandatory). */
  notNull?: boolean;
  name?: string;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
}

/**
 * Adds a foreign key, creating the referencing columns when none are given.
 * Ex: `addForeignKey(model, { tableId: orders.id, refTableId: customers.id })` adds
 * `orders.customer_id` (typed like `customers.id`) and the key.
 * Throws `ModelOpError` when the referenced columns cannot be determined.
 */
export function addForeignKey(model: Model, params: AddForeignKeyParams): Model {
  const table = findTable(model, params.tableId);
  const ref = findTable(model, params.refTableId);
  if (!table || !ref) return model;
  checkOptionalName(params.name, 'foreign key');
  const refColumns = params.refColumns ?? ref.primaryKey?.columns;
  if (!refColumns?.length) throw new ModelOpError(`${ref.name} has no primary key: choose the referenced columns`);
  if (params.columns && params.columns.length !== refColumns.length) {
    throw new ModelOpError(`${params.columns.length} column(s) cannot reference ${refColumns.length} column(s)`);
  }
  const { ids, created } = params.columns ? { ids: params.columns, created: [] } : referencingColumns(table, ref, refColumns, params);
  const fk: ForeignKey = {
    id: params.id ?? newId('fk'),
    ...(params.name ? { name: params.name } : {}),
    columns: ids,
    refTableId: ref.id,
    refColumns,
    onDelete: params.onDelete ?? 'no-action',
    onUpdate: params.onUpdate ?? 'no-action',
    match: 'simple',
  };
  return updateTable(model, table.id, (t) => ({ ...t, columns: [...t.columns, ...created], foreignKeys: [...t.foreignKeys, fk] }));
}

/**
 * The referencing columns for a new key: an existing column of the intended name and the same type
 * that no foreign key to that table uses yet is reused (drawing `orders → customers` when
 * `orders.customer_id` exists links it); otherwise a column is created.
 */
function referencingColumns(table: Table, ref: Table, refColumnIds: string[], params: AddForeignKeyParams): { ids: string[]; created: Column[] } {
  const taken = table.columns.map((c) => c.name);
  const linked = new Set(table.foreignKeys.filter((fk) => fk.refTableId === ref.id).flatMap((fk) => fk.columns));
  const created: Column[] = [];
  const ids = refColumnIds.map((refId, i) => {
    const refColumn = ref.columns.find((c) => c.id === refId);
    if (!refColumn) throw new ModelOpError(`no column ${refId} in ${ref.name}`);
    const wanted = params.columnNames?.[i] ?? `${singular(ref.name)}_${refColumn.name}`;
    const existing = table.columns.find((c) => c.name === wanted);
    if (existing && !linked.has(existing.id) && sameType(existing.type, refColumn.type)) return existing.id;
    const name = uniqueName(wanted, taken);
    taken.push(name);
    const column = { id: params.columnIds?.[i] ?? newId('column'), name, type: normalizeType(refColumn.type), notNull: params.notNull ?? true };
    created.push(column);
    return column.id;
  });
  return { ids, created };
}

export type ForeignKeyPatch = { [K in keyof Omit<ForeignKey, 'id'>]?: ForeignKey[K] | null };

/**
 * Updates a foreign key. Keeps it valid: `initiallyDeferred` implies deferrable; a new referenced
 * table without `refColumns` takes its primary key; when one side's column list changes length,
 * the other side follows (trimmed, or padded with the likeliest unused columns).
 */
export function updateForeignKey(model: Model, params: { tableId: string; foreignKeyId: string; patch: ForeignKeyPatch }): Model {
  const table = findTable(model, params.tableId);
  const old = table?.foreignKeys.find((fk) => fk.id === params.foreignKeyId);
  if (!table || !old) return model;
  const patch: ForeignKeyPatch = { ...params.patch };
  if (patch.name === '') patch.name = null;
  if (patch.comment === '') patch.comment = null;
  checkOptionalName(patch.name, 'foreign key');
  if (patch.deferrable === false) patch.initiallyDeferred = null;
  if (patch.initiallyDeferred) patch.deferrable = true;
  for (const key of ['columns', 'refColumns', 'refTableId', 'onDelete', 'onUpdate', 'match'] as const) {
    if (patch[key] === null) delete patch[key];
  }
  if (patch.columns?.length === 0 || patch.refColumns?.length === 0) throw new ModelOpError('a foreign key needs at least one column on each side');
  const ref = findTable(model, patch.refTableId ?? old.refTableId);
  if (!ref) throw new ModelOpError('the referenced table is not in the model');
  if (patch.refTableId && patch.refTableId !== old.refTableId && !patch.refColumns) {
    patch.refColumns = ref.primaryKey?.columns ?? [];
    if (!patch.refColumns.length) throw new ModelOpError(`${ref.name} has no primary key: choose the referenced columns`);
  }
  const updated = applyPatch(old, patch);
  const aligned = patch.columns
    ? { ...updated, refColumns: resize(updated.refColumns, updated.columns.length, candidates(ref)) }
    : { ...updated, columns: resize(updated.columns, updated.refColumns.length, table.columns.map((c) => c.id)) };
  const next = sameLists(aligned, updated) ? updated : aligned;
  if (next === old) return model;
  return updateTable(model, table.id, (t) => ({ ...t, foreignKeys: t.foreignKeys.map((fk) => (fk === old ? next : fk)) }));
}

/** Referenced-column candidates, best first: the primary key, then the other columns. */
function candidates(ref: Table): string[] {
  const pk = ref.primaryKey?.columns ?? [];
  return [...pk, ...ref.columns.map((c) => c.id).filter((id) => !pk.includes(id))];
}

function resize(list: string[], length: number, pool: string[]): string[] {
  if (list.length === length) return list;
  if (list.length > length) return list.slice(0, length);
  const extra = pool.filter((id) => !list.includes(id)).slice(0, length - list.length);
  if (list.length + extra.length < length) throw new ModelOpError(`not enough columns to match ${length} column(s)`);
  return [...list, ...extra];
}

function sameLists(a: ForeignKey, b: ForeignKey): boolean {
  return a.columns === b.columns && a.refColumns === b.refColumns;
}

export function removeForeignKey(model: Model, params: { tableId: string; foreignKeyId: string }): Model {
  return updateTable(model, params.tableId, (t) => {
    const foreignKeys = filterShared(t.foreignKeys, (fk) => fk.id !== params.foreignKeyId);
    return foreignKeys === t.foreignKeys ? t : { ...t, foreignKeys };
  });
}

export interface AddManyToManyParams {
  leftTableId: string;
  rightTableId: string;
  id?: string;
  /** Default: `<left>_<right>` (e.g. `product_category` for products × categories). */
  name?: string;
  /** Default: the left table's schema. */
  schema?: string;
}

/**
 * Creates a junction table: one column per primary-key column of each side (typed alike), a
 * composite primary key over all of them, and two foreign keys with `ON DELETE CASCADE`.
 * Throws `ModelOpError` when a side has no primary key.
 */
export function addManyToMany(model: Model, params: AddManyToManyParams): Model {
  const left = findTable(model, params.leftTableId);
  const right = findTable(model, params.rightTableId);
  if (!left || !right) return model;
  for (const side of [left, right]) {
    if (!side.primaryKey) throw new ModelOpError(`${side.name} has no primary key: a many-to-many needs one on both sides`);
  }
  const schema = params.schema ?? left.schema;
  const taken = model.tables.filter((t) => t.schema === schema).map((t) => t.name);
  const name = params.name ?? uniqueName(`${singular(left.name)}_${singular(right.name)}`, taken);
  const id = params.id ?? newId('table');
  let next = addTable(model, { id, schema, name });
  // A self many-to-many gets `user_id` and `user_id_2`: uniqueName keeps the second side apart.
  next = addForeignKey(next, { tableId: id, refTableId: left.id, onDelete: 'cascade' });
  next = addForeignKey(next, { tableId: id, refTableId: right.id, onDelete: 'cascade' });
  return updateTable(next, id, (t) => ({ ...t, primaryKey: { id: newId('pk'), columns: t.columns.map((c) => c.id) } }));
}
