/**
 * The steps of a plan, one line each with its phase and hazard badges, and under them what the
 * step's data checks found in the live rows; while an apply runs, each step shows whether it is
 * done, running or waiting. A click reveals the step in the SQL editor.
 */
import { dataCheckTone, describeDataCheck } from '../../shared/diff/data-check-text.ts';
import type { StepDataCheck } from '../../shared/diff/data-checks.ts';
import type { Step } from '../../shared/diff/types.ts';
import type { ApplyProgress } from '../store/connection-slice.ts';
import { hazardSeverity } from '../../shared/diff/hazards.ts';
import { stepTitle } from './plan-view.ts';
import './data-checks.css';

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'idle';

export function stepState(index: number, progress: ApplyProgress | null, done: boolean, failedIndex?: number): StepState {
  if (done) return 'done';
  if (index === failedIndex) return 'failed';
  if (!progress) return 'idle';
  if (index < progress.running) return 'done';
  return index === progress.running ? 'running' : 'pending';
}

const MARK: Record<StepState, string> = { idle: '', pending: '·', running: '▸', done: '✓', failed: '✗' };

export interface PlanStepsProps {
  steps: readonly Step[];
  progress: ApplyProgress | null;
  /** The plan was applied: every step is done. */
  done: boolean;
  /** The step PostgreSQL refused in the last apply. */
  failedIndex?: number;
  /** What the data checks found (plans against a live target), by step index. */
  dataChecks?: readonly StepDataCheck[];
  onPick: (index: number) => void;
}

/** The lines of what one step's data checks found (none: nothing is drawn). */
export function StepChecks({ found }: { found: readonly StepDataCheck[] }) {
  if (!found.length) return null;
  return (
    <ul className="step-checks">
      {found.map(({ check, result }, j) => (
        <li key={j} className={`step-check ${dataCheckTone(result)}`} data-testid="data-check" data-status={result.status} data-kind={check.kind}>
          {describeDataCheck(check, result)}
        </li>
      ))}
    </ul>
  );
}

export function PlanSteps({ steps, progress, done, failedIndex, dataChecks = [], onPick }: PlanStepsProps) {
  return (
    <div className="plan-steps-wrap">
      {progress && (
        <div className="plan-progress" data-testid="apply-progress" role="status">
          <span className="spinner" aria-hidden />
          {progress.mode === 'dry-run' ? 'Dry run' : 'Applying'}:{' '}
          {`step ${Math.min(progress.running + 1, progress.total)} of ${progress.total}`}
          {progress.running + 1 >= progress.total && <span className="muted">, then commit{progress.mode === 'apply' ? ' and verify' : ' is skipped (rolled back)'}</span>}
          <progress max={progress.total} value={Math.min(progress.running, progress.total)} />
        </div>
      )}
      <ol className="plan-steps" data-testid="plan-steps">
        {steps.map((step, i) => {
          const state = stepState(i, progress, done, failedIndex);
          return (
            <li key={i} className={`plan-step ${state}`} data-testid="plan-step" data-state={state} data-phase={step.phase}>
              <button className="plan-step-button" onClick={() => onPick(i)} title={step.sql}>
                <span className="step-mark" aria-hidden>{MARK[state]}</span>
                <span className="step-number">{i + 1}</span>
                <span className="step-phase">{step.phase}</span>
                <span className="step-title">{stepTitle(step)}</span>
              </button>
              {step.hazards.length > 0 && (
                <div className="step-hazards">
                  {step.hazards.map((h, j) => (
                    <span key={j} className={`hazard-badge ${hazardSeverity(h.kind)}`} data-testid="hazard-badge" data-kind={h.kind} title={h.message}>{h.kind}</span>
                  ))}
                </div>
              )}
              <StepChecks found={dataChecks.filter((c) => c.step === i)} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
