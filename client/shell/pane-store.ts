/**
 * The details pane's width and whether it is collapsed: the page's own arrangement, not part of
 * the document (never saved with it, never undone), so a small store of its own, kept in
 * localStorage so a reload opens the pane as it was left.
 */
import { create } from 'zustand';
import { RIGHT_PANE, clampWidth, parsePaneState, type PaneState } from './pane-size.ts';

const KEY = 'schemata.pane.right';

interface PaneStore extends PaneState {
  setWidth: (width: number) => void;
  setCollapsed: (collapsed: boolean) => void;
  toggle: () => void;
}

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const usePaneStore = create<PaneStore>((set, get) => ({
  ...parsePaneState(stored(), RIGHT_PANE),
  setWidth: (width) => set({ width: clampWidth(width, RIGHT_PANE, window.innerWidth), collapsed: false }),
  setCollapsed: (collapsed) => set({ collapsed }),
  toggle: () => set({ collapsed: !get().collapsed }),
}));

usePaneStore.subscribe(({ width, collapsed }, prev) => {
  if (width === prev.width && collapsed === prev.collapsed) return;
  try {
    localStorage.setItem(KEY, JSON.stringify({ width, collapsed }));
  } catch {
    // Storage full or refused (private mode): the pane still works, it is only not remembered.
  }
});

/** The keys that show or hide the pane, for the shortcut table and the buttons' titles. */
export const TOGGLE_PANE_KEYS = 'Ctrl/⌘ \\';
