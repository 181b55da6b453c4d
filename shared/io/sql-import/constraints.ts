/**
 * Table constraints (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY, EXCLUDE) from the AST to the model.
 * Unnamed constraints get ids from the name PostgreSQL would choose. Foreign keys are resolved at
 * the end of the script: the referenced table may come later (inside CREATE SCHEMA, or in files
 * that add foreign keys before their targets).
 */
import type { Constraint, Node } from '@pgsql/types';
import type { ForeignKey, ReferentialAction, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { quoteQualified } from '../../ddl/quote.ts';
import { as, namesOf, walk } from './ast.ts';
import type { ImportContext, PendingForeignKey } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { chooseConstraintName, chooseRelationName, nameAddition } from './chosen-names.ts';
import { deparseNode } from '../parser.ts';

const ACTIONS: Record<string, ReferentialAction> = { a: 'no-action', r: 'restrict', c: 'cascade', n: 'set-null', d: 'set-default' };
const MATCHES: Record<string, ForeignKey['match']> = { s: 'simple', f: 'full', p: 'partial' };

/** Column ids for names in `table`; undefined (and a warning) if one is missing. */
export function columnIds(ctx: ImportContext, table: Table, names: string[], what: string): string[] | undefined {
  const ids: string[] = [];
  for (const name of names) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) {
      ctx.warn(`${what} on ${table.schema}.${table.name}: no column "${name}"; constraint not imported`);
      return undefined;
    }
    ids.push(column.id);
  }
  return ids;
}

const deferrable = (c: Constraint) => ({
  ...(c.deferrable ? { deferrable: true } : {}),
  ...(c.initdeferred ? { initiallyDeferred: true } : {}),
});

/** The one column a check reads, which PostgreSQL puts in the check's default name. */
function singleColumnOf(expr: Node | undefined): string | undefined {
  const columns = new Set<string>();
  walk(expr, (kind, value) => {
    if (kind === 'ColumnRef') {
      const fields = namesOf(value.fields as Node[]);
      if (fields.length) columns.add(fields[fields.length - 1]);
    }
  });
  return columns.size === 1 ? [...columns][0] : undefined;
}

function addKey(ctx: ImportContext, table: Table, c: Constraint): void {
  const primary = c.contype === 'CONSTR_PRIMARY';
  if (c.indexname) return keyFromIndex(ctx, table, c);
  const names = namesOf(c.keys);
  const ids = columnIds(ctx, table, names, primary ? 'PRIMARY KEY' : 'UNIQUE');
  if (!ids) return;
  const name = c.conname ?? chooseRelationName(ctx, table.schema, table.name, primary ? undefined : nameAddition(names), primary ? 'pkey' : 'key', true);
  ctx.takeRelationName(table.schema, name);
  ctx.takeConstraintName(table.schema, name);
  if (c.including?.length) ctx.warn(`${name}: INCLUDE columns of a key are not kept`);
  if (c.options?.length) ctx.warn(`${name}: WITH options of a key are not kept`);
  const named = c.conname ? { name: c.conname } : {};
  if (primary) {
    if (!c.conname) ctx.chosenNames.set(derivedId.primaryKey(table.schema, table.name), name);
    if (table.primaryKey) ctx.warn(`${table.name} already has a primary key; the second one replaces it`);
    table.primaryKey = { id: derivedId.primaryKey(table.schema, table.name), ...named, columns: ids, ...deferrable(c) };
    for (const id of ids) table.columns.find((col) => col.id === id)!.notNull = true;
    return;
  }
  table.uniques.push({
    id: derivedId.constraint('uq', table.schema, table.name, name), ...named, columns: ids,
    ...(c.nulls_not_distinct ? { nullsNotDistinct: true } : {}), ...deferrable(c),
  });
}

/** `ADD CONSTRAINT … PRIMARY KEY USING INDEX idx`: the index becomes the constraint (and takes its name). */
function keyFromIndex(ctx: ImportContext, table: Table, c: Constraint): void {
  const index = table.indexes.find((x) => (x.name ?? x.id.slice(x.id.indexOf('.') + 1)) === c.indexname);
  if (!index || index.items.some((item) => !item.column)) {
    ctx.warn(`constraint using index "${c.indexname}": no such plain-column index on ${table.name}; not imported`);
    return;
  }
  table.indexes = table.indexes.filter((x) => x !== index);
  const ids = index.items.map((item) => item.column!);
  const name = c.conname ?? c.indexname!;
  ctx.takeConstraintName(table.schema, name);
  const key = c.contype === 'CONSTR_PRIMARY'
    ? (table.primaryKey = { id: derivedId.primaryKey(table.schema, table.name), name, columns: ids, ...deferrable(c) })
    : { id: derivedId.constraint('uq', table.schema, table.name, name), name, columns: ids, ...deferrable(c) };
  if (key === table.primaryKey) for (const id of ids) table.columns.find((col) => col.id === id)!.notNull = true;
  else table.uniques.push(key);
  // The index stays the same object in PostgreSQL, comment included.
  if (index.comment !== undefined) ctx.keyIndexComments.set(key, index.comment);
}

function addCheck(ctx: ImportContext, table: Table, c: Constraint): void {
  const name = c.conname ?? chooseConstraintName(ctx, table.schema, table.name, singleColumnOf(c.raw_expr), 'check');
  ctx.takeConstraintName(table.schema, name);
  table.checks.push({
    id: derivedId.constraint('ck', table.schema, table.name, name),
    ...(c.conname ? { name: c.conname } : {}),
    expression: expressionText(ctx, c.raw_expr!),
    ...(c.is_no_inherit ? { noInherit: true } : {}),
    ...(c.skip_validation ? { notValid: true } : {}),
  });
}

function addForeignKey(ctx: ImportContext, table: Table, c: Constraint): void {
  const names = namesOf(c.fk_attrs);
  const ids = columnIds(ctx, table, names, 'FOREIGN KEY');
  if (!ids) return;
  const name = c.conname ?? chooseConstraintName(ctx, table.schema, table.name, nameAddition(names), 'fkey');
  ctx.takeConstraintName(table.schema, name);
  const pending = {
    table,
    foreignKey: {
      id: derivedId.constraint('fk', table.schema, table.name, name), ...(c.conname ? { name: c.conname } : {}),
      columns: ids, onDelete: ACTIONS[c.fk_del_action ?? 'a'] ?? 'no-action', onUpdate: ACTIONS[c.fk_upd_action ?? 'a'] ?? 'no-action',
      match: MATCHES[c.fk_matchtype ?? 's'] ?? 'simple', ...(c.skip_validation ? { notValid: true } : {}), ...deferrable(c),
    },
    ref: c.pktable ?? {},
    refColumnNames: namesOf(c.pk_attrs),
    searchPath: [...ctx.searchPath],
    line: ctx.line,
  };
  // Resolved now when the referenced table exists (later renames then cannot lose it); otherwise
  // at the end of the script (a CREATE SCHEMA element may reference a table created after it).
  if (!resolveForeignKey(ctx, pending, false)) ctx.pendingForeignKeys.push(pending);
}

/** EXCLUDE constraints have no place in the model: they are kept as raw `ALTER TABLE … ADD` text. */
function addExclusion(ctx: ImportContext, table: Table, c: Constraint): void {
  // Named like an index: after the columns of the exclusion elements (ChooseIndexName).
  const columns = (c.exclusions ?? []).map((pair) => {
    const elem = as<{ items?: Node[] }>(pair, 'List')?.items?.[0];
    return as<{ name?: string }>(elem, 'IndexElem')?.name ?? 'expr';
  });
  const name = c.conname ?? chooseRelationName(ctx, table.schema, table.name, nameAddition(columns), 'excl', true);
  ctx.takeRelationName(table.schema, name);
  ctx.takeConstraintName(table.schema, name);
  const definition = `ALTER TABLE ${quoteQualified(table.schema, table.name)} ADD ${deparseNode({ Constraint: { ...c, conname: name } })};`;
  ctx.addRaw({ id: derivedId.raw('other', table.schema, `${table.name}.${name}`), kind: 'other', schema: table.schema, name, definition, tableId: table.id });
  ctx.warn(`exclusion constraint ${name} is kept as SQL text`);
}

/** Adds one table constraint (or a column constraint already given its column). */
export function addConstraint(ctx: ImportContext, table: Table, c: Constraint): void {
  switch (c.contype) {
    case 'CONSTR_PRIMARY': case 'CONSTR_UNIQUE': return addKey(ctx, table, c);
    case 'CONSTR_CHECK': return addCheck(ctx, table, c);
    case 'CONSTR_FOREIGN': return addForeignKey(ctx, table, c);
    case 'CONSTR_EXCLUSION': return addExclusion(ctx, table, c);
    case 'CONSTR_NOTNULL': {
      for (const name of namesOf(c.keys)) {
        const column = table.columns.find((col) => col.name === name);
        if (column) column.notNull = true;
      }
      return;
    }
    default: ctx.warn(`constraint of kind ${c.contype} on ${table.name} is not imported`);
  }
}

const isKey = (c: Constraint) => (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') && !c.indexname;
/** What makes two keys of one statement the same index to PostgreSQL (columns in order, NULLS and deferral). */
const keySignature = (c: Constraint) => JSON.stringify([
  namesOf(c.keys), namesOf(c.including), Boolean(c.nulls_not_distinct), Boolean(c.deferrable), Boolean(c.initdeferred), c.options ?? [],
]);

/**
 * PostgreSQL keeps one index for keys of one statement that are the same index (transformIndexConstraints):
 * `id integer PRIMARY KEY UNIQUE` makes the primary key only, and an unnamed key that absorbs a named
 * one takes its name. A UNIQUE added by a later statement, or differing (DEFERRABLE), stays.
 */
function withoutRepeatedKeys(constraints: Constraint[]): Constraint[] {
  // The primary key is kept in preference to the others, as PostgreSQL does.
  const primary = constraints.find((c) => c.contype === 'CONSTR_PRIMARY' && !c.indexname);
  const ordered = primary ? [primary, ...constraints.filter((c) => c !== primary)] : constraints;
  const kept = new Map<string, number>();
  const out: Constraint[] = [];
  for (const c of ordered) {
    const at = isKey(c) ? kept.get(keySignature(c)) : undefined;
    if (at === undefined) {
      if (isKey(c)) kept.set(keySignature(c), out.length);
      out.push(c);
    } else if (!out[at].conname && c.conname) out[at] = { ...out[at], conname: c.conname };
  }
  return out;
}

/** Adds constraints in the order PostgreSQL names them: checks, then keys, then foreign keys. */
export function addConstraints(ctx: ImportContext, table: Table, constraints: Constraint[]): void {
  const rank = (c: Constraint) => (c.contype === 'CONSTR_CHECK' ? 0 : c.contype === 'CONSTR_FOREIGN' ? 2 : 1);
  for (const c of withoutRepeatedKeys(constraints).sort((a, b) => rank(a) - rank(b))) addConstraint(ctx, table, c);
}

/** Adds a foreign key once its target is known; false (and a warning when `final`) if it cannot be yet. */
function resolveForeignKey(ctx: ImportContext, pending: PendingForeignKey, final: boolean): boolean {
  const target = ctx.table(pending.ref, pending.searchPath);
  const label = `foreign key ${pending.foreignKey.name ?? ''} on ${pending.table.name}`.replace('  ', ' ');
  if (!target) {
    if (final) ctx.warn(`${label}: referenced table ${pending.ref.schemaname ? `${pending.ref.schemaname}.` : ''}${pending.ref.relname} not found; not imported`, pending.line);
    return false;
  }
  let refColumns: string[] | undefined;
  if (pending.refColumnNames.length) {
    refColumns = pending.refColumnNames.map((n) => target.columns.find((c) => c.name === n)?.id).filter((id): id is string => !!id);
    if (refColumns.length !== pending.refColumnNames.length) refColumns = undefined;
  } else refColumns = target.primaryKey?.columns;
  if (!refColumns) {
    if (final) ctx.warn(`${label}: referenced columns not found in ${target.name}; not imported`, pending.line);
    return false;
  }
  if (ctx.model.tables.includes(pending.table)) pending.table.foreignKeys.push({ ...pending.foreignKey, refTableId: target.id, refColumns });
  return true;
}

/** Resolves the foreign keys that waited for the end of the script; unresolvable ones become warnings. */
export function resolveForeignKeys(ctx: ImportContext): void {
  for (const pending of ctx.pendingForeignKeys) resolveForeignKey(ctx, pending, true);
  ctx.pendingForeignKeys.length = 0;
}

/** The `Constraint` payload of a node, if it is one. */
export const constraintOf = (node: Node | undefined) => as<Constraint>(node, 'Constraint');
