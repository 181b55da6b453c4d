/**
 * Copy/paste of tables. A pasted table gets fresh ids for itself and everything in it; foreign
 * keys between pasted tables point at the copies, others keep their target if it still exists.
 */
import type { Layout, Model, Table } from '../../shared/model/document.ts';
import { newId } from '../../shared/model/ids.ts';
import { uniqueName } from '../../shared/model/ops/op-names.ts';

export interface Clip {
  tables: Table[];
  positions: Record<string, { x: number; y: number }>;
}

export function copyTables(model: Model, layout: Layout, ids: ReadonlySet<string>): Clip | undefined {
  const tables = model.tables.filter((t) => ids.has(t.id));
  if (!tables.length) return undefined;
  const positions: Clip['positions'] = {};
  for (const t of tables) if (layout.nodes[t.id]) positions[t.id] = { x: layout.nodes[t.id].x, y: layout.nodes[t.id].y };
  return { tables, positions };
}

function withoutName<T extends { name?: string }>(obj: T): T {
  const { name: _name, ...rest } = obj;
  return rest as T;
}

function cloneTable(t: Table, tableIds: Map<string, string>, columnIds: Map<string, string>, existing: Set<string>, name: string): Table {
  const col = (id: string) => columnIds.get(id) ?? id;
  return {
    ...t,
    id: tableIds.get(t.id)!,
    name,
    columns: t.columns.map((c) => ({ ...c, id: col(c.id) })),
    ...(t.primaryKey ? { primaryKey: { ...withoutName(t.primaryKey), id: newId('pk'), columns: t.primaryKey.columns.map(col) } } : {}),
    uniques: t.uniques.map((u) => ({ ...withoutName(u), id: newId('uq'), columns: u.columns.map(col) })),
    checks: t.checks.map((c) => ({ ...withoutName(c), id: newId('ck') })),
    indexes: t.indexes.map((x) => ({
      ...withoutName(x), id: newId('index'),
      items: x.items.map((i) => (i.column ? { ...i, column: col(i.column) } : i)),
      ...(x.include ? { include: x.include.map(col) } : {}),
    })),
    foreignKeys: t.foreignKeys
      .filter((fk) => tableIds.has(fk.refTableId) || existing.has(fk.refTableId))
      .map((fk) => ({
        ...withoutName(fk), id: newId('fk'), columns: fk.columns.map(col),
        refTableId: tableIds.get(fk.refTableId) ?? fk.refTableId, refColumns: fk.refColumns.map(col),
      })),
  };
}

/** The model and layout with the clip pasted `offset` away from where it was copied. */
export function pasteTables(model: Model, layout: Layout, clip: Clip, offset = 40): { model: Model; layout: Layout; ids: string[] } {
  const tableIds = new Map(clip.tables.map((t) => [t.id, newId('table')]));
  const columnIds = new Map(clip.tables.flatMap((t) => t.columns.map((c) => [c.id, newId('column')] as const)));
  const existing = new Set(model.tables.map((t) => t.id));
  const taken = new Set(model.tables.map((t) => `${t.schema}.${t.name}`));
  const pasted = clip.tables.map((t) => {
    const name = uniqueName(t.name, [...taken].filter((q) => q.startsWith(`${t.schema}.`)).map((q) => q.slice(t.schema.length + 1)));
    taken.add(`${t.schema}.${name}`);
    return cloneTable(t, tableIds, columnIds, existing, name);
  });
  const nodes = { ...layout.nodes };
  for (const t of clip.tables) {
    const at = clip.positions[t.id];
    if (at) nodes[tableIds.get(t.id)!] = { x: at.x + offset, y: at.y + offset };
  }
  return { model: { ...model, tables: [...model.tables, ...pasted] }, layout: { ...layout, nodes }, ids: pasted.map((t) => t.id) };
}
