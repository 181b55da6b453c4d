/**
 * Revert from history (`server/db/revert.ts`): plan and apply the way back from a journal entry. The
 * model is the one the studio's journal recorded before that entry; the plan and apply are the
 * ordinary ones (`planModel`, `applyModel`), so hazards, confirmation and journaling are the same.
 */
import { Router, type Request } from 'express';
import { revertRequestZod, type ApplyResponse } from '../../shared/api-targets.ts';
import type { ApplyRequest } from '../db/migrate.ts';
import { revertBaseOf } from '../db/revert.ts';
import type { TargetService } from '../db/targets.ts';
import { timeoutDefaults } from '../db/timeouts.ts';
import { notFound, type ErrorLog } from '../http/errors.ts';
import { bodyOf, validate } from '../http/validate.ts';
import { applyModel, planModel, streamApply } from './migrate.ts';
import { idOf, targetsOf } from './target-errors.ts';

/**
 * The recorded model of `:entry` of target `:id`, and the project whose baseline its apply used (so
 * the revert matches the live objects the same way): 404 without the entry, 409 (`NotRevertible`)
 * when it cannot be reverted.
 */
async function revertModelOf(service: TargetService, id: string, entryId: string) {
  await service.get(id);
  const entry = await service.journal.get(id, entryId);
  if (!entry) throw notFound(`no history entry "${entryId}" for target "${id}"`);
  return { model: revertBaseOf(entry).model, projectId: entry.projectId };
}

export function revertRoutes({ targets, log }: { targets?: TargetService; log?: ErrorLog }): Router {
  const router = Router();
  const timeouts = timeoutDefaults(process.env);
  const entryOf = (req: Request) => String(req.params.entry);

  router.post('/targets/:id/history/:entry/revert/plan', async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    const { model, projectId } = await revertModelOf(service, id, entryOf(req));
    res.json(await planModel(service, id, model, { projectId }));
  });

  const runRevert = async (req: Request, onStep?: ApplyRequest['onStep']): Promise<ApplyResponse> => {
    const service = targetsOf(targets);
    const id = idOf(req);
    const request = bodyOf(revertRequestZod, req.body);
    const { model, projectId } = await revertModelOf(service, id, entryOf(req));
    return applyModel({ service, id, request: { ...request, projectId }, written: model, onStep, timeouts, revertOf: entryOf(req) });
  };

  // `?stream` answers NDJSON progress lines, as `POST /targets/:id/apply?stream` does.
  router.post('/targets/:id/history/:entry/revert', validate(revertRequestZod), async (req, res) => {
    if (req.query.stream !== undefined) return streamApply(req, res, runRevert, log);
    res.json(await runRevert(req));
  });

  return router;
}
