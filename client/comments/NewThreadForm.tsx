/**
 * Starts a thread on the selected table or one of its columns (the inspector's Comment buttons
 * preselect which). Without a selected table it says how to start one.
 */
import { useState } from 'react';
import { COMMENT_MAX_LENGTH, type CommentTarget } from '../../shared/api/comments.ts';
import type { Table } from '../../shared/model/document.ts';
import { useUserName } from '../shell/user-name.ts';
import { ANONYMOUS } from '../../shared/api/comments.ts';
import '../shell/user-name.css';
import { useStore } from '../store/index.ts';

const TABLE = '';

export function NewThreadForm({ table, preset }: { table: Table | undefined; preset: CommentTarget | undefined }) {
  const author = useUserName();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // The column chosen here, else the one the inspector asked for (when it is of this table).
  const [chosen, setChosen] = useState<string | undefined>();
  if (!table) return <p className="comments-hint" data-testid="comments-select-table">Select a table on the canvas to start a thread on it or one of its columns.</p>;
  const presetColumn = preset?.kind === 'column' && preset.tableId === table.id ? preset.columnId : TABLE;
  const columnId = chosen ?? presetColumn;
  const target: CommentTarget = columnId ? { kind: 'column', tableId: table.id, columnId } : { kind: 'table', tableId: table.id };
  const start = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      await useStore.getState().startThread(target, text, author);
      setText('');
      setChosen(undefined);
    } catch {
      // told by a notice; the text stays to send again
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="new-thread" data-testid="new-thread">
      <label className="new-thread-target">
        <span>New thread on</span>
        <select data-testid="new-thread-target" value={columnId} onChange={(e) => setChosen(e.target.value)}>
          <option value={TABLE}>{table.schema}.{table.name}</option>
          {table.columns.map((c) => <option key={c.id} value={c.id}>{table.name}.{c.name}</option>)}
        </select>
      </label>
      <textarea data-testid="new-thread-text" aria-label="Comment" placeholder="Write a comment…" rows={3} value={text}
        maxLength={COMMENT_MAX_LENGTH} onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void start(); }} />
      <div className="new-thread-actions">
        <span className="comments-hint">
          as <button type="button" className="link-button" data-testid="comments-author" title="Change your name"
            onClick={() => useStore.getState().openDialog('user-name')}>{author ?? ANONYMOUS}</button>
        </span>
        <button className="btn small primary" data-testid="new-thread-start" disabled={busy || !text.trim()} onClick={() => void start()}>Comment</button>
      </div>
    </div>
  );
}
