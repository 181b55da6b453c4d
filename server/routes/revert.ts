/**
 * Revert from history (`server/db/revert.ts`): plan and apply the way back from a journal entry. The
 * model is the one the studio's journal recorded before that entry; the plan and apply are the
 * ordinary ones of the live-migration use case, so hazards, confirmation and journaling are the same.
 * 404 without the entry, 409 (`NotRevertible`) when it cannot be reverted.
 */
import { Router } from 'express';
import { revertRequestZod, type PlanResponse } from '../../shared/api/plans.ts';
import type { LiveMigrations } from '../live/migration.ts';
import { answerApply } from '../http/apply-stream.ts';
import type { ErrorLog } from '../http/errors.ts';
import { bodyOf, paramOf, validate } from '../http/validate.ts';
import { appliedBy } from '../http/user-name.ts';

export function revertRoutes({ live, log }: { live: LiveMigrations; log?: ErrorLog }): Router {
  const router = Router();

  router.post('/targets/:id/history/:entry/revert/plan', async (req, res) => {
    const body: PlanResponse = await live.planRevert(paramOf(req, 'id'), paramOf(req, 'entry'));
    res.json(body);
  });

  // `?stream` answers NDJSON progress lines, as `POST /targets/:id/apply?stream` does.
  router.post('/targets/:id/history/:entry/revert', validate(revertRequestZod), async (req, res) => {
    const request = bodyOf(revertRequestZod, req.body);
    await answerApply(req, res, (onStep) => live.revert(paramOf(req, 'id'), paramOf(req, 'entry'), { ...request, ...appliedBy(req) }, onStep), log);
  });

  return router;
}
