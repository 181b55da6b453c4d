/** Edit ops on the objects the model keeps as SQL text (functions, triggers, policies, …). */
import type { Model, RawObject } from '../document.ts';
import { newId } from '../ids.ts';
import { applyPatch, filterShared, mapShared, type Patch } from './structural-sharing.ts';
import { ModelOpError } from './model-op-error.ts';

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
