/**
 * Where an object of the model is edited: a table (or one of its columns, keys, indexes) in the
 * Table tab; views, enums, domains, sequences, schemas, extensions and SQL objects in the Objects
 * tab. Pure, so lint jumps and canvas selection agree and are tested without a browser.
 */
import type { Model } from '../../shared/model/document.ts';

export type ObjectTarget =
  | { tab: 'inspector'; tableId: string; objectId?: string }
  /** `onCanvas`: a view or an enum, which is also a node to select and center. */
  | { tab: 'types'; id: string; onCanvas: boolean };

/**
 * The editor for `objectId` (with the table that holds it, when there is one); undefined when the
 * model has no such object. Ex: `objectTarget(model, enumId)` → `{ tab: 'types', id: enumId, onCanvas: true }`.
 */
export function objectTarget(model: Model, objectId: string, tableId?: string): ObjectTarget | undefined {
  const has = (list: { id: string }[]) => list.some((o) => o.id === objectId);
  if (has(model.views) || has(model.enums)) return { tab: 'types', id: objectId, onCanvas: true };
  if ([model.domains, model.sequences, model.schemas, model.extensions, model.rawObjects].some(has)) {
    return { tab: 'types', id: objectId, onCanvas: false };
  }
  const table = model.tables.find((t) => t.id === (tableId ?? objectId));
  if (!table) return undefined;
  return table.id === objectId ? { tab: 'inspector', tableId: table.id } : { tab: 'inspector', tableId: table.id, objectId };
}

/**
 * The tab to show after a selection: one view or enum selected while the Table tab is open opens
 * the Objects tab, where it is edited (the Table tab would only say "Select a table"). While the
 * Database tab is open, which shows nothing of a selection, one object selected opens its editor
 * (a table: the Table tab); the plan under review stays where it is, one click away.
 */
export function tabForSelection<Tab extends string>(model: Model, selection: ReadonlySet<string>, tab: Tab | 'inspector' | 'types' | 'live'): Tab | 'inspector' | 'types' | 'live' {
  if (selection.size !== 1 || (tab !== 'inspector' && tab !== 'live')) return tab;
  const [id] = selection;
  const target = objectTarget(model, id)?.tab;
  if (tab === 'live') return target ?? tab;
  return target === 'types' ? 'types' : tab;
}
