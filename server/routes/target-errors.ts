/** Maps the errors of `server/db` (targets, apply) to HTTP errors with the `ApiError` shape. */
import type { Request, RequestHandler, Response } from 'express';
import { HazardsNotAccepted, SchemaChanged, StepFailed } from '../db/apply.ts';
import { ConnectionError, lostConnectionCause } from '../db/connection-error.ts';
import { ConfirmationRequired } from '../db/migrate.ts';
import { TargetNotFound, TargetRejected, TargetUnreadable, type TargetService } from '../db/targets.ts';
import { conflict, HttpError, invalidRequest, notFound } from '../http/errors.ts';

export function toHttpError(error: unknown): unknown {
  if (error instanceof TargetNotFound) return notFound(error.message);
  if (error instanceof TargetRejected || error instanceof ConfirmationRequired) return invalidRequest(error.message);
  if (error instanceof HazardsNotAccepted) return new HttpError(400, 'invalid-request', error.message, { hazards: error.hazards });
  if (error instanceof SchemaChanged) return conflict(error.message);
  if (error instanceof StepFailed) {
    const { sqlstate, detail, hint, stepIndex, sql, position } = error.failure;
    return new HttpError(400, 'postgres-error', error.message, { sqlstate, detail, hint, stepIndex, sql, position });
  }
  if (error instanceof ConnectionError) return new HttpError(503, 'internal', error.message);
  // The studio's configuration (its key), not the request, is at fault: the message says what to set.
  if (error instanceof TargetUnreadable) return new HttpError(500, 'internal', error.message);
  const lost = lostConnectionCause(error);
  if (lost) return new HttpError(503, 'internal', `the target database does not answer: ${lost}`);
  return error;
}

/** An async handler whose errors leave as HTTP errors. */
export function handle(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (error) {
      throw toHttpError(error);
    }
  };
}

export function targetsOf(targets: TargetService | undefined): TargetService {
  if (!targets) throw new HttpError(503, 'internal', 'targets are not available: the studio store is not open');
  return targets;
}

export const idOf = (req: Request) => String(req.params.id);
