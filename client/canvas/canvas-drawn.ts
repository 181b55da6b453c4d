/**
 * Whether the canvas has drawn its first document (every node measured, or nothing to draw), and
 * the page has been idle a moment since. The SQL editor waits for it: loading Monaco and printing
 * the DDL of a 500-table model meanwhile held back the diagram's first paint by a fifth.
 * A page whose canvas never settles (hidden, or failing) still gets its editor after FALLBACK_MS.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { whenIdle } from '../shell/idle.ts';

const FALLBACK_MS = 4000;
const IDLE_TIMEOUT_MS = 500;

let drawn = false;
let pending = false;
const listeners = new Set<() => void>();

function settle(): void {
  if (drawn) return;
  drawn = true;
  for (const listener of listeners) listener();
}

/** Called by the canvas once its nodes are measured; the editor follows when the page is next idle. */
export function markCanvasDrawn(): void {
  if (drawn || pending) return;
  pending = true;
  whenIdle(settle, IDLE_TIMEOUT_MS);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCanvasDrawn(): boolean {
  useEffect(() => {
    const fallback = setTimeout(settle, FALLBACK_MS);
    return () => clearTimeout(fallback);
  }, []);
  return useSyncExternalStore(subscribe, () => drawn);
}

/**
 * Runs `run` once the canvas has drawn (at once if it has; after FALLBACK_MS at the latest);
 * returns the function that cancels it. Co-editing joins its room this way: the room's state of a
 * large project (megabytes to apply) would otherwise compete with the diagram's first paint.
 */
export function whenCanvasDrawn(run: () => void): () => void {
  if (drawn) {
    run();
    return () => undefined;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancel();
    run();
  };
  const fallback = setTimeout(() => {
    settle();
    once();
  }, FALLBACK_MS);
  const unsubscribe = subscribe(once);
  const cancel = () => {
    clearTimeout(fallback);
    unsubscribe();
  };
  return () => {
    done = true;
    cancel();
  };
}
