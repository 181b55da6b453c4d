/** Steps for tables and columns, with their hazards attached here. */
import type { Column, Table } from '../model/document.ts';
import { sameType } from '../model/types.ts';
import {
  addColumn, addIdentity, alterColumnType, continueIdentity, alterColumnTypeClause, alterIdentity, attachPartition, castExpression, detachPartition,
  dropColumn, dropConstraint, dropExpression, dropIdentity, dropObject, inherit, renameColumn, renameObject, setDefault,
  setLogged, setNotNull, setStorage,
} from '../ddl/postgres-alter.ts';
import { addConstraint, addForeignKey, commentOn, createIndex, createTable, qualifiedName, tableConstraints } from '../ddl/postgres.ts';
import { quoteIdent } from '../ddl/quote.ts';
import { typeChangeCost } from './casts.ts';
import { castChecks, notNullChecks, rowCountChecks, withChecks } from './data-checks.ts';
import { sameComment, sameSqlText, stableJson } from './match.ts';
import { depthOf, draft, hazard, tableParents, type Draft, type PlanContext } from './plan-context.ts';

const describe = (t: Table) => qualifiedName(t);
const columnLabel = (t: Table, c: Column) => `${describe(t)}.${quoteIdent(c.name)}`;

export function columnComment(t: Table, c: Column): string {
  return commentOn({ target: { kind: 'column', schema: t.schema, table: t.name, column: c.name }, comment: c.comment || null });
}

/** CREATE TABLE with its comments; indexes and foreign keys in their own phases (cycles work). */
export function createTableSteps(table: Table, ctx: PlanContext): Draft[] {
  const depth = depthOf(table.id, tableParents(ctx.toTables));
  const out = [draft('tables', 10 + depth, createTable({ table, tables: ctx.toTables }))];
  if (table.comment) out.push(draft('tables', 10 + depth, commentOn({ target: { kind: 'table', schema: table.schema, name: table.name }, comment: table.comment })));
  for (const c of table.columns) if (c.comment) out.push(draft('tables', 10 + depth, columnComment(table, c)));
  // What CREATE TABLE cannot say (NOT VALID checks, a key repeating another) is added after it.
  const parent = table.partitionOf ? ctx.toTables.get(table.partitionOf.parentId) : undefined;
  for (const spec of tableConstraints({ table, parent }).after) out.push(draft('constraints', 30, addConstraint({ table, ...spec })));
  const constraints = [table.primaryKey, ...table.uniques, ...table.checks];
  for (const c of constraints) {
    if (c?.comment) out.push(draft('constraints', 50, commentOn({ target: { kind: 'constraint', schema: table.schema, table: table.name, name: c.name! }, comment: c.comment })));
  }
  for (const fk of table.foreignKeys) {
    const refTable = ctx.toTables.get(fk.refTableId);
    // After the indexes: the referenced key may be a unique index, not a constraint.
    if (refTable) out.push(draft('foreign-keys', 30, addForeignKey({ table, foreignKey: fk, refTable })));
    if (fk.comment) out.push(draft('foreign-keys', 40, commentOn({ target: { kind: 'constraint', schema: table.schema, table: table.name, name: fk.name! }, comment: fk.comment })));
  }
  for (const index of table.indexes) {
    out.push(draft('indexes', 10, createIndex({ owner: table, index })));
    if (index.comment) out.push(draft('indexes', 20, commentOn({ target: { kind: 'index', schema: table.schema, name: index.name! }, comment: index.comment })));
  }
  return out;
}

/** Dropped in `pre` under the old name, partitions and children before their parents. */
export function dropTableSteps(table: Table, ctx: PlanContext): Draft[] {
  const depth = depthOf(table.id, tableParents(ctx.fromTables));
  // Foreign keys between dropped tables go first, so the drops can run in any order.
  const links = table.foreignKeys.filter((fk) => fk.refTableId !== table.id && ctx.dropped.has(fk.refTableId));
  return [...links.map((fk) => draft('pre', 20, dropConstraint({ table, name: fk.name! }))), withChecks(draft('pre', 60 - depth, dropObject({ kind: 'TABLE', object: table }), [hazard('deletes-data', `drops table ${describe(table)} and all its rows`)]), rowCountChecks(ctx, table.id))];
}

export function renameTableSteps(from: Table, to: Table): Draft[] {
  return [draft('tables', 0, renameObject({ kind: 'TABLE', from, to }), [hazard('breaks-dependents', `renames ${describe(from)} to ${describe(to)}: queries using the old name fail`)])];
}

export function alterTableSteps(from: Table, to: Table, ctx: PlanContext): Draft[] {
  const out: Draft[] = [];
  if (!sameComment(from.comment, to.comment)) {
    out.push(draft('tables', 20, commentOn({ target: { kind: 'table', schema: to.schema, name: to.name }, comment: to.comment || null })));
  }
  if (Boolean(from.unlogged) !== Boolean(to.unlogged)) {
    out.push(draft('tables', 20, setLogged({ table: to, unlogged: Boolean(to.unlogged) }), [hazard('rewrites-table', `${describe(to)} becomes ${to.unlogged ? 'UNLOGGED' : 'LOGGED'}`)]));
  }
  if (stableJson(from.with) !== stableJson(to.with)) {
    const set = Object.fromEntries(Object.entries(to.with ?? {}).filter(([k, v]) => from.with?.[k] !== v));
    const reset = Object.keys(from.with ?? {}).filter((k) => !(k in (to.with ?? {})));
    out.push(...setStorage({ table: to, set, reset }).map((sql) => draft('tables', 20, sql)));
  }
  const parentName = (id: string) => ctx.toTables.get(id) ?? ctx.fromTables.get(id)!;
  for (const id of from.inherits ?? []) if (!to.inherits?.includes(id)) out.push(draft('tables', 20, inherit({ table: to, parent: parentName(id), add: false })));
  for (const id of to.inherits ?? []) if (!from.inherits?.includes(id)) {
    out.push(draft('tables', 30, inherit({ table: to, parent: parentName(id), add: true }), [hazard('locks-table', `${describe(to)} starts inheriting`)]));
  }
  if (stableJson(from.partitionOf) !== stableJson(to.partitionOf)) {
    if (from.partitionOf && !ctx.dropped.has(from.partitionOf.parentId)) {
      out.push(draft('tables', 20, detachPartition({ parent: parentName(from.partitionOf.parentId), partition: to })));
    }
    if (to.partitionOf) {
      out.push(withChecks(draft('tables', 30, attachPartition({ parent: parentName(to.partitionOf.parentId), partition: to, bound: to.partitionOf.bound }), [
        hazard('may-fail-on-existing-data', `attaching ${describe(to)} checks every row against ${to.partitionOf.bound}`),
        hazard('locks-table', `attaching ${describe(to)} scans it under lock`),
      ]), [{ kind: 'unavailable', reason: 'a partition bound is only checked by PostgreSQL when the partition is attached' }]));
    }
  }
  return out;
}

/** Volatile defaults make ADD COLUMN rewrite every row (stable ones like now() do not, PostgreSQL 11+). */
const VOLATILE = ['nextval', 'random', 'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v4', 'clock_timestamp', 'timeofday'];

export function addColumnSteps(table: Table, column: Column, ctx: Pick<PlanContext, 'fromTables'>): Draft[] {
  const hazards = [];
  const label = columnLabel(table, column);
  const failsIfRows = column.notNull && column.default === undefined && !column.identity && column.generated === undefined;
  if (failsIfRows) {
    hazards.push(hazard('may-fail-on-existing-data', `${label} is NOT NULL without a default: fails if the table has rows`));
  }
  const volatile = column.default !== undefined && VOLATILE.some((f) => column.default!.toLowerCase().includes(`${f}(`));
  if (column.identity || column.generated !== undefined || volatile) {
    hazards.push(hazard('rewrites-table', `adding ${label} computes a value for every row`));
  }
  const out = [withChecks(draft('columns', 10, addColumn({ table, column }), hazards), failsIfRows ? rowCountChecks(ctx, table.id, { effect: 'fails' }) : [])];
  if (column.comment) out.push(draft('columns', 10, columnComment(table, column)));
  return out;
}

export function dropColumnSteps(table: Table, column: Column, ctx: Pick<PlanContext, 'fromTables'>): Draft[] {
  const step = draft('pre', 50, dropColumn({ table, column }), [hazard('deletes-data', `drops column ${columnLabel(table, column)} and its values`)]);
  return [withChecks(step, rowCountChecks(ctx, table.id, { columnId: column.id }))];
}

export function renameColumnSteps(table: Table, from: Column, to: Column): Draft[] {
  return [draft('columns', 0, renameColumn({ table, from: from.name, to: to.name }), [
    hazard('breaks-dependents', `renames ${describe(table)}.${quoteIdent(from.name)} to ${quoteIdent(to.name)}: queries using the old name fail`),
  ])];
}

/** A generated expression cannot be altered in place before PostgreSQL 17: the column is rebuilt. */
function rebuildGenerated(table: Table, from: Column, to: Column, ctx: Pick<PlanContext, 'fromTables'>): Draft[] {
  const hazards = [hazard('rewrites-table', `rebuilds generated column ${columnLabel(table, to)}`)];
  const replacesValues = from.generated === undefined;
  if (replacesValues) hazards.push(hazard('deletes-data', `${columnLabel(table, to)} becomes generated: its stored values are replaced`));
  const step = draft('columns', 20, [dropColumn({ table, column: from }), addColumn({ table, column: to })], hazards);
  return [withChecks(step, replacesValues ? rowCountChecks(ctx, table.id, { columnId: from.id }) : [])];
}

/**
 * Type, default, nullability, identity and comment changes of one column, in the order PostgreSQL needs.
 * A column converted to a recreated enum or domain has its default set by that conversion instead.
 */
export function alterColumnSteps(table: Table, from: Column, to: Column, ctx: Pick<PlanContext, 'convertedColumns' | 'fromTables'>): Draft[] {
  if (to.generated !== undefined && !sameSqlText(from.generated, to.generated)) return rebuildGenerated(table, from, to, ctx);
  const out: Draft[] = [];
  // Rank 19: what must go before any type change of the table; 20: type changes (merged per
  // table); 21: the rest.
  const before = (sql: string) => out.push(draft('columns', 19, sql));
  const at = (sql: string, hazards = [] as ReturnType<typeof hazard>[]) => out.push(draft('columns', 21, sql, hazards));
  const notNullChecked = (sql: string, hazards: ReturnType<typeof hazard>[]) => out.push(withChecks(draft('columns', 21, sql, hazards), notNullChecks(ctx, table.id, [to.id])));
  const label = columnLabel(table, to);
  const column = to;
  if (from.generated !== undefined && to.generated === undefined) before(dropExpression({ table, column }));
  if (from.identity && !to.identity) before(dropIdentity({ table, column }));
  const typeChanged = !sameType(from.type, to.type) || (from.collation ?? '') !== (to.collation ?? '');
  const defaultChanged = !sameSqlText(from.default, to.default) && !ctx.convertedColumns.has(to.id);
  if (from.default !== undefined && (typeChanged || defaultChanged)) before(setDefault({ table, column }));
  if (typeChanged) {
    const cost = typeChangeCost(from.type, to.type);
    const hazards = [hazard('locks-table', `changing the type of ${label} locks ${describe(table)}`)];
    if (cost.rewrites) hazards.push(hazard('rewrites-table', `${label} changes type and every row is rewritten`));
    if (cost.mayFail) hazards.push(hazard('may-fail-on-existing-data', `${label}: not every existing value may convert to the new type`));
    const using = cost.using ? castExpression({ column: to.name, type: to.type, viaText: cost.using === 'via-text' }) : undefined;
    const spec = { table, column, type: to.type, collation: to.collation, using };
    out.push({
      ...withChecks(draft('columns', 20, alterColumnType(spec), hazards), cost.mayFail ? castChecks(ctx, table.id, to.id, to.type) : []),
      merge: { key: `retype:${table.id}`, table, clause: alterColumnTypeClause(spec) },
    });
  }
  // A default dropped for the type change comes back; a changed one is set.
  if (to.default !== undefined && (defaultChanged || (typeChanged && from.default !== undefined))) {
    at(setDefault({ table, column, expression: to.default }));
  }
  if (from.notNull !== to.notNull && !(to.identity && !from.identity && to.notNull)) {
    (to.notNull ? notNullChecked : at)(setNotNull({ table, column, notNull: to.notNull }), to.notNull ? [
      hazard('may-fail-on-existing-data', `${label} becomes NOT NULL: fails if a row holds NULL`),
      hazard('locks-table', `SET NOT NULL scans ${describe(table)} under lock`),
    ] : []);
  }
  if (to.identity && !from.identity) {
    if (!from.notNull) notNullChecked(setNotNull({ table, column, notNull: true }), [hazard('may-fail-on-existing-data', `${label} becomes NOT NULL: fails if a row holds NULL`)]);
    // Rank 30: after a dropped sequence (rank 25) frees the name the identity's sequence takes.
    out.push(draft('columns', 30, addIdentity({ table, column, identity: to.identity })));
    const past = continueIdentity({ table, column, identity: to.identity });
    if (past) out.push(draft('columns', 31, past));
  } else if (to.identity && from.identity && stableJson(to.identity) !== stableJson(from.identity)) {
    at(alterIdentity({ table, column, identity: to.identity }));
  }
  if (!sameComment(from.comment, to.comment)) at(columnComment(table, to));
  return out;
}

/** Dropped in `pre`, added back after every type change of its table (rank 25). */
export function rebuildColumnSteps(fromTable: Table, table: Table, from: Column, to: Column): Draft[] {
  const label = columnLabel(table, to);
  return [
    draft('pre', 50, dropColumn({ table: fromTable, column: from }), [hazard('rewrites-table', `generated column ${label} is dropped to change the type of a column it reads, then computed again`)]),
    draft('columns', 25, addColumn({ table, column: to }), [hazard('rewrites-table', `generated column ${label} is computed again for every row`)]),
  ];
}
