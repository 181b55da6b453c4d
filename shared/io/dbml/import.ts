/**
 * Parsed DBML (the `@dbml/parse` compiler's database) → a Schemata document. Ids are derived from
 * names, so the same DBML read twice gives the same ids. Table groups become subject areas, header
 * colors node colors; what the model cannot hold (aliases, enum value notes, records) is reported.
 */
import type { Column as RawColumn, Database as RawDatabase, Index as RawIndex, Ref as RawRef, Table as RawTable } from '@dbml/parse';
import type { Column, ForeignKey, Index, Layout, Model, ModelDocument, ReferentialAction, Table } from '../../model/document.ts';
import { makeDocument, emptyLayout, emptyModel } from '../../model/empty.ts';
import { derivedId } from '../../model/ids.ts';
import { effectiveName } from '../../model/names.ts';
import { quoteLiteral } from '../../ddl/quote.ts';
import { mapDbmlType, withoutArraySuffix } from './column-types.ts';
import { addManyToMany, type ColumnRef } from './junction-tables.ts';
import { withPartials } from './table-partials.ts';
import type { ImportReport } from '../sql-import/report.ts';

/** The color given to a table group that has none (DBML's default group color is unset). */
export const DEFAULT_AREA_COLOR = '#94a3b8';

interface Context {
  model: Model;
  layout: Layout;
  report: ImportReport;
  /** `schema.table` → the model table. */
  tables: Map<string, Table>;
  /** `schema.name` of each DBML enum. */
  enums: Set<string>;
  usedIds: Set<string>;
}

const schemaOf = (name: string | null | undefined) => name || 'public';
const key = (schema: string | null | undefined, name: string) => `${schemaOf(schema)}.${name}`;
const lineOf = (node: { token?: { start: { line: number } } }) => node.token?.start.line;

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

function defaultOf(field: RawColumn): string | undefined {
  const d = field.dbdefault;
  if (!d) return undefined;
  if (d.type === 'string') return quoteLiteral(String(d.value));
  if (d.type === 'number') return String(d.value);
  if (d.type === 'boolean') return String(d.value).toLowerCase() === 'null' ? undefined : String(d.value).toLowerCase();
  return String(d.value);
}

function toColumn(ctx: Context, table: Table, field: RawColumn): Column {
  const { schemaName, type_name: typeName } = field.type;
  const enumKey = key(schemaName, withoutArraySuffix(typeName));
  const enumSchema = ctx.enums.has(enumKey) ? schemaOf(schemaName) : undefined;
  const mapped = mapDbmlType(typeName, schemaName, enumSchema);
  if (mapped.note) warn(ctx, `${table.name}.${field.name}: ${mapped.note}`, lineOf(field));
  const column: Column = {
    id: derivedId.column(table.schema, table.name, field.name),
    name: field.name,
    type: mapped.type,
    notNull: Boolean(field.not_null || field.pk),
  };
  const dflt = defaultOf(field);
  if (dflt !== undefined) column.default = dflt;
  if (field.increment || mapped.serial) column.identity = { kind: 'by-default' };
  if (field.note?.value) column.comment = field.note.value;
  return column;
}

function addIndex(ctx: Context, table: Table, index: RawIndex): void {
  const byName = new Map(table.columns.map((c) => [c.name, c.id]));
  // The parser lists expressions before columns: source order comes back from the tokens.
  const parts = [...index.columns].sort((a, b) => (a.token?.start.offset ?? 0) - (b.token?.start.offset ?? 0));
  const missing = parts.find((p) => p.type !== 'expression' && !byName.has(p.value));
  if (missing) return warn(ctx, `${table.name}: index on unknown column "${missing.value}" skipped`, lineOf(index));
  const name = index.name || undefined;
  if (index.pk) {
    if (parts.some((p) => p.type === 'expression')) return warn(ctx, `${table.name}: primary key on an expression skipped`, lineOf(index));
    table.primaryKey = { id: derivedId.primaryKey(table.schema, table.name), columns: parts.map((p) => byName.get(p.value)!) };
    if (name) table.primaryKey.name = name;
    for (const c of table.columns) if (table.primaryKey.columns.includes(c.id)) c.notNull = true;
    return;
  }
  const out: Index = {
    id: '',
    unique: Boolean(index.unique),
    items: parts.map((p) => (p.type === 'expression' ? { expression: p.value } : { column: byName.get(p.value)! })),
  };
  if (name) out.name = name;
  out.id = uniqueId(ctx, derivedId.index(table.schema, effectiveName(table, out, 'idx')));
  const method = index.type?.toLowerCase();
  if (method && method !== 'btree') out.method = method;
  if (index.note?.value) out.comment = index.note.value;
  table.indexes.push(out);
}

function toTable(ctx: Context, source: RawTable): Table {
  const schema = schemaOf(source.schemaName);
  const table: Table = {
    id: derivedId.table(schema, source.name), schema, name: source.name,
    columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [],
  };
  ctx.usedIds.add(table.id);
  if (source.note?.value) table.comment = source.note.value;
  if (source.alias) warn(ctx, `${source.name}: alias "${source.alias}" is not kept`, lineOf(source));
  const pk: string[] = [];
  const checks = [...source.checks];
  for (const field of source.fields) {
    const column = toColumn(ctx, table, field);
    table.columns.push(column);
    checks.push(...(field.checks ?? []));
    if (field.pk) pk.push(column.id);
    if (field.unique) {
      const id = uniqueId(ctx, derivedId.constraint('uq', schema, source.name, effectiveName(table, { id: '', columns: [column.id] }, 'key')));
      table.uniques.push({ id, columns: [column.id] });
    }
  }
  if (pk.length) table.primaryKey = { id: derivedId.primaryKey(schema, source.name), columns: pk };
  for (const index of source.indexes) addIndex(ctx, table, index);
  for (const check of checks) {
    const base = check.name || effectiveName(table, { id: '', expression: check.expression }, 'check');
    const ck = { id: uniqueId(ctx, derivedId.constraint('ck', schema, source.name, base)), expression: check.expression };
    table.checks.push(check.name ? { ...ck, name: check.name } : ck);
  }
  return table;
}

const ACTIONS: Record<string, ReferentialAction> = {
  cascade: 'cascade', restrict: 'restrict', 'set null': 'set-null', 'set default': 'set-default', 'no action': 'no-action',
};

function actionOf(ctx: Context, value: string | undefined, ref: RawRef): ReferentialAction {
  if (!value) return 'no-action';
  const action = ACTIONS[value.toLowerCase()];
  if (!action) warn(ctx, `unknown referential action "${value}" read as NO ACTION`, lineOf(ref));
  return action ?? 'no-action';
}

function endpointColumns(ctx: Context, endpoint: RawRef['endpoints'][number]): ColumnRef[] | undefined {
  const table = ctx.tables.get(key(endpoint.schemaName, endpoint.tableName));
  if (!table) return undefined;
  const refs = endpoint.fieldNames.map((name) => table.columns.find((c) => c.name === name));
  return refs.every((c) => c) ? refs.map((c) => ({ table, columnId: c!.id })) : undefined;
}

function addRef(ctx: Context, ref: RawRef): void {
  const [a, b] = ref.endpoints;
  const left = endpointColumns(ctx, a);
  const right = endpointColumns(ctx, b);
  if (!left || !right) return warn(ctx, 'reference to an unknown table or column skipped', lineOf(ref));
  if (a.relation === '*' && b.relation === '*') {
    return addManyToMany({ model: ctx.model, left, right, useId: (id) => uniqueId(ctx, id), warn: (m) => warn(ctx, m, lineOf(ref)) });
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

const color = (c: string | undefined) => (c && c !== 'none' ? c : undefined);

function addLayout(ctx: Context, db: RawDatabase): void {
  const headers = new Map(db.tables.map((t) => [derivedId.table(schemaOf(t.schemaName), t.name), color(withPartials(t, db).headerColor)]));
  ctx.model.tables.forEach((table, i) => {
    const header = headers.get(table.id);
    ctx.layout.nodes[table.id] = { ...gridPosition(i, ctx.model.tables.length), ...(header ? { color: header } : {}) };
  });
  for (const group of db.tableGroups) {
    const name = group.name ?? 'group';
    const tableIds = group.tables.map((t) => ctx.tables.get(key(t.schemaName, t.name))?.id).filter((id): id is string => Boolean(id));
    const area = { id: uniqueId(ctx, `area:${name}`), name, color: color(group.color) ?? DEFAULT_AREA_COLOR, tableIds };
    ctx.layout.areas.push(group.note?.value ? { ...area, note: group.note.value } : area);
  }
  db.notes.forEach((note, i) => {
    const base = { id: uniqueId(ctx, `note:${note.name}`), text: note.content, x: -400, y: i * 200 };
    const c = color(note.color);
    ctx.layout.notes.push(c ? { ...base, color: c } : base);
  });
}

function addSchemasAndEnums(ctx: Context, db: RawDatabase): void {
  const names = new Set([...db.tables.map((t) => schemaOf(t.schemaName)), ...db.enums.map((e) => schemaOf(e.schemaName))]);
  for (const name of names) {
    if (!ctx.model.schemas.some((s) => s.name === name)) ctx.model.schemas.push({ id: derivedId.schema(name), name });
  }
  for (const e of db.enums) {
    const schema = schemaOf(e.schemaName);
    if (e.values.some((v) => v.note)) warn(ctx, `enum ${e.name}: notes on values are not kept`, lineOf(e));
    ctx.enums.add(key(schema, e.name));
    ctx.model.enums.push({ id: derivedId.enum(schema, e.name), schema, name: e.name, values: e.values.map((v) => v.name) });
  }
}

/** A DBML database read into a document, with what changed on the way. */
export interface DbmlImportResult {
  document: ModelDocument;
  /** Same shape as the SQL import's: `Records` blocks are skipped, changes on the way in are warnings (with DBML lines). */
  report: ImportReport;
}

/** Converts a parsed DBML database. Pure: the caller parses (see `importDbml` in dbml.ts). */
export function dbmlDatabaseToDocument(db: RawDatabase): DbmlImportResult {
  const ctx: Context = {
    model: emptyModel(), layout: emptyLayout(), report: { skipped: [], warnings: [] },
    tables: new Map(), enums: new Set(), usedIds: new Set(),
  };
  addSchemasAndEnums(ctx, db);
  for (const source of db.tables) {
    const table = toTable(ctx, withPartials(source, db));
    ctx.model.tables.push(table);
    ctx.tables.set(key(table.schema, table.name), table);
  }
  for (const ref of db.refs) addRef(ctx, ref);
  addLayout(ctx, db);
  const project = db.project;
  if (project?.note?.value) warn(ctx, 'the project note is not kept', lineOf(project.note));
  const databaseType = (project as { database_type?: string } | undefined)?.database_type;
  if (databaseType && !/^postgres/i.test(databaseType)) warn(ctx, `database_type is ${databaseType}: types were read as PostgreSQL types`, lineOf(project!));
  for (const records of db.records ?? []) {
    ctx.report.skipped.push({ line: lineOf(records) ?? 1, statement: 'Records', reason: `sample rows of ${records.tableName}: data is not part of the schema` });
  }
  ctx.report.warnings.sort((a, b) => a.line - b.line);
  return { document: makeDocument(ctx.model, ctx.layout, db.project?.name || undefined), report: ctx.report };
}
