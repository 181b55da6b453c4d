/**
 * Helpers shared by the edit ops. Every helper keeps structural sharing: an object that did not
 * change is returned as is (same identity), so the canvas re-renders only what an edit touched.
 */
import type { Column, ColumnType, Model, Table } from './document.ts';
import { derivedId } from './ids.ts';
import { MAX_IDENTIFIER_BYTES, utf8Length } from './names.ts';

/** Thrown when an edit cannot be applied as asked (e.g. a many-to-many between tables without keys). */
export class ModelOpError extends Error {
  override name = 'ModelOpError';
}

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

/** `base`, or `base_2`, `base_3`, … — the first that `taken` does not hold. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) if (!set.has(`${base}_${i}`)) return `${base}_${i}`;
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

/** `customers` → `customer`, `categories` → `category`, `status` stays: good enough for column names. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(name)) return name;
  if (/(ches|shes|xes|ses)$/.test(name)) return name.slice(0, -2);
  if (/s$/.test(name)) return name.slice(0, -1);
  return name;
}

/** `table_1`, `table_2`, … the first not in `taken`. */
export function firstFree(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  for (let i = 1; ; i++) if (!set.has(`${prefix}_${i}`)) return `${prefix}_${i}`;
}

/**
 * Throws unless `name` is a usable identifier: not blank and within PostgreSQL's 63 bytes (the
 * document would not validate otherwise, and PostgreSQL would silently truncate it).
 */
export function checkName(name: string, what: string): string {
  if (!name.trim()) throw new ModelOpError(`a ${what} needs a name`);
  if (utf8Length(name) > MAX_IDENTIFIER_BYTES) throw new ModelOpError(`${what} name "${name}" is longer than ${MAX_IDENTIFIER_BYTES} bytes`);
  return name;
}

/** Like `checkName`, for optional names (constraints, indexes): `null`/empty pass through as "default name". */
export function checkOptionalName<T extends string | null | undefined>(name: T, what: string): T {
  if (name) checkName(name, what);
  return name;
}
