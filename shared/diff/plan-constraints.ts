/** Steps for constraints and indexes, with their hazards attached here. */
import type { Index, Table } from '../model/document.ts';
import { dropConstraint, dropObject, renameConstraint, renameObject } from '../ddl/postgres-alter.ts';
import { addConstraint, commentOn, createIndex, qualifiedName, type ConstraintSpec } from '../ddl/postgres.ts';
import { quoteIdent } from '../ddl/quote.ts';
import { expressionChecks, foreignKeyChecks, uniqueChecks, withChecks, type DataCheck } from './data-checks.ts';
import { draft, hazard, type Draft, type PlanContext } from './plan-context.ts';
import type { Hazard } from './hazards.ts';
import type { IndexOwner, TableConstraint } from './types.ts';

const ADD_RANK: Record<TableConstraint['type'], number> = { 'primary-key': 10, unique: 20, check: 30, 'foreign-key': 30 };
const LABEL: Record<TableConstraint['type'], string> = { 'primary-key': 'primary key', unique: 'unique constraint', check: 'check', 'foreign-key': 'foreign key' };

function spec(c: TableConstraint, ctx: PlanContext): ConstraintSpec | undefined {
  if (c.type !== 'foreign-key') return { kind: c.type, constraint: c.value } as ConstraintSpec;
  const refTable = ctx.toTables.get(c.value.refTableId);
  return refTable ? { kind: 'foreign-key', constraint: c.value, refTable } : undefined;
}

function constraintComment(table: Table, name: string, comment: string | undefined): string {
  return commentOn({ target: { kind: 'constraint', schema: table.schema, table: table.name, name }, comment: comment || null });
}

/** What adding a constraint to a table that already has rows may cost. */
function addHazards(table: Table, c: TableConstraint): Hazard[] {
  const label = `${LABEL[c.type]} ${quoteIdent(c.value.name!)} on ${qualifiedName(table)}`;
  const unchecked = (c.type === 'check' || c.type === 'foreign-key') && c.value.notValid;
  const hazards = unchecked ? [] : [hazard('may-fail-on-existing-data', `${label}: fails if existing rows violate it`)];
  hazards.push(hazard('locks-table', `adding ${label} ${unchecked ? 'takes a lock' : 'scans the table under lock'}`));
  if (c.type === 'primary-key' || c.type === 'unique') hazards.push(hazard('index-build', `${label} builds an index`));
  return hazards;
}

/** What to look at in the live rows before the constraint is added (in the old names). */
function addChecks(table: Table, c: TableConstraint, ctx: PlanContext): DataCheck[] {
  switch (c.type) {
    case 'primary-key': return uniqueChecks(ctx, table.id, { columnIds: c.value.columns, primaryKey: true });
    case 'unique': return uniqueChecks(ctx, table.id, { columnIds: c.value.columns, nullsNotDistinct: c.value.nullsNotDistinct });
    case 'check': return c.value.notValid ? [] : expressionChecks(ctx, table.id, c.value.expression);
    case 'foreign-key': return c.value.notValid ? [] : foreignKeyChecks(ctx, table.id, { columnIds: c.value.columns, refTableId: c.value.refTableId, refColumnIds: c.value.refColumns });
  }
}

export function addConstraintSteps(table: Table, c: TableConstraint, ctx: PlanContext): Draft[] {
  const s = spec(c, ctx);
  if (!s) return [];
  const fresh = ctx.created.has(table.id);
  const hazards = fresh ? [] : addHazards(table, c);
  // Foreign keys after the indexes: the key they reference may be a unique index, not a constraint.
  const [phase, rank] = c.type === 'foreign-key' ? ['foreign-keys', 30] as const : ['constraints', ADD_RANK[c.type]] as const;
  const out = [withChecks(draft(phase, rank, addConstraint({ table, ...s }), hazards), fresh ? [] : addChecks(table, c, ctx))];
  if (c.value.comment) out.push(draft(phase, c.type === 'foreign-key' ? 40 : 50, constraintComment(table, c.value.name!, c.value.comment)));
  return out;
}

/** Dropped in `pre` under the old names: foreign keys first, then the keys they may rely on. */
export function dropConstraintSteps(table: Table, c: TableConstraint, ctx: PlanContext): Draft[] {
  if (ctx.dropped.has(table.id)) return [];
  return [draft('pre', c.type === 'foreign-key' ? 20 : 30, dropConstraint({ table, name: c.value.name! }))];
}

export function renameConstraintSteps(table: Table, from: TableConstraint, to: TableConstraint): Draft[] {
  return [draft('constraints', 0, renameConstraint({ table, from: from.value.name!, to: to.value.name! }))];
}

export function commentConstraintSteps(table: Table, to: TableConstraint): Draft[] {
  return [draft('constraints', 50, constraintComment(table, to.value.name!, to.value.comment))];
}

const ownerOf = (owner: IndexOwner) => (owner.type === 'table' ? owner.table : { ...owner.view, columns: [] });

function indexComment(owner: IndexOwner, index: Index): string {
  const o = ownerOf(owner);
  return commentOn({ target: { kind: 'index', schema: o.schema, name: index.name! }, comment: index.comment || null });
}

/** Duplicates for a new unique index on plain columns; expressions and partial indexes are not checked. */
function uniqueIndexChecks(owner: IndexOwner, index: Index, ctx: PlanContext): DataCheck[] {
  const columnIds = index.items.map((i) => i.column);
  if (owner.type !== 'table' || index.where !== undefined || columnIds.some((id) => id === undefined)) {
    return [{ kind: 'unavailable', reason: 'a unique index on expressions, with a WHERE or on a materialized view is not checked ahead' }];
  }
  return uniqueChecks(ctx, owner.table.id, { columnIds: columnIds as string[], nullsNotDistinct: index.nullsNotDistinct });
}

/** Indexes of a materialized view are built after the view (phase `views`), table indexes in `indexes`. */
export function addIndexSteps(owner: IndexOwner, index: Index, ctx: PlanContext): Draft[] {
  const phase = owner.type === 'view' ? 'views' : 'indexes';
  const fresh = owner.type === 'table' && ctx.created.has(owner.table.id);
  const label = `index ${quoteIdent(index.name!)} on ${qualifiedName(ownerOf(owner))}`;
  const hazards = fresh ? [] : [
    hazard('index-build', `builds ${label}`),
    hazard('locks-table', `CREATE INDEX blocks writes to ${qualifiedName(ownerOf(owner))} while it builds`),
    ...(index.unique ? [hazard('may-fail-on-existing-data', `unique ${label}: fails if existing rows hold duplicates`)] : []),
  ];
  const out = [withChecks(draft(phase, owner.type === 'view' ? 50 : 10, createIndex({ owner: ownerOf(owner), index }), hazards), fresh || !index.unique ? [] : uniqueIndexChecks(owner, index, ctx))];
  if (index.comment) out.push(draft(phase, owner.type === 'view' ? 60 : 20, indexComment(owner, index)));
  return out;
}

export function dropIndexSteps(owner: IndexOwner, index: Index, ctx: PlanContext): Draft[] {
  if (owner.type === 'table' && ctx.dropped.has(owner.table.id)) return [];
  const o = ownerOf(owner);
  return [draft('pre', 40, dropObject({ kind: 'INDEX', object: { schema: o.schema, name: index.name! } }))];
}

export function renameIndexSteps(owner: IndexOwner, from: Index, to: Index): Draft[] {
  const o = ownerOf(owner);
  const phase = owner.type === 'view' ? 'views' : 'indexes';
  return [draft(phase, owner.type === 'view' ? 40 : 0, renameObject({ kind: 'INDEX', from: { schema: o.schema, name: from.name! }, to: { schema: o.schema, name: to.name! } }))];
}

export function commentIndexSteps(owner: IndexOwner, to: Index): Draft[] {
  return [draft(owner.type === 'view' ? 'views' : 'indexes', owner.type === 'view' ? 60 : 20, indexComment(owner, to))];
}
