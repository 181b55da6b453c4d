/** Above the SQL pane: apply the edited DDL to the model (Ctrl+Enter), discard it, and what happened. */
import { useStore } from '../store/index.ts';
import type { SqlApply } from './sql-apply.ts';
import { CopyButton } from '../shell/CopyButton.tsx';
import '../io/io.css';

export function SqlApplyBar({ apply }: { apply: SqlApply }) {
  const { status, dirty, stale, outcome } = apply;
  const hint = stale
    ? 'The diagram changed since you began editing: applying this text may undo some of those changes.'
    : dirty ? 'Edited: apply to update the diagram (Ctrl+Enter).' : 'Edit the DDL here and apply it to the model.';
  return (
    <div className="sql-apply-bar" data-testid="sql-apply-bar">
      <button className="btn primary" data-testid="sql-apply" title="Apply SQL to model (Ctrl+Enter)" disabled={!dirty || status.kind === 'busy'} onClick={() => void apply.apply()}>
        Apply SQL to model
      </button>
      <button className="btn" data-testid="sql-discard" disabled={!dirty} onClick={apply.discard}>Discard</button>
      <span
        className={`status ${status.kind}`}
        data-testid="sql-apply-status"
        data-error-line={status.line}
        data-error-column={status.column}
        title={status.text || hint}
        role={status.kind === 'error' ? 'alert' : 'status'}
      >
        {status.text || hint}
      </span>
      {status.kind === 'error' && <CopyButton text={status.text} testId="sql-apply-copy" />}
      {outcome && status.kind === 'ok' && (
        <button className="btn" data-testid="sql-apply-report" onClick={() => useStore.getState().showImportOutcome(outcome)}>Report</button>
      )}
    </div>
  );
}
