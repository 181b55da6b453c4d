/**
 * What the target routes share: the target service (503 when the store is not open) and the `:id`
 * parameter. Their errors are translated by `toApiError` (`http/errors.ts`, via `http/db-errors.ts`).
 */
import type { Request } from 'express';
import type { TargetService } from '../db/targets.ts';
import { HttpError } from '../http/errors.ts';

export function targetsOf(targets: TargetService | undefined): TargetService {
  if (!targets) throw new HttpError(503, 'internal', 'targets are not available: the studio store is not open');
  return targets;
}

export const idOf = (req: Request) => String(req.params.id);
