/**
 * The apply journal of the current target, newest first: when, result, duration, hazards accepted,
 * and, expanded, the SQL that ran (or was refused), the error and the way back when there is one.
 * An applied entry that recorded the schema before it has *Revert…*: the plan back is reviewed and
 * applied like any plan (`RevertReview`), and listed as "Revert of <time>".
 */
import { useEffect, useState } from 'react';
import type { HistoryEntryResponse } from '../../shared/api/plans.ts';
import { useStore } from '../store/index.ts';
import { hazardSeverity } from '../../shared/diff/hazards.ts';
import { formatDuration, historyLabel } from './plan-view.ts';
import { RevertReview } from './RevertReview.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import './live.css';

function ErrorText({ error }: { error: Record<string, unknown> }) {
  const text = (key: string) => (typeof error[key] === 'string' ? (error[key] as string) : undefined);
  const step = typeof error.stepIndex === 'number' ? `step ${error.stepIndex + 1}: ` : '';
  return (
    <div className="history-error" data-testid="history-error">
      {step}{text('message') ?? 'failed'}
      {text('detail') && <div><span className="label">Detail</span> {text('detail')}</div>}
      {text('hint') && <div><span className="label">Hint</span> {text('hint')}</div>}
      {text('noticedAt') && <div><span className="label">Noticed</span> {new Date(text('noticedAt')!).toLocaleString()}</div>}
    </div>
  );
}

const shownTime = (iso: string) => new Date(iso).toLocaleString();

interface EntryProps {
  entry: HistoryEntryResponse;
  /** The time of the entry this one reverted (its id when it is no longer listed). */
  revertOfLabel?: string;
  onRevert: () => void;
}

function Entry({ entry, revertOfLabel, onRevert }: EntryProps) {
  const when = new Date(entry.startedAt);
  const label = historyLabel(entry);
  return (
    <li>
      <details className="history-entry" data-testid="history-entry" data-status={entry.status} data-dry-run={label.dryRun} data-verified={entry.verified ?? ''}>
        <summary>
          <span className={`status-badge ${entry.status}`} data-testid="history-status">{label.status}</span>
          <time dateTime={entry.startedAt} title={when.toISOString()}>{when.toLocaleString()}</time>
          <span className="muted">{entry.steps.length} step{entry.steps.length === 1 ? '' : 's'} · {formatDuration(entry.durationMs)}</span>
          {entry.verified === true && <span className="verified" title="The database equalled the model afterwards">✓ verified</span>}
          {entry.verified === false && <span className="not-verified">differs</span>}
          {revertOfLabel && <span className="revert-of" data-testid="revert-of">Revert of {revertOfLabel}</span>}
          {entry.appliedBy && <span className="muted" data-testid="applied-by">by {entry.appliedBy}</span>}
          {entry.revertible && (
            // In the summary, a click would also open or close the entry: only the review opens.
            <button className="btn small history-revert" data-testid="history-revert" title="Plan the way back to the schema before this apply"
              onClick={(e) => { e.preventDefault(); onRevert(); }}>Revert…</button>
          )}
        </summary>
        <div className="history-body">
          {label.hazardsAccepted.length > 0 && (
            <div className="row" data-testid="history-hazards">
              <span className="label">Hazards accepted</span>
              {label.hazardsAccepted.map((kind) => <span key={kind} className={`hazard-badge ${hazardSeverity(kind)}`}>{kind}</span>)}
            </div>
          )}
          {entry.error && <ErrorText error={entry.error} />}
          <pre className="history-sql" data-testid="history-sql">{entry.planSql || '-- (no statements)'}</pre>
          {entry.reverseSql && (
            <details className="history-reverse">
              <summary>Way back (reverse plan, loses no data)</summary>
              <pre className="history-sql" data-testid="history-reverse-sql">{entry.reverseSql}</pre>
            </details>
          )}
        </div>
      </details>
    </li>
  );
}

export default function HistoryPanel() {
  const targetId = useStore((s) => s.currentTargetId);
  const entries = useStore((s) => s.history[targetId]);
  const status = useStore((s) => s.historyStatus);
  const target = useStore((s) => s.targets.find((t) => t.id === s.currentTargetId));
  const [reverting, setReverting] = useState<string | null>(null);
  const reload = () => void useStore.getState().loadHistory(targetId).catch(() => undefined);
  // Read the journal whenever this panel shows another target (also after each apply: the slice reloads it).
  useEffect(() => {
    setReverting(null);
    reload();
  }, [targetId]);
  const byId = new Map(entries?.map((e) => [e.id, e]));
  const revertOfLabel = (entry: HistoryEntryResponse) =>
    entry.revertOf && (byId.has(entry.revertOf) ? shownTime(byId.get(entry.revertOf)!.startedAt) : entry.revertOf);
  const revertedEntry = reverting ? byId.get(reverting) : undefined;
  return (
    <div className="live-panel" data-testid="history-panel">
      <div className="live-toolbar">
        <TargetPicker />
        <button className="btn small" data-testid="history-refresh" disabled={status.state === 'running'} onClick={reload}>Refresh</button>
      </div>
      {status.state === 'error' && <div className="live-banner bad" role="alert">Could not read the history: {status.message}</div>}
      {entries && entries.length === 0 && <div className="live-empty" data-testid="history-empty">Nothing was applied to this target yet.</div>}
      {!entries && status.state === 'running' && <div className="live-empty">Loading…</div>}
      {revertedEntry && target && (
        <RevertReview key={revertedEntry.id} target={target} entryId={revertedEntry.id} appliedAt={shownTime(revertedEntry.startedAt)}
          onClose={() => setReverting(null)} />
      )}
      <ul className="history-list">
        {entries?.map((entry) => <Entry key={entry.id} entry={entry} revertOfLabel={revertOfLabel(entry)} onRevert={() => setReverting(entry.id)} />)}
      </ul>
    </div>
  );
}
