/** What the last import did: counts, warnings, and the statements it skipped, each with its line. */
import { useState } from 'react';
import type { SkippedStatement } from '../../shared/io/sql-import/report.ts';
import { useStore } from '../store/index.ts';
import type { ImportOutcome } from '../store/import-outcome.ts';
import { Dialog } from '../shell/Dialog.tsx';
import './io.css';

const SHOWN = 200;

function Stat({ value, label, id }: { value: number; label: string; id: string }) {
  return <div className="io-stat" data-testid={`import-stat-${id}`}><b>{value}</b><span>{label}</span></div>;
}

/** `SET × 12, GRANT × 3`: what was skipped, by kind, most frequent first. */
function skippedByKind(skipped: SkippedStatement[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.statement, (counts.get(s.statement) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => (n > 1 ? `${k} × ${n}` : k)).join(', ');
}

function Summary({ outcome }: { outcome: ImportOutcome }) {
  const into = outcome.into === 'new' ? 'as a new model' : outcome.into === 'merge' ? 'merged into the open model' : 'from the SQL pane';
  return (
    <>
      <p className="io-muted" data-testid="import-report-source">
        {outcome.source} ({outcome.format === 'dbml' ? 'DBML' : 'PostgreSQL'}), {into}, read in {(outcome.ms / 1000).toFixed(2)} s.
      </p>
      <div className="io-summary">
        <Stat value={outcome.tables} label="tables" id="tables" />
        <Stat value={outcome.views} label="views" id="views" />
        <Stat value={outcome.enums} label="enums" id="enums" />
        {outcome.into === 'merge' && <Stat value={outcome.added} label="added" id="added" />}
        <Stat value={outcome.report.warnings.length} label="warnings" id="warnings" />
        <Stat value={outcome.report.skipped.length} label="skipped" id="skipped" />
      </div>
    </>
  );
}

export function ImportReportDialog() {
  const outcome = useStore((s) => s.importOutcome);
  const [all, setAll] = useState(false);
  const close = () => useStore.getState().openDialog(null);
  if (!outcome) return null;
  const { warnings, skipped } = outcome.report;
  const shownSkipped = all ? skipped : skipped.slice(0, SHOWN);
  return (
    <Dialog className="io-dialog" label="Import report" testId="import-report">
      <div className="io-body io-report">
        <Summary outcome={outcome} />
        {outcome.mergeWarnings.length > 0 && (
          <>
            <div className="io-heading">Merge</div>
            <ul className="io-list io-warn-list" data-testid="import-merge-warnings">
              {outcome.mergeWarnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          </>
        )}
        {warnings.length > 0 && (
          <>
            <div className="io-heading">Imported with a caveat</div>
            <ul className="io-list io-warn-list" data-testid="import-warnings">
              {warnings.map((w, i) => <li key={i}><span className="io-line">line {w.line}{w.column ? `, column ${w.column}` : ''}</span><span>{w.message}</span></li>)}
            </ul>
          </>
        )}
        {skipped.length > 0 && (
          <>
            <div className="io-heading">Skipped: they change nothing in the schema ({skippedByKind(skipped)})</div>
            <ul className="io-list" data-testid="import-skipped">
              {shownSkipped.map((s, i) => (
                <li key={i}><span className="io-line">line {s.line}</span><span className="io-kind">{s.statement}</span><span>{s.reason}</span></li>
              ))}
            </ul>
            {!all && skipped.length > SHOWN && <button className="btn" onClick={() => setAll(true)}>Show all {skipped.length}</button>}
          </>
        )}
        {!warnings.length && !skipped.length && <p className="io-muted">Every statement was imported as written.</p>}
      </div>
      <div className="io-actions">
        <button className="btn primary" onClick={close} data-testid="import-report-close">OK</button>
      </div>
    </Dialog>
  );
}
