/** Edit ops on a table's storage options: UNLOGGED, partitioning (PARTITION BY) and WITH parameters. */
import type { Table, Model } from '../document.ts';
import { applyPatch, updateTable } from './structural-sharing.ts';
import { ModelOpError } from './model-op-error.ts';

type Partitioning = NonNullable<Table['partitioning']>;

export interface TableOptionsPatch {
  unlogged?: boolean | null;
  /** `null` makes the table a plain table again. */
  partitioning?: Partitioning | null;
  /** Storage parameters, e.g. `{ fillfactor: '70' }`; `null` or `{}` removes them. */
  with?: Record<string, string> | null;
}

/** Ex: `setTableOptions(model, { tableId, patch: { partitioning: { strategy: 'range', key: 'created_at' } } })`. */
export function setTableOptions(model: Model, params: { tableId: string; patch: TableOptionsPatch }): Model {
  const patch: TableOptionsPatch = { ...params.patch };
  if (patch.unlogged === false) patch.unlogged = null;
  if (patch.with && Object.keys(patch.with).length === 0) patch.with = null;
  if (patch.partitioning && !patch.partitioning.key.trim()) throw new ModelOpError('a partitioned table needs a partition key');
  return updateTable(model, params.tableId, (t) => applyPatch(t, patch));
}
