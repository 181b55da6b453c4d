/**
 * A Schemata document → DBML text (dbdiagram.io's language). Written by hand rather than through
 * `@dbml/core`'s exporter, which leaves quotes in defaults and index column names unescaped; every
 * output is checked by re-parsing with `@dbml/core` in the tests. What DBML cannot say is listed.
 */
import type { Column, ForeignKey, Index, Layout, ModelDocument, Table } from '../../model/document.ts';
import { formatType } from '../../model/types.ts';
import { dbmlString, dbmlIdent, dbmlDefault, dbmlTableGroups, dbmlStickyNotes, hexColor } from './syntax.ts';

export interface DbmlExport {
  dbml: string;
  /** What was left out or changed, one line each (e.g. `orders: partial index orders_open_idx dropped`). */
  warnings: string[];
}

interface Ctx {
  warnings: string[];
  tables: Map<string, Table>;
}

/** `public` is DBML's default schema, so it is left unwritten, as dbdiagram.io users write it. */
const qualified = (t: { schema: string; name: string }) => `${t.schema === 'public' ? '' : `${dbmlIdent(t.schema)}.`}${dbmlIdent(t.name)}`;

/** Canonical PostgreSQL names → the short spellings DBML users write (read back as the same type). */
const SHORT_TYPES: Record<string, string> = {
  'character varying': 'varchar', character: 'char', 'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz', 'time without time zone': 'time', 'time with time zone': 'timetz',
};
const columnName = (table: Table, id: string) => table.columns.find((c) => c.id === id)?.name ?? id;

function typeText(column: Column): string {
  const t = column.type;
  if (t.schema) return `${dbmlIdent(t.schema)}.${dbmlIdent(t.name)}${'[]'.repeat(t.arrayDims ?? 0)}`;
  const short = SHORT_TYPES[t.name];
  const text = short ? `${short}${t.args?.length ? `(${t.args.join(',')})` : ''}${'[]'.repeat(t.arrayDims ?? 0)}` : formatType(t);
  return /^[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\d+)*\))?$/.test(text) ? text : dbmlIdent(text);
}

function inlinePk(table: Table): string | undefined {
  const pk = table.primaryKey;
  return pk && pk.columns.length === 1 && !pk.name ? pk.columns[0] : undefined;
}

function inlineUniques(table: Table): Set<string> {
  return new Set(table.uniques.filter((u) => u.columns.length === 1 && !u.name && !u.nullsNotDistinct).map((u) => u.columns[0]));
}

function columnLine(ctx: Ctx, table: Table, column: Column, unique: Set<string>): string {
  const where = `${table.name}.${column.name}`;
  const settings: string[] = [];
  const isPk = inlinePk(table) === column.id;
  if (isPk) settings.push('pk');
  if (column.identity) {
    settings.push('increment');
    if (column.identity.kind === 'always' || column.identity.options) ctx.warnings.push(`${where}: identity kind/options are not kept (DBML has only "increment")`);
  }
  if (column.notNull && !isPk) settings.push('not null');
  if (unique.has(column.id)) settings.push('unique');
  if (column.default !== undefined) {
    const d = dbmlDefault(column.default);
    if (d) settings.push(`default: ${d}`);
    else ctx.warnings.push(`${where}: default ${column.default} contains a backtick and was dropped`);
  }
  if (column.comment) settings.push(`note: ${dbmlString(column.comment)}`);
  if (column.generated) ctx.warnings.push(`${where}: generated expression dropped`);
  if (column.collation) ctx.warnings.push(`${where}: collation dropped`);
  return `  ${dbmlIdent(column.name)} ${typeText(column)}${settings.length ? ` [${settings.join(', ')}]` : ''}`;
}

function indexLine(ctx: Ctx, table: Table, index: Index): string | undefined {
  const label = `${table.name}: index ${index.name ?? index.id}`;
  if (index.items.some((i) => i.expression?.includes('`'))) return void ctx.warnings.push(`${label} has a backtick in an expression and was dropped`);
  const parts = index.items.map((i) => (i.expression !== undefined ? `\`${i.expression}\`` : dbmlIdent(columnName(table, i.column!))));
  if (index.items.some((i) => i.order || i.nulls || i.opclass || i.collation)) ctx.warnings.push(`${label}: sort order, NULLS, operator class or collation dropped`);
  if (index.where) ctx.warnings.push(`${label}: partial index predicate (WHERE ${index.where}) dropped`);
  if (index.include?.length) ctx.warnings.push(`${label}: INCLUDE columns dropped`);
  if (index.with || index.nullsNotDistinct) ctx.warnings.push(`${label}: storage parameters / NULLS NOT DISTINCT dropped`);
  const settings: string[] = [];
  if (index.unique) settings.push('unique');
  if (index.method) settings.push(`type: ${index.method}`);
  if (index.name) settings.push(`name: ${dbmlString(index.name)}`);
  if (index.comment) settings.push(`note: ${dbmlString(index.comment)}`);
  return indexEntry(parts, settings);
}

function indexEntry(parts: string[], settings: string[]): string {
  const cols = parts.length === 1 ? parts[0] : `(${parts.join(', ')})`;
  return `    ${cols}${settings.length ? ` [${settings.join(', ')}]` : ''}`;
}

function constraintIndexLines(ctx: Ctx, table: Table, unique: Set<string>): string[] {
  const lines: string[] = [];
  const pk = table.primaryKey;
  if (pk && inlinePk(table) === undefined) {
    lines.push(indexEntry(pk.columns.map((id) => dbmlIdent(columnName(table, id))), ['pk', ...(pk.name ? [`name: ${dbmlString(pk.name)}`] : [])]));
  }
  for (const u of table.uniques) {
    if (u.columns.length === 1 && unique.has(u.columns[0]) && !u.name) continue;
    ctx.warnings.push(`${table.name}: unique constraint ${u.name ?? u.columns.map((id) => columnName(table, id)).join(', ')} becomes a unique index`);
    lines.push(indexEntry(u.columns.map((id) => dbmlIdent(columnName(table, id))), ['unique', ...(u.name ? [`name: ${dbmlString(u.name)}`] : [])]));
  }
  return lines;
}

function tableWarnings(ctx: Ctx, table: Table): void {
  const kept = ['partitioning', 'partitionOf', 'inherits', 'unlogged', 'with'] as const;
  for (const key of kept) if (table[key] !== undefined) ctx.warnings.push(`${table.name}: ${key} is not expressible in DBML and was dropped`);
  if (table.primaryKey?.deferrable || table.uniques.some((u) => u.deferrable)) ctx.warnings.push(`${table.name}: DEFERRABLE dropped`);
  if (table.primaryKey?.comment || table.uniques.some((u) => u.comment)) ctx.warnings.push(`${table.name}: constraint comments dropped`);
}

function tableBlock(ctx: Ctx, table: Table, layout: Layout): string | undefined {
  if (!table.columns.length) return void ctx.warnings.push(`${table.name}: a DBML table needs a column; table left out`);
  tableWarnings(ctx, table);
  const unique = inlineUniques(table);
  const color = hexColor(layout.nodes[table.id]?.color);
  const lines = [`Table ${qualified(table)}${color ? ` [headercolor: ${color}]` : ''} {`];
  lines.push(...table.columns.map((c) => columnLine(ctx, table, c, unique)));
  const indexLines = [
    ...constraintIndexLines(ctx, table, unique),
    ...table.indexes.map((i) => indexLine(ctx, table, i)).filter((l): l is string => l !== undefined),
  ];
  if (indexLines.length) lines.push('', '  indexes {', ...indexLines, '  }');
  const checks = table.checks.filter((c) => {
    if (!c.expression.includes('`')) return true;
    ctx.warnings.push(`${table.name}: check ${c.name ?? c.expression} has a backtick and was dropped`);
    return false;
  });
  if (checks.length) {
    lines.push('', '  checks {', ...checks.map((c) => `    \`${c.expression}\`${c.name ? ` [name: ${dbmlString(c.name)}]` : ''}`), '  }');
  }
  if (table.comment) lines.push('', `  Note: ${dbmlString(table.comment)}`);
  lines.push('}');
  return lines.join('\n');
}

/** A key whose columns are exactly a single-column PK or unique of its table is drawn one-to-one. */
function isOneToOne(table: Table, fk: ForeignKey): boolean {
  if (fk.columns.length !== 1) return false;
  const [col] = fk.columns;
  const pk = table.primaryKey?.columns;
  return (pk?.length === 1 && pk[0] === col) || table.uniques.some((u) => u.columns.length === 1 && u.columns[0] === col);
}

const ACTION_TEXT: Record<ForeignKey['onDelete'], string> = {
  'no-action': 'no action', restrict: 'restrict', cascade: 'cascade', 'set-null': 'set null', 'set-default': 'set default',
};

function endpoint(table: Table, ids: string[]): string {
  const names = ids.map((id) => dbmlIdent(columnName(table, id)));
  return `${qualified(table)}.${names.length === 1 ? names[0] : `(${names.join(', ')})`}`;
}

function refLines(ctx: Ctx, exported: Set<string>): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const table of ctx.tables.values()) {
    for (const fk of table.foreignKeys) {
      const target = ctx.tables.get(fk.refTableId);
      if (!target || !exported.has(table.id) || !exported.has(target.id)) continue;
      const label = `${table.name}: foreign key ${fk.name ?? fk.id}`;
      const key = `${table.id}|${fk.columns.join(',')}|${target.id}|${fk.refColumns.join(',')}`;
      if (seen.has(key)) { ctx.warnings.push(`${label} duplicates another reference and was left out`); continue; }
      seen.add(key);
      if (fk.deferrable || fk.match !== 'simple' || fk.notValid || fk.comment) ctx.warnings.push(`${label}: DEFERRABLE, MATCH, NOT VALID or comment dropped`);
      const settings: string[] = [];
      if (fk.onDelete !== 'no-action') settings.push(`delete: ${ACTION_TEXT[fk.onDelete]}`);
      if (fk.onUpdate !== 'no-action') settings.push(`update: ${ACTION_TEXT[fk.onUpdate]}`);
      const body = isOneToOne(table, fk)
        ? `${endpoint(target, fk.refColumns)} - ${endpoint(table, fk.columns)}`
        : `${endpoint(table, fk.columns)} > ${endpoint(target, fk.refColumns)}`;
      lines.push(`Ref${fk.name ? ` ${dbmlIdent(fk.name)}` : ''}: ${body}${settings.length ? ` [${settings.join(', ')}]` : ''}`);
    }
  }
  return lines;
}

function modelWarnings(ctx: Ctx, doc: ModelDocument): void {
  const m = doc.model;
  const counts: [number, string][] = [
    [m.views.length, 'view(s)'], [m.domains.length, 'domain(s)'], [m.sequences.length, 'sequence(s)'],
    [m.extensions.length, 'extension(s)'], [m.rawObjects.length, 'function(s), trigger(s) and other object(s)'],
  ];
  for (const [n, what] of counts) if (n) ctx.warnings.push(`${n} ${what} not expressible in DBML were left out`);
  if (m.enums.some((e) => e.comment)) ctx.warnings.push('enum comments dropped (DBML enums have no note)');
  if (m.schemas.some((s) => s.comment)) ctx.warnings.push('schema comments dropped');
}

/**
 * Writes a document as DBML and lists what DBML could not hold.
 * Ex: `exportDbmlWithWarnings(doc).dbml` → `Table "public"."users" { … }`.
 */
export function exportDbmlWithWarnings(doc: ModelDocument): DbmlExport {
  const ctx: Ctx = { warnings: [], tables: new Map(doc.model.tables.map((t) => [t.id, t])) };
  modelWarnings(ctx, doc);
  const blocks: string[] = [];
  if (doc.name) blocks.push(`Project ${dbmlIdent(doc.name)} {\n  database_type: 'PostgreSQL'\n}`);
  for (const e of doc.model.enums) {
    blocks.push(`Enum ${qualified(e)} {\n${e.values.map((v) => `  ${dbmlIdent(v)}`).join('\n')}\n}`);
  }
  const exported = new Set<string>();
  for (const table of doc.model.tables) {
    const block = tableBlock(ctx, table, doc.layout);
    if (block) { blocks.push(block); exported.add(table.id); }
  }
  const refs = refLines(ctx, exported);
  if (refs.length) blocks.push(refs.join('\n'));
  blocks.push(...dbmlTableGroups(doc.layout, ctx.tables, exported, ctx.warnings));
  blocks.push(...dbmlStickyNotes(doc.layout));
  return { dbml: blocks.join('\n\n') + '\n', warnings: ctx.warnings };
}
