/**
 * `COMMENT ON INDEX` naming the index of a primary key or unique constraint. The model has no place
 * for it (a key's `comment` is `COMMENT ON CONSTRAINT`, another object), so it is carried as SQL:
 * one raw `COMMENT ON INDEX` statement per key, written at the end of the script under the key's
 * final name, so renames, SET SCHEMA and drops in between are honoured.
 */
import type { PrimaryKey, Table, Unique } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';
import { quoteLiteral, quoteQualified } from '../../ddl/quote.ts';
import { appendToRaw } from './raw-objects.ts';
import { indexName, type ImportContext } from './import-context.ts';
import { constraintName } from './drop.ts';

type Key = PrimaryKey | Unique;

/** The name of a key's index, which is the key's own name. */
function keyName(ctx: ImportContext, table: Table, key: Key): string {
  if (key === table.primaryKey) return key.name ?? ctx.chosenNames.get(key.id) ?? `${table.name}_pkey`;
  return constraintName(key);
}

function keysOf(table: Table): Key[] {
  return [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques];
}

/**
 * What `COMMENT ON INDEX [schema.]name` names when it is not a plain index: a key, or an exclusion
 * constraint (kept as raw SQL, which then takes the statement). Looked up along the search path
 * with the plain indexes, as PostgreSQL looks up a relation name; undefined for a plain index.
 */
function keyIndexNamed(ctx: ImportContext, schema: string | undefined, name: string) {
  for (const s of schema ? [schema] : ctx.lookupPath()) {
    for (const table of ctx.model.tables.filter((t) => t.schema === s)) {
      if (table.indexes.some((x) => indexName(x) === name)) return undefined;
      const key = keysOf(table).find((k) => keyName(ctx, table, k) === name);
      if (key) return { key };
      const exclusion = ctx.model.rawObjects.find((r) => r.tableId === table.id && r.kind === 'other' && r.name === name);
      if (exclusion) return { exclusion };
    }
    if (ctx.model.views.some((v) => v.schema === s && v.indexes?.some((x) => indexName(x) === name))) return undefined;
  }
  return undefined;
}

/** Takes a `COMMENT ON INDEX` on a key's or exclusion constraint's index; false when the index is not one. */
export function commentOnKeyIndex(ctx: ImportContext, names: string[], comment: string | undefined, text: string): boolean {
  const name = names[names.length - 1];
  const found = keyIndexNamed(ctx, names.length > 1 ? names[names.length - 2] : undefined, name);
  if (found?.exclusion) appendToRaw(ctx, found.exclusion, text);
  else if (found?.key && comment === undefined) ctx.keyIndexComments.delete(found.key);
  else if (found?.key) ctx.keyIndexComments.set(found.key, comment!);
  else return false;
  if (found.key && comment !== undefined) ctx.warn(`COMMENT ON INDEX ${name}: the model keeps no comment on the index of a key; kept as SQL text`);
  return true;
}

/** Writes the kept comments of keys still in the model as raw `COMMENT ON INDEX` statements. */
export function carryKeyIndexComments(ctx: ImportContext): void {
  for (const table of ctx.model.tables) {
    for (const key of keysOf(table)) {
      const comment = ctx.keyIndexComments.get(key);
      if (comment === undefined) continue;
      const name = keyName(ctx, table, key);
      ctx.addRaw({
        id: derivedId.raw('other', table.schema, `${table.name}.${name}.index-comment`), kind: 'other', schema: table.schema,
        name: `${name} index comment`, definition: `COMMENT ON INDEX ${quoteQualified(table.schema, name)} IS ${quoteLiteral(comment)};`, tableId: table.id,
      });
    }
  }
  ctx.keyIndexComments.clear();
}
