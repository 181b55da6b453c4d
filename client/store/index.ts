/**
 * The one store, built from slices. Only `doc` enters undo history (zundo); a drag is paused
 * while it runs and recorded once at its end (see document-slice).
 */
import { create, useStore as useVanillaStore } from 'zustand';
import { temporal } from 'zundo';
import { createDocumentSlice } from './document-slice.ts';
import { createSessionSlice } from './session-slice.ts';
import { createProjectSlice } from './project-slice.ts';
import { createConnectionSlice } from './connection-slice.ts';
import { createCommentsSlice } from './comments-slice.ts';
import type { AppState, History } from './types.ts';
import { withoutGone } from './document-ids.ts';

export type { AppState } from './types.ts';

export const useStore = create<AppState>()(
  temporal(
    (...a) => ({ ...createDocumentSlice(...a), ...createSessionSlice(...a), ...createProjectSlice(...a), ...createConnectionSlice(...a), ...createCommentsSlice(...a) }),
    {
      partialize: (state): History => ({ doc: state.doc }),
      equality: (past, current) => past.doc === current.doc,
      limit: 300,
    },
  ),
);

/**
 * Undo and redo step through edits; where the user is looking stays as it is (it is not an edit),
 * and the selection lets go of what the step removed (a stale id would hide the inspector).
 */
function historyStep(step: () => void) {
  const viewport = useStore.getState().doc.layout.viewport;
  step();
  const state = useStore.getState();
  state.keepViewport(viewport);
  state.select(withoutGone(state.selection, state.doc));
}
/** Undo and redo while co-editing: only this person's edits (client/together); none otherwise. */
let sharedHistory: { undo: () => void; redo: () => void } | undefined;
export function routeHistory(history: { undo: () => void; redo: () => void }): () => void {
  sharedHistory = history;
  return () => {
    if (sharedHistory === history) sharedHistory = undefined;
  };
}
export const undo = () => historyStep(() => (sharedHistory ? sharedHistory.undo() : useStore.temporal.getState().undo()));
export const redo = () => historyStep(() => (sharedHistory ? sharedHistory.redo() : useStore.temporal.getState().redo()));

/** `useHistory((h) => h.pastStates.length)`: re-renders when undo/redo availability changes. */
export function useHistory<T>(selector: (state: ReturnType<typeof useStore.temporal.getState>) => T): T {
  return useVanillaStore(useStore.temporal, selector);
}
