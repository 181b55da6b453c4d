/**
 * Revert from history: the plan back to the schema before an apply, reviewed like any plan (steps,
 * hazards, data checks, SQL), then the same confirmation dialog as Compare & apply. Applied, it is
 * journaled as a revert of that entry ("Revert of <time>" in the list).
 */
import { useState } from 'react';
import type { TargetResponse } from '../../shared/api/targets.ts';
import { ApplyDialog } from './ApplyDialog.tsx';
import { PlanSteps } from './PlanSteps.tsx';
import { hazardKinds, hazardSeverity } from '../../shared/diff/hazards.ts';
import { formatDuration } from './plan-view.ts';
import { useRevert } from './use-revert.ts';
import './revert.css';

export interface RevertReviewProps {
  target: TargetResponse;
  entryId: string;
  /** When the reverted apply ran, as shown in the list. */
  appliedAt: string;
  onClose: () => void;
}

export function RevertReview({ target, entryId, appliedAt, onClose }: RevertReviewProps) {
  const { state, replan, apply } = useRevert(target.id, entryId);
  const [confirming, setConfirming] = useState(false);
  const { plan, result, error, progress } = state;
  const steps = plan?.steps ?? [];
  const applied = result?.status === 'applied';
  const canRun = steps.length > 0 && !state.planning && progress === null && !applied;
  const ran = result && `${result.steps.length} step${result.steps.length === 1 ? '' : 's'} in ${formatDuration(result.durationMs)}`;
  return (
    <section className="revert-review" data-testid="revert-review" aria-label="Revert">
      <div className="revert-head">
        <strong>Revert the apply of {appliedAt}</strong>
        <span className="muted">back to the schema before it, planned against the database as it is now</span>
        <span className="spacer" />
        <button className="btn small" data-testid="revert-dry-run" disabled={!canRun} title="Run every step, then roll back"
          onClick={() => void apply({ dryRun: true, acceptedHazards: hazardKinds(steps) })}>Dry run</button>
        <button className="btn small apply" data-testid="revert-apply" disabled={!canRun} onClick={() => setConfirming(true)}>Apply revert…</button>
        <button className="btn icon small" aria-label="Close the revert" data-testid="revert-close" onClick={onClose}>×</button>
      </div>
      {state.planning && <div className="live-empty" role="status">Planning the way back…</div>}
      {error && (
        <div className="live-banner bad" role="alert" data-testid="revert-error">
          {error.conflict && plan ? 'Refused: the database changed since this plan. ' : ''}{error.message}
          {plan && <div><button className="btn small" data-testid="revert-replan" onClick={() => void replan()}>Plan again</button></div>}
        </div>
      )}
      {plan && steps.length === 0 && (
        <div className="live-banner ok" data-testid="revert-empty">The database already equals the schema before that apply: nothing to revert.</div>
      )}
      {result && (
        <div className={`live-banner ${result.verified === false ? 'warn' : 'ok'}`} data-testid="revert-result" data-result={result.status}>
          {result.status === 'dry-run'
            ? <><strong>Dry run passed:</strong> all {ran} ran, then were rolled back. Nothing changed.</>
            : <><strong>✓ Reverted: {ran}.</strong> {result.verified ? 'The database is back to the schema before that apply.' : result.afterCommitError ?? `${result.remainingSteps ?? '?'} step(s) still differ.`}</>}
        </div>
      )}
      {steps.length > 0 && (
        <>
          <div className="revert-summary" data-testid="revert-summary">
            <strong>{steps.length} step{steps.length === 1 ? '' : 's'}</strong>
            {hazardKinds(steps).map((kind) => <span key={kind} className={`hazard-badge ${hazardSeverity(kind)}`}>{kind}</span>)}
          </div>
          <PlanSteps steps={steps} progress={progress} done={applied} dataChecks={plan?.dataChecks} onPick={() => undefined} />
          <pre className="history-sql" data-testid="revert-sql">{plan?.sql}</pre>
        </>
      )}
      {confirming && plan && (
        <ApplyDialog target={target} steps={steps} onCancel={() => setConfirming(false)}
          onApply={(choice) => { setConfirming(false); void apply(choice); }} />
      )}
    </section>
  );
}
