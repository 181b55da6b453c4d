/** What the step builders share: both models (names resolved), lookups, and small step helpers. */
import type { Column, ColumnType, Model, Table } from '../model/document.ts';
import { withEffectiveNames } from '../model/names.ts';
import { schemaRenames } from './match.ts';
import type { Hazard, HazardKind } from './hazards.ts';
import type { Change, Phase, Step } from './types.ts';

/** A step with its place inside its phase (lower runs first; equal ranks keep their order). */
export interface Draft extends Step {
  rank: number;
  /**
   * Drafts with the same `merge.key` become one statement of their clauses (the first one's place):
   * type changes of one table run together, so a check or index reading two retyped columns is
   * rebuilt once, after both.
   */
  merge?: { key: string; table: { schema: string; name: string }; clause: string };
}

export interface PlanContext {
  from: Model;
  to: Model;
  fromTables: ReadonlyMap<string, Table>;
  toTables: ReadonlyMap<string, Table>;
  /** Tables this plan creates (new, or dropped and created again): no hazards on their contents. */
  created: ReadonlySet<string>;
  /** Tables this plan drops (dropped, or dropped and created again). */
  dropped: ReadonlySet<string>;
  /**
   * An object's old name once schemas are renamed (phase `schemas`): what renames and `post` drops
   * must call it. Ex: `billing.invoices` → `accounts.invoices` when billing became accounts.
   */
  afterSchemaRenames: <T extends { schema?: string }>(o: T) => T;
  /**
   * Column ids converted to a recreated enum or domain (`recreateType`). That conversion drops the
   * old default and sets the new one, so the column's own ALTER must leave the default alone.
   */
  convertedColumns: ReadonlySet<string>;
}

type Named = { schema: string; name: string };
export type TypeConversion = { table: Table; was: Column; column: Column };
const typeIs = (t: ColumnType, o: Named) => t.schema === o.schema && t.name === o.name;

/** Columns of kept tables whose type was `from` and is `to` (the same type object, recreated). */
export function columnsOfType(ctx: Pick<PlanContext, 'to' | 'created' | 'fromTables'>, from: Named, to: Named): TypeConversion[] {
  const out: TypeConversion[] = [];
  for (const table of ctx.to.tables) {
    if (ctx.created.has(table.id) || table.partitionOf) continue;
    const before = ctx.fromTables.get(table.id);
    for (const column of table.columns) {
      const was = before?.columns.find((c) => c.id === column.id);
      if (was && typeIs(was.type, from) && typeIs(column.type, to)) out.push({ table, was, column });
    }
  }
  return out;
}

/** Both models with every default constraint and index name made explicit (what the plan compares). */
export function namedModels(models: { from: Model; to: Model }): { from: Model; to: Model } {
  return { from: withEffectiveNames(models.from), to: withEffectiveNames(models.to) };
}

/** `changes` are all the plan's changes, implied ones included; `named` comes from `namedModels`. */
export function planContext(changes: Change[], named: { from: Model; to: Model }): PlanContext {
  const { from, to } = named;
  const created = new Set<string>();
  const dropped = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'table.create') created.add(c.table.id);
    if (c.kind === 'table.drop') dropped.add(c.table.id);
    if (c.kind === 'table.recreate') { created.add(c.to.id); dropped.add(c.from.id); }
  }
  const renamed = schemaRenames(from.schemas, to.schemas);
  const afterSchemaRenames = <T extends { schema?: string }>(o: T): T =>
    (o.schema && renamed.has(o.schema) ? { ...o, schema: renamed.get(o.schema) } : o);
  const fromTables = new Map(from.tables.map((t) => [t.id, t]));
  const convertedColumns = new Set<string>();
  for (const c of changes) {
    if (c.kind !== 'enum.recreate' && c.kind !== 'domain.recreate') continue;
    for (const { column } of columnsOfType({ to, created, fromTables }, c.from, c.to)) convertedColumns.add(column.id);
  }
  return {
    from, to, created, dropped, afterSchemaRenames, fromTables, convertedColumns,
    toTables: new Map(to.tables.map((t) => [t.id, t])),
  };
}

export function hazard(kind: HazardKind, message: string): Hazard {
  return { kind, message };
}

/** One draft per statement; all share the hazards given (usually one statement). */
export function draft(phase: Phase, rank: number, sql: string | string[], hazards: Hazard[] = []): Draft {
  return { phase, rank, sql: Array.isArray(sql) ? sql.join('\n') : sql, hazards };
}

/** How deep an object sits in a parent chain (parents first when creating, last when dropping). */
export function depthOf(id: string, parents: (id: string) => string[], seen = new Set<string>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  const ps = parents(id);
  return ps.length ? 1 + Math.max(...ps.map((p) => depthOf(p, parents, seen))) : 0;
}

/** Partition parent and inheritance parents of a table. */
export function tableParents(tables: ReadonlyMap<string, Table>): (id: string) => string[] {
  return (id) => {
    const t = tables.get(id);
    if (!t) return [];
    return [...(t.partitionOf ? [t.partitionOf.parentId] : []), ...(t.inherits ?? [])].filter((p) => tables.has(p));
  };
}
