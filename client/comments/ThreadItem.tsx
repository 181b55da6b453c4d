/** One comment thread: where it is, its comments, Resolve / Reopen and a reply box. */
import { useState } from 'react';
import { COMMENT_MAX_LENGTH, type Thread } from '../../shared/api/comments.ts';
import type { TargetLabel } from '../../shared/comments/threads.ts';
import { useUserName } from '../shell/user-name.ts';
import { useStore } from '../store/index.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ThreadItem({ thread, label, onReveal }: { thread: Thread; label: TargetLabel; onReveal: (tableId: string) => void }) {
  const author = useUserName();
  const [busy, setBusy] = useState(false);
  const resolved = thread.status === 'resolved';
  /** True when the change went through; a failure is a notice (the slice) and the thread stays as it was. */
  const run = async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      return true;
    } catch {
      return false;
    } finally {
      setBusy(false);
    }
  };
  const toggle = () => void run(() => useStore.getState().setThreadStatus(thread.id, resolved ? 'open' : 'resolved', author));
  return (
    <article className={`comment-thread${resolved ? ' resolved' : ''}`} data-testid="comment-thread" data-status={thread.status} data-target={label.text}>
      <header className="thread-head">
        {label.tableId
          ? <button className="thread-target" data-testid="thread-target" title="Show on the canvas" onClick={() => onReveal(label.tableId!)}>{label.text}</button>
          : <span className="thread-target removed" data-testid="thread-target">{label.text}</span>}
        <button className="btn small" data-testid={resolved ? 'thread-reopen' : 'thread-resolve'} disabled={busy} onClick={toggle}>
          {resolved ? 'Reopen' : 'Resolve'}
        </button>
      </header>
      {thread.comments.map((comment) => (
        <div className="comment" key={comment.id} data-testid="comment">
          <div className="comment-meta"><span className="comment-author">{comment.author}</span> <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time></div>
          <p className="comment-body">{comment.body}</p>
        </div>
      ))}
      {resolved && thread.resolvedAt && (
        <div className="thread-resolution" data-testid="thread-resolution">Resolved by {thread.resolvedBy ?? 'someone'}, {when(thread.resolvedAt)}</div>
      )}
      {!resolved && <ReplyBox busy={busy} onSend={(body) => run(() => useStore.getState().replyToThread(thread.id, body, author))} />}
    </article>
  );
}

function ReplyBox({ busy, onSend }: { busy: boolean; onSend: (body: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  // The text stays until the reply is kept: a refused one can be sent again.
  const send = () => {
    if (text.trim()) void onSend(text).then((sent) => sent && setText(''));
  };
  return (
    <div className="thread-reply">
      <textarea data-testid="thread-reply-text" aria-label="Reply" placeholder="Reply…" rows={1} value={text} maxLength={COMMENT_MAX_LENGTH}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(); }} />
      <button className="btn small" data-testid="thread-reply" disabled={busy || !text.trim()} onClick={send}>Reply</button>
    </div>
  );
}
