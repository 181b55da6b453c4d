/**
 * The open project's comment threads (`data/comments.ts`): loaded when a saved project opens, changed
 * by the Comments tab and counted per table for the canvas badges. Not the document: never saved with
 * it, never undone. A change answers the whole thread, which replaces the one held here.
 */
import type { StateCreator } from 'zustand';
import type { CommentTarget, Thread, ThreadStatus } from '../../shared/api/comments.ts';
import { openThreadsByTable } from '../../shared/comments/threads.ts';
import { commentsApi } from '../data/comments.ts';
import { describeError } from '../data/http.ts';
import type { AppState, Mutators } from './types.ts';

export interface CommentsState {
  /** The project the threads are of; undefined for an unsaved document (nothing to comment on). */
  projectId: string | undefined;
  threads: readonly Thread[];
  /** Open threads per table id: what a table node's badge shows. */
  openByTable: ReadonlyMap<string, number>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
}

export interface CommentsSlice {
  comments: CommentsState;
  /** Where the next thread starts (the inspector's Comment buttons); the Comments tab offers it. */
  commentTarget: CommentTarget | undefined;
  /** Reads the threads of `projectId` (undefined: none to read). An answer for another project is dropped. */
  loadComments: (projectId: string | undefined) => Promise<void>;
  /** Opens the Comments tab with a new thread's form on `target`. */
  commentOn: (target: CommentTarget | undefined) => void;
  /** Selects the table and opens the Comments tab (a badge on the canvas was clicked). */
  showCommentsOf: (tableId: string) => void;
  startThread: (target: CommentTarget, body: string, author: string | null) => Promise<void>;
  replyToThread: (threadId: string, body: string, author: string | null) => Promise<void>;
  setThreadStatus: (threadId: string, status: ThreadStatus, author: string | null) => Promise<void>;
}

const NONE: CommentsState = { projectId: undefined, threads: [], openByTable: new Map(), status: 'idle' };

export const createCommentsSlice: StateCreator<AppState, Mutators, [], CommentsSlice> = (set, get) => {
  const withThreads = (projectId: string, threads: readonly Thread[]): CommentsState =>
    ({ projectId, threads, openByTable: openThreadsByTable(threads), status: 'ready' });

  /** Runs a change on the current project and puts the answered thread in place; failures become a notice. */
  async function change(run: (projectId: string) => Promise<Thread>): Promise<void> {
    const { projectId } = get().comments;
    if (!projectId) return;
    try {
      const thread = await run(projectId);
      const now = get().comments;
      if (now.projectId !== projectId) return;
      const threads = now.threads.some((t) => t.id === thread.id)
        ? now.threads.map((t) => (t.id === thread.id ? thread : t))
        : [...now.threads, thread];
      set({ comments: withThreads(projectId, threads) });
    } catch (error) {
      get().notify({ kind: 'error', message: `Comments: ${describeError(error)}` });
      throw error;
    }
  }

  return {
    comments: NONE,
    commentTarget: undefined,
    loadComments: async (projectId) => {
      if (!projectId) {
        set({ comments: NONE, commentTarget: undefined });
        return;
      }
      const before = get().comments;
      // Same project: keep showing what is held while it refreshes.
      set({ comments: before.projectId === projectId ? { ...before, status: 'loading' } : { ...NONE, projectId, status: 'loading' } });
      try {
        const threads = await commentsApi.list(projectId);
        if (get().comments.projectId === projectId) set({ comments: withThreads(projectId, threads) });
      } catch (error) {
        if (get().comments.projectId === projectId) set({ comments: { ...get().comments, status: 'error', error: describeError(error) } });
      }
    },
    commentOn: (commentTarget) => set({ commentTarget, rightTab: 'comments' }),
    showCommentsOf: (tableId) => {
      get().select([tableId]);
      set({ rightTab: 'comments' });
    },
    startThread: (target, body, author) => change(async (projectId) => {
      const thread = await commentsApi.start(projectId, target, body, author);
      set({ commentTarget: undefined });
      return thread;
    }),
    replyToThread: (threadId, body, author) => change((projectId) => commentsApi.reply(projectId, threadId, body, author)),
    setThreadStatus: (threadId, status, author) => change((projectId) => commentsApi.setStatus(projectId, threadId, status, author)),
  };
};
