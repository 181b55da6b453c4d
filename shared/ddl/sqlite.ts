/**
 * SQLite DDL from the model. SQLite keeps more than MySQL (partial and expression indexes,
 * deferrable foreign keys) but has loose types: every loss is a warning (see type-maps.ts).
 * Foreign keys are written inside CREATE TABLE (SQLite cannot add them later); it does not need
 * the referenced table to exist yet, so tables keep the model's order.
 */
import type { Column, ForeignKey, Index, Model, Table } from '../model/document.ts';
import { resolveNames } from '../model/names.ts';
import { DialectDdl, NameSpace, WarningList, exportedTables, flatTableNames, modelWarnings, sharedSequenceColumns, tableFeatureWarnings } from './dialect-common.ts';
import { generatedClause, translateExpr, type ExprTarget } from './dialect-expr.ts';
import { translateDefault } from './dialect-defaults.ts';
import { mapColumnType, type MappedColumnType } from './type-maps.ts';

/** The one place SQLite identifiers are quoted: `"name"`, double quotes doubled. */
export function quoteSqliteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const q = quoteSqliteIdent;

interface Ctx {
  model: Model;
  warnings: WarningList;
  names: Map<string, string>;
  tableNames: Map<string, string>;
  types: Map<string, MappedColumnType>;
  /** Index names are unique per database and may not reuse a table's name. */
  indexNames: NameSpace;
  /** Column id → the sequence it shares with other columns (`sharedSequenceColumns`). */
  sharedSequences: Map<string, string>;
}

interface Item {
  text: string;
  comment?: string;
}

const colName = (t: Table, id: string) => t.columns.find((c) => c.id === id)!.name;
const cols = (t: Table, ids: string[]) => ids.map((id) => q(colName(t, id))).join(', ');
const exprTarget = (t: Table): ExprTarget => ({ dialect: 'sqlite', quoteIdent: q, columns: new Set(t.columns.map((c) => c.name)) });
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const isSerial = (c: Column) => Boolean(c.identity) || /^nextval\(/i.test(c.default ?? '');

/** The column that becomes `INTEGER PRIMARY KEY AUTOINCREMENT`: a serial that is the whole key. */
function rowidColumn(ctx: Ctx, table: Table): Column | undefined {
  const pk = table.primaryKey?.columns;
  const column = pk?.length === 1 ? table.columns.find((c) => c.id === pk[0]) : undefined;
  return column && isSerial(column) && ctx.types.get(column.id)?.family === 'integer' ? column : undefined;
}

function columnItem(ctx: Ctx, table: Table, column: Column, rowid: Column | undefined): Item {
  const subject = `${table.schema}.${table.name}.${column.name}`;
  const type = ctx.types.get(column.id)!;
  if (column === rowid) {
    const options = column.identity?.options;
    if (column.identity?.kind === 'always' || (options && Object.keys(options).some((k) => k !== 'dataType'))) {
      ctx.warnings.add('identity became AUTOINCREMENT (ALWAYS, START, INCREMENT BY, MIN/MAX and CYCLE dropped)', subject);
    }
    const sequence = ctx.sharedSequences.get(column.id);
    if (sequence) ctx.warnings.add(`AUTOINCREMENT counts per table, not shared as sequence ${sequence} was with other columns (values may repeat across tables)`, subject);
    return { text: `  ${q(column.name)} INTEGER PRIMARY KEY AUTOINCREMENT`, comment: column.comment };
  }
  if (isSerial(column)) ctx.warnings.add('identity/serial dropped (SQLite auto-increments only a single-column INTEGER PRIMARY KEY)', subject);
  const parts = [q(column.name), type.sql];
  if (column.notNull) parts.push('NOT NULL');
  let generated = false;
  if (column.generated) {
    const clause = generatedClause({ expression: column.generated, target: exprTarget(table), warn: (m) => ctx.warnings.add(m, subject) });
    if (clause) {
      parts.push(clause);
      generated = true;
    }
  }
  if (column.default !== undefined && !generated && !isSerial(column)) {
    const d = translateDefault(column.default, type, exprTarget(table));
    if ('sql' in d) parts.push(`DEFAULT ${d.sql}`);
    if ('dropped' in d) ctx.warnings.add(`default dropped (${d.dropped})`, subject);
  }
  if (type.check) parts.push(`CHECK (${type.check.replace('{col}', q(column.name))})`);
  return { text: `  ${parts.join(' ')}`, comment: column.comment };
}

function checkItems(ctx: Ctx, table: Table): Item[] {
  return table.checks.flatMap((check) => {
    const t = translateExpr(check.expression, exprTarget(table));
    if (!t.ok) {
      ctx.warnings.add(`check dropped (${t.reason})`, `${table.schema}.${table.name}: ${check.name ?? check.expression}`);
      return [];
    }
    for (const note of t.notes) ctx.warnings.add(`check translated: ${note}`, `${table.schema}.${table.name}: ${check.name ?? check.expression}`);
    const name = ctx.names.get(check.id);
    return [{ text: `  ${name ? `CONSTRAINT ${q(name)} ` : ''}CHECK (${t.sql})` }];
  });
}

const ACTIONS: Record<ForeignKey['onDelete'], string> = {
  'no-action': 'NO ACTION', restrict: 'RESTRICT', cascade: 'CASCADE', 'set-null': 'SET NULL', 'set-default': 'SET DEFAULT',
};

function foreignKeyItem(ctx: Ctx, table: Table, fk: ForeignKey): Item | undefined {
  const subject = `${table.schema}.${table.name}: ${ctx.names.get(fk.id) ?? fk.id}`;
  const target = ctx.model.tables.find((t) => t.id === fk.refTableId);
  if (!target || !ctx.tableNames.has(target.id)) return void ctx.warnings.add('foreign key to a table that is not exported dropped', subject);
  if (fk.match !== 'simple') ctx.warnings.add(`MATCH ${fk.match.toUpperCase()} is not enforced by SQLite`, subject);
  const deferrable = fk.deferrable ? ` DEFERRABLE INITIALLY ${fk.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}` : '';
  const name = ctx.names.get(fk.id);
  return {
    text: `  ${name ? `CONSTRAINT ${q(name)} ` : ''}FOREIGN KEY (${cols(table, fk.columns)}) REFERENCES ${q(ctx.tableNames.get(target.id)!)} (${cols(target, fk.refColumns)}) ON DELETE ${ACTIONS[fk.onDelete]} ON UPDATE ${ACTIONS[fk.onUpdate]}${deferrable}`,
  };
}

function render(items: Item[]): string {
  return items.map((item, i) => `${item.text}${i < items.length - 1 ? ',' : ''}${item.comment ? ` -- ${oneLine(item.comment)}` : ''}`).join('\n');
}

function createTable(ctx: Ctx, table: Table): string {
  tableFeatureWarnings(table, ctx.warnings);
  const rowid = rowidColumn(ctx, table);
  const items: Item[] = table.columns.map((c) => columnItem(ctx, table, c, rowid));
  if (table.primaryKey && !rowid) items.push({ text: `  ${table.primaryKey.name ? `CONSTRAINT ${q(table.primaryKey.name)} ` : ''}PRIMARY KEY (${cols(table, table.primaryKey.columns)})` });
  for (const u of table.uniques) items.push({ text: `  CONSTRAINT ${q(ctx.names.get(u.id) ?? `${table.name}_key`)} UNIQUE (${cols(table, u.columns)})` });
  items.push(...checkItems(ctx, table));
  items.push(...table.foreignKeys.map((fk) => foreignKeyItem(ctx, table, fk)).filter((i): i is Item => Boolean(i)));
  const header = table.comment ? `-- ${oneLine(table.comment)}\n` : '';
  return `${header}CREATE TABLE ${q(ctx.tableNames.get(table.id)!)} (\n${render(items)}\n);`;
}

function indexItem(ctx: Ctx, table: Table, item: Index['items'][number], subject: string): { sql: string } | { reason: string } {
  let sql: string;
  if (item.expression !== undefined) {
    const t = translateExpr(item.expression, exprTarget(table));
    if (!t.ok) return { reason: `expression ${t.reason}` };
    for (const note of t.notes) ctx.warnings.add(`index expression translated: ${note}`, subject);
    sql = `(${t.sql})`;
  } else sql = q(colName(table, item.column!));
  return { sql: `${sql}${item.order === 'desc' ? ' DESC' : ''}` };
}

function createIndex(ctx: Ctx, table: Table, index: Index): string | undefined {
  const subject = `${table.schema}.${table.name}: ${ctx.names.get(index.id) ?? index.id}`;
  if (index.method && !['btree', 'hash'].includes(index.method)) return void ctx.warnings.add(`${index.method} index dropped (SQLite has only B-tree indexes)`, subject);
  if (index.method === 'hash') ctx.warnings.add('hash index became a B-tree index', subject);
  if (index.include?.length) ctx.warnings.add('INCLUDE columns dropped', subject);
  if (index.nullsNotDistinct) ctx.warnings.add('NULLS NOT DISTINCT dropped', subject);
  if (index.with) ctx.warnings.add('index storage parameters dropped', subject);
  if (index.comment) ctx.warnings.add('index comment dropped', subject);
  if (index.items.some((i) => i.nulls || i.opclass || i.collation)) ctx.warnings.add('NULLS FIRST/LAST, operator class or collation dropped', subject);
  const items = index.items.map((i) => indexItem(ctx, table, i, subject));
  const failed = items.find((i): i is { reason: string } => 'reason' in i);
  if (failed) return void ctx.warnings.add(`index dropped (${failed.reason})`, subject);
  let where = '';
  if (index.where) {
    const w = translateExpr(index.where, exprTarget(table));
    if (!w.ok) return void ctx.warnings.add(`partial index dropped (predicate ${w.reason})`, subject);
    for (const note of w.notes) ctx.warnings.add(`index predicate translated: ${note}`, subject);
    where = ` WHERE ${w.sql}`;
  }
  const name = ctx.indexNames.take(ctx.names.get(index.id) ?? `${table.name}_idx`);
  const list = items.map((i) => (i as { sql: string }).sql).join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${q(ctx.tableNames.get(table.id)!)} (${list})${where};`;
}

/**
 * SQLite DDL for a model, with one warning per kind of loss (naming the objects). Run it with
 * `PRAGMA foreign_keys = ON` for the keys to be enforced.
 * Ex: `generateSqlite(model).sql` → `CREATE TABLE "orders" (…);`.
 */
export function generateSqlite(model: Model): DialectDdl {
  const warnings = new WarningList();
  const tables = exportedTables(model);
  const tableNames = flatTableNames(model, warnings, 1000);
  const types = new Map<string, MappedColumnType>();
  for (const t of tables) {
    for (const c of t.columns) {
      const type = mapColumnType('sqlite', c.type, model);
      if (type.lossy) warnings.add(type.lossy, `${t.schema}.${t.name}.${c.name}`);
      types.set(c.id, type);
    }
  }
  const indexNames = new NameSpace(1000);
  for (const name of tableNames.values()) indexNames.reserve(name);
  const ctx: Ctx = { model, warnings, names: resolveNames(model), tableNames, types, indexNames, sharedSequences: sharedSequenceColumns(model) };
  modelWarnings(model, warnings, 'SQLite');
  const statements = [
    '-- Generated by Schemata for SQLite 3.31+. Enforce foreign keys with: PRAGMA foreign_keys = ON;',
    ...tables.map((t) => createTable(ctx, t)),
    ...tables.flatMap((t) => t.indexes.map((x) => createIndex(ctx, t, x))),
  ].filter((s): s is string => Boolean(s));
  return { sql: statements.join('\n\n') + '\n', warnings: warnings.list() };
}
