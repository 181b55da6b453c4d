/**
 * COMMENT ON: comments land on the model object they describe; comments on objects kept as SQL
 * text (functions, triggers, …) are appended to that text. `IS NULL` removes a comment.
 */
import type { CommentStmt, Node, ObjectWithArgs, TypeName } from '@pgsql/types';
import type { RawObject, RawObjectKind, Table } from '../../model/document.ts';
import { as, namesOf } from './ast.ts';
import type { ImportContext } from './import-context.ts';
import { commentOnKeyIndex } from './key-index-comments.ts';
import { appendToRaw, signatureOf } from './raw-objects.ts';
import { typeNameParts } from './column-types.ts';

type Commentable = { comment?: string };

function setComment(target: Commentable, comment: string | undefined): void {
  if (comment === undefined) delete target.comment;
  else target.comment = comment;
}

/** `[schema?, relation, member]` → the relation reference and the member name. */
function splitMember(names: string[]): { ref: { schemaname?: string; relname: string }; member: string } {
  const member = names[names.length - 1];
  const relname = names[names.length - 2];
  return { ref: { relname, ...(names.length > 2 ? { schemaname: names[names.length - 3] } : {}) }, member };
}

const refOf = (names: string[]) => ({ relname: names[names.length - 1], ...(names.length > 1 ? { schemaname: names[names.length - 2] } : {}) });

function constraintTarget(ctx: ImportContext, table: Table, name: string): Commentable | undefined {
  const byName = <T extends { id: string; name?: string }>(list: T[]) => list.find((c) => (c.name ?? c.id.slice(c.id.lastIndexOf('.') + 1)) === name);
  if (table.primaryKey && (table.primaryKey.name ?? `${table.name}_pkey`) === name) return table.primaryKey;
  return byName(table.uniques) ?? byName(table.checks) ?? byName(table.foreignKeys)
    ?? ctx.pendingForeignKeys.find((p) => p.table === table && p.foreignKey.id.endsWith(`.${name}`))?.foreignKey;
}

function columnTarget(ctx: ImportContext, names: string[]): Commentable | undefined {
  const { ref, member } = splitMember(names);
  const table = ctx.table(ref);
  if (table) return table.columns.find((c) => c.name === member);
  const view = ctx.view(ref);
  if (!view) return undefined;
  view.columns ??= [];
  let column = view.columns.find((c) => c.name === member);
  if (!column) view.columns.push((column = { name: member }));
  return column;
}

function rawTarget(ctx: ImportContext, kind: RawObjectKind, object: Node | undefined): RawObject | undefined {
  const withArgs = as<ObjectWithArgs>(object, 'ObjectWithArgs');
  if (withArgs) {
    const names = namesOf(withArgs.objname);
    const name = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : undefined;
    const signature = withArgs.args_unspecified ? undefined : signatureOf(ctx, name, (withArgs.objargs ?? []).map((n) => as<TypeName>(n, 'TypeName')!));
    return ctx.model.rawObjects.find((r) => r.kind === kind && (schema ? r.schema === schema : true)
      && (signature ? ctx.rawKeys.get(r.id) === signature : r.name === name));
  }
  const names = namesOf(object);
  if (kind === 'trigger' || kind === 'policy' || kind === 'rule') {
    const { ref, member } = splitMember(names);
    return ctx.model.rawObjects.find((r) => r.kind === kind && r.name === member && r.id.endsWith(`.${ref.relname}.${member}`));
  }
  const typeName = as<TypeName>(object, 'TypeName');
  const parts = typeName ? typeNameParts(typeName) : { ...refOf(names), name: names[names.length - 1] };
  return ctx.model.rawObjects.find((r) => r.kind === kind && r.name === parts.name && (!parts.schema || r.schema === parts.schema));
}

const RAW_KINDS: Record<string, RawObjectKind> = {
  OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'procedure', OBJECT_AGGREGATE: 'aggregate', OBJECT_TRIGGER: 'trigger',
  OBJECT_POLICY: 'policy', OBJECT_RULE: 'rule', OBJECT_COLLATION: 'collation', OBJECT_TSCONFIGURATION: 'text-search',
  OBJECT_TSDICTIONARY: 'text-search', OBJECT_OPERATOR: 'operator', OBJECT_EVENT_TRIGGER: 'event-trigger', OBJECT_CAST: 'cast',
};

function modelTarget(ctx: ImportContext, stmt: CommentStmt): Commentable | undefined {
  const names = namesOf(stmt.object);
  switch (stmt.objtype) {
    case 'OBJECT_SCHEMA': return ctx.model.schemas.find((s) => s.name === names[0]);
    case 'OBJECT_EXTENSION': return ctx.model.extensions.find((e) => e.name === names[0]);
    case 'OBJECT_TABLE': case 'OBJECT_FOREIGN_TABLE': return ctx.table(refOf(names));
    case 'OBJECT_VIEW': case 'OBJECT_MATVIEW': return ctx.view(refOf(names));
    case 'OBJECT_SEQUENCE': return ctx.sequence(refOf(names));
    case 'OBJECT_COLUMN': return columnTarget(ctx, names);
    case 'OBJECT_TABCONSTRAINT': {
      const { ref, member } = splitMember(names);
      const table = ctx.table(ref);
      return table ? constraintTarget(ctx, table, member) : undefined;
    }
    case 'OBJECT_INDEX': {
      const ref = refOf(names);
      const found = ctx.indexOwner(ref.schemaname, ref.relname);
      return found?.owner.indexes?.find((x) => (x.name ?? x.id.slice(x.id.indexOf('.') + 1)) === ref.relname);
    }
    case 'OBJECT_TYPE': case 'OBJECT_DOMAIN': {
      const parts = typeNameParts(as<TypeName>(stmt.object, 'TypeName')!);
      const ref = { relname: parts.name, ...(parts.schema ? { schemaname: parts.schema } : {}) };
      return ctx.enumType(ref) ?? ctx.domain(ref);
    }
    default: return undefined;
  }
}

export function importComment(ctx: ImportContext, stmt: CommentStmt, text: string): void {
  if (stmt.objtype === 'OBJECT_INDEX' && commentOnKeyIndex(ctx, namesOf(stmt.object), stmt.comment, text)) return;
  const target = modelTarget(ctx, stmt);
  if (target) return setComment(target, stmt.comment);
  const kind = RAW_KINDS[stmt.objtype ?? ''] ?? (stmt.objtype === 'OBJECT_TYPE' ? 'type' : undefined);
  const raw = kind ? rawTarget(ctx, kind, stmt.object) : undefined;
  if (raw) return appendToRaw(ctx, raw, text);
  ctx.warn(`COMMENT ON ${(stmt.objtype ?? '').replace('OBJECT_', '')} ${namesOf(stmt.object).join('.') || ''}: object not found in the model; comment not imported`.replace(/ +:/, ':'));
}
