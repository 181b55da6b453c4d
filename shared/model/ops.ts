/**
 * Pure edit ops on the model: `op(model, params) → model`. Every op keeps structural sharing
 * (tables, columns and lists that did not change keep their identity, and an op that changes
 * nothing returns the very same model, so callers can skip an undo step with `===`). Ops never
 * touch layout. Creating ops accept an optional `id` so the caller knows what it created.
 * Impossible requests throw `ModelOpError`; unknown ids are a no-op.
 *
 * The ops are split by noun; import them from here.
 */
export { ModelOpError, firstFree, uniqueName } from './ops-util.ts';
export * from './ops-table.ts';
export { addColumn, renameColumn, updateColumn, deleteColumn, moveColumn } from './ops-column.ts';
export type { AddColumnParams, ColumnPatch } from './ops-column.ts';
export * from './ops-constraint.ts';
export * from './ops-foreign-key.ts';
export * from './ops-index.ts';
export * from './ops-type.ts';
export * from './ops-schema.ts';
export * from './ops-object.ts';
export * from './ops-sequence.ts';
export * from './ops-view.ts';
export * from './ops-partition.ts';
