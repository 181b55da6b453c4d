/**
 * Binds the studio's store to a shared Y.Doc. A local edit (any change of `doc` the user made) is
 * written as the difference from the previous document; an edit from elsewhere is read back into
 * the store without entering the undo history (undo is each person's own). Undo and redo, while
 * bound, go through a Y.UndoManager that reverts only this browser's edits, leaving everyone
 * else's in place.
 */
import * as Y from 'yjs';
import type { ModelDocument } from '../../shared/model/document.ts';
import { readDocument, sharedRoot, writeDocument } from '../../shared/live/shared-document.ts';
import { touchedTypes } from '../../shared/live/y-json.ts';
import { shareEqual } from '../../shared/live/share-equal.ts';
import { useStore } from '../store/index.ts';
import { withoutGone } from '../store/document-ids.ts';

/** The origin of this browser's own transactions. */
export const LOCAL = Symbol('this browser');
/** Edits between two steps of the store's history are one undo step, however long they take. */
const ONE_STEP = 24 * 60 * 60 * 1000;

export interface StoreBinding {
  /** After the first sync: puts the room's document on the page, with edits made before it on top. */
  start(openedDoc: ModelDocument): void;
  undo(): void;
  redo(): void;
  readonly undoManager: Y.UndoManager;
  stop(): void;
}

export function bindStore(ydoc: Y.Doc, edited: () => void): StoreBinding {
  const root = sharedRoot(ydoc);
  const temporal = useStore.temporal;
  const undoManager = new Y.UndoManager(root, { trackedOrigins: new Set([LOCAL]), captureTimeout: ONE_STEP });
  const changed = new Set<unknown>();
  let started = false;
  let applying = false;

  /** Puts what others changed into the store, untracked; the selection lets go of what they removed. */
  const pull = (whole = false) => {
    const state = useStore.getState();
    // Read whole (on joining), every object is new: shared with the page's document where equal, so
    // the canvas keeps every node that did not change instead of drawing the diagram again.
    const read = readDocument(ydoc, state.doc.layout.viewport, whole ? undefined : state.doc, changed);
    const next = whole ? shareEqual(state.doc, read) : read;
    changed.clear();
    if (next === state.doc) return;
    applying = true;
    const tracking = temporal.getState().isTracking;
    temporal.getState().pause();
    try {
      useStore.setState({ doc: next });
    } finally {
      if (tracking) temporal.getState().resume();
      applying = false;
    }
    const now = useStore.getState();
    const kept = withoutGone(now.selection, now.doc);
    if (kept.length !== now.selection.size) now.select(kept);
  };

  const observe = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin !== LOCAL) touchedTypes(events, root, changed);
  };
  const afterTransaction = (transaction: Y.Transaction) => {
    if (started && transaction.origin !== LOCAL && changed.size) pull();
  };
  root.observeDeep(observe);
  ydoc.on('afterTransaction', afterTransaction);

  const unsubscribe = useStore.subscribe((state, previous) => {
    // A document loaded (opened, restored) is no edit: the session restarts for it (live-session.ts).
    if (!started || applying || state.doc === previous.doc || state.loads !== previous.loads) return;
    // A step of the store's history starts a new undo step; a drag's moves (untracked) join theirs.
    if (temporal.getState().isTracking) undoManager.stopCapturing();
    writeDocument(ydoc, previous.doc, state.doc, LOCAL);
    edited();
  });

  const step = (run: () => void) => {
    undoManager.stopCapturing();
    run();
  };

  return {
    undoManager,
    start(openedDoc) {
      if (started) return;
      const local = useStore.getState().doc;
      pull(true);
      started = true;
      // What was edited here between opening and the first sync goes on top of the room's document.
      if (local !== openedDoc) {
        writeDocument(ydoc, openedDoc, local, LOCAL);
        changed.add(root);
        pull(true);
      }
    },
    undo: () => step(() => undoManager.undo()),
    redo: () => step(() => undoManager.redo()),
    stop() {
      unsubscribe();
      root.unobserveDeep(observe);
      ydoc.off('afterTransaction', afterTransaction);
      undoManager.destroy();
    },
  };
}
