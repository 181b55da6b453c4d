/**
 * The width of a side pane: its bounds, what a key does to it, and reading it back from storage.
 * Pure (no DOM, no storage): the hook and the splitter only wire these to events.
 */

export interface PaneBounds {
  min: number;
  max: number;
  /** The width a new user sees, and a double-click on the splitter restores. */
  initial: number;
}

export interface PaneState {
  width: number;
  collapsed: boolean;
}

/** The details pane (Table, Objects, SQL, Issues, Database). */
export const RIGHT_PANE: PaneBounds = { min: 300, max: 1100, initial: 440 };
/** The canvas keeps at least this much of the window, whatever the pane asks for. */
export const CANVAS_MIN = 360;
/** Arrow keys move the splitter by a small step, with Shift by a large one. */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 80;

/** The largest width the pane may take in a window `viewport` px wide (never below `min`). */
export function maxWidth(bounds: PaneBounds, viewport: number): number {
  return Math.max(bounds.min, Math.min(bounds.max, viewport - CANVAS_MIN));
}

/** Ex: `clampWidth(2000, RIGHT_PANE, 1440)` → 1080 (the canvas keeps 360 px). */
export function clampWidth(width: number, bounds: PaneBounds, viewport: number): number {
  if (!Number.isFinite(width)) return bounds.initial;
  return Math.round(Math.min(maxWidth(bounds, viewport), Math.max(bounds.min, width)));
}

/**
 * The width after a key on the splitter of a pane that sits on the RIGHT (the handle moves with the
 * arrow: left widens the pane); Home/End go to the bounds. Undefined: the key does not resize.
 */
export function widthAfterKey(key: string, shift: boolean, width: number, bounds: PaneBounds, viewport: number): number | undefined {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case 'ArrowLeft': return clampWidth(width + step, bounds, viewport);
    case 'ArrowRight': return clampWidth(width - step, bounds, viewport);
    case 'Home': return bounds.min;
    case 'End': return maxWidth(bounds, viewport);
    default: return undefined;
  }
}

/** What storage held (JSON text, or nothing); anything unreadable gives the initial state. */
export function parsePaneState(text: string | null, bounds: PaneBounds): PaneState {
  const initial = { width: bounds.initial, collapsed: false };
  if (!text) return initial;
  try {
    const value = JSON.parse(text) as Partial<PaneState> | null;
    const width = typeof value?.width === 'number' && Number.isFinite(value.width)
      ? Math.round(Math.min(bounds.max, Math.max(bounds.min, value.width))) : bounds.initial;
    return { width, collapsed: value?.collapsed === true };
  } catch {
    return initial;
  }
}
