/**
 * Edit ops on the model's other objects: views (plain and materialized), sequences and extensions,
 * and table-level storage options. Model in, new model out; untouched objects keep their identity.
 */
import type { Extension, Model, RawObject, Sequence, Table, View } from './document.ts';
import { newId } from './ids.ts';
import { refuseNoDataOnPlainView, withoutColumnDefaults, withoutPlainViewOptions } from './ops-view.ts';
import { ModelOpError, applyPatch, checkName, ensureSchema, filterShared, mapShared, updateTable } from './ops-util.ts';

type Partitioning = NonNullable<Table['partitioning']>;
type Patch<T> = { [K in keyof Omit<T, 'id'>]?: T[K] | null };

/** Empty strings mean "remove" for the optional text fields listed. */
function blanksToNull<T extends object>(patch: T, keys: Array<keyof T>): T {
  const out = { ...patch };
  for (const key of keys) if (out[key] === '') (out as Record<keyof T, unknown>)[key] = null;
  return out;
}

export interface TableOptionsPatch {
  unlogged?: boolean | null;
  /** `null` makes the table a plain table again. */
  partitioning?: Partitioning | null;
  /** Storage parameters, e.g. `{ fillfactor: '70' }`; `null` or `{}` removes them. */
  with?: Record<string, string> | null;
}

/** Ex: `setTableOptions(model, { tableId, patch: { partitioning: { strategy: 'range', key: 'created_at' } } })`. */
export function setTableOptions(model: Model, params: { tableId: string; patch: TableOptionsPatch }): Model {
  const patch: TableOptionsPatch = { ...params.patch };
  if (patch.unlogged === false) patch.unlogged = null;
  if (patch.with && Object.keys(patch.with).length === 0) patch.with = null;
  if (patch.partitioning && !patch.partitioning.key.trim()) throw new ModelOpError('a partitioned table needs a partition key');
  return updateTable(model, params.tableId, (t) => applyPatch(t, patch));
}

export interface AddViewParams {
  id?: string;
  schema?: string;
  name: string;
  definition: string;
  materialized?: boolean;
}

/** Ex: `addView(model, { name: 'active_customers', definition: 'SELECT * FROM customers WHERE is_active' })`. */
export function addView(model: Model, params: AddViewParams): Model {
  const schema = checkName(params.schema ?? 'public', 'schema');
  checkName(params.name, 'view');
  if (!params.definition.trim()) throw new ModelOpError('a view needs a query');
  const view: View = { id: params.id ?? newId('view'), schema, name: params.name, materialized: params.materialized ?? false, definition: params.definition };
  const next = ensureSchema(model, schema);
  return { ...next, views: [...next.views, view] };
}

/** A trailing semicolon is dropped from the query (the document keeps it without). */
export function updateView(model: Model, params: { viewId: string; patch: Patch<View> }): Model {
  const patch = blanksToNull(params.patch, ['comment']);
  if (patch.name !== undefined) checkName(patch.name ?? '', 'view');
  if (patch.schema !== undefined) checkName(patch.schema ?? '', 'schema');
  if (patch.definition !== undefined) {
    const definition = (patch.definition ?? '').trim().replace(/;\s*$/, '');
    if (!definition) throw new ModelOpError('a view needs a query');
    patch.definition = definition;
  }
  if (patch.materialized === null) delete patch.materialized;
  const view = model.views.find((v) => v.id === params.viewId);
  // WITH NO DATA says how a materialized view is created: it goes when the view becomes plain.
  if (patch.materialized === false) patch.withNoData = null;
  else if (patch.withNoData && view) refuseNoDataOnPlainView(view, patch.materialized ?? view.materialized);
  // PostgreSQL refuses security_barrier, check_option and column defaults on a materialized view: they go with the change.
  if (patch.materialized) {
    if (view?.with && !patch.with) patch.with = withoutPlainViewOptions(view.with) ?? null;
    if (view && !patch.columns && withoutColumnDefaults(view.columns) !== view.columns) patch.columns = withoutColumnDefaults(view.columns);
  }
  const views = mapShared(model.views, (v) => (v.id === params.viewId ? applyPatch(v, patch) : v));
  if (views === model.views) return model;
  return ensureSchema({ ...model, views }, views.find((v) => v.id === params.viewId)!.schema);
}

export function removeView(model: Model, params: { viewId: string }): Model {
  const views = filterShared(model.views, (v) => v.id !== params.viewId);
  if (views === model.views) return model;
  // Other views stop listing it as a dependency.
  return { ...model, views: mapShared(views, (v) => (v.dependsOn?.includes(params.viewId) ? { ...v, dependsOn: v.dependsOn.filter((d) => d !== params.viewId) } : v)) };
}

export function addSequence(model: Model, params: { id?: string; schema?: string; name: string } & Partial<Omit<Sequence, 'id' | 'schema' | 'name'>>): Model {
  const { id, schema: schemaParam, name, ...options } = params;
  const schema = checkName(schemaParam ?? 'public', 'schema');
  checkName(name, 'sequence');
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'string' && !/^-?\d+$/.test(value)) throw new ModelOpError(`sequence ${key} must be a whole number`);
  }
  const sequence: Sequence = { id: id ?? newId('seq'), schema, name, ...options };
  const next = ensureSchema(model, schema);
  return { ...next, sequences: [...next.sequences, sequence] };
}

/** Numbers are text (bigint bounds do not fit a JSON number); a non-integer is refused. */
export function updateSequence(model: Model, params: { sequenceId: string; patch: Patch<Sequence> }): Model {
  const patch = blanksToNull(params.patch, ['start', 'increment', 'minValue', 'maxValue', 'cache', 'comment']);
  if (patch.name !== undefined) checkName(patch.name ?? '', 'sequence');
  if (patch.schema !== undefined) checkName(patch.schema ?? '', 'schema');
  for (const key of ['start', 'increment', 'minValue', 'maxValue', 'cache'] as const) {
    const value = patch[key];
    if (typeof value === 'string' && !/^-?\d+$/.test(value.trim())) throw new ModelOpError(`sequence ${key} must be a whole number`);
  }
  const sequences = mapShared(model.sequences, (s) => (s.id === params.sequenceId ? applyPatch(s, patch) : s));
  if (sequences === model.sequences) return model;
  const sequence = sequences.find((s) => s.id === params.sequenceId)!;
  return ensureSchema({ ...model, sequences }, sequence.schema);
}

export function removeSequence(model: Model, params: { sequenceId: string }): Model {
  const sequences = filterShared(model.sequences, (s) => s.id !== params.sequenceId);
  return sequences === model.sequences ? model : { ...model, sequences };
}

/** Ex: `addExtension(model, { name: 'citext' })`; an extension already present leaves the model unchanged. */
export function addExtension(model: Model, params: { id?: string; name: string; schema?: string; version?: string }): Model {
  if (!params.name.trim()) throw new ModelOpError('an extension needs a name');
  if (model.extensions.some((e) => e.name === params.name)) return model;
  const extension: Extension = {
    id: params.id ?? newId('ext'),
    name: params.name,
    ...(params.schema ? { schema: checkName(params.schema, 'schema') } : {}),
    ...(params.version ? { version: params.version } : {}),
  };
  const next = params.schema ? ensureSchema(model, params.schema) : model;
  return { ...next, extensions: [...next.extensions, extension] };
}

/** Ex: `updateExtension(model, { extensionId, patch: { schema: 'extensions', version: '1.6' } })`; `''` or null removes one. */
export function updateExtension(model: Model, params: { extensionId: string; patch: { schema?: string | null; version?: string | null } }): Model {
  const patch = blanksToNull({ schema: params.patch.schema?.trim(), version: params.patch.version?.trim() }, ['schema', 'version']);
  if (patch.schema) checkName(patch.schema, 'schema');
  if (patch.version && !/^[\w.-]+$/.test(patch.version)) throw new ModelOpError(`extension version "${patch.version}" may only hold letters, digits, dots, dashes and underscores`);
  const extensions = mapShared(model.extensions, (e) => (e.id === params.extensionId ? applyPatch(e, patch) : e));
  if (extensions === model.extensions) return model;
  return patch.schema ? ensureSchema({ ...model, extensions }, patch.schema) : { ...model, extensions };
}

export function removeExtension(model: Model, params: { extensionId: string }): Model {
  const extensions = filterShared(model.extensions, (e) => e.id !== params.extensionId);
  return extensions === model.extensions ? model : { ...model, extensions };
}

/** Sets or clears a schema's comment. */
export function setSchemaComment(model: Model, params: { schemaId: string; comment: string }): Model {
  const schemas = mapShared(model.schemas, (s) => (s.id === params.schemaId ? applyPatch(s, { comment: params.comment || null }) : s));
  return schemas === model.schemas ? model : { ...model, schemas };
}

export interface AddRawObjectParams {
  id?: string;
  kind: RawObject['kind'];
  name: string;
  schema?: string;
  definition: string;
  tableId?: string;
}

/** Objects the model does not type (functions, triggers, policies, …), kept as their SQL. */
export function addRawObject(model: Model, params: AddRawObjectParams): Model {
  if (!params.name.trim()) throw new ModelOpError(`a ${params.kind} needs a name`);
  const definition = rawDefinition(params.definition);
  const raw: RawObject = {
    id: params.id ?? newId('raw'),
    kind: params.kind,
    name: params.name,
    definition,
    ...(params.schema ? { schema: params.schema } : {}),
    ...(params.tableId ? { tableId: params.tableId } : {}),
  };
  return { ...model, rawObjects: [...model.rawObjects, raw] };
}

/** The definition keeps its statements; a missing final semicolon is added (the document wants one). */
export function updateRawObject(model: Model, params: { rawId: string; patch: Patch<RawObject> }): Model {
  const patch = { ...params.patch };
  if (patch.definition !== undefined) patch.definition = rawDefinition(patch.definition ?? '');
  if (patch.name !== undefined && !patch.name?.trim()) throw new ModelOpError('a name is needed');
  if (patch.kind === null) delete patch.kind;
  if (patch.schema === '') patch.schema = null;
  const rawObjects = mapShared(model.rawObjects, (r) => (r.id === params.rawId ? applyPatch(r, patch) : r));
  return rawObjects === model.rawObjects ? model : { ...model, rawObjects };
}

export function removeRawObject(model: Model, params: { rawId: string }): Model {
  const rawObjects = filterShared(model.rawObjects, (r) => r.id !== params.rawId);
  return rawObjects === model.rawObjects ? model : { ...model, rawObjects };
}

function rawDefinition(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new ModelOpError('the SQL definition is empty');
  return trimmed.endsWith(';') ? trimmed : `${trimmed};`;
}
