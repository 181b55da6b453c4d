/**
 * The connection slice: targets, the plan under review, apply progress and history, and the state
 * of each request. Never saved, never undone: it describes databases, not the document.
 */
import type { StateCreator } from 'zustand';
import type { ApplyResponse, HistoryEntryResponse, PlanResponse } from '../../shared/api/plans.ts';
import { SANDBOX_TARGET_ID, type AddTargetRequest, type TargetResponse, type TestTargetResponse } from '../../shared/api/targets.ts';
import type { ConfirmedRename } from '../../shared/diff/rename-candidates.ts';
import type { HazardKind } from '../../shared/diff/types.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { describeError, RequestError } from '../data/http.ts';
import { plansApi } from '../data/plans.ts';
import { targetsApi } from '../data/targets.ts';
import type { AppState, Mutators } from './types.ts';

export type RequestStatus = { state: 'idle' | 'running' | 'done' } | { state: 'error'; message: string };
const IDLE: RequestStatus = { state: 'idle' };

/**
 * A plan as reviewed: made against `targetId` for exactly this document. Apply sends this document,
 * never the one being edited, so what runs is what was reviewed; `document.model` identity tells
 * the panel when the model has moved on (stale).
 */
export interface ReviewedPlan {
  targetId: string;
  document: ModelDocument;
  plan: PlanResponse;
  /** The saved project the document is: the server matches live objects to its baseline on the target. */
  projectId?: string;
  /** Renames the user confirmed for this plan ("Treat as rename"); sent again with the apply. */
  renames?: ConfirmedRename[];
}

/** Why an apply failed, with the failing step when PostgreSQL refused one. */
export interface ApplyFailure {
  message: string;
  status?: number;
  stepIndex?: number;
  sqlstate?: string;
  detail?: string;
  hint?: string;
  /** The attempt was a dry run (the result says "Dry run failed", not a failed apply). */
  dryRun?: boolean;
}

export interface ApplyOutcome {
  result: ApplyResponse;
  /** After a non-verified apply: what still differs (a fresh plan). */
  remaining?: PlanResponse;
}

/** Which step runs now (0-based; the server reports each step as it starts). */
export interface ApplyProgress {
  mode: 'apply' | 'dry-run';
  running: number;
  total: number;
}

export interface ApplyChoice {
  dryRun: boolean;
  acceptedHazards: HazardKind[];
  confirmName?: string;
}

/** The sub-panel of the Database tab. */
export type LiveTab = 'targets' | 'migrate' | 'history';

export interface ConnectionSlice {
  liveTab: LiveTab;
  targets: TargetResponse[];
  targetsStatus: RequestStatus;
  currentTargetId: string;
  tests: Record<string, TestTargetResponse>;
  review: ReviewedPlan | null;
  planStatus: RequestStatus;
  progress: ApplyProgress | null;
  applyOutcome: ApplyOutcome | null;
  applyFailure: ApplyFailure | null;
  history: Record<string, HistoryEntryResponse[]>;
  historyStatus: RequestStatus;
  setLiveTab: (tab: LiveTab) => void;
  loadTargets: () => Promise<void>;
  selectTarget: (id: string) => void;
  addTarget: (input: AddTargetRequest) => Promise<TargetResponse>;
  /** A protected target names itself (`confirmName`): the server refuses it otherwise. */
  removeTarget: (id: string, confirmName?: string) => Promise<void>;
  /** Removing protection names the target (`confirmName`): the server refuses it otherwise. */
  setTargetProtected: (id: string, value: boolean, confirmName?: string) => Promise<void>;
  testTarget: (id: string) => Promise<void>;
  /** Plans `doc` against the current target; `renames`: live tables the user confirmed are model tables renamed. */
  compare: (doc: ModelDocument, renames?: ConfirmedRename[]) => Promise<void>;
  /** Plans the reviewed document again with one more confirmed rename (a pair of the plan's `renameCandidates`). */
  treatAsRename: (rename: ConfirmedRename) => Promise<void>;
  applyPlan: (choice: ApplyChoice) => Promise<void>;
  loadHistory: (id?: string) => Promise<void>;
}

function failureOf(error: unknown): ApplyFailure {
  const failure: ApplyFailure = { message: describeError(error) };
  if (error instanceof RequestError) {
    failure.status = error.status;
    const details = (error.body?.details ?? {}) as Record<string, unknown>;
    if (typeof details.stepIndex === 'number') failure.stepIndex = details.stepIndex;
    for (const key of ['sqlstate', 'detail', 'hint'] as const) {
      if (typeof details[key] === 'string') failure[key] = details[key];
    }
  }
  return failure;
}

const errorStatus = (error: unknown): RequestStatus => ({ state: 'error', message: describeError(error) });

const TARGET_KEY = 'schemata.compare-target';
/** Unsaved work (a template, a file, a draft) shares one remembered target; a saved project has its own. */
const projectKey = (project: AppState['project']) => project.id ?? 'unsaved';

/** The compare target last chosen for each project (by project id), kept in localStorage so a reload keeps it. */
function rememberedTargets(): Record<string, string> {
  try {
    const value = JSON.parse(localStorage.getItem(TARGET_KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function rememberTarget(project: AppState['project'], targetId: string): void {
  try {
    localStorage.setItem(TARGET_KEY, JSON.stringify({ ...rememberedTargets(), [projectKey(project)]: targetId }));
  } catch {
    // Storage refused (private mode): the choice holds until the page closes.
  }
}

export const createConnectionSlice: StateCreator<AppState, Mutators, [], ConnectionSlice> = (set, get, store) => {
  /** Runs a request and records its status under `key`; rethrows so callers may react. */
  async function tracked<T>(key: 'targetsStatus' | 'planStatus' | 'historyStatus', run: () => Promise<T>): Promise<T> {
    set({ [key]: { state: 'running' } } as Partial<ConnectionSlice>);
    try {
      const value = await run();
      set({ [key]: { state: 'done' } } as Partial<ConnectionSlice>);
      return value;
    } catch (error) {
      set({ [key]: errorStatus(error) } as Partial<ConnectionSlice>);
      throw error;
    }
  }
  const clearReview = () => set({ review: null, applyOutcome: null, applyFailure: null, progress: null, planStatus: IDLE });
  /** The target remembered for the open project, when it is still listed. */
  const rememberedFor = (targets: TargetResponse[]) => {
    const id = rememberedTargets()[projectKey(get().project)];
    return id && targets.some((t) => t.id === id) ? id : undefined;
  };

  store.subscribe((state, prev) => {
    // Another document opened: a plan, "Compare failed" or an apply's result spoke of the one before
    // (an apply still running keeps its progress and result).
    if (state.loads !== prev.loads && !state.progress) clearReview();
    // Another project: its own compare target, if one was chosen; a project with none yet (just
    // saved, just imported from a database) keeps the one in use, and remembers it. Before the
    // targets are listed nothing is remembered: `loadTargets` then picks the remembered one.
    if (projectKey(state.project) !== projectKey(prev.project)) {
      const remembered = rememberedTargets()[projectKey(state.project)];
      const id = rememberedFor(state.targets);
      if (id && id !== state.currentTargetId) set({ currentTargetId: id });
      else if (!remembered && state.targets.length) rememberTarget(state.project, state.currentTargetId);
    }
  });

  return {
    liveTab: 'migrate',
    targets: [],
    targetsStatus: IDLE,
    currentTargetId: SANDBOX_TARGET_ID,
    tests: {},
    review: null,
    planStatus: IDLE,
    progress: null,
    applyOutcome: null,
    applyFailure: null,
    history: {},
    historyStatus: IDLE,

    setLiveTab: (liveTab) => set({ liveTab }),
    loadTargets: async () => {
      const targets = await tracked('targetsStatus', targetsApi.list);
      const current = rememberedFor(targets) ?? (targets.some((t) => t.id === get().currentTargetId) ? get().currentTargetId : SANDBOX_TARGET_ID);
      set({ targets, currentTargetId: current });
    },
    selectTarget: (id) => {
      if (id === get().currentTargetId) return;
      set({ currentTargetId: id });
      rememberTarget(get().project, id);
      clearReview();
    },
    addTarget: async (input) => {
      const added = await targetsApi.add(input);
      set({ targets: [...get().targets, added] });
      return added;
    },
    removeTarget: async (id, confirmName) => {
      await targetsApi.remove(id, confirmName);
      const targets = get().targets.filter((t) => t.id !== id);
      set({ targets });
      if (get().currentTargetId === id) get().selectTarget(SANDBOX_TARGET_ID);
    },
    setTargetProtected: async (id, value, confirmName) => {
      const updated = await targetsApi.update(id, { protected: value, ...(confirmName === undefined ? {} : { confirmName }) });
      set({ targets: get().targets.map((t) => (t.id === id ? updated : t)) });
    },
    testTarget: async (id) => {
      let result: TestTargetResponse;
      try {
        result = await targetsApi.test(id);
      } catch (error) {
        result = { ok: false, message: describeError(error), ms: 0 };
      }
      set({ tests: { ...get().tests, [id]: result } });
    },

    compare: async (doc, renames) => {
      const targetId = get().currentTargetId;
      const { project } = get();
      const projectId = project.source === 'project' ? project.id : undefined;
      // The old plan goes at once: a plan on screen is always the answer to the last Compare.
      set({ review: null, applyOutcome: null, applyFailure: null, progress: null });
      const plan = await tracked('planStatus', () => plansApi.plan(targetId, doc, { projectId, renames })).catch(() => undefined);
      if (plan && get().currentTargetId === targetId) set({ review: { targetId, document: doc, plan, projectId, renames } });
    },

    treatAsRename: async ({ from, toId }) => {
      const review = get().review;
      if (review) await get().compare(review.document, [...(review.renames ?? []), { from, toId }]);
    },

    applyPlan: async (choice) => {
      const review = get().review;
      if (!review) return;
      const mode = choice.dryRun ? 'dry-run' : 'apply';
      set({ progress: { mode, running: 0, total: review.plan.steps.length }, applyOutcome: null, applyFailure: null });
      try {
        const { targetId, document, projectId, renames } = review;
        const result = await plansApi.apply(targetId, { document, projectId, renames, hash: review.plan.hash, ...choice }, (event) => {
          if (event.type === 'step') set({ progress: { mode, running: event.index, total: event.total } });
        });
        const outcome: ApplyOutcome = { result };
        // Not verified: show what still differs, from a fresh comparison.
        if (result.status === 'applied' && result.verified === false) {
          outcome.remaining = await plansApi.plan(targetId, document, { projectId, renames }).catch(() => undefined);
        }
        set({ applyOutcome: outcome, progress: null });
      } catch (error) {
        set({ applyFailure: { ...failureOf(error), ...(choice.dryRun ? { dryRun: true } : {}) }, progress: null });
      }
      if (get().history[review.targetId]) void get().loadHistory(review.targetId).catch(() => undefined);
    },

    loadHistory: async (id = get().currentTargetId) => {
      const entries = await tracked('historyStatus', () => plansApi.history(id));
      set({ history: { ...get().history, [id]: entries } });
    },
  };
};
