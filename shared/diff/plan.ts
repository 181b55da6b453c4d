/**
 * `plan(changes, { from, to })`: ordered steps `{ sql, hazards, phase }`. Each change becomes its
 * steps with hazards attached where they are made; steps are then ordered by phase (see `PHASES`)
 * and by rank inside a phase. `pre` runs under the old names (drops of what is in the way); renames
 * open their phase, and everything after them uses the new names.
 */
import { alterTableClauses } from '../ddl/postgres-alter.ts';
import type { Model } from '../model/document.ts';
import { diff } from './diff.ts';
import { deletesData } from './hazards.ts';
import { addConstraintSteps, addIndexSteps, commentConstraintSteps, commentIndexSteps, dropConstraintSteps, dropIndexSteps, renameConstraintSteps, renameIndexSteps } from './plan-constraints.ts';
import { namedModels, planContext, type Draft, type PlanContext } from './plan-context.ts';
import { withDependents } from './plan-dependents.ts';
import { dropColumnInTree } from './plan-inheritance.ts';
import { orderRenames } from './plan-renames.ts';
import {
  addColumnSteps, alterColumnSteps, alterTableSteps, createTableSteps, dropTableSteps, renameColumnSteps,
  rebuildColumnSteps, renameTableSteps,
} from './plan-tables.ts';
import { domainSteps, dropExtensionsStep, enumSteps, extensionSteps, schemaSteps, sequenceSteps } from './plan-types.ts';
import { createRawSteps, dropRawSteps, replacesInPlace, viewSteps } from './plan-views.ts';
import { recreatedObjects, withRecreateHazard } from './recreated.ts';
import { PHASES, type Change, type Plan } from './types.ts';

function stepsFor(c: Change, ctx: PlanContext, replaced: Set<string>): Draft[] {
  switch (c.kind) {
    case 'table.create': return createTableSteps(c.table, ctx);
    case 'table.drop': return dropTableSteps(c.table, ctx);
    case 'table.rename': return renameTableSteps(ctx.afterSchemaRenames(c.from), c.to);
    case 'table.alter': return alterTableSteps(c.from, c.to, ctx);
    case 'table.recreate': return [...dropTableSteps(c.from, ctx), ...createTableSteps(c.to, ctx)];
    case 'column.add': return addColumnSteps(c.table, c.column, ctx);
    case 'column.drop': return dropColumnInTree(c.table, c.column, ctx);
    case 'column.rename': return renameColumnSteps(c.table, c.from, c.to);
    case 'column.alter': return alterColumnSteps(c.table, c.from, c.to, ctx);
    case 'column.rebuild': return rebuildColumnSteps(c.fromTable, c.table, c.from, c.to);
    case 'constraint.add': return addConstraintSteps(c.table, c.constraint, ctx);
    case 'constraint.drop': return dropConstraintSteps(c.table, c.constraint, ctx);
    case 'constraint.rename': return renameConstraintSteps(c.table, c.from, c.to);
    case 'constraint.comment': return commentConstraintSteps(c.table, c.to);
    case 'index.add': return addIndexSteps(c.owner, c.index, ctx);
    case 'index.drop': return dropIndexSteps(c.owner, c.index, ctx);
    case 'index.rename': return renameIndexSteps(c.owner, c.from, c.to);
    case 'index.comment': return commentIndexSteps(c.owner, c.to);
    case 'raw.create': return createRawSteps(c.object, ctx);
    case 'raw.drop': return replaced.has(c.object.id) ? [] : dropRawSteps(c.object, ctx);
    default: break;
  }
  if (c.kind.startsWith('schema.')) return schemaSteps(c as Extract<Change, { kind: `schema.${string}` }>);
  if (c.kind.startsWith('extension.')) return extensionSteps(c as Extract<Change, { kind: `extension.${string}` }>);
  if (c.kind.startsWith('enum.')) return enumSteps(c as Extract<Change, { kind: `enum.${string}` }>, ctx);
  if (c.kind.startsWith('domain.')) return domainSteps(c as Extract<Change, { kind: `domain.${string}` }>, ctx);
  if (c.kind.startsWith('sequence.')) return sequenceSteps(c as Extract<Change, { kind: `sequence.${string}` }>, ctx);
  return viewSteps(c as Extract<Change, { kind: `view.${string}` }>, ctx);
}

/** Drafts sharing a `merge` key become one ALTER TABLE with all their clauses, where the first was. */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) if (d.merge) groups.set(d.merge.key, [...(groups.get(d.merge.key) ?? []), d]);
  const out: Draft[] = [];
  for (const d of drafts) {
    const group = d.merge ? groups.get(d.merge.key)! : undefined;
    if (!group || group.length === 1) { out.push(d); continue; }
    if (group[0] !== d) continue;
    const sql = alterTableClauses({ table: d.merge!.table, clauses: group.map((g) => g.merge!.clause) });
    const checks = group.flatMap((g) => g.checks ?? []);
    out.push({ phase: d.phase, rank: d.rank, sql, hazards: group.flatMap((g) => g.hazards), ...(checks.length ? { checks } : {}) });
  }
  return out;
}

/**
 * Ex: `plan(diff(a, b), { from: a, to: b })` → `{ steps: [{ sql: 'ALTER TABLE …;', hazards: [], phase: 'columns' }, …] }`.
 * No changes give no steps.
 */
export function plan(changes: Change[], models: { from: Model; to: Model }): Plan {
  const named = namedModels(models);
  const all = orderRenames(withDependents(changes, named));
  const ctx = planContext(all, named);
  // Functions changed as CREATE OR REPLACE are replaced in place, not dropped first.
  const replaced = new Set(all.filter((c) => c.kind === 'raw.create' && replacesInPlace(c.object)).map((c) => (c as { object: { id: string } }).object.id));
  const recreated = recreatedObjects(all);
  const drafts = mergeDrafts([...all.flatMap((c) => withRecreateHazard(c, stepsFor(c, ctx, replaced), recreated)), ...dropExtensionsStep(all)]);
  const order = (d: Draft) => PHASES.indexOf(d.phase);
  const sorted = drafts.map((d, i) => ({ d, i })).sort((a, b) => order(a.d) - order(b.d) || a.d.rank - b.d.rank || a.i - b.i);
  return { steps: sorted.map(({ d }) => ({ sql: d.sql, hazards: d.hazards, phase: d.phase, ...(d.checks ? { checks: d.checks } : {}) })) };
}

/** The plan from one model to another. */
export function planBetween(from: Model, to: Model): Plan {
  return plan(diff(from, to), { from, to });
}

/** The plan back from `to` to `from`, and whether running it would lose data. */
export function reversePlan(from: Model, to: Model): { plan: Plan; losesData: boolean } {
  const back = planBetween(to, from);
  return { plan: back, losesData: deletesData(back.steps) };
}

/** The whole plan as one script, a statement per line group. */
export function planSql(p: Plan): string {
  return p.steps.map((s) => s.sql).join('\n');
}
