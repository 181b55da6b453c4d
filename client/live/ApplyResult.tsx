/**
 * What the last apply or dry run came to: verified ("the database now equals the model"), the
 * differences that remain, or the failure with the step and PostgreSQL's message, detail and hint.
 */
import { useStore } from '../store/index.ts';
import { formatDuration, stepTitle } from './plan-view.ts';
import { CopyButton } from '../shell/CopyButton.tsx';

function Failure() {
  const failure = useStore((s) => s.applyFailure);
  if (!failure) return null;
  const conflict = failure.status === 409;
  const headline = conflict ? 'Refused: the database changed since the comparison.'
    : failure.stepIndex !== undefined ? `${failure.dryRun ? 'Dry run failed. ' : ''}Rolled back: nothing changed.`
      : failure.dryRun ? 'The dry run did not run.' : 'The apply did not run.';
  const whole = [headline, failure.message, failure.detail && `Detail: ${failure.detail}`, failure.hint && `Hint: ${failure.hint}`,
    failure.sqlstate && `SQLSTATE ${failure.sqlstate}`].filter(Boolean).join('\n');
  return (
    <div className="live-banner bad apply-result" role="alert" data-testid="apply-result" data-result="failed" data-dry-run={failure.dryRun === true}>
      <div className="apply-result-head"><strong>{headline}</strong><CopyButton text={whole} testId="apply-result-copy" /></div>
      <div>{failure.message}</div>
      {failure.detail && <div><span className="label">Detail</span> {failure.detail}</div>}
      {failure.hint && <div><span className="label">Hint</span> {failure.hint}</div>}
      {failure.sqlstate && <div className="muted">SQLSTATE {failure.sqlstate}</div>}
      {conflict && <div>Compare again to review the current plan.</div>}
    </div>
  );
}

function CompareAgain({ label }: { label: string }) {
  return (
    <div>
      <button className="btn small" data-testid="compare-again" onClick={() => void useStore.getState().compare(useStore.getState().doc)}>
        {label}
      </button>
    </div>
  );
}

/** Remaining differences listed inline; Compare again shows them all as a plan. */
const SHOWN_REMAINING = 6;

export function ApplyResult() {
  const outcome = useStore((s) => s.applyOutcome);
  if (!outcome) return <Failure />;
  const { result, remaining } = outcome;
  const ran = `${result.steps.length} step${result.steps.length === 1 ? '' : 's'} in ${formatDuration(result.durationMs)}`;
  if (result.status === 'dry-run') {
    return (
      <div className="live-banner ok apply-result" data-testid="apply-result" data-result="dry-run">
        <strong>Dry run passed:</strong> all {ran} ran, then were rolled back. Nothing changed.
      </div>
    );
  }
  if (result.afterCommitError) {
    return (
      <div className="live-banner warn apply-result" role="alert" data-testid="apply-result" data-result="unverified">
        <strong>Applied {ran}: the changes are in the database.</strong>
        <div>But {result.afterCommitError}.</div>
        <CompareAgain label="Compare again to see where the database stands" />
      </div>
    );
  }
  if (result.verified) {
    return (
      <div className="live-banner ok apply-result" data-testid="apply-result" data-result="verified">
        <strong>✓ Applied {ran}.</strong> Verified: the database now equals the model.
      </div>
    );
  }
  return (
    <div className="live-banner warn apply-result" data-testid="apply-result" data-result="differs">
      <strong>Applied {ran}, but the database still differs from the model</strong>
      {' '}({result.remainingSteps ?? remaining?.steps.length ?? '?'} step{result.remainingSteps === 1 ? '' : 's'} remain):
      {remaining && (
        <ul className="remaining" data-testid="remaining-steps">
          {remaining.steps.slice(0, SHOWN_REMAINING).map((s, i) => <li key={i}><code>{stepTitle(s)}</code></li>)}
          {remaining.steps.length > SHOWN_REMAINING && <li className="muted">… and {remaining.steps.length - SHOWN_REMAINING} more</li>}
        </ul>
      )}
      <CompareAgain label="Compare again to review them" />
    </div>
  );
}
