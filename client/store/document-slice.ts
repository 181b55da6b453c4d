/**
 * The document slice: the model and its layout, the only state that is saved and undone.
 * Every model change goes through a pure op from shared/model (the store never edits in place).
 */
import type { StateCreator } from 'zustand';
import type { Layout, Model, ModelDocument } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { setViewport, type Viewport } from '../../shared/model/ops/layout.ts';
import { placeNewObjects } from '../../shared/model/initial-layout.ts';
import { historyOf, type AppState, type Mutators } from './types.ts';

export type Point = { x: number; y: number };

export interface DocumentSlice {
  doc: ModelDocument;
  /** Replaces the document (open, new from template); history starts afresh. */
  loadDocument: (doc: ModelDocument) => void;
  /** One undoable step: `editModel((m) => addTable(m, { name: 'orders' }))`. */
  editModel: (op: (model: Model) => Model) => void;
  editLayout: (op: (layout: Layout) => Layout) => void;
  /** Model and layout in one undoable step (add a table at a position, paste, …). */
  editDocument: (op: (doc: ModelDocument) => ModelDocument) => void;
  /** Moves nodes now; during a drag the moves are live and not yet in history. */
  moveNodes: (moves: Record<string, Point>) => void;
  beginDrag: () => void;
  /** Closes a drag: the whole drag becomes one history step. */
  endDrag: () => void;
  /** Counts `loadDocument` calls, so the canvas knows when to show a document's saved viewport. */
  loads: number;
  /**
   * Keeps where the user is looking in `layout.viewport` (saved with the document) without an
   * undo step: panning is not an edit to undo. `undefined` leaves the document as it is.
   */
  keepViewport: (viewport: Viewport | undefined) => void;
}

/** New layout with the given node positions; untouched entries keep their identity. */
export function withPositions(layout: Layout, moves: Record<string, Point>): Layout {
  const nodes = { ...layout.nodes };
  const notes = layout.notes.map((n) => (moves[n.id] ? { ...n, ...moves[n.id] } : n));
  for (const [id, point] of Object.entries(moves)) {
    if (layout.notes.some((n) => n.id === id)) continue;
    const old = nodes[id];
    if (old && old.x === point.x && old.y === point.y) continue;
    nodes[id] = { ...old, x: point.x, y: point.y };
  }
  return { ...layout, nodes, notes };
}

export const createDocumentSlice: StateCreator<AppState, Mutators, [], DocumentSlice> = (set, get, store) => {
  let dragOrigin: ModelDocument | null = null;
  const history = () => historyOf(store).getState();
  const setDoc = (doc: ModelDocument) => {
    if (doc !== get().doc) set({ doc });
  };
  return {
    doc: makeDocument(emptyModel()),
    loads: 0,
    loadDocument: (doc) => {
      set({ doc, loads: get().loads + 1 });
      history().clear();
    },
    editModel: (op) => {
      const { doc } = get();
      const model = op(doc.model);
      if (model !== doc.model) setDoc({ ...doc, model, layout: placeNewObjects(doc.model, model, doc.layout) });
    },
    editLayout: (op) => {
      const { doc } = get();
      const layout = op(doc.layout);
      if (layout !== doc.layout) setDoc({ ...doc, layout });
    },
    editDocument: (op) => setDoc(op(get().doc)),
    moveNodes: (moves) => {
      const { doc } = get();
      setDoc({ ...doc, layout: withPositions(doc.layout, moves) });
    },
    keepViewport: (viewport) => {
      if (!viewport) return;
      const { doc } = get();
      const layout = setViewport(doc.layout, viewport);
      if (layout === doc.layout) return;
      const tracking = history().isTracking;
      history().pause();
      set({ doc: { ...doc, layout } });
      if (tracking) history().resume();
    },
    beginDrag: () => {
      if (dragOrigin) return;
      dragOrigin = get().doc;
      history().pause();
    },
    endDrag: () => {
      const origin = dragOrigin;
      dragOrigin = null;
      const final = get().doc;
      if (!origin) return;
      // Put the start state back untracked, then record start → end as a single step.
      set({ doc: origin });
      history().resume();
      if (final !== origin) set({ doc: final });
    },
  };
};
