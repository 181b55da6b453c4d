/** Plan, apply (or dry-run) a document against a target, and read the target's apply history. */
import { Router } from 'express';
import { applyRequestZod, planRequestZod, type ApplyResponse, type HistoryEntryResponse, type PlanResponse } from '../../shared/api-targets.ts';
import { applyLive, checkConfirmation, planLive } from '../db/migrate.ts';
import type { TargetService } from '../db/targets.ts';
import { bodyOf, validate } from '../http/validate.ts';
import { handle, idOf, targetsOf } from './target-errors.ts';

export function migrateRoutes({ targets }: { targets?: TargetService }): Router {
  const router = Router();

  router.post('/targets/:id/plan', validate(planRequestZod), handle(async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    await service.get(id);
    const { document } = bodyOf(planRequestZod, req.body);
    const planned = await planLive(await service.client(id), document.model, await service.baseline(id));
    const body: PlanResponse = { hash: planned.hash, steps: planned.steps, hazards: planned.hazards, sql: planned.sql };
    res.json(body);
  }));

  router.post('/targets/:id/apply', validate(applyRequestZod), handle(async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    const request = bodyOf(applyRequestZod, req.body);
    checkConfirmation(await service.get(id), request.confirmName, request.dryRun);
    const body: ApplyResponse = await applyLive({
      id, client: await service.client(id), baseline: await service.baseline(id),
      setBaseline: (model) => service.setBaseline(id, model), record: (entry) => service.journal.record(entry),
    }, { ...request, model: request.document.model });
    res.json(body);
  }));

  router.get('/targets/:id/history', handle(async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    await service.get(id);
    const entries = await service.journal.list(id);
    const body: HistoryEntryResponse[] = entries.map(({ schemaHashBefore: _hash, ...entry }) => entry);
    res.json(body);
  }));

  return router;
}
