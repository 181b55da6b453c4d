/**
 * The state of one revert under review in History: the plan back (made by the server from the model
 * its journal recorded before the entry, against the database as it is now), its apply with live
 * progress, and the outcome. Local to the review: it describes one request, not the document.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplyResponse, PlanResponse } from '../../shared/api/plans.ts';
import { describeError, RequestError } from '../data/http.ts';
import { plansApi } from '../data/plans.ts';
import type { ApplyChoice, ApplyProgress } from '../store/connection-slice.ts';
import { useStore } from '../store/index.ts';

export interface RevertState {
  planning: boolean;
  plan?: PlanResponse;
  progress: ApplyProgress | null;
  result?: ApplyResponse;
  /** Why planning or applying failed; `conflict`: the database changed since the plan (plan again). */
  error?: { message: string; conflict: boolean };
}

export function useRevert(targetId: string, entryId: string) {
  const [state, setState] = useState<RevertState>({ planning: true, progress: null });
  // Answers to an older request (another entry, a second Plan again) are dropped.
  const latest = useRef(0);
  const failed = (error: unknown) => ({ message: describeError(error), conflict: error instanceof RequestError && error.status === 409 });

  const replan = useCallback(async () => {
    const ticket = ++latest.current;
    setState({ planning: true, progress: null });
    const next = await plansApi.planRevert(targetId, entryId)
      .then((plan): RevertState => ({ planning: false, plan, progress: null }))
      .catch((error: unknown): RevertState => ({ planning: false, progress: null, error: failed(error) }));
    if (ticket === latest.current) setState(next);
  }, [targetId, entryId]);
  useEffect(() => { void replan(); }, [replan]);

  const apply = async (choice: ApplyChoice) => {
    const plan = state.plan;
    if (!plan) return;
    const mode = choice.dryRun ? 'dry-run' : 'apply';
    setState({ planning: false, plan, progress: { mode, running: 0, total: plan.steps.length } });
    const next = await plansApi.applyRevert(targetId, entryId, { hash: plan.hash, ...choice }, (event) => {
      if (event.type === 'step') setState((s) => ({ ...s, progress: { mode, running: event.index, total: event.total } }));
    }).then((result): RevertState => ({ planning: false, plan, progress: null, result }))
      .catch((error: unknown): RevertState => ({ planning: false, plan, progress: null, error: failed(error) }));
    setState(next);
    // The revert (or its refusal) is a new history entry.
    void useStore.getState().loadHistory(targetId).catch(() => undefined);
  };

  return { state, replan, apply };
}
