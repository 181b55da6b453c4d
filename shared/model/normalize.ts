/**
 * The canonical form of a model: two models that mean the same schema become deep-equal. Folds type
 * aliases, drops fields that only restate PostgreSQL's defaults (`deferrable: false`, index method
 * `btree`, `ASC`, `NULLS LAST` on ascending items, empty comments, empty lists) and adds schemas
 * that objects use but the schema list lacks. Objects already canonical keep their identity.
 *
 * Ex: `normalizeModel(m)` turns `{ name: 'varchar', args: [20] }` into `{ name: 'character varying', args: [20] }`.
 */
import type { Column, ColumnType, Domain, ForeignKey, Index, IndexItem, Model, Table } from './document.ts';
import { ensureSchema, mapShared } from './ops/structural-sharing.ts';
import { normalizeType } from './types.ts';

/** Removes keys whose value is a default (false, '', [], {}), keeping identity when none is present. */
function withoutDefaults<T extends object>(obj: T, keys: ReadonlyArray<keyof T>, extra?: (key: keyof T, value: unknown) => boolean): T {
  let out = obj;
  for (const key of keys) {
    const value = obj[key];
    const empty = value === false || value === '' || (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) ||
      (extra?.(key, value) ?? false);
    if (key in obj && (value === undefined || empty)) {
      if (out === obj) out = { ...obj };
      delete out[key];
    }
  }
  return out;
}

const typeKey = (t: ColumnType) => JSON.stringify([t.name, t.schema ?? null, t.args ?? null, t.arrayDims ?? null, Object.keys(t).length]);

function canonicalType(type: ColumnType): ColumnType {
  const next = normalizeType(type);
  return typeKey(next) === typeKey(type) ? type : next;
}

function normalizeColumn(column: Column): Column {
  const type = canonicalType(column.type);
  const base = type === column.type ? column : { ...column, type };
  return withoutDefaults(base, ['default', 'generated', 'collation', 'comment']);
}

function normalizeItem(item: IndexItem): IndexItem {
  const order = item.order ?? 'asc';
  // NULLS LAST is the default for ASC, NULLS FIRST for DESC.
  return withoutDefaults(item, ['order', 'nulls', 'opclass', 'collation'], (key, value) =>
    (key === 'order' && value === 'asc') || (key === 'nulls' && value === (order === 'asc' ? 'last' : 'first')));
}

function normalizeIndex(index: Index): Index {
  const items = mapShared(index.items, normalizeItem);
  const base = items === index.items ? index : { ...index, items };
  return withoutDefaults(base, ['name', 'method', 'include', 'where', 'nullsNotDistinct', 'with', 'comment'], (key, value) => key === 'method' && value === 'btree');
}

const CONSTRAINT_DEFAULTS = ['name', 'comment', 'deferrable', 'initiallyDeferred', 'notValid', 'nullsNotDistinct', 'noInherit'] as const;

function normalizeConstraint<T extends object>(c: T): T {
  return withoutDefaults(c, CONSTRAINT_DEFAULTS.filter((k) => k in c) as unknown as Array<keyof T>);
}

function normalizeTable(table: Table): Table {
  const parts = {
    columns: mapShared(table.columns, normalizeColumn),
    uniques: mapShared(table.uniques, normalizeConstraint),
    checks: mapShared(table.checks, normalizeConstraint),
    foreignKeys: mapShared(table.foreignKeys, (fk: ForeignKey) => normalizeConstraint(fk)),
    indexes: mapShared(table.indexes, normalizeIndex),
    primaryKey: table.primaryKey && normalizeConstraint(table.primaryKey),
  };
  const changed = (Object.keys(parts) as Array<keyof typeof parts>).some((k) => parts[k] !== table[k]);
  const base = changed ? { ...table, ...parts } : table;
  if (changed && !base.primaryKey) delete base.primaryKey;
  return withoutDefaults(base, ['comment', 'unlogged', 'inherits', 'with']);
}

function normalizeDomain(domain: Domain): Domain {
  const type = canonicalType(domain.type);
  const checks = mapShared(domain.checks, (c) => withoutDefaults(c, ['name']));
  const base = type === domain.type && checks === domain.checks ? domain : { ...domain, type, checks };
  return withoutDefaults(base, ['default', 'collation', 'comment']);
}

/** The canonical form of `model` (see the module comment); idempotent. */
export function normalizeModel(model: Model): Model {
  const tables = mapShared(model.tables, normalizeTable);
  const domains = mapShared(model.domains, normalizeDomain);
  const enums = mapShared(model.enums, (e) => withoutDefaults(e, ['comment']));
  let next = tables === model.tables && domains === model.domains && enums === model.enums ? model : { ...model, tables, domains, enums };
  const used = [...next.tables, ...next.views, ...next.enums, ...next.domains, ...next.sequences].map((o) => o.schema);
  for (const schema of new Set(used)) next = ensureSchema(next, schema);
  return next;
}
