/**
 * Carrying ids from a baseline to a live model (ARCHITECTURE.md §1 rule 6). A live database has no
 * ids: introspection derives them from names. The baseline is the model as of the last apply or
 * import from that database; every live object that has a namesake in the baseline takes the
 * baseline's id, so that diffing the live model against the user's model (by id) sees renames made in
 * the model as renames, not as drop + create.
 */
import type { Index, Model, Table } from '../model/document.ts';
import { withEffectiveNames } from '../model/names.ts';

type Keyed = { id: string };

/** live id → baseline id, for every live object that has a namesake in the baseline. */
function idMapping(live: Model, baseline: Model): Map<string, string> {
  const map = new Map<string, string>();
  const match = <T extends Keyed>(a: readonly T[], b: readonly T[], key: (o: T) => string) => {
    const byKey = new Map(b.map((o) => [key(o), o]));
    for (const o of a) {
      const hit = byKey.get(key(o));
      if (hit) map.set(o.id, hit.id);
    }
  };
  const qualified = (o: { schema?: string; name: string }) => `${o.schema ?? ''}\u0000${o.name}`;
  match(live.schemas, baseline.schemas, (s) => s.name);
  match(live.extensions, baseline.extensions, (e) => e.name);
  match(live.enums, baseline.enums, qualified);
  match(live.domains, baseline.domains, qualified);
  for (const d of live.domains) {
    const b = baseline.domains.find((x) => qualified(x) === qualified(d));
    if (b) match(d.checks, b.checks, (c) => c.name ?? c.expression);
  }
  match(live.sequences, baseline.sequences, qualified);
  match(live.views, baseline.views, qualified);
  match(live.rawObjects, baseline.rawObjects, (o) => `${o.kind}\u0000${qualified(o)}`);
  match(live.tables, baseline.tables, qualified);
  for (const t of live.tables) {
    const b = baseline.tables.find((x) => qualified(x) === qualified(t));
    if (b) matchTableParts(t, b, match);
  }
  for (const v of live.views) {
    const b = baseline.views.find((x) => qualified(x) === qualified(v));
    if (b) match(v.indexes ?? [], b.indexes ?? [], (x: Index) => x.name ?? '');
  }
  return map;
}

function matchTableParts(t: Table, b: Table, match: <T extends Keyed>(a: readonly T[], b: readonly T[], key: (o: T) => string) => void) {
  match(t.columns, b.columns, (c) => c.name);
  if (t.primaryKey && b.primaryKey) match([t.primaryKey], [b.primaryKey], () => 'pk');
  const byName = (o: { name?: string }) => o.name ?? '';
  match(t.uniques, b.uniques, byName);
  match(t.checks, b.checks, byName);
  match(t.foreignKeys, b.foreignKeys, byName);
  match(t.indexes, b.indexes, byName);
}

/** Rewrites every id and every reference to an id in the model. */
function remap(model: Model, id: (old: string) => string): Model {
  const ids = (list: string[] | undefined) => list?.map(id);
  const index = (x: Index): Index => ({
    ...x, id: id(x.id), items: x.items.map((i) => (i.column ? { ...i, column: id(i.column) } : i)),
    ...(x.include ? { include: ids(x.include) } : {}),
  });
  return {
    schemas: model.schemas.map((o) => ({ ...o, id: id(o.id) })),
    extensions: model.extensions.map((o) => ({ ...o, id: id(o.id) })),
    enums: model.enums.map((o) => ({ ...o, id: id(o.id) })),
    domains: model.domains.map((o) => ({ ...o, id: id(o.id), checks: o.checks.map((c) => ({ ...c, id: id(c.id) })) })),
    sequences: model.sequences.map((o) => ({
      ...o, id: id(o.id), ...(o.ownedBy ? { ownedBy: { tableId: id(o.ownedBy.tableId), columnId: id(o.ownedBy.columnId) } } : {}),
    })),
    tables: model.tables.map((t) => ({
      ...t,
      id: id(t.id),
      columns: t.columns.map((c) => ({ ...c, id: id(c.id) })),
      ...(t.primaryKey ? { primaryKey: { ...t.primaryKey, id: id(t.primaryKey.id), columns: ids(t.primaryKey.columns)! } } : {}),
      uniques: t.uniques.map((u) => ({ ...u, id: id(u.id), columns: ids(u.columns)! })),
      checks: t.checks.map((c) => ({ ...c, id: id(c.id) })),
      foreignKeys: t.foreignKeys.map((f) => ({ ...f, id: id(f.id), columns: ids(f.columns)!, refTableId: id(f.refTableId), refColumns: ids(f.refColumns)! })),
      indexes: t.indexes.map(index),
      ...(t.partitionOf ? { partitionOf: { ...t.partitionOf, parentId: id(t.partitionOf.parentId) } } : {}),
      ...(t.inherits ? { inherits: ids(t.inherits) } : {}),
    })),
    views: model.views.map((v) => ({
      ...v, id: id(v.id), ...(v.dependsOn ? { dependsOn: ids(v.dependsOn) } : {}), ...(v.indexes ? { indexes: v.indexes.map(index) } : {}),
    })),
    rawObjects: model.rawObjects.map((o) => ({ ...o, id: id(o.id), ...(o.tableId ? { tableId: id(o.tableId) } : {}) })),
  };
}

/**
 * The live model with ids taken from `baseline` wherever names match (tables by schema and name,
 * columns by name in their table, constraints and indexes by effective name, …). Live objects
 * without a namesake keep their own id, made unique if a baseline id already took it.
 * Ex: `diff(matchToBaseline(introspected, lastApplied), userModel)`.
 */
export function matchToBaseline(live: Model, baseline: Model): Model {
  const mapping = idMapping(withEffectiveNames(live), withEffectiveNames(baseline));
  const taken = new Set(mapping.values());
  const id = (old: string) => {
    const mapped = mapping.get(old);
    if (mapped !== undefined) return mapped;
    return taken.has(old) ? `${old}~live` : old;
  };
  return remap(live, id);
}
