/**
 * What to look at in a live database before a risky step runs (issue 9): each step that may fail on
 * existing rows or deletes data carries typed `DataCheck`s, made here by the planner from the two
 * models. Checks run BEFORE the plan, so every name in them is the live one (the `from` side): a
 * table renamed by the same plan is checked under its old name. The server turns them into bounded
 * read-only queries (`server/db/data-checks.ts`).
 */
import type { ColumnType, Table } from '../model/document.ts';
import type { DataCheck, LiveTable } from './data-check-types.ts';
import type { PlanContext } from './plan-context.ts';

export type { ColumnAlias, DataCheck, DataCheckKind, DataCheckResult, LiveTable, StepDataCheck } from './data-check-types.ts';

/** The checks of a plan, in step order, each with its step index. */
export function planDataChecks(steps: readonly { checks?: DataCheck[] }[]): { step: number; check: DataCheck }[] {
  return steps.flatMap((s, step) => (s.checks ?? []).map((check) => ({ step, check })));
}

type Ctx = Pick<PlanContext, 'fromTables'>;

/** The live side of a kept table, or undefined for a table this plan creates. */
export function liveTable(ctx: Ctx, tableId: string): { table: Table; live: LiveTable } | undefined {
  const table = ctx.fromTables.get(tableId);
  if (!table) return undefined;
  const names = columnNames(table, table.primaryKey?.columns ?? []);
  return { table, live: { schema: table.schema, name: table.name, key: names ?? [] } };
}

/** Live names of column ids, or undefined when one of them is new in this plan. */
export function columnNames(table: Table, ids: readonly string[]): string[] | undefined {
  const names = ids.map((id) => table.columns.find((c) => c.id === id)?.name);
  return names.every((n) => n !== undefined) ? names as string[] : undefined;
}

const unavailable = (reason: string): DataCheck[] => [{ kind: 'unavailable', reason }];

/** NULLs of `columnIds` in a kept table (one check per column). */
export function notNullChecks(ctx: Ctx, tableId: string, columnIds: readonly string[]): DataCheck[] {
  const side = liveTable(ctx, tableId);
  if (!side) return [];
  return columnIds.flatMap((id) => {
    const column = side.table.columns.find((c) => c.id === id);
    if (!column) return unavailable('the column is added by this plan: its values are not known yet');
    return column.notNull ? [] : [{ kind: 'not-null' as const, table: side.live, column: column.name }];
  });
}

/** Duplicates for a new key (and NULLs too for a primary key). */
export function uniqueChecks(ctx: Ctx, tableId: string, p: { columnIds: readonly string[]; primaryKey?: boolean; nullsNotDistinct?: boolean }): DataCheck[] {
  const side = liveTable(ctx, tableId);
  const columns = side && columnNames(side.table, p.columnIds);
  if (!side) return [];
  if (!columns) return unavailable('the key uses a column added by this plan');
  const unique: DataCheck = { kind: 'unique', table: side.live, columns, ...(p.nullsNotDistinct ? { nullsNotDistinct: true } : {}) };
  return [unique, ...(p.primaryKey ? notNullChecks(ctx, tableId, p.columnIds) : [])];
}

/**
 * Rows failing a check expression written with the NEW column names: every kept column is exposed
 * under its new name, so `price > 0` still reads `cost` renamed to `price` in the same plan.
 */
export function expressionChecks(ctx: Ctx & Pick<PlanContext, 'toTables'>, tableId: string, expression: string): DataCheck[] {
  const side = liveTable(ctx, tableId);
  const next = ctx.toTables.get(tableId);
  if (!side || !next) return [];
  const columns = side.table.columns.flatMap((c) => {
    const now = next.columns.find((n) => n.id === c.id);
    return now ? [{ live: c.name, as: now.name }] : [];
  });
  return [{ kind: 'check', table: side.live, expression, columns }];
}

export function foreignKeyChecks(ctx: Ctx, tableId: string, p: { columnIds: readonly string[]; refTableId: string; refColumnIds: readonly string[] }): DataCheck[] {
  const side = liveTable(ctx, tableId);
  if (!side) return [];
  const ref = ctx.fromTables.get(p.refTableId);
  if (!ref) return unavailable('the referenced table is created by this plan: every row with a key fails');
  const columns = columnNames(side.table, p.columnIds);
  const refColumns = columnNames(ref, p.refColumnIds);
  if (!columns || !refColumns) return unavailable('the key uses a column added by this plan');
  return [{ kind: 'foreign-key', table: side.live, columns, refTable: { schema: ref.schema, name: ref.name }, refColumns }];
}

export function castChecks(ctx: Ctx, tableId: string, columnId: string, toType: ColumnType): DataCheck[] {
  const side = liveTable(ctx, tableId);
  const column = side?.table.columns.find((c) => c.id === columnId);
  if (!side || !column) return [];
  return [{ kind: 'cast', table: side.live, column: column.name, fromType: column.type, toType }];
}

export function enumValueChecks(ctx: Ctx, tableId: string, columnId: string, removed: string[]): DataCheck[] {
  const side = liveTable(ctx, tableId);
  const column = side?.table.columns.find((c) => c.id === columnId);
  if (!side || !column) return [];
  return [{ kind: 'enum-values', table: side.live, column: column.name, values: removed, array: (column.type.arrayDims ?? 0) > 0 }];
}

/** Rows a drop deletes (or a step fails on): the whole table, or the rows where the column holds a value. */
export function rowCountChecks(ctx: Ctx, tableId: string, p: { columnId?: string; effect?: 'deletes' | 'fails' } = {}): DataCheck[] {
  const side = liveTable(ctx, tableId);
  if (!side) return [];
  const effect = p.effect ?? 'deletes';
  if (p.columnId === undefined) return [{ kind: 'row-count', table: side.live, effect }];
  const column = side.table.columns.find((c) => c.id === p.columnId);
  return column ? [{ kind: 'row-count', table: side.live, column: column.name, effect }] : [];
}

/** `d` with `checks` attached (none: left as it was, so plans without checks keep their shape). */
export function withChecks<T extends { checks?: DataCheck[] }>(d: T, checks: DataCheck[]): T {
  return checks.length ? { ...d, checks: [...(d.checks ?? []), ...checks] } : d;
}

/** Values of a column of a domain failing one of its checks (`VALUE` in the check reads the column). */
export function domainValueChecks(ctx: Ctx, tableId: string, columnId: string, expression: string): DataCheck[] {
  const side = liveTable(ctx, tableId);
  const column = side?.table.columns.find((c) => c.id === columnId);
  if (!side || !column) return [];
  return [{ kind: 'check', table: side.live, expression, columns: [{ live: column.name, as: 'value' }] }];
}
