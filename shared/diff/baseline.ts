/**
 * Carrying ids from a baseline to a live model (ARCHITECTURE.md §1 rule 7). A live database has no
 * ids: introspection derives them from names. The baseline is the model as of the last apply or
 * import from that database; every live object that has a namesake in the baseline takes the
 * baseline's id, so that diffing the live model against the user's model (by id) sees renames made in
 * the model as renames, not as drop + create.
 *
 * A baseline can be wrong (stale, another project's, lost, the database changed by hand): given the
 * user's model too, every live object still without a model id then takes the id of the model's
 * namesake, so an object whose name exists on both sides is never dropped and created by accident.
 */
import type { Index, Model, RawObject, Table } from '../model/document.ts';
import { withEffectiveNames } from '../model/names.ts';
import type { ConfirmedRename } from './rename-candidates.ts';

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
  matchRaw(live, baseline, map);
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

/**
 * Carried objects: by kind, schema, name and owning table (triggers of the same name on two tables
 * are two objects). Overloaded functions share a name: those keep their id when the baseline has
 * the same id, and match by name only when the name is unique on both sides.
 */
function matchRaw(live: Model, baseline: Model, map: Map<string, string>) {
  const key = (m: Model) => {
    const tables = new Map(m.tables.map((t) => [t.id, `${t.schema}.${t.name}`]));
    return (o: RawObject) => `${o.kind}\u0000${o.schema ?? ''}\u0000${o.name}\u0000${o.tableId ? tables.get(o.tableId) ?? '' : ''}`;
  };
  const [liveKey, baseKey] = [key(live), key(baseline)];
  const count = (list: RawObject[], k: (o: RawObject) => string) => {
    const n = new Map<string, number>();
    for (const o of list) n.set(k(o), (n.get(k(o)) ?? 0) + 1);
    return n;
  };
  const [liveCount, baseCount] = [count(live.rawObjects, liveKey), count(baseline.rawObjects, baseKey)];
  const baseById = new Map(baseline.rawObjects.map((o) => [o.id, o]));
  const baseByKey = new Map(baseline.rawObjects.map((o) => [baseKey(o), o]));
  for (const o of live.rawObjects) {
    const same = baseById.get(o.id);
    if (same && liveKey(o) === baseKey(same)) { map.set(o.id, o.id); continue; }
    const k = liveKey(o);
    if (liveCount.get(k) === 1 && baseCount.get(k) === 1) map.set(o.id, baseByKey.get(k)!.id);
  }
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

/** Every id a model gives, parts included. */
function idsOf(model: Model): Set<string> {
  const ids = new Set<string>();
  const add = (list: readonly Keyed[] | undefined) => list?.forEach((o) => ids.add(o.id));
  add(model.schemas); add(model.extensions); add(model.enums); add(model.domains); add(model.sequences);
  add(model.views); add(model.rawObjects); add(model.tables);
  for (const d of model.domains) add(d.checks);
  for (const v of model.views) add(v.indexes);
  for (const t of model.tables) {
    add(t.columns); add(t.uniques); add(t.checks); add(t.foreignKeys); add(t.indexes);
    if (t.primaryKey) ids.add(t.primaryKey.id);
  }
  return ids;
}

/**
 * live id → model id, for every live object (ids already carried from the baseline) whose id is not
 * in the model and whose name matches a model object whose id no live object holds. Parts (columns,
 * constraints, indexes, domain checks) match inside a table, view or domain that is matched by id or
 * by name; carried objects by kind, schema, name and the (matched) table they belong to.
 */
function nameMapping(live: Model, model: Model, renames: readonly ConfirmedRename[]): Map<string, string> {
  const map = new Map<string, string>();
  const inModel = idsOf(model);
  const held = idsOf(live);
  // Renames the user confirmed first: their parts then match by name inside the renamed table.
  for (const r of renames) {
    const from = live.tables.find((t) => `${t.schema}.${t.name}` === r.from);
    if (!from || inModel.has(from.id) || held.has(r.toId) || !model.tables.some((t) => t.id === r.toId)) continue;
    map.set(from.id, r.toId);
    held.add(r.toId);
  }
  const claim = <T extends Keyed>(a: readonly T[], b: readonly T[], key: (o: T) => string) => {
    const byKey = new Map(b.map((o) => [key(o), o]));
    for (const o of a) {
      const hit = inModel.has(o.id) ? undefined : byKey.get(key(o));
      if (!hit || held.has(hit.id)) continue;
      map.set(o.id, hit.id);
      held.add(hit.id);
    }
  };
  const qualified = (o: { schema?: string; name: string }) => `${o.schema ?? ''}\u0000${o.name}`;
  const counterpart = <T extends Keyed>(o: T, list: readonly T[]) => list.find((x) => x.id === (map.get(o.id) ?? o.id));
  claim(live.schemas, model.schemas, (s) => s.name);
  claim(live.extensions, model.extensions, (e) => e.name);
  claim(live.enums, model.enums, qualified);
  claim(live.domains, model.domains, qualified);
  claim(live.sequences, model.sequences, qualified);
  claim(live.views, model.views, qualified);
  claim(live.tables, model.tables, qualified);
  for (const d of live.domains) {
    const m = counterpart(d, model.domains);
    if (m) claim(d.checks, m.checks, (c) => c.name ?? c.expression);
  }
  for (const t of live.tables) {
    const m = counterpart(t, model.tables);
    if (m) matchTableParts(t, m, claim);
  }
  for (const v of live.views) {
    const m = counterpart(v, model.views);
    if (m) claim(v.indexes ?? [], m.indexes ?? [], (x: Index) => x.name ?? '');
  }
  const tableOf = (o: RawObject) => (o.tableId ? map.get(o.tableId) ?? o.tableId : '');
  claim(live.rawObjects, model.rawObjects, (o) => `${o.kind}\u0000${qualified(o)}\u0000${tableOf(o)}`);
  return map;
}

/**
 * A live id the model already holds (a model imported from this database: ids derived from names)
 * beats a baseline id the model does not hold (another project's baseline): the model is then its
 * own baseline, renames made in it since the import included.
 */
function keepIdsTheModelKnows(mapping: Map<string, string>, inModel: ReadonlySet<string>): void {
  const carriedTo = new Set(mapping.values());
  for (const [liveId, baseId] of mapping) {
    if (!inModel.has(baseId) && inModel.has(liveId) && !carriedTo.has(liveId)) mapping.delete(liveId);
  }
}

/**
 * The live model with ids taken from `baseline` wherever names match (tables by schema and name,
 * columns by name in their table, constraints and indexes by effective name, …). Live objects
 * without a namesake keep their own id, made unique if a baseline id already took it. Given the
 * user's `model`, live objects still without a model id then take their model namesake's id
 * (see `nameMapping`), whatever the baseline said; a live table the user confirmed as a rename
 * (`renames`: its `schema.name` → a model table id) takes that id first.
 * Ex: `diff(matchToBaseline(introspected, lastApplied, userModel), userModel)`.
 */
export function matchToBaseline(live: Model, baseline: Model, model?: Model, renames: readonly ConfirmedRename[] = []): Model {
  const mapping = idMapping(withEffectiveNames(live), withEffectiveNames(baseline));
  if (model && model !== baseline) keepIdsTheModelKnows(mapping, idsOf(model));
  const taken = new Set(mapping.values());
  const id = (old: string) => {
    const mapped = mapping.get(old);
    if (mapped !== undefined) return mapped;
    return taken.has(old) ? `${old}~live` : old;
  };
  const carried = remap(live, id);
  if (!model || (model === baseline && !renames.length)) return carried;
  const byName = nameMapping(withEffectiveNames(carried), withEffectiveNames(model), renames);
  return byName.size ? remap(carried, (old) => byName.get(old) ?? old) : carried;
}
