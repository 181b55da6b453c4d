/**
 * One-click fixes for design-lint findings: the edit a reviewer would suggest, as a model op. A fix
 * finds its objects by the ids the finding names, so fixes of several findings apply one after
 * another (the lint panel's "fix all" is one undo step).
 *
 * Ex: `lintFix(model, issue)` for `fk-without-index` → `{ title: 'Add an index on (customer_id)', apply }`.
 */
import type { Column, ColumnType, Model, Table } from '../model/document.ts';
import type { LintIssue } from './issue.ts';
import { addColumn, updateColumn } from '../model/ops/columns.ts';
import { removeUnique, setPrimaryKey } from '../model/ops/constraints.ts';
import { addIndex, removeIndex } from '../model/ops/indexes.ts';
import { newId } from '../model/ids.ts';
import { findTable } from '../model/ops/structural-sharing.ts';
import { formatType } from '../model/types.ts';

export interface LintFix {
  /** What the fix does, as the button's tooltip says it: `Add an index on (customer_id)`. */
  title: string;
  apply: (model: Model) => Model;
}

/** PostgreSQL keeps 63 bytes of a name; a generated name stays within them. */
const NAME_LIMIT = 63;

/** `<table>_<columns>_idx`, PostgreSQL's own pattern for an unnamed index, made unique in the schema. */
export function indexNameFor(model: Model, table: Table, columnNames: string[]): string {
  const taken = new Set(model.tables.filter((t) => t.schema === table.schema).flatMap((t) => [
    t.name, ...t.indexes.map((x) => x.name), ...t.uniques.map((u) => u.name), t.primaryKey?.name,
  ]).filter((n): n is string => !!n));
  const stem = `${table.name}_${columnNames.join('_')}`.slice(0, NAME_LIMIT - 4);
  for (let n = 0; ; n += 1) {
    const name = `${stem}${n ? n : ''}_idx`;
    if (!taken.has(name)) return name;
  }
}

type FixMaker = (model: Model, table: Table, issue: LintIssue) => LintFix | undefined;

function columnOf(table: Table, id: string): Column | undefined {
  return table.columns.find((c) => c.id === id);
}

/** A fix that changes a column's type, keeping its other fields. */
function retype(to: (type: ColumnType) => ColumnType): FixMaker {
  return (_model, table, issue) => {
    const column = columnOf(table, issue.objectId);
    if (!column) return undefined;
    const type = to(column.type);
    return {
      title: `Make ${column.name} ${formatType(type)}`,
      apply: (m) => updateColumn(m, { tableId: table.id, columnId: column.id, patch: { type } }),
    };
  };
}

const foreignKeyIndex: FixMaker = (model, table, issue) => {
  const fk = table.foreignKeys.find((f) => f.id === issue.objectId);
  const columns = fk?.columns.map((id) => columnOf(table, id));
  if (!fk || !columns || columns.some((c) => !c)) return undefined;
  const names = columns.map((c) => c!.name);
  return {
    title: `Add an index on (${names.join(', ')})`,
    apply: (m) => {
      const now = findTable(m, table.id);
      return now ? addIndex(m, { tableId: table.id, name: indexNameFor(m, now, names), columns: fk.columns }) : m;
    },
  };
};

/**
 * A table without a key: its `id` column becomes the key, or a new `id` identity column is added
 * first. Not for a partitioned table, whose key must hold the partition key.
 */
const primaryKey: FixMaker = (_model, table) => {
  if (table.partitioning) return undefined;
  const id = table.columns.find((c) => c.name === 'id');
  if (id) return { title: 'Make id the primary key', apply: (m) => setPrimaryKey(m, { tableId: table.id, columns: [id.id] }) };
  return {
    title: 'Add an id column (bigint, identity) as the primary key',
    apply: (m) => {
      // A fresh id: a derived one could belong to a column once called `id` and renamed since.
      const columnId = newId('column');
      const added = addColumn(m, { tableId: table.id, id: columnId, name: 'id', type: { name: 'bigint' }, notNull: true, index: 0 });
      const identity = updateColumn(added, { tableId: table.id, columnId, patch: { identity: { kind: 'always' } } });
      return setPrimaryKey(identity, { tableId: table.id, columns: [columnId] });
    },
  };
};

const dropIndex: FixMaker = (_model, table, issue) => {
  const index = table.indexes.find((x) => x.id === issue.objectId);
  if (!index) return undefined;
  return { title: `Remove ${index.name ? `index ${index.name}` : 'this index'}`, apply: (m) => removeIndex(m, { tableId: table.id, indexId: index.id }) };
};

const dropUnique: FixMaker = (_model, table, issue) => {
  const unique = table.uniques.find((u) => u.id === issue.objectId);
  if (!unique) return undefined;
  return { title: `Remove ${unique.name ? `unique constraint ${unique.name}` : 'this unique constraint'}`, apply: (m) => removeUnique(m, { tableId: table.id, uniqueId: unique.id }) };
};

/** An identity or generated column that also has a default: the default goes (PostgreSQL refuses both). */
const dropDefault: FixMaker = (_model, table, issue) => {
  const column = columnOf(table, issue.objectId);
  if (!column?.default) return undefined;
  return { title: `Remove the default of ${column.name}`, apply: (m) => updateColumn(m, { tableId: table.id, columnId: column.id, patch: { default: null } }) };
};

const notNull: FixMaker = (_model, table, issue) => {
  const column = columnOf(table, issue.objectId);
  if (!column) return undefined;
  return { title: `Make ${column.name} NOT NULL`, apply: (m) => updateColumn(m, { tableId: table.id, columnId: column.id, patch: { notNull: true } }) };
};

const FIXES: Partial<Record<string, FixMaker>> = {
  'fk-without-index': foreignKeyIndex,
  'no-primary-key': primaryKey,
  'nullable-primary-key': notNull,
  'duplicate-index': dropIndex,
  'redundant-index': dropIndex,
  'redundant-unique': dropUnique,
  'identity-with-default': dropDefault,
  'generated-with-default': dropDefault,
  'timestamp-without-time-zone': retype((t) => ({ ...t, name: 'timestamp with time zone' })),
  'varchar-without-length': retype(({ args: _none, ...t }) => ({ ...t, name: 'text' })),
  // `char` alone is char(1): the length carries over.
  'char-type': retype((t) => ({ ...t, name: 'character varying', args: t.args ?? [1] })),
  'json-type': retype((t) => ({ ...t, name: 'jsonb' })),
};

/** The fix for a finding, when the rule has one and its objects are still in the model. */
export function lintFix(model: Model, issue: LintIssue): LintFix | undefined {
  const make = FIXES[issue.code];
  const table = issue.tableId ? findTable(model, issue.tableId) : undefined;
  return make && table ? make(model, table, issue) : undefined;
}

/** Applies the fixes of every finding given, in order; findings already gone are skipped. */
export function applyLintFixes(model: Model, issues: LintIssue[]): Model {
  return issues.reduce((m, issue) => lintFix(m, issue)?.apply(m) ?? m, model);
}
