/** Targets API: list, add (tested first), rename/protect, remove, test. Passwords never leave. */
import { Router } from 'express';
import { addTargetRequestZod, updateTargetRequestZod, type TargetResponse, type TestTargetResponse } from '../../shared/api/targets.ts';
import type { TargetService } from '../db/targets.ts';
import { targetsOf } from '../db/targets-unavailable.ts';
import { bodyOf, paramOf, validate } from '../http/validate.ts';

export function targetRoutes({ targets }: { targets?: TargetService }): Router {
  const router = Router();

  router.get('/targets', async (_req, res) => {
    const body: TargetResponse[] = await targetsOf(targets).list();
    res.json(body);
  });

  router.post('/targets', validate(addTargetRequestZod), async (req, res) => {
    const body: TargetResponse = await targetsOf(targets).add(bodyOf(addTargetRequestZod, req.body));
    res.status(201).json(body);
  });

  router.patch('/targets/:id', validate(updateTargetRequestZod), async (req, res) => {
    const body: TargetResponse = await targetsOf(targets).update(paramOf(req, 'id'), bodyOf(updateTargetRequestZod, req.body));
    res.json(body);
  });

  router.delete('/targets/:id', async (req, res) => {
    // A protected target names itself: `?confirmName=<its name>` (a DELETE carries no body).
    const confirmName = typeof req.query.confirmName === 'string' ? req.query.confirmName : undefined;
    await targetsOf(targets).remove(paramOf(req, 'id'), confirmName);
    res.status(204).end();
  });

  router.post('/targets/:id/test', async (req, res) => {
    const body: TestTargetResponse = await targetsOf(targets).test(paramOf(req, 'id'));
    res.json(body);
  });

  return router;
}
