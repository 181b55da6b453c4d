/**
 * Edit ops that make a table a partition of a partitioned table (`PARTITION OF … <bound>`) or an
 * inheritance child (`INHERITS (…)`). They keep PostgreSQL's rules, so the plan's ATTACH / INHERIT
 * steps can run: a partition has exactly its parent's columns, a child has at least its parents'
 * columns with the same types (missing ones are copied from the parent), and neither may form a cycle.
 * Detaching or dropping a parent keeps the columns, as PostgreSQL does.
 */
import type { Column, Model, Table } from '../document.ts';
import { newId } from '../ids.ts';
import { formatType, sameType } from '../types.ts';
import { findTable, updateTable } from './structural-sharing.ts';
import { ModelOpError } from './model-op-error.ts';

type Strategy = NonNullable<Table['partitioning']>['strategy'];

const BOUND_SHAPE: Record<Strategy, { pattern: RegExp; example: string }> = {
  range: { pattern: /^FOR\s+VALUES\s+FROM\s*\(.+\)\s*TO\s*\(.+\)$/is, example: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')" },
  list: { pattern: /^FOR\s+VALUES\s+IN\s*\(.+\)$/is, example: "FOR VALUES IN ('eu', 'us')" },
  hash: { pattern: /^FOR\s+VALUES\s+WITH\s*\(\s*MODULUS\s+(\d+)\s*,\s*REMAINDER\s+(\d+)\s*\)$/is, example: 'FOR VALUES WITH (MODULUS 4, REMAINDER 0)' },
};

/** A bound to start from when a table becomes a partition (the user then narrows it). */
export function defaultBound(strategy: Strategy): string {
  return strategy === 'hash' ? 'FOR VALUES WITH (MODULUS 1, REMAINDER 0)' : 'DEFAULT';
}

/** The reason a partition bound does not fit the parent's strategy, or undefined. */
export function boundProblem(strategy: Strategy, bound: string): string | undefined {
  if (/^DEFAULT$/i.test(bound)) return strategy === 'hash' ? 'a hash-partitioned table has no DEFAULT partition' : undefined;
  const shape = BOUND_SHAPE[strategy];
  const match = shape.pattern.exec(bound);
  if (!match) return `a ${strategy} partition's bound reads like ${shape.example}${strategy === 'hash' ? '' : ' or DEFAULT'}`;
  if (strategy === 'hash' && Number(match[2]) >= Number(match[1])) return 'the REMAINDER must be less than the MODULUS';
  return undefined;
}

const describe = (t: Table) => `${t.schema}.${t.name}`;

/** Ids of the tables `tableId` derives from (partition parents and inheritance parents), transitively. */
function ancestors(model: Model, tableId: string, seen = new Set<string>()): Set<string> {
  const table = findTable(model, tableId);
  for (const parent of [...(table?.partitionOf ? [table.partitionOf.parentId] : []), ...(table?.inherits ?? [])]) {
    if (seen.has(parent)) continue;
    seen.add(parent);
    ancestors(model, parent, seen);
  }
  return seen;
}

/** The parent's columns the table lacks (copied, fresh ids); throws on a same-named column of another type. */
function missingParentColumns(table: Table, parent: Table): Column[] {
  return parent.columns.flatMap((pc) => {
    const own = table.columns.find((c) => c.name === pc.name);
    if (own && !sameType(own.type, pc.type)) {
      throw new ModelOpError(`${describe(table)}.${own.name} is ${formatType(own.type)} but ${describe(parent)}.${pc.name} is ${formatType(pc.type)}: the types must match.`);
    }
    if (own) return [];
    const { comment: _c, default: _d, identity: _i, ...copy } = pc;
    return [{ ...copy, id: newId('column') }];
  });
}

function resolveParent(model: Model, table: Table, parentId: string): Table {
  const parent = findTable(model, parentId);
  if (!parent) throw new ModelOpError(`${describe(table)}: no table with id "${parentId}" to derive from.`);
  if (parent.id === table.id || ancestors(model, parent.id).has(table.id)) {
    throw new ModelOpError(`${describe(table)} cannot derive from ${describe(parent)}: ${describe(parent)} already derives from it.`);
  }
  return parent;
}

/**
 * Makes a table a partition of a partitioned table, or (`null`) a plain table again.
 * Ex: `setPartitionOf(m, { tableId, partitionOf: { parentId, bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')" } })`.
 */
export function setPartitionOf(model: Model, p: { tableId: string; partitionOf: { parentId: string; bound: string } | null }): Model {
  return updateTable(model, p.tableId, (table) => {
    if (!p.partitionOf) {
      if (!table.partitionOf) return table;
      const { partitionOf: _gone, ...rest } = table;
      return rest;
    }
    const bound = p.partitionOf.bound.trim().replace(/;\s*$/, '');
    if (table.partitionOf?.parentId === p.partitionOf.parentId && table.partitionOf.bound === bound) return table;
    const parent = resolveParent(model, table, p.partitionOf.parentId);
    if (!parent.partitioning) throw new ModelOpError(`${describe(table)} cannot be a partition of ${describe(parent)}: it is not partitioned (choose PARTITION BY on it first).`);
    if (table.inherits?.length) throw new ModelOpError(`${describe(table)} inherits from other tables: a partition cannot.`);
    const problem = boundProblem(parent.partitioning.strategy, bound);
    if (problem) throw new ModelOpError(`${describe(table)}: ${problem}.`);
    const extra = table.columns.filter((c) => !parent.columns.some((pc) => pc.name === c.name));
    if (extra.length) {
      throw new ModelOpError(`${describe(table)} cannot be a partition of ${describe(parent)}: it has columns the parent lacks (${extra.map((c) => c.name).join(', ')}); a partition has exactly its parent's columns.`);
    }
    const columns = [...table.columns, ...missingParentColumns(table, parent)];
    // In the parent's order, as PostgreSQL lists a partition's columns.
    const ordered = parent.columns.map((pc) => columns.find((c) => c.name === pc.name)!);
    return { ...table, columns: ordered, partitionOf: { parentId: parent.id, bound } };
  });
}

/** The tables a table inherits from (`INHERITS`), in order; `[]` for none. Parents' missing columns are copied in. */
export function setInherits(model: Model, p: { tableId: string; parentIds: string[] }): Model {
  return updateTable(model, p.tableId, (table) => {
    const parentIds = [...new Set(p.parentIds)];
    const old = table.inherits ?? [];
    if (old.length === parentIds.length && old.every((id, i) => id === parentIds[i])) return table;
    if (!parentIds.length) {
      const { inherits: _gone, ...rest } = table;
      return rest;
    }
    if (table.partitionOf || table.partitioning) throw new ModelOpError(`${describe(table)} is ${table.partitionOf ? 'a partition' : 'partitioned'}: it cannot inherit from other tables.`);
    let columns = table.columns;
    for (const parentId of parentIds.filter((id) => !old.includes(id))) {
      const parent = resolveParent(model, table, parentId);
      if (parent.partitioning || parent.partitionOf) {
        throw new ModelOpError(`${describe(table)} cannot inherit from ${describe(parent)}: it is ${parent.partitioning ? 'partitioned' : 'a partition'}.`);
      }
      columns = [...columns, ...missingParentColumns({ ...table, columns }, parent)];
    }
    return { ...table, columns, inherits: parentIds };
  });
}
