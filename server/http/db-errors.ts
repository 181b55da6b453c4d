/**
 * The errors `server/db` and the live-migration use case (`server/live`) throw (targets, plan,
 * apply, revert) as `HttpError`s. Called by `toApiError` in `errors.ts`, the one translator, so a
 * route never catches them itself.
 */
import { HazardsNotAccepted, SchemaChanged, StepFailed } from '../db/apply.ts';
import { ConnectionError, lostConnectionCause } from '../db/connection-error.ts';
import { NotRevertible } from '../db/revert.ts';
import { TargetNotFound, TargetRejected, TargetUnreadable } from '../db/targets.ts';
import { TargetsUnavailable } from '../db/targets-unavailable.ts';
import { ModelDoesNotLoad } from '../diff/shadow-load.ts';
import { ConfirmationRequired, JournalUnwritable } from '../live/journal-entry.ts';
import { HistoryEntryNotFound } from '../live/migration.ts';
import { HttpError } from './http-error.ts';

/** The `HttpError` for an error of `server/db` or `server/live`, or undefined for any other error. */
export function dbHttpError(error: unknown): HttpError | undefined {
  if (error instanceof TargetNotFound || error instanceof HistoryEntryNotFound) return new HttpError(404, 'not-found', error.message);
  if (error instanceof TargetsUnavailable) return new HttpError(503, 'internal', error.message);
  if (error instanceof TargetRejected || error instanceof ConfirmationRequired || error instanceof ModelDoesNotLoad) {
    return new HttpError(400, 'invalid-request', error.message);
  }
  if (error instanceof HazardsNotAccepted) return new HttpError(400, 'invalid-request', error.message, { hazards: error.hazards });
  if (error instanceof SchemaChanged) return new HttpError(409, 'conflict', error.message);
  // The history entry exists, but recorded no way back (refused, failed, dry run, older studio).
  if (error instanceof NotRevertible) return new HttpError(409, 'conflict', error.message);
  if (error instanceof StepFailed) {
    const { sqlstate, detail, hint, stepIndex, sql, position } = error.failure;
    return new HttpError(400, 'postgres-error', error.message, { sqlstate, detail, hint, stepIndex, sql, position });
  }
  if (error instanceof ConnectionError) return new HttpError(503, 'internal', error.message);
  // The studio's own store failed, not the request: trying again later may work; nothing ran.
  if (error instanceof JournalUnwritable) return new HttpError(503, 'internal', error.message);
  // The studio's configuration (its key), not the request, is at fault: the message says what to set.
  if (error instanceof TargetUnreadable) return new HttpError(500, 'internal', error.message);
  const lost = lostConnectionCause(error);
  if (lost) return new HttpError(503, 'internal', `the target database does not answer: ${lost}`);
  return undefined;
}
