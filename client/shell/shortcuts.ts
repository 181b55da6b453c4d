/**
 * Keyboard shortcuts: one table that drives both the key handler and the `?` help dialog.
 * Keys are ignored while typing in a field or in the SQL editor.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { redo, undo, useStore } from '../store/index.ts';
import * as commands from '../canvas/commands.ts';
import { FIT_OPTIONS } from '../canvas/level-of-detail.ts';
import { TOGGLE_PANE_KEYS, usePaneStore } from './pane-store.ts';

type Flow = ReturnType<typeof useReactFlow>;

export interface Shortcut {
  keys: string;
  label: string;
  /** Matches a keydown; `mod` is Ctrl, or Cmd on a Mac. */
  match: (e: KeyboardEvent, mod: boolean) => boolean;
  run: (flow: Flow) => void;
}

const key = (k: string) => (e: KeyboardEvent, mod: boolean) => !mod && !e.altKey && e.key.toLowerCase() === k;
const modKey = (k: string, shift = false) => (e: KeyboardEvent, mod: boolean) => mod && e.shiftKey === shift && e.key.toLowerCase() === k;

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl/⌘ K', label: 'Jump to a table (command palette)', match: modKey('k'), run: () => useStore.getState().openDialog('palette') },
  { keys: 'N', label: 'Add a table', match: (e, mod) => key('n')(e, mod) && !e.shiftKey, run: (flow) => void commands.addTableAt(flow) },
  { keys: 'Shift N', label: 'Add a sticky note', match: (e, mod) => !mod && e.shiftKey && e.key.toLowerCase() === 'n', run: (flow) => commands.addNote(flow) },
  { keys: 'Delete', label: 'Delete the selection', match: (e) => e.key === 'Delete' || e.key === 'Backspace', run: () => commands.deleteSelection() },
  { keys: 'Ctrl/⌘ D', label: 'Duplicate the selected tables', match: modKey('d'), run: () => commands.duplicateSelection() },
  { keys: 'Ctrl/⌘ C', label: 'Copy the selected tables', match: modKey('c'), run: () => void commands.copySelection() },
  { keys: 'Ctrl/⌘ V', label: 'Paste', match: modKey('v'), run: () => commands.paste() },
  { keys: 'Ctrl/⌘ A', label: 'Select everything', match: modKey('a'), run: () => commands.selectAll() },
  { keys: 'Ctrl/⌘ Z', label: 'Undo', match: modKey('z'), run: () => undo() },
  { keys: 'Ctrl/⌘ Shift Z', label: 'Redo', match: (e, mod) => modKey('z', true)(e, mod) || modKey('y')(e, mod), run: () => redo() },
  { keys: 'L', label: 'Auto-layout (the selection, or everything)', match: key('l'), run: (flow) => void commands.runAutoLayout(flow) },
  { keys: 'F', label: 'Fit the diagram in view', match: key('f'), run: (flow) => void flow.fitView({ ...FIT_OPTIONS, duration: 300 }) },
  { keys: TOGGLE_PANE_KEYS, label: 'Hide or show the details pane', match: modKey('\\'), run: () => usePaneStore.getState().toggle() },
  { keys: '?', label: 'Show these shortcuts', match: (e) => e.key === '?', run: () => useStore.getState().openDialog('shortcuts') },
  { keys: 'Esc', label: 'Close a dialog, clear the selection', match: (e) => e.key === 'Escape', run: () => commands.escape() },
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest?.('.monaco-editor');
}

/** The studio's keyboard shortcuts, while mounted (inside React Flow: they act on its viewport). */
export function Shortcuts(): null {
  const flow = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const dialogOpen = useStore.getState().dialog !== null;
      const mod = e.ctrlKey || e.metaKey;
      const shortcut = SHORTCUTS.find((s) => s.match(e, mod));
      if (!shortcut || (dialogOpen && shortcut.keys !== 'Esc')) return;
      e.preventDefault();
      shortcut.run(flow);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flow]);
  return null;
}
