/**
 * Plan, apply (or dry-run) a document against a target, and read the target's apply history: the
 * HTTP adapter of the live-migration use case (`server/live/migration.ts`). Errors go to the one
 * translator (`http/errors.ts`), streamed or not.
 */
import { Router } from 'express';
import { applyRequestZod, planRequestZod, type HistoryEntryResponse, type PlanResponse, type TargetJournalEntryResponse } from '../../shared/api/plans.ts';
import type { LiveMigrations } from '../live/migration.ts';
import { answerApply } from '../http/apply-stream.ts';
import type { ErrorLog } from '../http/errors.ts';
import { bodyOf, paramOf, validate } from '../http/validate.ts';
import { appliedBy } from '../http/user-name.ts';

export function migrateRoutes({ live, log }: { live: LiveMigrations; log?: ErrorLog }): Router {
  const router = Router();

  router.post('/targets/:id/plan', validate(planRequestZod), async (req, res) => {
    const { document, ...matching } = bodyOf(planRequestZod, req.body);
    const body: PlanResponse = await live.plan(paramOf(req, 'id'), document.model, matching);
    res.json(body);
  });

  // `?stream`: NDJSON progress lines (`http/apply-stream.ts`).
  router.post('/targets/:id/apply', validate(applyRequestZod), async (req, res) => {
    const { document, ...request } = bodyOf(applyRequestZod, req.body);
    await answerApply(req, res, (onStep) => live.apply(paramOf(req, 'id'), document.model, { ...request, ...appliedBy(req) }, onStep), log);
  });

  router.get('/targets/:id/history', async (req, res) => {
    const body: HistoryEntryResponse[] = await live.history(paramOf(req, 'id'));
    res.json(body);
  });

  // The history the target database carries itself (`_schemata.journal`), whichever studio wrote it.
  router.get('/targets/:id/journal', async (req, res) => {
    const body: TargetJournalEntryResponse[] = await live.targetJournal(paramOf(req, 'id'));
    res.json(body);
  });

  return router;
}
