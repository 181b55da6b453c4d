import type { StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { DocumentSlice } from './document-slice.ts';
import type { SessionSlice } from './session-slice.ts';
import type { ProjectSlice } from './project-slice.ts';
import type { ConnectionSlice } from './connection-slice.ts';
import type { CommentsSlice } from './comments-slice.ts';

export type AppState = DocumentSlice & SessionSlice & ProjectSlice & ConnectionSlice & CommentsSlice;
/** Only the document is undoable. */
export type History = { doc: DocumentSlice['doc'] };
/** zundo types the temporal store as `unknown` inside slice creators; see `historyOf`. */
export type Mutators = [['temporal', unknown]];
export type HistoryApi = StoreApi<TemporalState<History>>;
export const historyOf = (store: unknown): HistoryApi => (store as { temporal: HistoryApi }).temporal;
