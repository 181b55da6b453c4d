/**
 * The auto-layout the user runs: the chosen mode (remembered for the session) and, while a run is
 * under way, its progress and the means to cancel it. Session state of the canvas only, never saved.
 */
import { create } from 'zustand';
import type { LayoutMode } from '../../shared/model/arrange.ts';

interface LayoutRun {
  mode: LayoutMode;
  /** Groups laid out so far, while a run is under way. */
  progress: { done: number; total: number } | null;
  controller: AbortController | null;
  setMode: (mode: LayoutMode) => void;
  cancel: () => void;
}

export const useLayoutRun = create<LayoutRun>((set, get) => ({
  mode: 'layered-right',
  progress: null,
  controller: null,
  setMode: (mode) => set({ mode }),
  cancel: () => {
    get().controller?.abort();
    set({ progress: null, controller: null });
  },
}));
