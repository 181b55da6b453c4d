import { Router } from 'express';
import { migrationFilesRequestZod, type MigrationFilesResponse } from '../../shared/api/migration-files.ts';
import { migrationFiles } from '../../shared/io/migration-files.ts';
import { migrationBetween } from '../diff/migration-between.ts';
import type { AppDeps } from '../http/deps.ts';
import { bodyOf, validate } from '../http/validate.ts';

/**
 * `POST /api/migration-files {from, to, layout, name, version?}` → `{files, steps, downLosesData,
 * asWritten?}`: the page's migration export, through the CLI's path (`migrationBetween`).
 */
export function migrationFilesRoutes(_deps: AppDeps): Router {
  const router = Router();
  router.post('/migration-files', validate(migrationFilesRequestZod), async (req, res) => {
    const { from, to, layout, name, version } = bodyOf(migrationFilesRequestZod, req.body);
    const between = await migrationBetween({ from: from.model, to: to.model });
    const files = migrationFiles({ plan: between.plan, reverse: between.reverse, layout, name, version });
    const body: MigrationFilesResponse = { files, steps: between.plan.steps.length, downLosesData: between.downLosesData, ...(between.asWritten ? { asWritten: between.asWritten } : {}) };
    res.json(body);
  });
  return router;
}
