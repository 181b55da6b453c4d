/**
 * MySQL 8 / MariaDB 10.5+ DDL from the model. Same model as PostgreSQL; what MySQL cannot hold is
 * dropped or translated, and every such loss is a warning (see type-maps.ts for types).
 * Order: tables (with keys and checks), then indexes, then foreign keys, so any order of tables loads.
 */
import type { ForeignKey, Index, Model, Table } from '../model/document.ts';
import { resolveNames } from '../model/names.ts';
import { DialectDdl, NameSpace, WarningList, exportedTables, flatTableNames, modelWarnings, tableFeatureWarnings } from './dialect-common.ts';
import { generatedClause, translateExpr, type ExprTarget } from './dialect-expr.ts';
import { translateDefault } from './dialect-defaults.ts';
import { MYSQL_PREFIX_CHARS, keyCharLimit, planMysqlColumns, type MysqlColumns } from './mysql-columns.ts';
import { mentions } from './order.ts';

/** The one place MySQL identifiers are quoted: `` `name` ``, backticks doubled. */
export function quoteMysqlIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A MySQL string literal (backslashes are escapes in MySQL's default mode). */
export function quoteMysqlLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const MAX_NAME = 64;
const q = quoteMysqlIdent;

interface Ctx {
  model: Model;
  warnings: WarningList;
  names: Map<string, string>;
  tableNames: Map<string, string>;
  plan: MysqlColumns;
  /** FOREIGN KEY and CHECK names are unique per database in MySQL. */
  constraintNames: NameSpace;
  /** Column id lists each table has a usable index on (for foreign keys). */
  indexed: Map<string, string[][]>;
}

const colName = (t: Table, id: string) => t.columns.find((c) => c.id === id)!.name;
const cols = (t: Table, ids: string[]) => ids.map((id) => q(colName(t, id))).join(', ');
const exprTarget = (t: Table): ExprTarget => ({ dialect: 'mysql', quoteIdent: q, columns: new Set(t.columns.map((c) => c.name)) });

function comment(ctx: Ctx, text: string | undefined, max: number, subject: string): string {
  if (!text) return '';
  if (text.length > max) ctx.warnings.add(`comment cut to ${max} characters`, subject);
  return ` COMMENT ${quoteMysqlLiteral(text.slice(0, max))}`;
}

function columnLine(ctx: Ctx, table: Table, columnId: string): string {
  const column = table.columns.find((c) => c.id === columnId)!;
  const subject = `${table.schema}.${table.name}.${column.name}`;
  const plan = ctx.plan.columns.get(column.id)!;
  const parts = [q(column.name), plan.type.sql];
  let generated = false;
  if (column.generated) {
    const clause = generatedClause({ expression: column.generated, target: exprTarget(table), warn: (m) => ctx.warnings.add(m, subject) });
    if (clause) {
      parts.push(clause);
      generated = true;
    }
  }
  // MariaDB takes no NULL/NOT NULL on a generated column.
  if (!generated) parts.push(column.notNull ? 'NOT NULL' : 'NULL');
  else if (column.notNull) ctx.warnings.add('NOT NULL dropped from a generated column (MariaDB refuses it)', subject);
  if (plan.autoIncrement) parts.push('AUTO_INCREMENT');
  else if (column.default !== undefined && !generated) {
    const d = translateDefault(column.default, plan.type, exprTarget(table));
    if ('sql' in d) parts.push(`DEFAULT ${d.sql}`);
    if ('dropped' in d) ctx.warnings.add(`default dropped (${d.dropped})`, subject);
    if ('sequence' in d) ctx.warnings.add('sequence default dropped', subject);
  }
  return `  ${parts.join(' ')}${comment(ctx, column.comment, 1024, subject)}`;
}

/** Does a check's SQL name the column, bare or quoted? (Any name: it may hold regex characters.) */
const namesColumn = (sql: string, name: string) => mentions(sql, name) || sql.includes(`"${name.replace(/"/g, '""')}"`);

function checkLines(ctx: Ctx, table: Table): string[] {
  const auto = table.columns.filter((c) => ctx.plan.columns.get(c.id)?.autoIncrement).map((c) => c.name);
  const lines: string[] = [];
  for (const check of table.checks) {
    const subject = `${table.schema}.${table.name}: ${check.name ?? check.expression}`;
    const t = translateExpr(check.expression, exprTarget(table));
    if (!t.ok) { ctx.warnings.add(`check dropped (${t.reason})`, subject); continue; }
    if (/\b(now|current_date|current_time|current_timestamp|localtime|localtimestamp|uuid|rand|sysdate)\b/i.test(t.sql)) {
      ctx.warnings.add('check using the clock or randomness dropped (MySQL checks must be deterministic)', subject);
      continue;
    }
    if (auto.some((name) => namesColumn(check.expression, name))) {
      ctx.warnings.add('check on the AUTO_INCREMENT column dropped (MySQL forbids it)', subject);
      continue;
    }
    for (const note of t.notes) ctx.warnings.add(`check translated: ${note}`, subject);
    const name = ctx.constraintNames.take(ctx.names.get(check.id) ?? `${table.name}_check`);
    lines.push(`  CONSTRAINT ${q(name)} CHECK (${t.sql})`);
  }
  return lines;
}

function keyLines(ctx: Ctx, table: Table, indexNames: NameSpace): string[] {
  const lines: string[] = [];
  const indexed: string[][] = [];
  const jsonIn = (ids: string[]) => ids.some((id) => ctx.plan.columns.get(id)?.type.family === 'json');
  if (table.primaryKey) {
    if (jsonIn(table.primaryKey.columns)) ctx.warnings.add('primary key on a JSON column dropped', `${table.schema}.${table.name}`);
    else { lines.push(`  PRIMARY KEY (${cols(table, table.primaryKey.columns)})`); indexed.push(table.primaryKey.columns); }
  }
  for (const u of table.uniques) {
    if (jsonIn(u.columns)) { ctx.warnings.add('unique constraint on a JSON column dropped', `${table.schema}.${table.name}`); continue; }
    lines.push(`  CONSTRAINT ${q(indexNames.take(ctx.names.get(u.id) ?? `${table.name}_key`))} UNIQUE (${cols(table, u.columns)})`);
    indexed.push(u.columns);
  }
  const auto = table.columns.find((c) => ctx.plan.columns.get(c.id)?.autoIncrement);
  if (auto && !indexed.some((k) => k[0] === auto.id)) { lines.push(`  KEY (${q(auto.name)})`); indexed.push([auto.id]); }
  ctx.indexed.set(table.id, indexed);
  return lines;
}

function createTable(ctx: Ctx, table: Table, indexNames: NameSpace): string {
  tableFeatureWarnings(table, ctx.warnings);
  const body = [
    ...table.columns.map((c) => columnLine(ctx, table, c.id)),
    ...keyLines(ctx, table, indexNames),
    ...checkLines(ctx, table),
  ];
  const start = ctx.plan.autoIncrementStart.get(table.id);
  const options = ['ENGINE=InnoDB', 'DEFAULT CHARSET=utf8mb4', ...(start ? [`AUTO_INCREMENT=${start}`] : [])].join(' ');
  const tableComment = comment(ctx, table.comment, 2048, `${table.schema}.${table.name}`).replace(' COMMENT ', ' COMMENT=');
  return `CREATE TABLE ${q(ctx.tableNames.get(table.id)!)} (\n${body.join(',\n')}\n) ${options}${tableComment};`;
}

/** Why this index cannot be created in MySQL, or undefined. */
function indexProblem(ctx: Ctx, index: Index): string | undefined {
  if (index.items.some((i) => i.expression)) return 'expression index dropped (MariaDB has no functional indexes)';
  if (index.where && index.unique) return 'partial unique index dropped (MySQL has no partial indexes)';
  if (index.method && !['btree', 'hash'].includes(index.method)) return `${index.method} index dropped (MySQL has only B-tree indexes)`;
  if (index.items.some((i) => ctx.plan.columns.get(i.column!)?.type.family === 'json')) return 'index on a JSON column dropped';
  return undefined;
}

function createIndex(ctx: Ctx, table: Table, index: Index, indexNames: NameSpace): string | undefined {
  const subject = `${table.schema}.${table.name}: ${ctx.names.get(index.id) ?? index.id}`;
  const problem = indexProblem(ctx, index);
  if (problem) return void ctx.warnings.add(problem, subject);
  if (index.where) ctx.warnings.add('partial index became a full index (predicate dropped)', subject);
  if (index.method === 'hash') ctx.warnings.add('hash index became a B-tree index', subject);
  if (index.include?.length) ctx.warnings.add('INCLUDE columns dropped', subject);
  if (index.nullsNotDistinct) ctx.warnings.add('NULLS NOT DISTINCT dropped', subject);
  if (index.items.some((i) => i.nulls || i.opclass || i.collation)) ctx.warnings.add('NULLS FIRST/LAST, operator class or collation dropped', subject);
  if (index.with) ctx.warnings.add('index storage parameters dropped', subject);
  const longItems = index.items.filter((i) => ['string', 'text', 'blob'].includes(ctx.plan.columns.get(i.column!)!.type.family)).length;
  const cap = Math.min(MYSQL_PREFIX_CHARS, keyCharLimit(longItems, index.items.length - longItems));
  const items = index.items.map((i) => {
    const type = ctx.plan.columns.get(i.column!)!.type;
    const prefix = type.family === 'text' || type.family === 'blob' || (type.family === 'string' && (type.length ?? 0) > cap) ? `(${cap})` : '';
    if (prefix) ctx.warnings.add(`index uses a ${cap}-character prefix of long text`, subject);
    return `${q(colName(table, i.column!))}${prefix}${i.order === 'desc' ? ' DESC' : ''}`;
  });
  if (!index.where) ctx.indexed.get(table.id)!.push(index.items.map((i) => i.column!));
  const name = indexNames.take(ctx.names.get(index.id) ?? `${table.name}_idx`);
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${q(ctx.tableNames.get(table.id)!)} (${items.join(', ')})${comment(ctx, index.comment, 1024, subject)};`;
}

const ACTIONS: Record<ForeignKey['onDelete'], string> = {
  'no-action': 'NO ACTION', restrict: 'RESTRICT', cascade: 'CASCADE', 'set-null': 'SET NULL', 'set-default': 'NO ACTION',
};

function action(ctx: Ctx, table: Table, fk: ForeignKey, which: 'onDelete' | 'onUpdate', subject: string): string {
  const value = fk[which];
  if (value === 'set-default') ctx.warnings.add('SET DEFAULT action became NO ACTION (InnoDB rejects SET DEFAULT)', subject);
  if (value === 'set-null' && fk.columns.some((id) => table.columns.find((c) => c.id === id)?.notNull)) {
    ctx.warnings.add('SET NULL on a NOT NULL column became NO ACTION', subject);
    return 'NO ACTION';
  }
  return ACTIONS[value];
}

function addForeignKey(ctx: Ctx, table: Table, fk: ForeignKey): string | undefined {
  const subject = `${table.schema}.${table.name}: ${ctx.names.get(fk.id) ?? fk.id}`;
  const target = ctx.model.tables.find((t) => t.id === fk.refTableId);
  if (!target || !ctx.tableNames.has(target.id)) return void ctx.warnings.add('foreign key to a table that is not exported dropped', subject);
  const keyed = ctx.indexed.get(target.id) ?? [];
  if (!keyed.some((k) => fk.refColumns.every((c, i) => k[i] === c))) return void ctx.warnings.add('foreign key dropped (the referenced key was not exported)', subject);
  if (fk.deferrable) ctx.warnings.add('DEFERRABLE foreign key became immediate', subject);
  if (fk.match !== 'simple') ctx.warnings.add(`MATCH ${fk.match.toUpperCase()} dropped`, subject);
  const name = ctx.constraintNames.take(ctx.names.get(fk.id) ?? `${table.name}_fkey`);
  return `ALTER TABLE ${q(ctx.tableNames.get(table.id)!)} ADD CONSTRAINT ${q(name)} FOREIGN KEY (${cols(table, fk.columns)}) REFERENCES ${q(ctx.tableNames.get(target.id)!)} (${cols(target, fk.refColumns)}) ON DELETE ${action(ctx, table, fk, 'onDelete', subject)} ON UPDATE ${action(ctx, table, fk, 'onUpdate', subject)};`;
}

/**
 * MySQL/MariaDB DDL for a model, with one warning per kind of loss (naming the objects).
 * Ex: `generateMysql(model).sql` → ``CREATE TABLE `orders` (…) ENGINE=InnoDB …;``.
 */
export function generateMysql(model: Model): DialectDdl {
  const warnings = new WarningList();
  const tables = exportedTables(model);
  const ctx: Ctx = {
    model, warnings, names: resolveNames(model), tableNames: flatTableNames(model, warnings, MAX_NAME),
    plan: planMysqlColumns(model, tables, warnings), constraintNames: new NameSpace(MAX_NAME), indexed: new Map(),
  };
  modelWarnings(model, warnings, 'MySQL');
  const indexSpaces = new Map(tables.map((t) => [t.id, new NameSpace(MAX_NAME)]));
  const statements = [
    '-- Generated by Schemata for MySQL 8 / MariaDB 10.5+.',
    'SET NAMES utf8mb4;',
    ...tables.map((t) => createTable(ctx, t, indexSpaces.get(t.id)!)),
    ...tables.flatMap((t) => t.indexes.map((x) => createIndex(ctx, t, x, indexSpaces.get(t.id)!))),
    ...tables.flatMap((t) => t.foreignKeys.map((fk) => addForeignKey(ctx, t, fk))),
  ].filter((s): s is string => Boolean(s));
  return { sql: statements.join('\n\n') + '\n', warnings: warnings.list() };
}
