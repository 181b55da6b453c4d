/**
 * The model's objects as search entries (shared/model/search.ts): tables, views and enums by
 * `schema.name`, and every table column by `schema.table.column`, listed below the objects.
 */
import type { Column, Model } from './document.ts';
import { buildSearchIndex, search, type SearchEntry, type SearchIndex } from './search.ts';
import { memoByObject } from './memo-by-object.ts';

export type ObjectHitKind = 'table' | 'view' | 'mat. view' | 'enum';

export type ObjectHit =
  | { kind: ObjectHitKind; id: string; label: string }
  /** `id` is the column's table: opening the hit opens the table, pointing at the column. */
  | { kind: 'column'; id: string; columnId: string; label: string };

interface Named { id: string; schema: string; name: string }

/**
 * An entry's value is its position in these lists: a hit's object (and label) is made only for
 * the few entries a query returns, not for the 20,000 columns of a large model.
 */
export interface ObjectIndex {
  search: SearchIndex<number>;
  kinds: Array<ObjectHitKind | 'column'>;
  owners: Named[];
  columns: Array<Column | undefined>;
}

const OBJECTS = 0;
const COLUMNS = 1;

function buildObjectIndex(model: Model): ObjectIndex {
  const index: Omit<ObjectIndex, 'search'> = { kinds: [], owners: [], columns: [] };
  const entries: Array<SearchEntry<number>> = [];
  const add = (kind: ObjectHitKind | 'column', owner: Named, column?: Column) => {
    const value = entries.length;
    index.kinds.push(kind);
    index.owners.push(owner);
    index.columns.push(column);
    entries.push(column
      ? { value, path: [owner.schema, owner.name, column.name], name: `${owner.name}.${column.name}`, group: COLUMNS }
      : { value, path: [owner.schema, owner.name], name: owner.name, group: OBJECTS });
  };
  for (const table of model.tables) add('table', table);
  for (const view of model.views) add(view.materialized ? 'mat. view' : 'view', view);
  for (const type of model.enums) add('enum', type);
  for (const table of model.tables) for (const column of table.columns) add('column', table, column);
  return { ...index, search: buildSearchIndex(entries) };
}

function hit(index: ObjectIndex, at: number): ObjectHit {
  const [kind, owner, column] = [index.kinds[at], index.owners[at], index.columns[at]];
  const label = `${owner.schema}.${owner.name}`;
  return kind === 'column' && column
    ? { kind, id: owner.id, columnId: column.id, label: `${label}.${column.name}` }
    : { kind: kind === 'column' ? 'table' : kind, id: owner.id, label };
}

/**
 * Lowercases names and finds word starts once per model (what the first search of a model costs): a
 * model is immutable, so the palette reopened on it reuses the work.
 */
export const objectSearchIndex: (model: Model) => ObjectIndex = memoByObject(buildObjectIndex);

/** The model's objects and columns best matching a query, best first (see search.ts for the rules). */
export function searchObjects(model: Model, query: string, limit = 50): ObjectHit[] {
  const index = objectSearchIndex(model);
  return search(index.search, query, limit).map((at) => hit(index, at));
}
