/** A table node's count of open comment threads; nothing when there are none. */
import { openThreadsText } from '../../shared/comments/threads.ts';
import { useStore } from '../store/index.ts';
import './comments.css';

/** A speech bubble drawn, not an emoji: the machine's fonts may have none. */
export function BubbleIcon() {
  return (
    <svg className="bubble-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="currentColor" />
    </svg>
  );
}

export function CommentBadge({ tableId }: { tableId: string }) {
  // A number selector: a node re-renders only when its own count changes.
  const count = useStore((s) => s.comments.openByTable.get(tableId) ?? 0);
  if (!count) return null;
  const open = () => useStore.getState().showCommentsOf(tableId);
  return (
    <button className="comment-badge nodrag" data-testid="comment-badge" title={`${openThreadsText(count)}: show`} onClick={open}>
      <BubbleIcon />{count}
    </button>
  );
}
