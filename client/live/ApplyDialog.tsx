/**
 * The confirmation before an apply: every hazard of the plan, each to be ticked, and for a
 * protected target its name to be typed. Apply stays disabled until both are done.
 */
import { useState } from 'react';
import type { TargetResponse } from '../../shared/api/targets.ts';
import type { Step } from '../../shared/diff/types.ts';
import { hazardKinds, hazardSeverity } from '../../shared/diff/hazards.ts';
import { hazardList } from './plan-view.ts';
import type { StepDataCheck } from '../../shared/diff/data-checks.ts';
import { StepChecks } from './PlanSteps.tsx';
import type { ApplyChoice } from '../store/connection-slice.ts';
import { Dialog } from '../shell/Dialog.tsx';

export interface ApplyDialogProps {
  target: TargetResponse;
  steps: readonly Step[];
  /** What the plan's data checks found: shown under the first hazard of their step that they answer. */
  dataChecks?: readonly StepDataCheck[];
  onCancel: () => void;
  onApply: (choice: ApplyChoice) => void;
}

export function ApplyDialog({ target, steps, dataChecks = [], onCancel, onApply }: ApplyDialogProps) {
  const hazards = hazardList(steps);
  const checkedAt = new Map<number, number>();
  hazards.forEach(({ stepIndex, hazard }, i) => {
    if ((hazard.kind === 'may-fail-on-existing-data' || hazard.kind === 'deletes-data') && !checkedAt.has(stepIndex)) checkedAt.set(stepIndex, i);
  });
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [typed, setTyped] = useState('');
  const allTicked = ticked.size === hazards.length;
  const named = !target.protected || typed === target.name;
  const toggle = (i: number) => {
    const next = new Set(ticked);
    if (next.has(i)) next.delete(i); else next.add(i);
    setTicked(next);
  };
  const heading = `Apply ${steps.length} step${steps.length === 1 ? '' : 's'} to ${target.name}`;
  return (
    <Dialog className="apply-dialog" label={heading} testId="apply-dialog" onClose={onCancel} smallClose>
      <div className="apply-dialog-body">
        <p className="muted">All steps run in one transaction: if one fails, nothing changes.</p>
        {hazards.length === 0
          ? <p data-testid="apply-no-hazards">This plan has no hazards.</p>
          : (
            <>
              <p><strong>Tick each hazard to accept it:</strong></p>
              <ul className="hazard-acks">
                {hazards.map(({ stepIndex, hazard }, i) => (
                  <li key={i}>
                    <label className="hazard-ack">
                      <input type="checkbox" data-testid="hazard-ack" data-kind={hazard.kind} checked={ticked.has(i)} onChange={() => toggle(i)} />
                      <span className={`hazard-badge ${hazardSeverity(hazard.kind)}`}>{hazard.kind}</span>
                      <span>step {stepIndex + 1}: {hazard.message}</span>
                    </label>
                    {checkedAt.get(stepIndex) === i && <StepChecks found={dataChecks.filter((c) => c.step === stepIndex)} />}
                  </li>
                ))}
              </ul>
            </>
          )}
        {target.protected && (
          <label className="confirm-name">
            <span><strong>{target.name}</strong> is protected: type its name to apply.</span>
            <input className="field" data-testid="confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" placeholder={target.name} />
          </label>
        )}
      </div>
      <div className="dialog-actions">
        {/* Focus starts on Cancel: Enter never applies by accident, Escape closes. */}
        <button className="btn" data-testid="apply-cancel" onClick={onCancel} autoFocus>Cancel</button>
        <button
          className="btn primary" data-testid="confirm-apply" disabled={!allTicked || !named}
          onClick={() => onApply({ dryRun: false, acceptedHazards: hazardKinds(steps), confirmName: target.protected ? typed : undefined })}
        >
          Apply
        </button>
      </div>
    </Dialog>
  );
}
