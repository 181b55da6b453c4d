/**
 * DROP statements and the column and constraint drops of ALTER TABLE. Dropping something the model
 * does not have (the `--clean --if-exists` prelude of pg_dump) changes nothing and is reported.
 */
import type { DropStmt, ObjectWithArgs, TypeName } from '@pgsql/types';
import type { Table } from '../../model/document.ts';
import { as, namesOf } from './ast.ts';
import { indexName, type ImportContext } from './import-context.ts';
import { signatureOf } from './raw-objects.ts';
import { typeNameParts } from './column-types.ts';

/** A constraint's name: its own, or the last part of its id (the name PostgreSQL chose). */
export const constraintName = (c: { id: string; name?: string }) => c.name ?? c.id.slice(c.id.lastIndexOf('.') + 1);

/** Drops a column and what PostgreSQL drops with it: constraints and indexes on it, owned sequences. */
export function dropColumn(ctx: ImportContext, table: Table, name: string): void {
  const column = table.columns.find((c) => c.name === name)!;
  const uses = (ids: string[] | undefined) => ids?.includes(column.id) ?? false;
  table.columns = table.columns.filter((c) => c !== column);
  if (table.primaryKey && uses(table.primaryKey.columns)) delete table.primaryKey;
  table.uniques = table.uniques.filter((u) => !uses(u.columns));
  table.foreignKeys = table.foreignKeys.filter((f) => !uses(f.columns));
  table.indexes = table.indexes.filter((x) => !x.items.some((i) => i.column === column.id) && !uses(x.include));
  for (const sequence of ctx.model.sequences.filter((s) => s.ownedBy?.columnId === column.id)) ctx.removeSequence(sequence);
  for (const other of ctx.model.tables) other.foreignKeys = other.foreignKeys.filter((f) => !uses(f.refColumns));
  const pending = ctx.pendingForeignKeys.filter((p) => !(p.table === table && uses(p.foreignKey.columns)));
  ctx.pendingForeignKeys.splice(0, ctx.pendingForeignKeys.length, ...pending);
}

/** Drops a named constraint; false when the table has none by that name. */
export function dropConstraint(ctx: ImportContext, table: Table, name: string): boolean {
  const before = JSON.stringify([table.primaryKey?.id, table.uniques.length, table.checks.length, table.foreignKeys.length, ctx.pendingForeignKeys.length, ctx.model.rawObjects.length]);
  if (table.primaryKey && (table.primaryKey.name ?? `${table.name}_pkey`) === name) delete table.primaryKey;
  table.uniques = table.uniques.filter((c) => constraintName(c) !== name);
  table.checks = table.checks.filter((c) => constraintName(c) !== name);
  table.foreignKeys = table.foreignKeys.filter((c) => constraintName(c) !== name);
  const pending = ctx.pendingForeignKeys.filter((p) => !(p.table === table && constraintName(p.foreignKey) === name));
  ctx.pendingForeignKeys.splice(0, ctx.pendingForeignKeys.length, ...pending);
  ctx.model.rawObjects = ctx.model.rawObjects.filter((r) => !(r.tableId === table.id && r.kind === 'other' && r.name === name));
  const after = JSON.stringify([table.primaryKey?.id, table.uniques.length, table.checks.length, table.foreignKeys.length, ctx.pendingForeignKeys.length, ctx.model.rawObjects.length]);
  return before !== after;
}

function dropTable(ctx: ImportContext, table: Table): void {
  ctx.removeTable(table);
  for (const sequence of ctx.model.sequences.filter((s) => s.ownedBy?.tableId === table.id)) ctx.removeSequence(sequence);
  for (const other of ctx.model.tables) other.foreignKeys = other.foreignKeys.filter((f) => f.refTableId !== table.id);
  ctx.model.rawObjects = ctx.model.rawObjects.filter((r) => r.tableId !== table.id);
}

/** Drops one object; true when the model had it. */
function dropOne(ctx: ImportContext, removeType: string, object: Parameters<typeof namesOf>[0]): boolean {
  const names = namesOf(object);
  const ref = { relname: names[names.length - 1], ...(names.length > 1 ? { schemaname: names[names.length - 2] } : {}) };
  switch (removeType) {
    case 'OBJECT_TABLE': case 'OBJECT_FOREIGN_TABLE': {
      const table = ctx.table(ref);
      if (table) dropTable(ctx, table);
      return !!table;
    }
    case 'OBJECT_VIEW': case 'OBJECT_MATVIEW': {
      const view = ctx.view(ref);
      if (view) ctx.removeView(view);
      return !!view;
    }
    case 'OBJECT_SEQUENCE': {
      const sequence = ctx.sequence(ref);
      if (sequence) ctx.removeSequence(sequence);
      return !!sequence;
    }
    case 'OBJECT_INDEX': {
      const found = ctx.indexOwner(ref.schemaname, ref.relname);
      if (found) found.owner.indexes = found.owner.indexes?.filter((x) => indexName(x) !== ref.relname);
      return !!found;
    }
    case 'OBJECT_TYPE': case 'OBJECT_DOMAIN': {
      const parts = typeNameParts(as<TypeName>(object as never, 'TypeName')!);
      const schema = parts.schema ?? ctx.typeSchema({ relname: parts.name });
      return schema ? ctx.removeType(schema, parts.name) : false;
    }
    case 'OBJECT_SCHEMA': {
      const before = ctx.model.schemas.length;
      ctx.model.schemas = ctx.model.schemas.filter((s) => s.name !== names[0]);
      return before !== ctx.model.schemas.length;
    }
    case 'OBJECT_EXTENSION': {
      const before = ctx.model.extensions.length;
      ctx.model.extensions = ctx.model.extensions.filter((e) => e.name !== names[0]);
      return before !== ctx.model.extensions.length;
    }
    default: return dropRaw(ctx, removeType, object);
  }
}

function dropRaw(ctx: ImportContext, removeType: string, object: Parameters<typeof namesOf>[0]): boolean {
  const withArgs = as<ObjectWithArgs>(object as never, 'ObjectWithArgs');
  const before = ctx.model.rawObjects.length;
  if (withArgs) {
    const names = namesOf(withArgs.objname);
    const name = names[names.length - 1];
    const signature = withArgs.args_unspecified ? undefined : signatureOf(ctx, name, (withArgs.objargs ?? []).map((n) => as<TypeName>(n, 'TypeName')!));
    ctx.model.rawObjects = ctx.model.rawObjects.filter((r) => !(signature ? ctx.rawKeys.get(r.id) === signature : r.name === name)
      || (names.length > 1 && r.schema !== names[names.length - 2]));
  } else {
    const names = namesOf(object);
    const member = names[names.length - 1];
    const onTable = ['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE'].includes(removeType);
    ctx.model.rawObjects = ctx.model.rawObjects.filter((r) => !(r.name === member && (!onTable || r.id.endsWith(`.${names.slice(-2).join('.')}`))));
  }
  return before !== ctx.model.rawObjects.length;
}

export function importDrop(ctx: ImportContext, stmt: DropStmt): void {
  const missing: string[] = [];
  for (const object of stmt.objects ?? []) {
    if (!dropOne(ctx, stmt.removeType ?? '', object)) missing.push(namesOf(as(object, 'TypeName') ? (as<TypeName>(object, 'TypeName')!.names) : object).join('.') || '?');
  }
  if (missing.length) {
    const what = (stmt.removeType ?? '').replace('OBJECT_', '').toLowerCase().replace('_', ' ');
    ctx.skip(`DROP ${what.toUpperCase()}`, `${missing.join(', ')} is not in the model: nothing to drop`);
  }
}
