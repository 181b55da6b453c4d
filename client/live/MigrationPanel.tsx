/**
 * Compare → review → apply against the current target. Compare shows the plan as SQL (read-only
 * Monaco) with hazard badges per step and a summary; Apply asks for confirmation of every hazard,
 * shows live progress per step, then the verification (does the database now equal the model?).
 * Dry run executes the plan and rolls it back.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { useStore } from '../store/index.ts';
import { selectModel } from '../store/selectors.ts';
import { ApplyDialog } from './ApplyDialog.tsx';
import { ApplyResult } from './ApplyResult.tsx';
import { PlanSteps } from './PlanSteps.tsx';
import { RenameCandidates } from './RenameCandidates.tsx';
import { hazardKinds, hazardSeverity } from '../../shared/diff/hazards.ts';
import { planText, summarize } from './plan-view.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { CopyButton } from '../shell/CopyButton.tsx';
import './live.css';

const PlanSqlEditor = lazy(() => import('./PlanSqlEditor.tsx'));

function Summary({ steps }: { steps: Parameters<typeof summarize>[0] }) {
  const summary = summarize(steps);
  return (
    <div className="plan-summary" data-testid="plan-summary" data-steps={summary.steps} data-hazards={summary.stepsWithHazards}>
      <strong>{summary.steps} step{summary.steps === 1 ? '' : 's'}</strong>
      <span className="muted">{summary.stepsWithHazards ? `${summary.stepsWithHazards} with hazards` : 'no hazards'}</span>
      {summary.byKind.map(({ kind, count }) => (
        <span key={kind} className={`hazard-count ${hazardSeverity(kind)}`} data-testid="hazard-count" data-kind={kind}>{kind} ×{count}</span>
      ))}
    </div>
  );
}

export default function MigrationPanel() {
  const model = useStore(selectModel);
  const review = useStore((s) => s.review);
  const planStatus = useStore((s) => s.planStatus);
  const progress = useStore((s) => s.progress);
  const outcome = useStore((s) => s.applyOutcome);
  const failedIndex = useStore((s) => s.applyFailure?.stepIndex);
  const target = useStore((s) => s.targets.find((t) => t.id === s.currentTargetId));
  const [confirming, setConfirming] = useState(false);
  const [focus, setFocus] = useState<{ index: number; seq: number } | undefined>();
  const steps = useMemo(() => review?.plan.steps ?? [], [review]);
  const text = useMemo(() => planText(steps), [steps]);

  const stale = review !== null && review.document.model !== model;
  const applied = outcome?.result.status === 'applied';
  const busy = planStatus.state === 'running' || progress !== null;
  const canRun = review !== null && steps.length > 0 && !stale && !applied && !busy && target !== undefined;
  const doc = () => useStore.getState().doc;

  return (
    <div className="live-panel migration-panel" data-testid="migration-panel">
      <div className="live-toolbar">
        <TargetPicker />
        <button className="btn primary small" data-testid="compare" disabled={busy} onClick={() => void useStore.getState().compare(doc())}>
          {planStatus.state === 'running' ? 'Comparing…' : 'Compare'}
        </button>
        <button className="btn small" data-testid="dry-run" disabled={!canRun} title="Run every step, then roll back"
          onClick={() => void useStore.getState().applyPlan({ dryRun: true, acceptedHazards: hazardKinds(steps) })}>
          Dry run
        </button>
        <button className="btn small apply" data-testid="apply" disabled={!canRun} onClick={() => setConfirming(true)}>Apply…</button>
      </div>
      {planStatus.state === 'error' && (
        <div className="live-banner bad apply-result-head" role="alert" data-testid="compare-error">
          <span>Compare failed: {planStatus.message}</span>
          <CopyButton text={`Compare failed: ${planStatus.message}`} testId="compare-error-copy" />
        </div>
      )}
      {!review && planStatus.state === 'running' && (
        <div className="live-empty" role="status" data-testid="compare-progress">
          Reading {target?.name ?? 'the target'} and the model in PostgreSQL's own spelling (a throwaway shadow database), then planning…
        </div>
      )}
      {!review && planStatus.state !== 'running' && planStatus.state !== 'error' && (
        <div className="live-empty">Compare the model with {target?.name ?? 'the target'} to see the SQL that would make the database equal it.</div>
      )}
      {stale && !busy && (
        <div className="live-banner warn" data-testid="plan-stale">The model changed since this comparison: Compare again before applying.</div>
      )}
      {review && !stale && steps.length === 0 && (
        <div className="live-banner ok" data-testid="plan-empty">The database already equals the model: nothing to apply.</div>
      )}
      {review && steps.length > 0 && (
        <>
          <Summary steps={steps} />
          <RenameCandidates />
          <PlanSteps steps={steps} progress={progress} done={applied} failedIndex={failedIndex} dataChecks={review.plan.dataChecks} onPick={(index) => setFocus({ index, seq: (focus?.seq ?? 0) + 1 })} />
        </>
      )}
      <ApplyResult />
      {review && steps.length > 0 && (
        <div className="plan-editor-wrap">
          <Suspense fallback={<div className="pane-loading">Loading editor…</div>}>
            <PlanSqlEditor text={text.text} lines={text.lines} steps={steps} focus={focus} />
          </Suspense>
        </div>
      )}
      {confirming && review && target && (
        <ApplyDialog
          target={target}
          steps={steps}
          dataChecks={review.plan.dataChecks}
          onCancel={() => setConfirming(false)}
          onApply={(choice) => {
            setConfirming(false);
            void useStore.getState().applyPlan(choice);
          }}
        />
      )}
    </div>
  );
}
