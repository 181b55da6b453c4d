/**
 * The live pipeline for one target: introspect → match to the target's baseline → plan → apply →
 * re-introspect and verify → journal. Routes and the CLI call these two functions and nothing else.
 */
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { renameCandidates, type ConfirmedRename, type RenameCandidate } from '../../shared/diff/rename-candidates.ts';
import { planBetween, planSql, reversePlan } from '../../shared/diff/plan.ts';
import { planHazardKinds, type HazardKind, type Step } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import { schemaHash } from '../introspect/hash.ts';
import { introspectSession } from '../introspect/introspect.ts';
import { applySteps, HazardsNotAccepted, SchemaChanged, StepFailed, type ApplyOptions } from './apply.ts';
import { journalInTarget, markVerifiedInTarget, type JournalEntry } from './history.ts';
import type { SqlClient } from './sql-client.ts';

export interface LivePlan {
  /** Hash of the live schema the plan was made from: give it back to apply. */
  hash: string;
  steps: Step[];
  hazards: HazardKind[];
  sql: string;
  /** The live schema, its ids carried over from the baseline by name. */
  from: Model;
  /** Tables dropped and created with the same columns: the user may confirm each as a rename (`PlanScope.renames`). */
  renameCandidates: RenameCandidate[];
}

export interface PlanScope {
  /** Only these schemas of the database are read and planned (`--schema`); absent: all of them. */
  schemas?: string[];
  /**
   * Puts the live model in the same spelling as `model` when that came from a shadow that is not
   * the target's own engine (see `canonicalFor`): like is then compared with like.
   */
  respell?: (live: Model) => Promise<Model>;
  /** Live tables the user confirmed are model tables renamed (from the plan's `renameCandidates`). */
  renames?: ConfirmedRename[];
}

/** The live schema in scope, and the hash of the whole database (what apply checks), from one snapshot. */
async function readLive(client: SqlClient, schemas: string[] | undefined): Promise<{ live: Model; hash: string }> {
  return client.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL search_path = pg_catalog;');
    const whole = await introspectSession(tx);
    return { live: schemas ? await introspectSession(tx, { schemas }) : whole, hash: schemaHash(whole) };
  }, { rollback: true });
}

/**
 * The plan that turns the database (or the scope's schemas of it) into `model`. Live objects are
 * first matched by name to the baseline (the model as of the last apply or import), or to `model`
 * itself when there is none.
 */
export async function planLive(client: SqlClient, model: Model, baseline: Model | undefined, scope: PlanScope = {}): Promise<LivePlan> {
  const { live, hash } = await readLive(client, scope.schemas);
  // The model too: whatever the baseline says, live objects still unmatched take their model namesake's id.
  const from = matchToBaseline(scope.respell ? await scope.respell(live) : live, baseline ?? model, model, scope.renames);
  const plan = planBetween(from, model);
  return { hash, steps: plan.steps, hazards: planHazardKinds(plan), sql: planSql(plan), from, renameCandidates: renameCandidates(from, model) };
}

/** Bounds for writing a failure into the target's journal, after the apply itself rolled back. */
const BOOKKEEPING_TIMEOUTS = { lockTimeoutMs: 5_000, statementTimeoutMs: 30_000 };

export class ConfirmationRequired extends Error {}

/** The studio's journal could not take the attempt: an apply that could be lost is not started. */
export class JournalUnwritable extends Error {
  constructor(cause: string) {
    super(`the apply journal could not be written (${cause}); nothing was run`);
  }
}

/** The model failed to load into the shadow database: nothing can be planned from it. */
export class ModelDoesNotLoad extends Error {}

/** A protected target is applied to only when the user typed its name (a dry run needs nothing). */
export function checkConfirmation(target: { name: string; protected: boolean }, confirmName: string | undefined, dryRun: boolean | undefined): void {
  if (!target.protected || dryRun) return;
  if (confirmName !== target.name) {
    throw new ConfirmationRequired(`target "${target.name}" is protected: type its name to confirm the apply`);
  }
}

export interface ApplyRequest {
  model: Model;
  /** The `hash` of the plan the user reviewed. */
  hash: string;
  acceptedHazards: HazardKind[];
  dryRun?: boolean;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  onStep?: ApplyOptions['onStep'];
  /** What of the database is planned and verified, and how it is spelled (see `planLive`). */
  scope?: PlanScope;
  /** This apply reverts that journal entry (its model is the one recorded before it; `revert.ts`). */
  revertOf?: string;
  /** The saved project whose baseline the apply matched and updated: a revert of it uses the same one. */
  projectId?: string;
}

export interface ApplyTarget {
  id: string;
  client: SqlClient;
  baseline: Model | undefined;
  setBaseline: (model: Model) => Promise<void>;
  record: (entry: JournalEntry) => Promise<void>;
}

export interface ApplyResult {
  journalId: string;
  status: 'applied' | 'dry-run';
  steps: Step[];
  durationMs: number;
  /** After commit: the database equals the model (planning again gives no step). */
  verified?: boolean;
  /** Steps a new plan would still contain (0 when verified). */
  remainingSteps?: number;
  /** The migration committed, but what follows it failed: e.g. `verifying failed: <message>`. */
  afterCommitError?: string;
}

function newEntry(target: string, request: Pick<ApplyRequest, 'hash' | 'acceptedHazards' | 'revertOf' | 'projectId'>, steps: Step[]): JournalEntry {
  return {
    id: `apply_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`, targetId: target,
    startedAt: new Date().toISOString(), durationMs: 0, status: 'applied', steps, planSql: steps.map((s) => s.sql).join('\n'),
    hazardsAccepted: request.acceptedHazards, schemaHashBefore: request.hash,
    ...(request.revertOf ? { revertOf: request.revertOf } : {}), ...(request.projectId ? { projectId: request.projectId } : {}),
  };
}

function errorOf(error: unknown): Record<string, unknown> {
  if (error instanceof ConfirmationRequired) return { kind: 'confirmation-required', message: error.message };
  if (error instanceof ModelDoesNotLoad) return { kind: 'model-does-not-load', message: error.message };
  if (error instanceof StepFailed) return { kind: 'step-failed', ...error.failure, message: error.failure.message };
  if (error instanceof HazardsNotAccepted) return { kind: 'hazards-not-accepted', hazards: error.hazards, message: error.message };
  if (error instanceof SchemaChanged) return { kind: 'schema-changed', message: error.message };
  return { kind: 'error', message: (error as Error)?.message ?? String(error) };
}

/**
 * The journal entry of an attempt refused before anything was planned or run (a protected target's
 * name not typed, a model that does not load): no steps, and so no way back.
 */
export function refusedEntry(targetId: string, request: Pick<ApplyRequest, 'hash' | 'acceptedHazards' | 'revertOf' | 'projectId'>, error: unknown): JournalEntry {
  return { ...newEntry(targetId, request, []), status: 'refused', error: errorOf(error) };
}

/** The way back, when one exists that loses no data (only an applied entry carries it). */
function reverseSqlOf(planned: LivePlan, model: Model): string | undefined {
  const back = reversePlan(planned.from, model);
  return !back.losesData && back.plan.steps.length ? planSql(back.plan) : undefined;
}

/** What is left to do once the migration committed. */
type AfterCommitStage = 'saving the baseline' | 'verifying' | "marking the target's journal";

/**
 * After commit the database has changed whatever follows: saving the baseline, verifying and
 * journaling are each tried, and one that fails is reported with the applied result (never as a
 * refusal, which would tell the user nothing happened).
 */
async function finishApplied(target: ApplyTarget, request: ApplyRequest, entry: JournalEntry, inTarget: boolean): Promise<ApplyResult> {
  let stage: AfterCommitStage = 'saving the baseline';
  let remainingSteps: number | undefined;
  let afterCommitError: string | undefined;
  try {
    await target.setBaseline(request.model);
    stage = 'verifying';
    remainingSteps = (await planLive(target.client, request.model, request.model, request.scope)).steps.length;
    entry.verified = remainingSteps === 0;
    stage = "marking the target's journal";
    if (inTarget) await markVerifiedInTarget(target.client, entry.id, entry.verified);
  } catch (error) {
    afterCommitError = `${stage} failed: ${errorOf(error).message}`;
    entry.error = { kind: 'after-commit', stage, message: afterCommitError };
  }
  await target.record(entry).catch((error: unknown) => {
    afterCommitError ??= `recording the history failed: ${errorOf(error).message}`;
  });
  return {
    journalId: entry.id, status: 'applied', steps: entry.steps, durationMs: entry.durationMs,
    verified: entry.verified, remainingSteps, afterCommitError,
  };
}

/**
 * Plans again, checks the plan is the one the user reviewed (same live hash), applies it (or dry-runs
 * it), verifies, and journals the attempt whatever happens. Throws what `applySteps` throws.
 */
export async function applyLive(target: ApplyTarget, request: ApplyRequest): Promise<ApplyResult> {
  const planned = await planLive(target.client, request.model, target.baseline, request.scope);
  const entry = newEntry(target.id, request, planned.steps);
  const started = performance.now();
  const reverseSql = reverseSqlOf(planned, request.model);
  // An apply with no step changes nothing: it leaves no `_schemata` behind in the target.
  const journalsInTarget = !request.dryRun && planned.steps.length > 0;
  // What a revert of this apply plans back to (only an apply that changes something has one).
  const before = journalsInTarget ? { model: planned.from, schemas: request.scope?.schemas } : undefined;
  try {
    if (planned.hash !== request.hash) throw new SchemaChanged(request.hash, planned.hash);
    // Committed before the first statement runs: a studio killed mid-apply leaves this entry, which the
    // next studio to open the store marks `interrupted` (journal-owner.ts). Unjournaled, nothing runs.
    await target.record({ ...entry, status: 'running' }).catch((error: unknown) => {
      throw new JournalUnwritable(errorOf(error).message as string);
    });
    const outcome = await applySteps(target.client, {
      steps: planned.steps, expectedHash: request.hash, acceptedHazards: request.acceptedHazards, dryRun: request.dryRun,
      lockTimeoutMs: request.lockTimeoutMs, statementTimeoutMs: request.statementTimeoutMs, onStep: request.onStep,
      beforeCommit: journalsInTarget ? async (tx) => { await journalInTarget(tx, { ...entry, reverseSql, before, durationMs: performance.now() - started }); } : undefined,
    });
    entry.durationMs = outcome.durationMs;
    if (request.dryRun) {
      entry.status = 'dry-run';
      await target.record(entry);
      return { journalId: entry.id, status: 'dry-run', steps: planned.steps, durationMs: outcome.durationMs };
    }
  } catch (error) {
    entry.durationMs = performance.now() - started;
    entry.status = error instanceof StepFailed ? 'failed' : 'refused';
    entry.error = errorOf(error);
    await target.record(entry).catch(() => undefined);
    // The target keeps its own record of a failed migration (the failed transaction left nothing).
    if (error instanceof StepFailed && !request.dryRun) {
      await target.client.transaction(async (tx) => {
        // Bookkeeping waits a bounded time: a session reading the journal must not hang the answer.
        await tx.exec(`SET LOCAL lock_timeout = ${BOOKKEEPING_TIMEOUTS.lockTimeoutMs}; SET LOCAL statement_timeout = ${BOOKKEEPING_TIMEOUTS.statementTimeoutMs}`);
        return journalInTarget(tx, entry);
      }).catch(() => undefined);
    }
    throw error;
  }
  entry.reverseSql = reverseSql;
  entry.before = before;
  return finishApplied(target, request, entry, journalsInTarget);
}
