/**
 * The model's objects as search entries (shared/model/search.ts): tables, views and enums by
 * `schema.name`, and every table column by `schema.table.column`, listed below the objects.
 */
import type { Model } from './document.ts';
import { buildSearchIndex, search, type SearchEntry, type SearchIndex } from './search.ts';

export type ObjectHitKind = 'table' | 'view' | 'mat. view' | 'enum';

export type ObjectHit =
  | { kind: ObjectHitKind; id: string; label: string }
  /** `id` is the column's table: opening the hit opens the table, pointing at the column. */
  | { kind: 'column'; id: string; columnId: string; label: string };

const OBJECTS = 0;
const COLUMNS = 1;

function objectEntries(model: Model): Array<SearchEntry<ObjectHit>> {
  const objects = [
    ...model.tables.map((t) => ({ ...t, kind: 'table' as const })),
    ...model.views.map((v) => ({ ...v, kind: v.materialized ? 'mat. view' as const : 'view' as const })),
    ...model.enums.map((e) => ({ ...e, kind: 'enum' as const })),
  ];
  const entries: Array<SearchEntry<ObjectHit>> = objects.map((o) => ({
    value: { kind: o.kind, id: o.id, label: `${o.schema}.${o.name}` },
    path: [o.schema, o.name],
    name: o.name,
    group: OBJECTS,
  }));
  for (const table of model.tables) {
    for (const column of table.columns) {
      entries.push({
        value: { kind: 'column', id: table.id, columnId: column.id, label: `${table.schema}.${table.name}.${column.name}` },
        path: [table.schema, table.name, column.name],
        name: `${table.name}.${column.name}`,
        group: COLUMNS,
      });
    }
  }
  return entries;
}

/** One index per model object: a model is immutable, so the palette reopened on it reuses the work. */
const indexes = new WeakMap<Model, SearchIndex<ObjectHit>>();

export function objectSearchIndex(model: Model): SearchIndex<ObjectHit> {
  let index = indexes.get(model);
  if (!index) {
    index = buildSearchIndex(objectEntries(model));
    indexes.set(model, index);
  }
  return index;
}

/** The model's objects and columns best matching a query, best first (see search.ts for the rules). */
export function searchObjects(model: Model, query: string, limit = 50): ObjectHit[] {
  return search(objectSearchIndex(model), query, limit);
}
