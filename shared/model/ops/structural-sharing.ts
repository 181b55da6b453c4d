/**
 * Structural sharing for the edit ops: an object that did not change is returned as is (same
 * identity), so the canvas re-renders only what an edit touched and an op that changes nothing
 * returns the very same model. Also the patch helpers (`null` removes a field).
 */
import type { Column, ColumnType, Model, Table } from '../document.ts';
import { derivedId } from '../ids.ts';

/** Maps a list, returning the same array when no element changed. */
export function mapShared<T>(list: T[], fn: (item: T) => T): T[] {
  let changed = false;
  const out = list.map((item) => {
    const next = fn(item);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? out : list;
}

/** Filters a list, returning the same array when nothing was removed. */
export function filterShared<T>(list: T[], keep: (item: T) => boolean): T[] {
  const out = list.filter(keep);
  return out.length === list.length ? list : out;
}

/** Applies `fn` to one table; other tables keep their identity. Unknown id → same model. */
export function updateTable(model: Model, tableId: string, fn: (table: Table) => Table): Model {
  const tables = mapShared(model.tables, (t) => (t.id === tableId ? fn(t) : t));
  return tables === model.tables ? model : { ...model, tables };
}

/** Applies `fn` to every table; the model keeps its identity when no table changed. */
export function updateTables(model: Model, fn: (table: Table) => Table): Model {
  const tables = mapShared(model.tables, fn);
  return tables === model.tables ? model : { ...model, tables };
}

/** Applies `fn` to one column of one table. */
export function updateColumnIn(model: Model, tableId: string, columnId: string, fn: (c: Column) => Column): Model {
  return updateTable(model, tableId, (t) => {
    const columns = mapShared(t.columns, (c) => (c.id === columnId ? fn(c) : c));
    return columns === t.columns ? t : { ...t, columns };
  });
}

export function findTable(model: Model, tableId: string): Table | undefined {
  return model.tables.find((t) => t.id === tableId);
}

/** Adds the schema to `model.schemas` when it is not there yet. */
export function ensureSchema(model: Model, name: string): Model {
  if (model.schemas.some((s) => s.name === name)) return model;
  return { ...model, schemas: [...model.schemas, { id: derivedId.schema(name), name }] };
}

/** Applies a patch where `null` means "remove the field" and `undefined` means "leave it". */
export function applyPatch<T extends object>(obj: T, patch: { [K in keyof T]?: T[K] | null }): T {
  let out: T = obj;
  for (const key of Object.keys(patch) as Array<keyof T>) {
    const value = patch[key];
    if (value === undefined) continue;
    if (value === null) {
      if (!(key in out)) continue;
      if (out === obj) out = { ...obj };
      delete (out as Record<keyof T, unknown>)[key];
    } else if (out[key] !== value) {
      if (out === obj) out = { ...obj };
      out[key] = value as T[keyof T];
    }
  }
  return out;
}

/** Rewrites every column type (tables and domains) that `fn` changes. */
export function mapColumnTypes(model: Model, fn: (type: ColumnType) => ColumnType): Model {
  const next = updateTables(model, (t) => {
    const columns = mapShared(t.columns, (c) => {
      const type = fn(c.type);
      return type === c.type ? c : { ...c, type };
    });
    return columns === t.columns ? t : { ...t, columns };
  });
  const domains = mapShared(next.domains, (d) => {
    const type = fn(d.type);
    return type === d.type ? d : { ...d, type };
  });
  return domains === next.domains ? next : { ...next, domains };
}

/** A patch of an object: `null` removes a field, `undefined` leaves it. */
export type Patch<T> = { [K in keyof Omit<T, 'id'>]?: T[K] | null };

/** Empty strings mean "remove" for the optional text fields listed. */
export function blanksToNull<T extends object>(patch: T, keys: Array<keyof T>): T {
  const out = { ...patch };
  for (const key of keys) if (out[key] === '') (out as Record<keyof T, unknown>)[key] = null;
  return out;
}
