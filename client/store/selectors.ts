/** Module-level selectors (stable functions, so components re-render only on what they read). */
import type { AppState } from './types.ts';

export const selectModel = (s: AppState) => s.doc.model;
export const selectLayout = (s: AppState) => s.doc.layout;
export const selectSelection = (s: AppState) => s.selection;
export const selectHighlight = (s: AppState) => s.highlight;
export const selectDialog = (s: AppState) => s.dialog;
export const selectNotice = (s: AppState) => s.notice;
export const selectProject = (s: AppState) => s.project;
export const selectSaveState = (s: AppState) => s.saveState;

/** The single selected table id, if exactly one table-like node is selected. */
export const selectSelectedTableId = (s: AppState): string | undefined => {
  if (s.selection.size !== 1) return undefined;
  const [id] = s.selection;
  return s.doc.model.tables.some((t) => t.id === id) ? id : undefined;
};
