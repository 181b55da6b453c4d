/**
 * Applying a model to a live database: under the apply lock the database is read ONCE, the plan
 * made from that read (as `planLive` makes the reviewed one) and its hash compared with the one the
 * user reviewed; the steps run (or dry-run), then after commit the database is read again to verify.
 * Every attempt is journaled in the studio's journal (and the target's `_schemata`), whatever happens.
 */
import type { ApplyResponse } from '../../shared/api/plans.ts';
import { reversePlan, planSql } from '../../shared/diff/plan.ts';
import type { Model } from '../../shared/model/document.ts';
import { applySteps, StepFailed } from '../db/apply.ts';
import type { JournalEntry } from '../db/history.ts';
import { journalInTarget, markVerifiedInTarget } from '../db/target-journal.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { schemaHash } from '../introspect/hash.ts';
import { liveCost } from './cost.ts';
import { errorOf, journalError, JournalUnwritable, newEntry } from './journal-entry.ts';
import { introspectInScope, planFromLive, planLive, type LivePlan } from './plan.ts';
import type { ApplyRequest } from './apply-request.ts';

export type { ApplyRequest } from './apply-request.ts';

/** Bounds for writing a failure into the target's journal, after the apply itself rolled back. */
const BOOKKEEPING_TIMEOUTS = { lockTimeoutMs: 5_000, statementTimeoutMs: 30_000 };

export interface ApplyTarget {
  id: string;
  client: SqlClient;
  baseline: Model | undefined;
  setBaseline: (model: Model) => Promise<void>;
  record: (entry: JournalEntry) => Promise<void>;
}

/** What an apply answers: the API's `ApplyResponse` (`shared/api/plans.ts`), which the CLI reports too. */
export type ApplyResult = ApplyResponse;

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

/** Records the failure of a rolled-back apply in the studio's journal and, for a failed step, in the target's. */
async function journalFailure(target: ApplyTarget, request: ApplyRequest, entry: JournalEntry, error: unknown): Promise<void> {
  entry.status = error instanceof StepFailed ? 'failed' : 'refused';
  entry.error = journalError(error, request.dryRun);
  await target.record(entry).catch(() => undefined);
  // The target keeps its own record of a failed migration (the failed transaction left nothing).
  if (error instanceof StepFailed && !request.dryRun) {
    await target.client.transaction(async (tx) => {
      // Bookkeeping waits a bounded time: a session reading the journal must not hang the answer.
      await tx.exec(`SET LOCAL lock_timeout = ${BOOKKEEPING_TIMEOUTS.lockTimeoutMs}; SET LOCAL statement_timeout = ${BOOKKEEPING_TIMEOUTS.statementTimeoutMs}`);
      return journalInTarget(tx, entry);
    }).catch(() => undefined);
  }
}

/**
 * Plans under the apply lock from the one read of the database there, checks the plan is the one
 * the user reviewed (same live hash), applies it (or dry-runs it), verifies, and journals the
 * attempt whatever happens. Throws what `applySteps` throws.
 */
export async function applyLive(target: ApplyTarget, request: ApplyRequest): Promise<ApplyResult> {
  const entry = newEntry(target.id, request, []);
  const started = performance.now();
  let planned: LivePlan | undefined;
  // An apply with no step changes nothing: it leaves no `_schemata` behind in the target.
  const journalsInTarget = () => !request.dryRun && (planned?.steps.length ?? 0) > 0;
  const wayBack = () => {
    if (!planned || !journalsInTarget()) return {};
    // What a revert of this apply plans back to (only an apply that changes something has one).
    return { reverseSql: reverseSqlOf(planned, request.model), before: { model: planned.from, schemas: request.scope?.schemas } };
  };
  try {
    const outcome = await applySteps(target.client, {
      steps: async (whole, tx) => {
        liveCost.introspections += 1;
        const hash = schemaHash(whole);
        const live = request.scope?.schemas ? await introspectInScope(tx, request.scope.schemas) : whole;
        planned = await planFromLive(live, hash, request.model, target.baseline, request.scope);
        Object.assign(entry, { steps: planned.steps, planSql: planned.steps.map((s) => s.sql).join('\n'), schemaHashBefore: request.hash ?? hash });
        return planned.steps;
      },
      expectedHash: request.hash, acceptedHazards: request.acceptedHazards, dryRun: request.dryRun,
      lockTimeoutMs: request.lockTimeoutMs, statementTimeoutMs: request.statementTimeoutMs, onStep: request.onStep,
      // Committed before the first statement runs: a studio killed mid-apply leaves this entry, which the
      // next studio to open the store marks `interrupted` (journal-owner.ts). Unjournaled, nothing runs.
      beforeFirstStep: async () => {
        await target.record({ ...entry, status: 'running' }).catch((error: unknown) => {
          throw new JournalUnwritable(errorOf(error).message as string);
        });
      },
      beforeCommit: async (tx) => {
        if (journalsInTarget()) await journalInTarget(tx, { ...entry, ...wayBack(), durationMs: performance.now() - started });
      },
    });
    entry.durationMs = outcome.durationMs;
    if (request.dryRun) {
      entry.status = 'dry-run';
      await target.record(entry);
      return { journalId: entry.id, status: 'dry-run', steps: outcome.steps, durationMs: outcome.durationMs };
    }
  } catch (error) {
    entry.durationMs = performance.now() - started;
    await journalFailure(target, request, entry, error);
    throw error;
  }
  Object.assign(entry, wayBack());
  return finishApplied(target, request, entry, journalsInTarget());
}

/**
 * An apply with no studio store (the CLI): no baseline, so live objects are matched to the model
 * itself by name; nothing to journal but the target's own `_schemata`. Planned under the lock only.
 */
export function applyWithoutStore(client: SqlClient, request: Omit<ApplyRequest, 'hash'>): Promise<ApplyResult> {
  const target = { id: client.displayUrl, client, baseline: request.model, setBaseline: async () => undefined, record: async () => undefined };
  return applyLive(target, request);
}
