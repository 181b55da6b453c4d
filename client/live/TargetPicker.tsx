/** The target the migration and history panels work on, and the hook that loads the target list once. */
import { useEffect } from 'react';
import { SANDBOX_TARGET_ID } from '../../shared/api/targets.ts';
import { useStore } from '../store/index.ts';

/** Loads the targets the first time a live panel shows (and again after a failed load). */
export function useTargetsLoaded(): void {
  const status = useStore((s) => s.targetsStatus.state);
  useEffect(() => {
    if (status === 'idle') void useStore.getState().loadTargets().catch(() => undefined);
  }, [status]);
}

export function TargetPicker() {
  useTargetsLoaded();
  const targets = useStore((s) => s.targets);
  const current = useStore((s) => s.currentTargetId);
  return (
    <label className="target-picker">
      <span className="label">Target</span>
      <select className="field" data-testid="target-picker" value={current} onChange={(e) => useStore.getState().selectTarget(e.target.value)}>
        {targets.length === 0 && <option value={current}>{current === SANDBOX_TARGET_ID ? 'Sandbox' : current}</option>}
        {targets.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </select>
    </label>
  );
}
