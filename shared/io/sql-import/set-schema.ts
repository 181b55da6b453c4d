/**
 * ALTER TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE … SET SCHEMA. The object moves with what
 * PostgreSQL moves with it (a table's indexes, constraints and owned sequences; its triggers, rules
 * and policies stay on it), everything gets the id its new schema derives, and every reference follows:
 * foreign keys, view bodies, `nextval` defaults, the text of the objects on the table.
 */
import type { AlterObjectSchemaStmt, Node } from '@pgsql/types';
import type { RawObject, Sequence, Table, View } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { walk } from './ast.ts';
import { indexName, type ImportContext } from './import-context.ts';
import { remapIds, retargetSequenceDefaults, rewriteViews } from './rename.ts';
import { deparseNode, parseNodes } from '../parser.ts';

/** Points RangeVars naming `schema.name` (or a bare `name`, when `bare`) at `to`. */
function moveRangeVars(schema: string, name: string, to: string, bare: boolean): (tree: Node) => boolean {
  return (tree) => {
    let changed = false;
    walk(tree, (kind, value) => {
      const rv = value as { schemaname?: string; relname?: string };
      if (kind !== 'RangeVar' || rv.relname !== name) return;
      if (rv.schemaname === schema || (!rv.schemaname && (bare || schema === 'public'))) {
        rv.schemaname = to;
        changed = true;
      }
    });
    return changed;
  };
}

/**
 * A trigger's, rule's or policy's text names its table: reprinted with the new schema (kept as
 * written otherwise). The statement's own `relation` (or `table`) is a bare RangeVar, not a node.
 */
function moveOnTableText(raw: RawObject, schema: string, table: string, to: string): void {
  const change = moveRangeVars(schema, table, to, true);
  const nodes = parseNodes(raw.definition);
  const changed = nodes.map((node) => {
    const payload = Object.values(node)[0] as { relation?: unknown; table?: unknown };
    const own = [payload.relation, payload.table].filter(Boolean).map((rv) => change({ RangeVar: rv } as Node));
    return [change(node), ...own].some(Boolean);
  }).some(Boolean);
  if (changed) raw.definition = nodes.map((n) => `${deparseNode(n)};`).join('\n');
}

function moveSequence(ctx: ImportContext, sequence: Sequence, to: string, ids: Map<string, string>): void {
  const from = `${sequence.schema}.${sequence.name}`;
  ids.set(sequence.id, derivedId.sequence(to, sequence.name));
  ctx.moveRelation(sequence, to);
  retargetSequenceDefaults(ctx, from, `${to}.${sequence.name}`);
}

function moveIndexes(ctx: ImportContext, owner: Table | View, to: string, ids: Map<string, string>): void {
  for (const index of owner.indexes ?? []) {
    const name = indexName(index);
    ids.set(index.id, derivedId.index(to, name));
    ctx.takeRelationName(to, name);
  }
}

function moveTable(ctx: ImportContext, table: Table, to: string): void {
  const from = table.schema;
  const ids = new Map<string, string>([[table.id, derivedId.table(to, table.name)]]);
  for (const c of table.columns) ids.set(c.id, derivedId.column(to, table.name, c.name));
  if (table.primaryKey) ids.set(table.primaryKey.id, derivedId.primaryKey(to, table.name));
  const kinds = [['uq', table.uniques], ['ck', table.checks], ['fk', table.foreignKeys]] as const;
  for (const [kind, list] of kinds) {
    for (const c of list) ids.set(c.id, derivedId.constraint(kind, to, table.name, c.id.slice(c.id.lastIndexOf('.') + 1)));
  }
  for (const c of [...table.uniques, ...table.checks, ...table.foreignKeys]) if (c.name) ctx.takeConstraintName(to, c.name);
  moveIndexes(ctx, table, to, ids);
  for (const raw of ctx.model.rawObjects.filter((r) => r.tableId === table.id)) {
    ids.set(raw.id, raw.id.replace(`:${from}.`, `:${to}.`));
    raw.schema = to;
    moveOnTableText(raw, from, table.name, to);
  }
  ctx.moveRelation(table, to);
  for (const sequence of ctx.model.sequences.filter((s) => s.ownedBy?.tableId === table.id && s.schema !== to)) moveSequence(ctx, sequence, to, ids);
  const chosen = table.primaryKey && ctx.chosenNames.get(table.primaryKey.id);
  if (chosen) ctx.chosenNames.set(ids.get(table.primaryKey!.id)!, chosen);
  remapIds(ctx, ids);
  rewriteViews(ctx, ctx.model, (tree) => void moveRangeVars(from, table.name, to, false)(tree), ids.get(table.id));
}

function moveView(ctx: ImportContext, view: View, to: string): void {
  const from = view.schema;
  const ids = new Map<string, string>([[view.id, derivedId.view(to, view.name)]]);
  moveIndexes(ctx, view, to, ids);
  ctx.moveRelation(view, to);
  remapIds(ctx, ids);
  rewriteViews(ctx, ctx.model, (tree) => void moveRangeVars(from, view.name, to, false)(tree), ids.get(view.id));
}

const RELATION_KINDS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE']);

/** ALTER … SET SCHEMA of a relation the model holds (ALTER TABLE also moves views and sequences); `keepAsText` for other kinds. */
export function importSetSchema(ctx: ImportContext, stmt: AlterObjectSchemaStmt, keepAsText: () => void): void {
  const relation = stmt.relation;
  if (!RELATION_KINDS.has(stmt.objectType ?? '') || !relation) return keepAsText();
  const to = stmt.newschema!;
  const shown = `${relation.schemaname ? `${relation.schemaname}.` : ''}${relation.relname}`;
  if (!ctx.hasSchema(to)) return ctx.warn(`ALTER … SET SCHEMA: schema ${to} does not exist (PostgreSQL refuses the statement); ${shown} is not moved`);
  const table = ctx.table(relation);
  const view = table ? undefined : ctx.view(relation);
  const sequence = table || view ? undefined : ctx.sequence(relation);
  const current = table ?? view ?? sequence;
  if (!current) {
    if (stmt.missing_ok) return ctx.skip('ALTER … SET SCHEMA', `${shown} is not in the model`);
    return ctx.warn(`ALTER … SET SCHEMA: ${shown} is not in the model (PostgreSQL refuses the statement); it is left out`);
  }
  if (current.schema === to) return ctx.skip('ALTER … SET SCHEMA', `${shown} is already in ${to}`);
  if (table) return moveTable(ctx, table, to);
  if (view) return moveView(ctx, view, to);
  const ids = new Map<string, string>();
  moveSequence(ctx, sequence!, to, ids);
  remapIds(ctx, ids);
}
