/**
 * Bringing an imported model into the open one without losing what the user has drawn. Objects
 * matched by name (tables by schema and name, columns by name in their table, constraints and
 * indexes by effective name, …) keep the open model's ids, so their layout stays put and a diff sees
 * them as unchanged or altered, never dropped and re-created.
 *
 * - `replace` (the SQL pane's "Apply"): the result is exactly the imported model, with ids carried
 *   over. A table whose name changed but whose column list did not, and a column renamed in place,
 *   are taken as renames (they keep their ids, so the migration renames instead of dropping data).
 * - `merge` (import a file into the open model): imported objects replace their namesakes, new ones
 *   are added, everything else in the open model stays.
 */
import { matchToBaseline } from '../diff/baseline.ts';
import { stableJson } from '../diff/match.ts';
import type { Model, Table } from './document.ts';

export type MergeMode = 'replace' | 'merge';

export interface MergeParams {
  /** The open model. */
  base: Model;
  /** The imported one (ids derived from names). */
  incoming: Model;
  mode: MergeMode;
  /**
   * The base's own DDL imported again (replace mode). Objects the text leaves exactly as they read
   * there are kept as the base has them, so an unedited statement is a no-op even where the model
   * spells an expression differently from PostgreSQL's printout.
   */
  baseAsImported?: Model;
}

export interface MergeResult {
  model: Model;
  /** Tables, views and enums of the result that are not in the base: they need a position. */
  added: string[];
  /** Base tables, views and enums that are gone from the result (replace mode only). */
  removed: string[];
  /** What the merge had to drop to stay consistent (merge mode), one line each. */
  warnings: string[];
}

type Named = { id: string; schema: string; name: string };
const qualified = (o: { schema: string; name: string }) => `${o.schema}.${o.name}`;

/** Tables with an identical, non-empty column list: `orders(id, total)` renamed to `purchases(id, total)`. */
function sameColumnNames(a: Table, b: Table): boolean {
  return a.columns.length > 0 && a.columns.map((c) => c.name).join('\u0000') === b.columns.map((c) => c.name).join('\u0000');
}

/** The one position where two equally long name lists differ, or -1 when there is not exactly one. */
function singleDifference(a: string[], b: string[]): number {
  if (a.length !== b.length) return -1;
  const differing = a.flatMap((name, i) => (name === b[i] ? [] : [i]));
  return differing.length === 1 ? differing[0] : -1;
}

/**
 * The base with renamed tables and columns given their new names, so that name matching pairs them
 * with the imported objects. Only unambiguous renames are taken (see the module comment).
 */
function withRenamesApplied(base: Model, incoming: Model): Model {
  const incomingNames = new Set(incoming.tables.map(qualified));
  const baseNames = new Set(base.tables.map(qualified));
  const vanished = base.tables.filter((t) => !incomingNames.has(qualified(t)));
  const arrived = incoming.tables.filter((t) => !baseNames.has(qualified(t)));
  const renamedTo = new Map<string, Table>();
  for (const old of vanished) {
    const candidates = arrived.filter((t) => t.schema === old.schema && sameColumnNames(old, t) && ![...renamedTo.values()].includes(t));
    if (candidates.length === 1) renamedTo.set(old.id, candidates[0]);
  }
  const incomingByName = new Map(incoming.tables.map((t) => [qualified(t), t]));
  const tables = base.tables.map((t) => {
    const target = renamedTo.get(t.id) ?? incomingByName.get(qualified(t));
    if (!target) return t;
    const at = singleDifference(t.columns.map((c) => c.name), target.columns.map((c) => c.name));
    const clash = at >= 0 && t.columns.some((c) => c.name === target.columns[at].name);
    const columns = at >= 0 && !clash ? t.columns.map((c, i) => (i === at ? { ...c, name: target.columns[at].name } : c)) : t.columns;
    return target.name === t.name && columns === t.columns ? t : { ...t, name: target.name, columns };
  });
  // Raw objects (functions, triggers, policies…) named differently by whoever made them are the
  // same object when their definition is the same.
  const rawNames = new Set(incoming.rawObjects.map((o) => `${o.kind}\u0000${o.schema ?? ''}\u0000${o.name}`));
  const arrivedRaw = new Map(incoming.rawObjects.map((o) => [`${o.kind}\u0000${o.definition}`, o]));
  const rawObjects = base.rawObjects.map((o) => {
    if (rawNames.has(`${o.kind}\u0000${o.schema ?? ''}\u0000${o.name}`)) return o;
    const twin = arrivedRaw.get(`${o.kind}\u0000${o.definition}`);
    return twin && twin.schema === o.schema ? { ...o, name: twin.name } : o;
  });
  return { ...base, tables, rawObjects };
}

/** Base objects not replaced by an incoming one (same id), then the incoming objects in base order first. */
function unionById<T extends { id: string }>(base: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(incoming.map((o) => [o.id, o]));
  const kept = base.map((o) => byId.get(o.id) ?? o);
  const baseIds = new Set(base.map((o) => o.id));
  return [...kept, ...incoming.filter((o) => !baseIds.has(o.id))];
}

/** Foreign keys of kept base tables that point at a column the imported table no longer has. */
function withoutDanglingForeignKeys(model: Model, warnings: string[]): Model {
  const columnsOf = new Map(model.tables.map((t) => [t.id, new Set(t.columns.map((c) => c.id))]));
  const tables = model.tables.map((t) => {
    const own = columnsOf.get(t.id)!;
    const foreignKeys = t.foreignKeys.filter((fk) => {
      const ref = columnsOf.get(fk.refTableId);
      const ok = !!ref && fk.refColumns.every((c) => ref.has(c)) && fk.columns.every((c) => own.has(c));
      if (!ok) warnings.push(`${qualified(t)}: foreign key ${fk.name ?? fk.id} dropped: the columns it joins are not in the imported tables`);
      return ok;
    });
    return foreignKeys.length === t.foreignKeys.length ? t : { ...t, foreignKeys };
  });
  return { ...model, tables };
}

const drawn = (m: Model): Named[] => [...m.tables, ...m.views, ...m.enums];

const COLLECTIONS = ['schemas', 'extensions', 'enums', 'domains', 'sequences', 'tables', 'views', 'rawObjects'] as const;

/**
 * `matched` is `incoming` with carried ids, element for element. Where an incoming object reads
 * exactly as in `baseAsImported` (same derived id, same content), the base's own object is used.
 */
const PARTS = ['columns', 'uniques', 'checks', 'foreignKeys', 'indexes'] as const;

/** An edited table keeps the base's spelling of the columns, keys and indexes the edit left alone. */
function tableWithUntouchedParts(base: Table, incoming: Table, matched: Table, before: Table | undefined): Table {
  if (!before) return matched;
  const out: Table = { ...matched };
  for (const key of PARTS) {
    const was = new Map<string, string>((before[key] as Array<{ id: string }>).map((o) => [o.id, stableJson(o)]));
    const baseById = new Map((base[key] as Array<{ id: string }>).map((o) => [o.id, o]));
    (out as Record<string, unknown>)[key] = (matched[key] as Array<{ id: string }>).map((m, i) => {
      const original = (incoming[key] as Array<{ id: string }>)[i];
      return (was.get(original.id) === stableJson(original) && baseById.get(m.id)) || m;
    });
  }
  if (incoming.primaryKey && base.primaryKey && stableJson(incoming.primaryKey) === stableJson(before.primaryKey)) out.primaryKey = base.primaryKey;
  return out;
}

function withUntouchedKept(base: Model, incoming: Model, matched: Model, baseAsImported: Model): Model {
  const out = { ...matched };
  for (const key of COLLECTIONS) {
    const before = new Map<string, string>((baseAsImported[key] as Array<{ id: string }>).map((o) => [o.id, stableJson(o)]));
    const baseById = new Map((base[key] as Array<{ id: string }>).map((o) => [o.id, o]));
    const list = (matched[key] as Array<{ id: string }>).map((m, i) => {
      const original = (incoming[key] as Array<{ id: string }>)[i];
      const untouched = before.get(original.id) === stableJson(original);
      return (untouched && baseById.get(m.id)) || m;
    });
    (out as Record<string, unknown>)[key] = list;
  }
  const baseTables = new Map(base.tables.map((t) => [t.id, t]));
  const beforeTables = new Map(baseAsImported.tables.map((t) => [t.id, t]));
  out.tables = out.tables.map((t, i) => {
    const own = baseTables.get(t.id);
    if (!own || t === own) return t;
    return tableWithUntouchedParts(own, incoming.tables[i], t, beforeTables.get(incoming.tables[i].id));
  });
  return out;
}

/**
 * Ex: `mergeModels({ base: open, incoming: imported, mode: 'replace' }).model` — the imported model
 * with the open model's ids wherever names match; `added` lists what needs a position.
 */
export function mergeModels({ base, incoming, mode, baseAsImported }: MergeParams): MergeResult {
  let matched = matchToBaseline(incoming, mode === 'replace' ? withRenamesApplied(base, incoming) : base);
  if (mode === 'replace' && baseAsImported) matched = withUntouchedKept(base, incoming, matched, baseAsImported);
  const warnings: string[] = [];
  let model: Model = matched;
  if (mode === 'merge') {
    model = withoutDanglingForeignKeys({
      schemas: unionById(base.schemas, matched.schemas),
      extensions: unionById(base.extensions, matched.extensions),
      enums: unionById(base.enums, matched.enums),
      domains: unionById(base.domains, matched.domains),
      sequences: unionById(base.sequences, matched.sequences),
      tables: unionById(base.tables, matched.tables),
      views: unionById(base.views, matched.views),
      rawObjects: unionById(base.rawObjects, matched.rawObjects),
    }, warnings);
  }
  const baseIds = new Set(drawn(base).map((o) => o.id));
  const resultIds = new Set(drawn(model).map((o) => o.id));
  return {
    model,
    added: drawn(model).filter((o) => !baseIds.has(o.id)).map((o) => o.id),
    removed: drawn(base).filter((o) => !resultIds.has(o.id)).map((o) => o.id),
    warnings,
  };
}
