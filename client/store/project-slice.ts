/** Where the open document came from and how its saving goes. Not undoable. */
import type { StateCreator } from 'zustand';
import type { AppState, Mutators } from './types.ts';

export type SaveState = 'unsaved' | 'saving' | 'saved' | 'conflict' | 'error';

export interface ProjectInfo {
  /** Server project id; absent for a template or file not yet saved. */
  id?: string;
  name: string;
  /** The server's version of the project, sent back with each save (409 when stale). */
  version?: number;
  /** `draft`: what stays on the page when its project was deleted (saved nowhere now). */
  source: 'template' | 'file' | 'project' | 'draft';
}

export interface ProjectSlice {
  project: ProjectInfo;
  saveState: SaveState;
  setProject: (project: ProjectInfo) => void;
  setSaveState: (saveState: SaveState) => void;
}

export const createProjectSlice: StateCreator<AppState, Mutators, [], ProjectSlice> = (set) => ({
  project: { name: 'Untitled', source: 'template' },
  saveState: 'unsaved',
  setProject: (project) => set({ project }),
  setSaveState: (saveState) => set({ saveState }),
});
