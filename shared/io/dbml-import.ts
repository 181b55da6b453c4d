/**
 * A parsed DBML database (from `@dbml/core`) → a Schemata document. Ids are derived from names, so
 * the same DBML read twice gives the same ids. Table groups become subject areas, header colors
 * node colors; what the model cannot hold (aliases, enum value notes, records) is reported.
 */
import type { Database, Field, Index as DbmlIndex, Ref, Table as DbmlTable } from '@dbml/core';
import type { Column, ForeignKey, Index, Layout, Model, ReferentialAction, Table } from '../model/document.ts';
import { makeDocument, emptyLayout, emptyModel } from '../model/empty.ts';
import { derivedId } from '../model/ids.ts';
import { effectiveName } from '../model/names.ts';
import { quoteLiteral } from '../ddl/quote.ts';
import { mapDbmlType } from './dbml-types.ts';
import { addManyToMany, type ColumnRef } from './dbml-junction.ts';
import type { ImportReport } from './sql-import-report.ts';
import type { DbmlImportResult } from './dbml.ts';

/** The color given to a table group that has none (DBML's default group color is unset). */
export const DEFAULT_AREA_COLOR = '#94a3b8';

interface Context {
  model: Model;
  layout: Layout;
  report: ImportReport;
  /** Each DBML field → its table and column ids. */
  fields: Map<Field, ColumnRef>;
  tables: Map<DbmlTable, Table>;
  usedIds: Set<string>;
}

const schemaOf = (name: string | null | undefined) => name || 'public';

/** A name-derived id, made unique with a numeric suffix the way PostgreSQL names collide. */
function uniqueId(ctx: Context, base: string): string {
  let id = base;
  for (let n = 1; ctx.usedIds.has(id); n += 1) id = `${base}${n}`;
  ctx.usedIds.add(id);
  return id;
}

/** Adds a report warning at a DBML line (line 1 when the parser gave no position). */
function warn(ctx: Context, message: string, line: number | undefined): void {
  ctx.report.warnings.push({ line: line ?? 1, message });
}

function defaultOf(field: Field): string | undefined {
  const d = field.dbdefault as { type: string; value: string | number } | undefined;
  if (!d) return undefined;
  if (d.type === 'string') return quoteLiteral(String(d.value));
  if (d.type === 'number') return String(d.value);
  if (d.type === 'boolean') return String(d.value).toLowerCase() === 'null' ? undefined : String(d.value).toLowerCase();
  return String(d.value);
}

function toColumn(ctx: Context, schema: string, table: DbmlTable, field: Field): Column {
  const enumSchema = field._enum ? schemaOf(field._enum.schema?.name) : undefined;
  const type = field.type as { type_name: string; schemaName: string | null };
  const mapped = mapDbmlType(type.type_name, type.schemaName, enumSchema);
  if (mapped.note) warn(ctx, `${table.name}.${field.name}: ${mapped.note}`, field.token?.start.line);
  const column: Column = {
    id: derivedId.column(schema, table.name, field.name),
    name: field.name,
    type: mapped.type,
    notNull: Boolean(field.not_null || field.pk),
  };
  const dflt = defaultOf(field);
  if (dflt !== undefined) column.default = dflt;
  if (field.increment || mapped.serial) column.identity = { kind: 'by-default' };
  if (field.note) column.comment = field.note;
  return column;
}

function addIndex(ctx: Context, table: Table, index: DbmlIndex): void {
  const byName = new Map(table.columns.map((c) => [c.name, c.id]));
  const parts = [...index.columns].sort((a, b) => (a.token?.start.offset ?? 0) - (b.token?.start.offset ?? 0));
  const missing = parts.find((p) => p.type !== 'expression' && !byName.has(p.value));
  if (missing) return warn(ctx, `${table.name}: index on unknown column "${missing.value}" skipped`, index.token?.start.line);
  const name = index.name || undefined;
  if (index.pk) {
    if (parts.some((p) => p.type === 'expression')) return warn(ctx, `${table.name}: primary key on an expression skipped`, index.token?.start.line);
    table.primaryKey = { id: derivedId.primaryKey(table.schema, table.name), columns: parts.map((p) => byName.get(p.value)!) };
    if (name) table.primaryKey.name = name;
    for (const c of table.columns) if (table.primaryKey.columns.includes(c.id)) c.notNull = true;
    return;
  }
  const out: Index = {
    id: '',
    unique: Boolean(index.unique),
    items: parts.map((p) => (p.type === 'expression' ? { expression: String(p.value) } : { column: byName.get(p.value)! })),
  };
  if (name) out.name = name;
  out.id = uniqueId(ctx, derivedId.index(table.schema, effectiveName(table, out, 'idx')));
  const method = typeof index.type === 'string' ? index.type.toLowerCase() : undefined;
  if (method && method !== 'btree') out.method = method;
  if (index.note) out.comment = index.note;
  table.indexes.push(out);
}

function toTable(ctx: Context, schema: string, source: DbmlTable): Table {
  const table: Table = {
    id: derivedId.table(schema, source.name), schema, name: source.name,
    columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [],
  };
  ctx.usedIds.add(table.id);
  if (source.note) table.comment = source.note;
  if (source.alias) warn(ctx, `${source.name}: alias "${source.alias}" is not kept`, source.token?.start.line);
  const pk: string[] = [];
  for (const field of source.fields) {
    const column = toColumn(ctx, schema, source, field);
    table.columns.push(column);
    ctx.fields.set(field, { table, columnId: column.id });
    if (field.pk) pk.push(column.id);
    if (field.unique) {
      const id = uniqueId(ctx, derivedId.constraint('uq', schema, source.name, effectiveName(table, { id: '', columns: [column.id] }, 'key')));
      table.uniques.push({ id, columns: [column.id] });
    }
  }
  if (pk.length) table.primaryKey = { id: derivedId.primaryKey(schema, source.name), columns: pk };
  for (const index of source.indexes) addIndex(ctx, table, index);
  for (const check of source.checks ?? []) {
    const base = check.name || effectiveName(table, { id: '', expression: check.expression }, 'check');
    const ck = { id: uniqueId(ctx, derivedId.constraint('ck', schema, source.name, base)), expression: check.expression };
    table.checks.push(check.name ? { ...ck, name: check.name } : ck);
  }
  return table;
}

const ACTIONS: Record<string, ReferentialAction> = {
  cascade: 'cascade', restrict: 'restrict', 'set null': 'set-null', 'set default': 'set-default', 'no action': 'no-action',
};

function actionOf(ctx: Context, value: unknown, ref: Ref): ReferentialAction {
  if (value === undefined || value === null || value === '') return 'no-action';
  const action = ACTIONS[String(value).toLowerCase()];
  if (!action) warn(ctx, `unknown referential action "${String(value)}" read as NO ACTION`, ref.token?.start.line);
  return action ?? 'no-action';
}

function addRef(ctx: Context, ref: Ref): void {
  const [a, b] = ref.endpoints;
  const ends = [a, b].map((e) => e.fields.map((f) => ctx.fields.get(f)));
  if (ends.some((cols) => cols.some((c) => !c))) return warn(ctx, 'reference to an unknown column skipped', ref.token?.start.line);
  const [left, right] = ends as ColumnRef[][];
  if (a.relation === '*' && b.relation === '*') {
    return addManyToMany({ model: ctx.model, left, right, useId: (id) => uniqueId(ctx, id), warn: (m) => warn(ctx, m, ref.token?.start.line) });
  }
  // `>`: the many side holds the key; `-`: DBML (and its SQL export) puts it on the second endpoint.
  const [child, parent] = a.relation === '*' ? [left, right] : [right, left];
  const table = child[0].table;
  const columns = child.map((c) => c.columnId);
  const fk: ForeignKey = {
    id: uniqueId(ctx, derivedId.constraint('fk', table.schema, table.name, ref.name || effectiveName(table, { id: '', columns }, 'fkey'))),
    columns,
    refTableId: parent[0].table.id,
    refColumns: parent.map((c) => c.columnId),
    onDelete: actionOf(ctx, ref.onDelete, ref),
    onUpdate: actionOf(ctx, ref.onUpdate, ref),
    match: 'simple',
  };
  if (ref.name) fk.name = ref.name;
  table.foreignKeys.push(fk);
}

/** Places tables on a grid so the diagram opens readable; the user's auto-layout refines it. */
function gridPosition(index: number, count: number): { x: number; y: number } {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { x: (index % perRow) * 340, y: Math.floor(index / perRow) * 320 };
}

function addLayout(ctx: Context, db: Database, sourceTables: DbmlTable[]): void {
  const colors = new Map(sourceTables.map((s) => [ctx.tables.get(s)!.id, s.headerColor]));
  ctx.model.tables.forEach((table, i) => {
    const header = colors.get(table.id);
    const color = header && header !== 'none' ? header : undefined;
    ctx.layout.nodes[table.id] = { ...gridPosition(i, ctx.model.tables.length), ...(color ? { color } : {}) };
  });
  for (const schema of db.schemas) {
    for (const group of schema.tableGroups) {
      const tableIds = group.tables.map((t) => ctx.tables.get(t)?.id).filter((id): id is string => Boolean(id));
      const color = group.color && group.color !== 'none' ? group.color : DEFAULT_AREA_COLOR;
      const area = { id: uniqueId(ctx, `area:${group.name}`), name: group.name, color, tableIds };
      ctx.layout.areas.push(group.note ? { ...area, note: group.note } : area);
    }
  }
  (db.notes ?? []).forEach((note, i) => {
    const color = note.color && note.color !== 'none' ? note.color : undefined;
    const base = { id: uniqueId(ctx, `note:${note.name}`), text: note.content, x: -400, y: i * 200 };
    ctx.layout.notes.push(color ? { ...base, color } : base);
  });
}

function addSchemasAndEnums(ctx: Context, db: Database): void {
  for (const schema of db.schemas) {
    const existing = ctx.model.schemas.find((s) => s.name === schema.name);
    const comment = schema.note && !(schema.name === 'public' && schema.note === 'Default Public Schema') ? schema.note : undefined;
    if (!existing) ctx.model.schemas.push({ id: derivedId.schema(schema.name), name: schema.name, ...(comment ? { comment } : {}) });
    else if (comment) existing.comment = comment;
    for (const e of schema.enums) {
      if (e.values.some((v) => v.note)) warn(ctx, `enum ${e.name}: notes on values are not kept`, e.token?.start.line);
      ctx.model.enums.push({
        id: derivedId.enum(schema.name, e.name), schema: schema.name, name: e.name,
        values: e.values.map((v) => v.name), ...(e.note ? { comment: e.note } : {}),
      });
    }
  }
}

/** Converts a parsed DBML database. Pure: the caller parses (see `importDbml` in dbml.ts). */
export function dbmlDatabaseToDocument(db: Database): DbmlImportResult {
  const ctx: Context = {
    model: emptyModel(), layout: emptyLayout(), report: { skipped: [], warnings: [] },
    fields: new Map(), tables: new Map(), usedIds: new Set(),
  };
  addSchemasAndEnums(ctx, db);
  const sourceTables: DbmlTable[] = [];
  for (const schema of db.schemas) {
    for (const source of schema.tables) {
      const table = toTable(ctx, schema.name, source);
      ctx.model.tables.push(table);
      ctx.tables.set(source, table);
      sourceTables.push(source);
    }
  }
  for (const schema of db.schemas) for (const ref of schema.refs) addRef(ctx, ref);
  addLayout(ctx, db, sourceTables);
  for (const records of db.records ?? []) {
    ctx.report.skipped.push({ line: records.token?.start.line ?? 1, statement: 'Records', reason: `sample rows of ${records.tableName}: data is not part of the schema` });
  }
  ctx.report.warnings.sort((a, b) => a.line - b.line);
  const document = makeDocument(ctx.model, ctx.layout, db.name || undefined);
  return { document, report: ctx.report };
}
