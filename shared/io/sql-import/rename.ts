/**
 * ALTER … RENAME. The renamed object gets the id its new name derives (what introspection would
 * derive), and every reference to it follows. Constraint and index names PostgreSQL chose from
 * the old names are pinned (PostgreSQL does not rename them), and text that names a renamed
 * relation or column (checks, defaults, index expressions, view bodies) is reprinted.
 */
import type { Node, RenameStmt } from '@pgsql/types';
import type { Model, Sequence, Table, View } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { as, namesOf, walk } from './ast.ts';
import { indexName, type ImportContext } from './import-context.ts';
import { expressionText } from './expressions.ts';
import { descendantsOf } from './inheritance.ts';
import { parseNodes } from '../parser.ts';

/** Replaces every id-valued string equal to a key of `map`, anywhere in the model. */
export function remapIds(ctx: ImportContext, map: Map<string, string>): void {
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return map.get(value) ?? value;
    if (Array.isArray(value)) {
      value.forEach((v, i) => (value[i] = visit(v)));
      return value;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'table') continue; // a pending foreign key's table object is visited through the model
        (value as Record<string, unknown>)[k] = visit(v);
      }
    }
    return value;
  };
  visit(ctx.model);
  for (const pending of ctx.pendingForeignKeys) visit(pending.foreignKey);
}

/** Gives unnamed constraints and indexes of `table` the names PostgreSQL chose, before a rename changes the defaults. */
function pinNames(ctx: ImportContext, table: Table): void {
  const fromId = (id: string) => id.slice(id.lastIndexOf('.') + 1);
  if (table.primaryKey && !table.primaryKey.name) table.primaryKey.name = ctx.chosenNames.get(table.primaryKey.id) ?? `${table.name}_pkey`;
  for (const c of [...table.uniques, ...table.checks, ...table.foreignKeys]) c.name ??= fromId(c.id);
  for (const p of ctx.pendingForeignKeys) if (p.table === table) p.foreignKey.name ??= fromId(p.foreignKey.id);
  for (const x of table.indexes) x.name ??= indexName(x);
}

/** Reprints an expression (or, with `query`, a view body) after `change` edited its tree. */
export function rewrite(ctx: ImportContext, text: string, change: (tree: Node) => void, query = false): string {
  const [statement] = parseNodes(query ? text : `SELECT ${text}`);
  const target = query ? statement : as<{ val?: Node }>(as<{ targetList?: Node[] }>(statement, 'SelectStmt')!.targetList![0], 'ResTarget')!.val!;
  change(target);
  const saved = ctx.searchPath;
  ctx.searchPath = ['public']; // model text is written for search_path = public
  try {
    return expressionText(ctx, target);
  } finally {
    ctx.searchPath = saved;
  }
}

function renameRangeVars(schema: string, from: string, to: string): (tree: Node) => void {
  return (tree) => walk(tree, (kind, value) => {
    const rv = value as { schemaname?: string; relname?: string };
    if (kind === 'RangeVar' && rv.relname === from && (rv.schemaname ?? 'public') === schema) rv.relname = to;
  });
}

/**
 * Renames references to column `from` of table `tableName`: bare, or qualified by the table's name
 * or an alias it has in the query. An output column that was the bare reference keeps its old
 * name (`o.amount AS total`), as PostgreSQL keeps a view's columns.
 */
function renameColumnRefs(tableName: string, from: string, to: string): (tree: Node) => void {
  return (tree) => {
    const qualifiers = new Set([tableName]);
    walk(tree, (kind, value) => {
      const rv = value as { relname?: string; alias?: { aliasname?: string } };
      if (kind === 'RangeVar' && rv.relname === tableName && rv.alias?.aliasname) qualifiers.add(rv.alias.aliasname);
    });
    const matches = (ref: unknown) => {
      const names = namesOf(as<{ fields?: Node[] }>(ref as Node, 'ColumnRef')?.fields);
      return names[names.length - 1] === from && (names.length === 1 || qualifiers.has(names[names.length - 2]));
    };
    walk(tree, (kind, value) => {
      const target = value as { name?: string; val?: Node };
      if (kind === 'ResTarget' && !target.name && matches(target.val)) target.name = from;
    });
    walk(tree, (kind, value) => {
      if (kind !== 'ColumnRef') return;
      const fields = value.fields as Node[];
      if (matches({ ColumnRef: value })) fields[fields.length - 1] = { String: { sval: to } };
    });
  };
}

/** Every piece of expression text of a table, reprinted through `change`. */
function rewriteTableText(ctx: ImportContext, table: Table, change: (tree: Node) => void): void {
  for (const c of table.columns) {
    if (c.default) c.default = rewrite(ctx, c.default, change);
    if (c.generated) c.generated = rewrite(ctx, c.generated, change);
  }
  for (const c of table.checks) c.expression = rewrite(ctx, c.expression, change);
  for (const x of table.indexes) {
    for (const item of x.items) if (item.expression) item.expression = rewrite(ctx, item.expression, change);
    if (x.where) x.where = rewrite(ctx, x.where, change);
  }
}

export function rewriteViews(ctx: ImportContext, model: Model, change: (tree: Node) => void, only?: string): void {
  for (const view of model.views) {
    if (only && !view.dependsOn?.includes(only)) continue;
    view.definition = rewrite(ctx, view.definition, change, true);
  }
}

function renameTable(ctx: ImportContext, table: Table, to: string): void {
  pinNames(ctx, table);
  const from = table.name;
  const map = new Map<string, string>([[table.id, derivedId.table(table.schema, to)]]);
  for (const c of table.columns) map.set(c.id, derivedId.column(table.schema, to, c.name));
  if (table.primaryKey) map.set(table.primaryKey.id, derivedId.primaryKey(table.schema, to));
  const kinds = [['uq', table.uniques], ['ck', table.checks], ['fk', table.foreignKeys]] as const;
  for (const [kind, list] of kinds) for (const c of list) map.set(c.id, derivedId.constraint(kind, table.schema, to, c.name!));
  for (const p of ctx.pendingForeignKeys) if (p.table === table) map.set(p.foreignKey.id, derivedId.constraint('fk', table.schema, to, p.foreignKey.name!));
  ctx.renameRelation(table, to);
  remapIds(ctx, map);
  rewriteViews(ctx, ctx.model, renameRangeVars(table.schema, from, to), table.id);
}

function renameColumn(ctx: ImportContext, table: Table, from: string, to: string): void {
  const column = table.columns.find((c) => c.name === from);
  if (!column) return ctx.warn(`RENAME COLUMN: no column "${from}" in ${table.name}`);
  pinNames(ctx, table);
  column.name = to;
  remapIds(ctx, new Map([[column.id, derivedId.column(table.schema, table.name, to)]]));
  rewriteTableText(ctx, table, renameColumnRefs(table.name, from, to));
  rewriteViews(ctx, ctx.model, renameColumnRefs(table.name, from, to), table.id);
}

function renameConstraint(ctx: ImportContext, table: Table, from: string, to: string): void {
  pinNames(ctx, table);
  if (table.primaryKey?.name === from) {
    table.primaryKey.name = to;
    return;
  }
  const kinds = [['uq', table.uniques], ['ck', table.checks], ['fk', table.foreignKeys]] as const;
  for (const [kind, list] of kinds) {
    const found = list.find((c) => c.name === from);
    if (!found) continue;
    found.name = to;
    remapIds(ctx, new Map([[found.id, derivedId.constraint(kind, table.schema, table.name, to)]]));
    return;
  }
  const pending = ctx.pendingForeignKeys.find((p) => p.table === table && p.foreignKey.name === from);
  if (pending) {
    pending.foreignKey.name = to;
    pending.foreignKey.id = derivedId.constraint('fk', table.schema, table.name, to);
  } else ctx.warn(`RENAME CONSTRAINT: no constraint "${from}" on ${table.name}`);
}

function renameIndex(ctx: ImportContext, schema: string | undefined, from: string, to: string): void {
  const found = ctx.indexOwner(schema, from);
  if (found) {
    const index = found.owner.indexes!.find((x) => indexName(x) === from)!;
    index.name = to;
    index.id = derivedId.index(found.schema, to);
    ctx.takeRelationName(found.schema, to);
    return;
  }
  // The index of a primary key or unique constraint: renaming it renames the constraint.
  for (const table of ctx.model.tables) {
    if (schema && table.schema !== schema) continue;
    pinNames(ctx, table);
    if (table.primaryKey?.name === from || table.uniques.some((u) => u.name === from)) return renameConstraint(ctx, table, from, to);
  }
  ctx.warn(`ALTER INDEX … RENAME: no index "${from}" in the model`);
}

function renameView(ctx: ImportContext, view: View, to: string): void {
  const from = view.name;
  const map = new Map([[view.id, derivedId.view(view.schema, to)]]);
  ctx.renameRelation(view, to);
  remapIds(ctx, map);
  rewriteViews(ctx, ctx.model, renameRangeVars(view.schema, from, to), view.id);
}

/** Every `nextval('from'::regclass)` default rewritten to name `to` (both `schema.name`). */
export function retargetSequenceDefaults(ctx: ImportContext, from: string, to: string): void {
  const change = (tree: Node) => walk(tree, (kind, value) => {
    const literal = (value as { sval?: { sval?: string } }).sval;
    if (kind === 'A_Const' && literal?.sval === from) literal.sval = to;
  });
  for (const table of ctx.model.tables) {
    for (const column of table.columns) if (column.default?.includes(from)) column.default = rewrite(ctx, column.default, change);
  }
}

/** A sequence's new name, and every `nextval('old'::regclass)` written with the new one. */
function renameSequence(ctx: ImportContext, sequence: Sequence, to: string): void {
  const from = `${sequence.schema}.${sequence.name}`;
  ctx.renameRelation(sequence, to);
  remapIds(ctx, new Map([[sequence.id, derivedId.sequence(sequence.schema, to)]]));
  retargetSequenceDefaults(ctx, from, `${sequence.schema}.${to}`);
}
export function importRename(ctx: ImportContext, stmt: RenameStmt, keepAsText: () => void): void {
  const to = stmt.newname!;
  const relation = stmt.relation ?? {};
  const table = stmt.relation ? ctx.table(relation) : undefined;
  switch (stmt.renameType) {
    case 'OBJECT_TABLE': case 'OBJECT_FOREIGN_TABLE':
      if (table) return renameTable(ctx, table, to);
      break;
    case 'OBJECT_COLUMN':
      if (!table) break;
      renameColumn(ctx, table, stmt.subname!, to);
      // Without ONLY the descendants' column is renamed too (PostgreSQL refuses ONLY when there are any).
      for (const child of descendantsOf(ctx, table)) if (child.columns.some((c) => c.name === stmt.subname)) renameColumn(ctx, child, stmt.subname!, to);
      return;
    case 'OBJECT_TABCONSTRAINT':
      if (table) return renameConstraint(ctx, table, stmt.subname!, to);
      break;
    case 'OBJECT_INDEX': return renameIndex(ctx, relation.schemaname, relation.relname!, to);
    case 'OBJECT_VIEW': case 'OBJECT_MATVIEW': {
      const view = ctx.view(relation);
      if (view) return renameView(ctx, view, to);
      break;
    }
    case 'OBJECT_SEQUENCE': {
      const sequence = ctx.sequence(relation);
      if (sequence) return renameSequence(ctx, sequence, to);
      break;
    }
    default: break;
  }
  if (stmt.missing_ok && stmt.relation && !table) return ctx.skip('ALTER … RENAME', `${relation.relname} is not in the model`);
  ctx.warn('this RENAME is kept as SQL text: the model objects it names are not renamed');
  keepAsText();
}
