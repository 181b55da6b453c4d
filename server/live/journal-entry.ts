/**
 * The studio's journal entry of one attempt to apply, and the refusals that come before planning:
 * each attempt is journaled whatever happens (applied, dry run, failed, refused).
 */
import type { Step } from '../../shared/diff/types.ts';
import { HazardsNotAccepted, SchemaChanged, StepFailed } from '../db/apply.ts';
import type { JournalEntry } from '../db/history.ts';
import { ModelDoesNotLoad } from '../diff/shadow-load.ts';
import type { ApplyRequest } from './apply-request.ts';

export class ConfirmationRequired extends Error {}

/** The studio's journal could not take the attempt: an apply that could be lost is not started. */
export class JournalUnwritable extends Error {
  constructor(cause: string) {
    super(`the apply journal could not be written (${cause}); nothing was run`);
  }
}

/** A protected target is applied to only when the user typed its name (a dry run needs nothing). */
export function checkConfirmation(target: { name: string; protected: boolean }, confirmName: string | undefined, dryRun: boolean | undefined): void {
  if (!target.protected || dryRun) return;
  if (confirmName !== target.name) {
    throw new ConfirmationRequired(`target "${target.name}" is protected: type its name to confirm the apply`);
  }
}

type EntryFields = Pick<ApplyRequest, 'hash' | 'acceptedHazards' | 'revertOf' | 'projectId' | 'dryRun' | 'appliedBy'>;

export function newEntry(target: string, request: EntryFields, steps: Step[]): JournalEntry {
  return {
    id: `apply_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`, targetId: target,
    startedAt: new Date().toISOString(), durationMs: 0, status: 'applied', steps, planSql: steps.map((s) => s.sql).join('\n'),
    // A dry run asks for no confirmation (it changes nothing): no hazard was accepted by anyone.
    hazardsAccepted: request.dryRun ? [] : request.acceptedHazards, schemaHashBefore: request.hash ?? '',
    ...(request.revertOf ? { revertOf: request.revertOf } : {}), ...(request.projectId ? { projectId: request.projectId } : {}),
    ...(request.appliedBy ? { appliedBy: request.appliedBy } : {}),
  };
}

/** What the journal says of an error (its `error` field). */
export function errorOf(error: unknown): Record<string, unknown> {
  if (error instanceof ConfirmationRequired) return { kind: 'confirmation-required', message: error.message };
  if (error instanceof ModelDoesNotLoad) return { kind: 'model-does-not-load', message: error.message };
  if (error instanceof StepFailed) return { kind: 'step-failed', ...error.failure, message: error.failure.message };
  if (error instanceof HazardsNotAccepted) return { kind: 'hazards-not-accepted', hazards: error.hazards, message: error.message };
  if (error instanceof SchemaChanged) return { kind: 'schema-changed', message: error.message };
  return { kind: 'error', message: (error as Error)?.message ?? String(error) };
}

/**
 * The `error` a failed or refused attempt is journaled with; a dry run's says so (`dryRun: true`), so
 * the history reads "Dry run failed", not a failed apply.
 */
export function journalError(error: unknown, dryRun: boolean | undefined): Record<string, unknown> {
  return dryRun ? { ...errorOf(error), dryRun: true } : errorOf(error);
}

/** The refusals that come before anything is planned: journaled as refused by the use case. */
export const isRefusalBeforePlanning = (error: unknown): boolean => error instanceof ConfirmationRequired || error instanceof ModelDoesNotLoad;

/**
 * The journal entry of an attempt refused before anything was planned or run (a protected target's
 * name not typed, a model that does not load): no steps, and so no way back.
 */
export function refusedEntry(targetId: string, request: EntryFields, error: unknown): JournalEntry {
  return { ...newEntry(targetId, request, []), status: 'refused', error: journalError(error, request.dryRun) };
}
