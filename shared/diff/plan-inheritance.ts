/**
 * Columns across table inheritance. PostgreSQL drops a parent's column from its children too
 * (where they only inherit it), and refuses to drop an inherited column from a child. So a parent's
 * column is dropped with ONLY when the table has inheritance children: each child then holds it as
 * its own column, keeps it with its values when the model keeps it, and drops it itself (after the
 * parent: children sit deeper) when the model drops it there too.
 */
import type { Column, Table } from '../model/document.ts';
import { dropColumn } from '../ddl/postgres-alter.ts';
import { dropColumnSteps } from './plan-tables.ts';
import { depthOf, tableParents, type Draft, type PlanContext } from './plan-context.ts';

const hasInheritanceChildren = (table: Table, ctx: Pick<PlanContext, 'fromTables'>) =>
  [...ctx.fromTables.values()].some((t) => t.inherits?.includes(table.id));

export function dropColumnInTree(table: Table, column: Column, ctx: Pick<PlanContext, 'fromTables'>): Draft[] {
  const only = hasInheritanceChildren(table, ctx);
  const depth = depthOf(table.id, tableParents(ctx.fromTables));
  // The one statement of dropColumnSteps, keeping its hazards and data checks.
  return dropColumnSteps(table, column, ctx).map((d) => ({
    ...d, rank: d.rank + depth / 10, ...(only ? { sql: dropColumn({ table, column, only }) } : {}),
  }));
}
