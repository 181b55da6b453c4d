import { Router } from 'express';
import { importRequestZod, type ImportResponse } from '../../shared/io/import-document.ts';
import type { AppDeps } from '../http/deps.ts';
import { bodyOf, validate } from '../http/validate.ts';
import { importInWorker, importTimeoutMs } from '../io/import-pool.ts';

/**
 * `POST /api/import {text, format?: 'sql'|'dbml', name?}` → `{document, report}`, parsed in a worker
 * thread under a time limit (`SCHEMATA_IMPORT_TIMEOUT_MS`). A syntax error (a NUL character too) is a
 * 400 `ApiError` whose `position {line, column}` points into `text`; an import over the limit is a 422.
 */
export function importRoutes(_deps: AppDeps): Router {
  const router = Router();
  // Read once, when the studio starts: a bad value stops it with the variable's name.
  const timeoutMs = importTimeoutMs(process.env);
  router.post('/import', validate(importRequestZod), async (req, res) => {
    const { text, format, name } = bodyOf(importRequestZod, req.body);
    const body: ImportResponse = await importInWorker(text, format, name, timeoutMs);
    res.json(body);
  });
  return router;
}
