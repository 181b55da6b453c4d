/**
 * Edit ops on whole tables. Each takes the model and one params object and returns a new model;
 * tables an op did not touch keep their identity. Unknown ids leave the model unchanged (same object).
 */
import type { Column, Model, Table } from '../document.ts';
import { newId } from '../ids.ts';
import { renameIdentifier } from '../sql-rename.ts';
import { ensureSchema, filterShared, findTable, mapShared, updateTable } from './structural-sharing.ts';
import { checkName, checkOptionalName, firstFree, uniqueName } from './op-names.ts';

export interface AddTableParams {
  /** Give an id to know the new table's id (e.g. to select it); default `newId('table')`. */
  id?: string;
  schema?: string;
  /** Default: `table_1`, `table_2`, … (the first free one in the schema). */
  name?: string;
  comment?: string;
  /** Start with an `id bigint GENERATED ALWAYS AS IDENTITY` primary key, as most tables do. */
  withIdColumn?: boolean;
  columns?: Column[];
}

/** Ex: `addTable(model, { name: 'orders', withIdColumn: true })`. */
export function addTable(model: Model, params: AddTableParams): Model {
  const schema = checkName(params.schema ?? 'public', 'schema');
  checkOptionalName(params.name, 'table');
  const taken = model.tables.filter((t) => t.schema === schema).map((t) => t.name);
  const name = params.name ?? firstFree('table', taken);
  const table: Table = {
    id: params.id ?? newId('table'),
    schema,
    name,
    ...(params.comment ? { comment: params.comment } : {}),
    columns: [...(params.columns ?? [])],
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
  };
  if (params.withIdColumn) {
    const column: Column = { id: newId('column'), name: 'id', type: { name: 'bigint' }, notNull: true, identity: { kind: 'always' } };
    table.columns.unshift(column);
    table.primaryKey = { id: newId('pk'), columns: [column.id] };
  }
  const withSchema = ensureSchema(model, schema);
  return { ...withSchema, tables: [...withSchema.tables, table] };
}

/**
 * Renames a table (its id stays). View queries, and the SQL of triggers, rules and policies on the
 * table, follow the new name (dollar-quoted function bodies are left alone).
 */
export function renameTable(model: Model, params: { tableId: string; name: string }): Model {
  const old = findTable(model, params.tableId);
  if (!old || old.name === params.name) return model;
  checkName(params.name, 'table');
  const next = updateTable(model, params.tableId, (t) => ({ ...t, name: params.name }));
  const sql = (text: string) => renameIdentifier(text, old.name, params.name);
  const views = mapShared(next.views, (v) => (sql(v.definition) === v.definition ? v : { ...v, definition: sql(v.definition) }));
  const rawObjects = mapShared(next.rawObjects, (r) => (r.tableId !== old.id || sql(r.definition) === r.definition ? r : { ...r, definition: sql(r.definition) }));
  return views === next.views && rawObjects === next.rawObjects ? next : { ...next, views, rawObjects };
}

/** Moves a table to another schema, adding the schema to the model when it is new. */
export function setTableSchema(model: Model, params: { tableId: string; schema: string }): Model {
  const table = findTable(model, params.tableId);
  if (!table || table.schema === params.schema) return model;
  checkName(params.schema, 'schema');
  const next = updateTable(model, params.tableId, (t) => ({ ...t, schema: params.schema }));
  // Queries that name the table with its schema follow it.
  const sql = (text: string) => renameIdentifier(text, table.schema, params.schema, { qualifying: table.name });
  const views = mapShared(next.views, (v) => (sql(v.definition) === v.definition ? v : { ...v, definition: sql(v.definition) }));
  const rawObjects = mapShared(next.rawObjects, (r) => (sql(r.definition) === r.definition ? r : { ...r, definition: sql(r.definition) }));
  return ensureSchema({ ...next, views, rawObjects }, params.schema);
}

/** An empty comment removes it. */
export function setTableComment(model: Model, params: { tableId: string; comment: string }): Model {
  return updateTable(model, params.tableId, (t) => {
    if ((t.comment ?? '') === params.comment) return t;
    const { comment: _old, ...rest } = t;
    return params.comment ? { ...rest, comment: params.comment } : rest;
  });
}

/**
 * Deletes a table and what PostgreSQL drops with it (`DROP TABLE … CASCADE`): foreign keys of other
 * tables pointing at it, its partitions, sequences it owns, its triggers/policies/rules. Layout is
 * the caller's business (layout never lives in the model).
 */
export function deleteTable(model: Model, params: { tableId: string }): Model {
  const doomed = new Set<string>();
  const collect = (id: string) => {
    doomed.add(id);
    for (const t of model.tables) if (t.partitionOf?.parentId === id && !doomed.has(t.id)) collect(t.id);
  };
  if (!findTable(model, params.tableId)) return model;
  collect(params.tableId);
  const tables = model.tables
    .filter((t) => !doomed.has(t.id))
    .map((t) => {
      const foreignKeys = filterShared(t.foreignKeys, (fk) => !doomed.has(fk.refTableId));
      const inherits = t.inherits && filterShared(t.inherits, (id) => !doomed.has(id));
      if (foreignKeys === t.foreignKeys && inherits === t.inherits) return t;
      return { ...t, foreignKeys, ...(inherits ? { inherits } : {}) };
    });
  const sequences = filterShared(model.sequences, (s) => !s.ownedBy || !doomed.has(s.ownedBy.tableId));
  const rawObjects = filterShared(model.rawObjects, (r) => !r.tableId || !doomed.has(r.tableId));
  const views = mapShared(model.views, (v) => {
    const dependsOn = v.dependsOn && filterShared(v.dependsOn, (id) => !doomed.has(id));
    return dependsOn === v.dependsOn ? v : { ...v, dependsOn };
  });
  return { ...model, tables, sequences, rawObjects, views };
}

export interface DuplicateTableParams {
  tableId: string;
  id?: string;
  /** Default: `<name>_copy` (or `_copy_2`, …). */
  name?: string;
}

/**
 * Copies a table with fresh ids for it, its columns, constraints and indexes. Names of primary
 * keys, uniques and indexes are dropped (they are schema-wide, so the copy takes PostgreSQL's
 * default names); self-references point at the copy.
 */
export function duplicateTable(model: Model, params: DuplicateTableParams): Model {
  const source = findTable(model, params.tableId);
  if (!source) return model;
  checkOptionalName(params.name, 'table');
  const tableId = params.id ?? newId('table');
  const columnIds = new Map(source.columns.map((c) => [c.id, newId('column')]));
  const col = (id: string) => columnIds.get(id) ?? id;
  const taken = model.tables.filter((t) => t.schema === source.schema).map((t) => t.name);
  const copy: Table = {
    ...source,
    id: tableId,
    name: params.name ?? uniqueName(`${source.name}_copy`, taken),
    columns: source.columns.map((c) => ({ ...c, id: col(c.id) })),
    primaryKey: source.primaryKey && { ...withoutName(source.primaryKey), id: newId('pk'), columns: source.primaryKey.columns.map(col) },
    uniques: source.uniques.map((u) => ({ ...withoutName(u), id: newId('uq'), columns: u.columns.map(col) })),
    checks: source.checks.map((c) => ({ ...c, id: newId('ck') })),
    foreignKeys: source.foreignKeys.map((fk) => {
      const self = fk.refTableId === source.id;
      return {
        ...fk,
        id: newId('fk'),
        columns: fk.columns.map(col),
        refTableId: self ? tableId : fk.refTableId,
        refColumns: self ? fk.refColumns.map(col) : fk.refColumns,
      };
    }),
    indexes: source.indexes.map((x) => ({
      ...withoutName(x),
      id: newId('idx'),
      items: x.items.map((item) => (item.column ? { ...item, column: col(item.column) } : item)),
      ...(x.include ? { include: x.include.map(col) } : {}),
    })),
  };
  if (!copy.primaryKey) delete copy.primaryKey;
  return { ...model, tables: [...model.tables, copy] };
}

function withoutName<T extends { name?: string }>(obj: T): T {
  const { name: _name, ...rest } = obj;
  return rest as T;
}

/** Removes every table id in `tableIds` (multi-select delete), one `deleteTable` at a time. */
export function deleteTables(model: Model, params: { tableIds: string[] }): Model {
  return params.tableIds.reduce((m, tableId) => deleteTable(m, { tableId }), model);
}
