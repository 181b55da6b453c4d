/**
 * The data dictionary of a document, as plain data both renderers (HTML and Markdown) read: the
 * subject areas with their tables, each table's columns, keys, checks, indexes, comments and its
 * references in and out, then enums, domains, views and sequences. Pure: no escaping here (each
 * renderer escapes for its own syntax), no DOM, no node:*.
 */
import type { Index, ModelDocument, Table } from '../../model/document.ts';
import { columnRows, type Badge } from '../../model/column-rows.ts';
import { formatType } from '../../model/types.ts';
import { createIndex, sequenceOptions } from '../../ddl/postgres.ts';

export interface DocReference {
  /** The table at the other end, by id (see `Dictionary.tables`). */
  tableId: string;
  /** `(customer_id) → public.customer (customer_id)`, read from this table's side. */
  columns: string;
  refColumns: string;
  name?: string;
  onDelete: string;
  onUpdate: string;
}

export interface DocColumn {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
  /** PK, FK, UQ, ID (identity), GEN (generated), as on the canvas; NN and DEF are columns of their own. */
  keys: Badge[];
  comment?: string;
  /** The tables this column references, by id. */
  references: string[];
}

export interface DocTable {
  id: string;
  schema: string;
  name: string;
  comment?: string;
  columns: DocColumn[];
  primaryKey?: string;
  uniques: string[];
  checks: { name?: string; expression: string }[];
  indexes: string[];
  referencesOut: DocReference[];
  referencesIn: DocReference[];
  partitioning?: string;
}

export interface DocSection {
  id: string;
  title: string;
  note?: string;
  color?: string;
  tableIds: string[];
}

export interface Dictionary {
  title: string;
  sections: DocSection[];
  tables: ReadonlyMap<string, DocTable>;
  enums: { schema: string; name: string; values: string[]; comment?: string }[];
  domains: { schema: string; name: string; type: string; notNull: boolean; default?: string; checks: string[]; comment?: string }[];
  views: { schema: string; name: string; materialized: boolean; definition: string; comment?: string; columns: { name: string; comment?: string }[] }[];
  sequences: { schema: string; name: string; options: string; comment?: string }[];
}

/** The section for tables in no subject area (or every table when there are no areas). */
export const UNGROUPED_SECTION_ID = 'ungrouped';

const ACTIONS: Record<string, string> = {
  'no-action': 'no action', restrict: 'restrict', cascade: 'cascade', 'set-null': 'set null', 'set-default': 'set default',
};

export function qualified(object: { schema: string; name: string }): string {
  return `${object.schema}.${object.name}`;
}

function names(table: Table, ids: string[]): string {
  const byId = new Map(table.columns.map((c) => [c.id, c.name]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

function indexText(table: Table, index: Index): string {
  return createIndex({ owner: table, index }).replace(/;$/, '');
}

function docTable(table: Table, tables: ReadonlyMap<string, Table>): DocTable {
  const rows = columnRows(table);
  const referencing = new Map<string, string[]>();
  for (const fk of table.foreignKeys) {
    for (const columnId of fk.columns) referencing.set(columnId, [...(referencing.get(columnId) ?? []), fk.refTableId]);
  }
  return {
    id: table.id,
    schema: table.schema,
    name: table.name,
    comment: table.comment,
    columns: table.columns.map((column, i) => ({
      name: column.name,
      type: formatType(column.type) + (column.identity ? ` generated ${column.identity.kind === 'always' ? 'always' : 'by default'} as identity` : ''),
      nullable: !column.notNull && !table.primaryKey?.columns.includes(column.id),
      default: column.generated !== undefined ? `generated always as (${column.generated}) stored` : column.default,
      keys: rows[i].badges.filter((b) => b !== 'NN' && b !== 'DEF'),
      comment: column.comment,
      references: [...new Set(referencing.get(column.id) ?? [])].filter((id) => tables.has(id)),
    })),
    primaryKey: table.primaryKey ? names(table, table.primaryKey.columns) : undefined,
    uniques: table.uniques.map((u) => `${u.name ? `${u.name}: ` : ''}(${names(table, u.columns)})${u.nullsNotDistinct ? ' nulls not distinct' : ''}`),
    checks: table.checks.map((c) => ({ name: c.name, expression: c.expression })),
    indexes: table.indexes.map((x) => indexText(table, x)),
    referencesOut: table.foreignKeys.filter((fk) => tables.has(fk.refTableId)).map((fk) => ({
      tableId: fk.refTableId,
      columns: names(table, fk.columns),
      refColumns: names(tables.get(fk.refTableId)!, fk.refColumns),
      name: fk.name,
      onDelete: ACTIONS[fk.onDelete],
      onUpdate: ACTIONS[fk.onUpdate],
    })),
    referencesIn: [],
    partitioning: table.partitioning ? `partition by ${table.partitioning.strategy} (${table.partitioning.key})` : undefined,
  };
}

function sections(doc: ModelDocument, tables: ReadonlyMap<string, DocTable>): DocSection[] {
  const placed = new Set<string>();
  const out: DocSection[] = doc.layout.areas.map((area) => {
    const ids = area.tableIds.filter((id) => tables.has(id));
    ids.forEach((id) => placed.add(id));
    return { id: area.id, title: area.name || 'Subject area', note: area.note, color: area.color, tableIds: ids };
  });
  const rest = [...tables.keys()].filter((id) => !placed.has(id));
  if (rest.length || !out.length) {
    out.push({ id: UNGROUPED_SECTION_ID, title: out.length ? 'Other tables' : 'Tables', tableIds: rest });
  }
  return out;
}

/** Everything the documentation shows, in the order it shows it (tables by schema, then name). */
export function buildDictionary(doc: ModelDocument): Dictionary {
  const { model } = doc;
  const sorted = [...model.tables].sort((a, b) => qualified(a).localeCompare(qualified(b)));
  const byId = new Map(sorted.map((t) => [t.id, t]));
  const tables = new Map(sorted.map((t) => [t.id, docTable(t, byId)]));
  for (const table of tables.values()) {
    for (const ref of table.referencesOut) {
      tables.get(ref.tableId)!.referencesIn.push({ ...ref, tableId: table.id });
    }
  }
  return {
    title: doc.name?.trim() || 'Data dictionary',
    sections: sections(doc, tables),
    tables,
    enums: model.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values, comment: e.comment })),
    domains: model.domains.map((d) => ({
      schema: d.schema, name: d.name, type: formatType(d.type), notNull: d.notNull, default: d.default,
      checks: d.checks.map((c) => c.expression), comment: d.comment,
    })),
    views: model.views.map((v) => ({
      schema: v.schema, name: v.name, materialized: v.materialized, definition: v.definition, comment: v.comment,
      columns: (v.columns ?? []).filter((c) => c.comment).map((c) => ({ name: c.name, comment: c.comment })),
    })),
    sequences: model.sequences.map((s) => ({ schema: s.schema, name: s.name, options: sequenceOptions(s).trim(), comment: s.comment })),
  };
}
