import { Router } from 'express';
import { importRequestZod, type ImportResponse } from '../../shared/api/import.ts';
import type { AppDeps } from '../http/deps.ts';
import { bodyOf, validate } from '../http/validate.ts';
import { DEFAULT_IMPORT_TIMEOUT_MS, importInWorker } from '../io/import-pool.ts';

/**
 * `POST /api/import {text, format?: 'sql'|'dbml', name?}` → `{document, report}`, parsed in a worker
 * thread under a time limit (`deps.importTimeoutMs`: `SCHEMATA_IMPORT_TIMEOUT_MS`, read by `index.ts`).
 * A syntax error (a NUL character too) is a 400 `ApiError` whose `position {line, column}` points
 * into `text`; an import over the limit is a 422 (both from the one translator, `http/errors.ts`).
 */
export function importRoutes(deps: AppDeps): Router {
  const router = Router();
  const timeoutMs = deps.importTimeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
  router.post('/import', validate(importRequestZod), async (req, res) => {
    const { text, format, name } = bodyOf(importRequestZod, req.body);
    const body: ImportResponse = await importInWorker(text, format, name, timeoutMs);
    res.json(body);
  });
  return router;
}
