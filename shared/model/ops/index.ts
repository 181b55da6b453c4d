/**
 * Pure edit ops on the model: `op(model, params) → model`. Every op keeps structural sharing
 * (tables, columns and lists that did not change keep their identity, and an op that changes
 * nothing returns the very same model, so callers can skip an undo step with `===`). Ops never
 * touch layout. Creating ops accept an optional `id` so the caller knows what it created.
 * Impossible requests throw `ModelOpError`; unknown ids are a no-op.
 *
 * The ops are split by noun; import them from here.
 */
export { ModelOpError } from './model-op-error.ts';
export { firstFree, uniqueName } from './op-names.ts';
export * from './tables.ts';
export { addColumn, renameColumn, updateColumn, deleteColumn, moveColumn } from './columns.ts';
export type { AddColumnParams, ColumnPatch } from './columns.ts';
export * from './constraints.ts';
export * from './foreign-keys.ts';
export * from './indexes.ts';
export * from './enums-domains.ts';
export * from './schemas.ts';
export * from './table-options.ts';
export * from './extensions.ts';
export * from './raw-objects.ts';
export * from './sequences.ts';
export * from './views.ts';
export * from './partitions.ts';
