/**
 * Edit ops on table constraints: primary key, uniques and checks (foreign keys live in
 * `foreign-keys.ts`, indexes in `indexes.ts`).
 */
import type { Check, Model, PrimaryKey, Unique } from '../document.ts';
import { newId } from '../ids.ts';
import { requireNotNull } from './columns.ts';
import { applyPatch, filterShared, mapShared, updateTable } from './structural-sharing.ts';
import { checkOptionalName } from './op-names.ts';

export interface SetPrimaryKeyParams {
  tableId: string;
  /** Column ids in key order; empty removes the primary key. */
  columns: string[];
  /** `null` returns to PostgreSQL's default name; `undefined` keeps the current one. */
  name?: string | null;
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  /** `null` or `''` removes the comment; `undefined` keeps it. */
  comment?: string | null;
}

/** Sets (or with no columns, removes) the primary key; its columns become NOT NULL, as in PostgreSQL. */
export function setPrimaryKey(model: Model, params: SetPrimaryKeyParams): Model {
  checkOptionalName(params.name, 'primary key');
  return updateTable(model, params.tableId, (t) => {
    if (params.columns.length === 0) {
      if (!t.primaryKey) return t;
      const { primaryKey: _pk, ...rest } = t;
      return rest;
    }
    const base: PrimaryKey = t.primaryKey ?? { id: newId('pk'), columns: params.columns };
    const primaryKey = applyPatch(base, {
      columns: sameList(base.columns, params.columns) ? undefined : params.columns,
      name: params.name === '' ? null : params.name,
      deferrable: params.deferrable,
      initiallyDeferred: params.initiallyDeferred,
      comment: params.comment === '' ? null : params.comment,
    });
    const keyed = requireNotNull(t, params.columns);
    return primaryKey === t.primaryKey && keyed === t ? t : { ...keyed, primaryKey };
  });
}

/** Toggles one column in or out of the primary key (appended at the end of the key). */
export function togglePrimaryKeyColumn(model: Model, params: { tableId: string; columnId: string }): Model {
  const table = model.tables.find((t) => t.id === params.tableId);
  if (!table) return model;
  const current = table.primaryKey?.columns ?? [];
  const columns = current.includes(params.columnId) ? current.filter((c) => c !== params.columnId) : [...current, params.columnId];
  return setPrimaryKey(model, { tableId: params.tableId, columns });
}

export interface AddUniqueParams {
  tableId: string;
  id?: string;
  columns: string[];
  name?: string;
  nullsNotDistinct?: boolean;
}

export function addUnique(model: Model, params: AddUniqueParams): Model {
  if (params.columns.length === 0) return model;
  checkOptionalName(params.name, 'unique constraint');
  const unique: Unique = {
    id: params.id ?? newId('uq'),
    columns: params.columns,
    ...(params.name ? { name: params.name } : {}),
    ...(params.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  };
  return updateTable(model, params.tableId, (t) => ({ ...t, uniques: [...t.uniques, unique] }));
}

export type UniquePatch = { [K in keyof Omit<Unique, 'id'>]?: Unique[K] | null };

export function updateUnique(model: Model, params: { tableId: string; uniqueId: string; patch: UniquePatch }): Model {
  const patch = { ...params.patch, ...(params.patch.name === '' ? { name: null } : {}) };
  if (patch.columns?.length === 0) delete patch.columns;
  checkOptionalName(patch.name, 'unique constraint');
  return updateTable(model, params.tableId, (t) => {
    const uniques = mapShared(t.uniques, (u) => (u.id === params.uniqueId ? applyPatch(u, patch) : u));
    return uniques === t.uniques ? t : { ...t, uniques };
  });
}

export function removeUnique(model: Model, params: { tableId: string; uniqueId: string }): Model {
  return updateTable(model, params.tableId, (t) => {
    const uniques = filterShared(t.uniques, (u) => u.id !== params.uniqueId);
    return uniques === t.uniques ? t : { ...t, uniques };
  });
}

export interface AddCheckParams {
  tableId: string;
  id?: string;
  expression: string;
  name?: string;
}

/** Ex: `addCheck(model, { tableId, expression: 'price >= 0', name: 'price_positive' })`. */
export function addCheck(model: Model, params: AddCheckParams): Model {
  if (!params.expression.trim()) return model;
  checkOptionalName(params.name, 'check');
  const check: Check = { id: params.id ?? newId('ck'), expression: params.expression, ...(params.name ? { name: params.name } : {}) };
  return updateTable(model, params.tableId, (t) => ({ ...t, checks: [...t.checks, check] }));
}

export type CheckPatch = { [K in keyof Omit<Check, 'id'>]?: Check[K] | null };

/** An empty expression is ignored (a check needs one); an empty name returns to the default name. */
export function updateCheck(model: Model, params: { tableId: string; checkId: string; patch: CheckPatch }): Model {
  const patch = { ...params.patch };
  if (patch.name === '') patch.name = null;
  if (patch.comment === '') patch.comment = null;
  checkOptionalName(patch.name, 'check');
  if (patch.expression !== undefined && !patch.expression?.trim()) delete patch.expression;
  return updateTable(model, params.tableId, (t) => {
    const checks = mapShared(t.checks, (c) => (c.id === params.checkId ? applyPatch(c, patch) : c));
    return checks === t.checks ? t : { ...t, checks };
  });
}

export function removeCheck(model: Model, params: { tableId: string; checkId: string }): Model {
  return updateTable(model, params.tableId, (t) => {
    const checks = filterShared(t.checks, (c) => c.id !== params.checkId);
    return checks === t.checks ? t : { ...t, checks };
  });
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
