/**
 * Which sections of the Objects tab are collapsed, kept in localStorage: the page's arrangement,
 * not the document's (never saved with it, never undone). A small store of its own so every
 * section reads only its own flag.
 */
import { create } from 'zustand';

const KEY = 'schemata.objects.collapsed';

/** The collapsed section ids stored, or none when storage holds nothing readable. */
export function parseCollapsed(text: string | null): string[] {
  try {
    const value = JSON.parse(text ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

interface SectionState {
  collapsed: string[];
  toggle: (id: string) => void;
  expand: (id: string) => void;
}

export const useSectionState = create<SectionState>((set, get) => ({
  collapsed: parseCollapsed(stored()),
  toggle: (id) => set({ collapsed: get().collapsed.includes(id) ? get().collapsed.filter((c) => c !== id) : [...get().collapsed, id] }),
  expand: (id) => {
    if (get().collapsed.includes(id)) set({ collapsed: get().collapsed.filter((c) => c !== id) });
  },
}));

useSectionState.subscribe(({ collapsed }, prev) => {
  if (collapsed === prev.collapsed) return;
  try {
    localStorage.setItem(KEY, JSON.stringify(collapsed));
  } catch {
    // Storage refused: the sections still fold, they are only not remembered.
  }
});
