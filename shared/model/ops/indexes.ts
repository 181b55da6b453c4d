/**
 * Edit ops on indexes: plain, unique, partial (`where`), expression items, `INCLUDE` columns.
 */
import type { Index, IndexItem, Model } from '../document.ts';
import { newId } from '../ids.ts';
import { applyPatch, filterShared, mapShared, updateTable } from './structural-sharing.ts';
import { checkOptionalName } from './op-names.ts';

export interface AddIndexParams {
  tableId: string;
  id?: string;
  /** Items in order; shorthand: `columns` for plain ascending column items. */
  items?: IndexItem[];
  columns?: string[];
  unique?: boolean;
  name?: string;
  method?: string;
  where?: string;
  include?: string[];
}

/** Ex: `addIndex(model, { tableId, columns: [customerId], where: 'deleted_at IS NULL' })`. */
export function addIndex(model: Model, params: AddIndexParams): Model {
  const items = params.items ?? (params.columns ?? []).map((column) => ({ column }));
  if (items.length === 0) return model;
  checkOptionalName(params.name, 'index');
  const index: Index = {
    id: params.id ?? newId('idx'),
    ...(params.name ? { name: params.name } : {}),
    unique: params.unique ?? false,
    ...(params.method && params.method !== 'btree' ? { method: params.method } : {}),
    items,
    ...(params.include?.length ? { include: params.include } : {}),
    ...(params.where?.trim() ? { where: params.where } : {}),
  };
  return updateTable(model, params.tableId, (t) => ({ ...t, indexes: [...t.indexes, index] }));
}

export type IndexPatch = { [K in keyof Omit<Index, 'id'>]?: Index[K] | null };

/** Empty strings and empty lists remove optional fields; an index keeps at least one item. */
export function updateIndex(model: Model, params: { tableId: string; indexId: string; patch: IndexPatch }): Model {
  const patch: IndexPatch = { ...params.patch };
  for (const key of ['name', 'method', 'where', 'comment'] as const) if (patch[key] !== undefined && !patch[key]?.trim()) patch[key] = null;
  if (patch.include?.length === 0) patch.include = null;
  if (patch.items?.length === 0) delete patch.items;
  if (patch.method === 'btree') patch.method = null;
  checkOptionalName(patch.name, 'index');
  return updateTable(model, params.tableId, (t) => {
    const indexes = mapShared(t.indexes, (x) => (x.id === params.indexId ? applyPatch(x, patch) : x));
    return indexes === t.indexes ? t : { ...t, indexes };
  });
}

export function removeIndex(model: Model, params: { tableId: string; indexId: string }): Model {
  return updateTable(model, params.tableId, (t) => {
    const indexes = filterShared(t.indexes, (x) => x.id !== params.indexId);
    return indexes === t.indexes ? t : { ...t, indexes };
  });
}
