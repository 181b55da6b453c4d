/** The session slice: what the user is doing right now. Never saved, never undone. */
import type { StateCreator } from 'zustand';
import type { AppState, Mutators } from './types.ts';
import type { Comparison } from './comparison.ts';
import type { ImportOutcome } from './import-outcome.ts';
import { tabForSelection } from './object-target.ts';

export type Dialog = 'palette' | 'shortcuts' | 'projects' | 'versions' | 'import' | 'import-report' | 'export' | 'user-name' | null;
export type Theme = 'light' | 'dark' | 'system';
export type RightTab = 'inspector' | 'types' | 'sql' | 'lint' | 'live' | 'comments';

export interface Notice {
  kind: 'error' | 'info';
  message: string;
}

export interface SessionSlice {
  /** Selected node and edge ids (tables, views, enums, notes, foreign keys). */
  selection: ReadonlySet<string>;
  /** Column ids to highlight (the columns of a hovered relationship). */
  highlight: ReadonlySet<string>;
  dialog: Dialog;
  theme: Theme;
  notice: Notice | null;
  /** While an image is exported every node is drawn, not only the visible ones. */
  exporting: boolean;
  /**
   * The load (`loads`) whose view the canvas has put in place (viewport-memory.ts). Until then React
   * Flow still stands at the zoom it had, so a large diagram keeps its objects hidden (Canvas.tsx).
   */
  viewPlaced: number;
  setViewPlaced: (load: number) => void;
  rightTab: RightTab;
  /** The saved version the canvas is being compared with (added/changed tables highlighted). */
  comparison: Comparison | null;
  setComparison: (comparison: Comparison | null) => void;
  /** An object of the selected table for the inspector to show (a lint jump). */
  inspectorFocus: string | undefined;
  /** A table or column just made: its name field takes the keyboard once, text selected (`focusName`). */
  nameFocus: string | undefined;
  focusName: (id: string | undefined) => void;
  select: (ids: Iterable<string>) => void;
  setHighlight: (columnIds: Iterable<string>) => void;
  openDialog: (dialog: Dialog) => void;
  setTheme: (theme: Theme) => void;
  notify: (notice: Notice | null) => void;
  setExporting: (exporting: boolean) => void;
  setRightTab: (tab: RightTab) => void;
  /** Selects a table, shows it in the inspector and points at one of its objects. */
  showInInspector: (tableId: string, objectId?: string) => void;
  /** An object of the Objects tab to highlight (a lint jump to a domain, sequence, schema…). */
  objectFocus: string | undefined;
  /** Opens the Objects tab on an object; a view or enum (`onCanvas`) is selected too. */
  showObject: (id: string, onCanvas: boolean) => void;
  /** The last import's report (shown by the `import-report` dialog). */
  importOutcome: ImportOutcome | null;
  showImportOutcome: (outcome: ImportOutcome) => void;
}

const EMPTY: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

export const createSessionSlice: StateCreator<AppState, Mutators, [], SessionSlice> = (set, get) => ({
  selection: EMPTY,
  highlight: EMPTY,
  dialog: null,
  theme: 'system',
  notice: null,
  exporting: false,
  viewPlaced: -1,
  setViewPlaced: (viewPlaced) => set({ viewPlaced }),
  rightTab: 'sql',
  comparison: null,
  setComparison: (comparison) => set({ comparison }),
  importOutcome: null,
  select: (ids) => {
    const next = new Set(ids);
    if (sameSet(next, get().selection)) return;
    const rightTab = tabForSelection(get().doc.model, next, get().rightTab);
    set({ selection: next.size ? next : EMPTY, inspectorFocus: undefined, objectFocus: undefined, nameFocus: undefined, rightTab });
  },
  setHighlight: (columnIds) => {
    const next = new Set(columnIds);
    if (!sameSet(next, get().highlight)) set({ highlight: next.size ? next : EMPTY });
  },
  openDialog: (dialog) => set({ dialog }),
  setTheme: (theme) => set({ theme }),
  notify: (notice) => set({ notice }),
  setExporting: (exporting) => set({ exporting }),
  setRightTab: (rightTab) => set({ rightTab }),
  inspectorFocus: undefined,
  nameFocus: undefined,
  focusName: (nameFocus) => set({ nameFocus }),
  objectFocus: undefined,
  showObject: (id, onCanvas) => {
    get().select(onCanvas ? [id] : []);
    set({ rightTab: 'types', objectFocus: id });
  },
  showInInspector: (tableId, objectId) => {
    get().select([tableId]);
    set({ rightTab: 'inspector', inspectorFocus: objectId });
  },
  showImportOutcome: (importOutcome) => set({ importOutcome, dialog: 'import-report' }),
});
