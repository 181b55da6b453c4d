/**
 * `apply --schema …`: the same safe apply as the studio's (`applySteps`: one transaction, advisory
 * lock, whole-database hash checked under the lock, timeouts; journaled in the target's
 * `_schemata`), but planned and verified on the scope's schemas only, so the others are never
 * touched. `applyLive` (server/db/migrate.ts) reads the whole database; this is its scoped twin.
 */
import { planSql, reversePlan } from '../../shared/diff/plan.ts';
import type { HazardKind, Step } from '../../shared/diff/types.ts';
import type { Model } from '../../shared/model/document.ts';
import { applySteps, StepFailed } from '../db/apply.ts';
import { journalInTarget, markVerifiedInTarget, type JournalEntry } from '../db/history.ts';
import type { SqlClient } from '../db/sql-client.ts';
import type { ApplyTimeouts } from '../db/timeouts.ts';
import { planScoped, type ScopedPlan } from './scope.ts';

export interface ScopedApplyRequest extends ApplyTimeouts {
  client: SqlClient;
  model: Model;
  schemas: string[];
  acceptedHazards: HazardKind[];
  dryRun: boolean;
}

export interface ScopedApplyResult {
  steps: Step[];
  durationMs: number;
  /** After commit: the scope's schemas now equal the model. */
  verified?: boolean;
  remainingSteps?: number;
}

function journalEntry(request: ScopedApplyRequest, planned: ScopedPlan): JournalEntry {
  const back = reversePlan(planned.from, request.model);
  return {
    id: `apply_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`, targetId: request.client.displayUrl,
    startedAt: new Date().toISOString(), durationMs: 0, status: 'applied', steps: planned.steps, planSql: planSql({ steps: planned.steps }),
    hazardsAccepted: request.acceptedHazards, schemaHashBefore: planned.hash,
    ...(!back.losesData && back.plan.steps.length ? { reverseSql: planSql(back.plan) } : {}),
  };
}

/** Plans the scope, applies (or dry-runs) it, verifies the scope. Throws what `applySteps` throws. */
export async function applyScoped(request: ScopedApplyRequest): Promise<ScopedApplyResult> {
  const { client, model, schemas, dryRun } = request;
  const planned = await planScoped(client, model, schemas);
  const entry = journalEntry(request, planned);
  const started = performance.now();
  const journals = !dryRun && planned.steps.length > 0;
  try {
    const outcome = await applySteps(client, {
      steps: planned.steps, expectedHash: planned.hash, acceptedHazards: request.acceptedHazards, dryRun,
      lockTimeoutMs: request.lockTimeoutMs, statementTimeoutMs: request.statementTimeoutMs,
      beforeCommit: journals ? async (tx) => { await journalInTarget(tx, { ...entry, durationMs: performance.now() - started }); } : undefined,
    });
    if (dryRun) return { steps: planned.steps, durationMs: outcome.durationMs };
    const again = await planScoped(client, model, schemas);
    const verified = again.steps.length === 0;
    if (journals) await markVerifiedInTarget(client, entry.id, verified);
    return { steps: planned.steps, durationMs: outcome.durationMs, verified, remainingSteps: again.steps.length };
  } catch (error) {
    // The target keeps its own record of a failed migration (the failed transaction left nothing).
    if (error instanceof StepFailed && !dryRun) {
      const failed: JournalEntry = { ...entry, status: 'failed', durationMs: performance.now() - started, error: { kind: 'step-failed', ...error.failure } };
      delete failed.reverseSql;
      await client.transaction((tx) => journalInTarget(tx, failed)).catch(() => undefined);
    }
    throw error;
  }
}
