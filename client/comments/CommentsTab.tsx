/**
 * The Comments tab: the open project's threads (open first; a toggle shows the resolved ones), each
 * with its target, comments, Resolve / Reopen and a reply box, and a form to start one on the
 * selected table. Clicking a thread's target selects its table and centers the canvas on it.
 */
import { useEffect, useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { orderThreads, targetLabel } from '../../shared/comments/threads.ts';
import { focusNode } from '../canvas/commands.ts';
import { useStore } from '../store/index.ts';
import { selectModel, selectSelectedTableId } from '../store/selectors.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { ThreadItem } from './ThreadItem.tsx';
import './comments.css';

export function CommentsTab() {
  const projectId = useStore((s) => s.project.id);
  const comments = useStore((s) => s.comments);
  const model = useStore(selectModel);
  const selectedTableId = useStore(selectSelectedTableId);
  const preset = useStore((s) => s.commentTarget);
  const flow = useReactFlow();
  const [showResolved, setShowResolved] = useState(false);
  // Others may have commented since: opening the tab reads the threads again.
  useEffect(() => {
    if (projectId) void useStore.getState().loadComments(projectId);
  }, [projectId]);
  const shown = useMemo(() => orderThreads(comments.threads, showResolved), [comments.threads, showResolved]);
  if (!projectId) return <div className="pane-scroll comments-tab"><p className="comments-hint" data-testid="comments-unsaved">Save the project to comment on it.</p></div>;
  const resolvedCount = comments.threads.filter((t) => t.status === 'resolved').length;
  const table = model.tables.find((t) => t.id === (selectedTableId ?? preset?.tableId));
  const reveal = (tableId: string) => focusNode(flow, tableId);
  return (
    <div className="pane-scroll comments-tab" data-testid="comments-tab">
      <NewThreadForm key={table?.id} table={table} preset={preset} />
      <div className="comments-bar">
        <label>
          <input type="checkbox" data-testid="comments-show-resolved" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          Show resolved ({resolvedCount})
        </label>
        {comments.status === 'loading' && <span className="comments-hint">Loading…</span>}
      </div>
      {comments.status === 'error' && <p className="comments-error" data-testid="comments-error">Comments could not be read: {comments.error}</p>}
      {comments.status !== 'error' && !shown.length && (
        <p className="comments-hint" data-testid="comments-empty">{comments.threads.length ? 'No open threads.' : 'No comments yet.'}</p>
      )}
      {shown.map((thread) => <ThreadItem key={thread.id} thread={thread} label={targetLabel(model, thread.target)} onReveal={reveal} />)}
    </div>
  );
}
