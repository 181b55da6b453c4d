/** Edit ops on extensions (CREATE EXTENSION): add one by name, move it to a schema, pin its version. */
import type { Extension, Model } from '../document.ts';
import { newId } from '../ids.ts';
import { applyPatch, blanksToNull, ensureSchema, filterShared, mapShared } from './structural-sharing.ts';
import { checkName } from './op-names.ts';
import { ModelOpError } from './model-op-error.ts';

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
