/**
 * Edit ops on PostgreSQL schemas (namespaces). Objects name their schema by name, so renaming a
 * schema rewrites the `schema` of every object in it, and of every column type defined there.
 * A schema's comment is set here too.
 */
import type { Model } from '../document.ts';
import { newId } from '../ids.ts';
import { renameIdentifier } from '../sql-rename.ts';
import { mapViewColumnDefaults } from './views.ts';
import { applyPatch, mapColumnTypes, mapShared, updateTables } from './structural-sharing.ts';
import { checkName } from './op-names.ts';
import { ModelOpError } from './model-op-error.ts';

/** Adds an empty schema; a name already present leaves the model unchanged. */
export function addSchema(model: Model, params: { name: string; id?: string; comment?: string }): Model {
  if (model.schemas.some((s) => s.name === params.name)) return model;
  checkName(params.name, 'schema');
  const schema = { id: params.id ?? newId('schema'), name: params.name, ...(params.comment ? { comment: params.comment } : {}) };
  return { ...model, schemas: [...model.schemas, schema] };
}

/** Ex: `renameSchema(model, { schemaId, name: 'sales' })` moves its tables, views, enums… along. */
export function renameSchema(model: Model, params: { schemaId: string; name: string }): Model {
  const schema = model.schemas.find((s) => s.id === params.schemaId);
  if (!schema || schema.name === params.name) return model;
  checkName(params.name, 'schema');
  if (model.schemas.some((s) => s.name === params.name)) throw new ModelOpError(`schema ${params.name} already exists`);
  const from = schema.name;
  const to = params.name;
  const sql = (text: string) => renameIdentifier(text, from, to, { qualifying: true });
  // Objects move, and SQL that qualifies names with the schema (`sales.orders`, `'x'::sales.status`) follows.
  const move = <T extends { schema?: string; definition?: string }>(list: T[]): T[] => mapShared(list, (o) => {
    const definition = o.definition === undefined ? undefined : sql(o.definition);
    if (o.schema !== from && definition === o.definition) return o;
    return { ...o, ...(o.schema === from ? { schema: to } : {}), ...(definition !== undefined ? { definition } : {}) };
  });
  const next: Model = {
    ...model,
    schemas: model.schemas.map((s) => (s === schema ? { ...s, name: to } : s)),
    extensions: move(model.extensions),
    enums: move(model.enums),
    domains: move(model.domains),
    sequences: move(model.sequences),
    tables: move(model.tables),
    views: move(model.views),
    rawObjects: move(model.rawObjects),
  };
  const retyped = mapViewColumnDefaults(mapColumnTypes(next, (type) => (type.schema === from ? { ...type, schema: to } : type)), sql);
  return updateTables(retyped, (t) => {
    const columns = mapShared(t.columns, (c) => (c.default && sql(c.default) !== c.default ? { ...c, default: sql(c.default) } : c));
    const checks = mapShared(t.checks, (c) => (sql(c.expression) === c.expression ? c : { ...c, expression: sql(c.expression) }));
    return columns === t.columns && checks === t.checks ? t : { ...t, columns, checks };
  });
}

/** Removes a schema that holds nothing; throws `ModelOpError` otherwise (nothing is dropped silently). */
export function removeSchema(model: Model, params: { schemaId: string }): Model {
  const schema = model.schemas.find((s) => s.id === params.schemaId);
  if (!schema) return model;
  const lists: Array<Array<{ schema?: string }>> = [model.tables, model.views, model.enums, model.domains, model.sequences];
  if (lists.some((list) => list.some((o) => o.schema === schema.name))) {
    throw new ModelOpError(`schema ${schema.name} is not empty`);
  }
  return { ...model, schemas: model.schemas.filter((s) => s !== schema) };
}

/** Sets or clears a schema's comment. */
export function setSchemaComment(model: Model, params: { schemaId: string; comment: string }): Model {
  const schemas = mapShared(model.schemas, (s) => (s.id === params.schemaId ? applyPatch(s, { comment: params.comment || null }) : s));
  return schemas === model.schemas ? model : { ...model, schemas };
}
