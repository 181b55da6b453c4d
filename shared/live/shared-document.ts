/**
 * The part of a document that co-editors share, in a Y.Doc. Where each person looks
 * (`layout.viewport`) stays theirs: it is not part of the shared document. The last viewport
 * anyone moved to is kept beside it, apart, so the room saves it with the project (a reopened
 * project shows where someone last looked) while nobody's view follows anyone else's.
 */
import * as Y from 'yjs';
import type { ModelDocument } from '../model/document.ts';
import { readY, writeChange } from './y-json.ts';

/** The name of the document's map in every Y.Doc. */
const ROOT = 'document';
/** The name of the map that keeps the last viewport, under `LAST`. */
const VIEWS = 'views';
const LAST = 'last';

export const sharedRoot = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap(ROOT);

type JsonObject = Parameters<typeof writeChange>[2];

/** The document without its viewport (`layout` is copied only when it has one). */
function withoutViewport(doc: ModelDocument): JsonObject {
  if (!doc.layout.viewport) return doc as unknown as JsonObject;
  const { viewport: _viewport, ...layout } = doc.layout;
  return { ...doc, layout } as unknown as JsonObject;
}

/**
 * Writes the change from `from` (what the shared document held, or nothing) to `to` in one
 * transaction with `origin` (undo and relays tell their own edits apart by it).
 */
export function writeDocument(ydoc: Y.Doc, from: ModelDocument | undefined, to: ModelDocument, origin: unknown): void {
  ydoc.transact(() => {
    const viewport = to.layout.viewport;
    if (viewport && viewport !== from?.layout.viewport) ydoc.getMap(VIEWS).set(LAST, { ...viewport });
    const before = from ? withoutViewport(from) : undefined;
    const after = withoutViewport(to);
    // Both sides without a viewport share `layout` only when it had none: compare its parts.
    if (before && isLayoutOnlyViewport(from!, to)) return;
    writeChange(sharedRoot(ydoc), before, after);
  }, origin);
}

/** The viewport someone last moved to (or put in a document written here), if any. */
export function lastViewport(ydoc: Y.Doc): ModelDocument['layout']['viewport'] {
  return ydoc.getMap(VIEWS).get(LAST) as ModelDocument['layout']['viewport'];
}

function isLayoutOnlyViewport(from: ModelDocument, to: ModelDocument): boolean {
  if (from.model !== to.model || from.name !== to.name || from.version !== to.version) return false;
  const a = from.layout;
  const b = to.layout;
  return a.nodes === b.nodes && a.areas === b.areas && a.notes === b.notes;
}

/**
 * The shared document as JSON, with `viewport` (this person's own) put in its layout. `previous`
 * and `changed` (see `readY`) keep the identity of everything that did not change.
 */
export function readDocument(ydoc: Y.Doc, viewport: ModelDocument['layout']['viewport'], previous?: ModelDocument, changed?: ReadonlySet<unknown>): ModelDocument {
  const old = previous as unknown as JsonObject | undefined;
  const read: JsonObject = {};
  let same = previous !== undefined;
  sharedRoot(ydoc).forEach((value, key) => {
    read[key] = readY(value, old?.[key], changed) as JsonObject;
    same &&= read[key] === old?.[key];
  });
  if (same && Object.keys(old!).length === Object.keys(read).length && previous!.layout.viewport === viewport) return previous!;
  const doc = read as unknown as ModelDocument;
  if (doc.layout.viewport === viewport) return doc;
  const { viewport: _old, ...layout } = doc.layout;
  return { ...doc, layout: viewport ? { ...layout, viewport } : layout };
}
