/**
 * Keeps the comment threads those of the open project: read when a saved project opens (the canvas
 * badges need them before the Comments tab is ever opened), dropped when the document is no project.
 */
import { useStore } from '../store/index.ts';

export function startCommentSync(): () => void {
  void useStore.getState().loadComments(useStore.getState().project.id);
  return useStore.subscribe((state, previous) => {
    if (state.project.id !== previous.project.id) void state.loadComments(state.project.id);
  });
}
