/**
 * What the rooms announce in their own presence state (the server has no presence of its own).
 * Saves: after each save the room announces the document's state vector it saved; this browser's
 * edits are saved when the room's clock for it reaches its own; with several studio instances, any
 * room's word counts. Comments: a revision that moves whenever a thread of the project changes.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

export function savedClockOf(awareness: Awareness, clientId: number): number {
  let best = 0;
  awareness.getStates().forEach((state) => {
    const clock = (state as { saved?: Record<string, unknown> }).saved?.[clientId];
    if (typeof clock === 'number' && clock > best) best = clock;
  });
  return best;
}

export function editsSaved(ydoc: Y.Doc, awareness: Awareness): boolean {
  return savedClockOf(awareness, ydoc.clientID) >= Y.getState(ydoc.store, ydoc.clientID);
}

/** Resolves once this browser's edits are saved (or after `timeoutMs`, whatever the room said). */
export function whenSaved(ydoc: Y.Doc, awareness: Awareness, timeoutMs = 10_000): Promise<void> {
  if (editsSaved(ydoc, awareness)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      awareness.off('change', check);
      resolve();
    };
    const check = () => editsSaved(ydoc, awareness) && done();
    const timer = setTimeout(done, timeoutMs);
    awareness.on('change', check);
  });
}

/**
 * What the rooms announced of the project's comments: each room's revision, as one key that changes
 * whenever any room's does (a comment made through another instance arrives through the relay).
 */
export function commentsRevisionOf(awareness: Awareness): string {
  const revisions: string[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const revision = (state as { comments?: unknown }).comments;
    if (typeof revision === 'number') revisions.push(`${clientId}:${revision}`);
  });
  return revisions.sort().join(',');
}
