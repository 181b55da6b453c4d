import { Router } from 'express';
import type { HealthResponse } from '../../shared/api/health.ts';
import type { AppDeps } from '../http/deps.ts';

export function healthRoutes({ version = 'unknown' }: AppDeps): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    const body: HealthResponse = { ok: true, version };
    res.json(body);
  });
  return router;
}
