import { Router } from 'express';
import type { ApiError } from '../../shared/api.ts';
import { ImportSyntaxError, importDocument, importRequestZod, type ImportResponse } from '../../shared/io/sql-import-document.ts';
import type { AppDeps } from '../http/deps.ts';
import { bodyOf, validate } from '../http/validate.ts';

/**
 * `POST /api/import {text, format?: 'sql'|'dbml', name?}` → `{document, report}`; a syntax error is a
 * 400 `ApiError` whose `position {line, column}` points into `text`.
 */
export function importRoutes(_deps: AppDeps): Router {
  const router = Router();
  router.post('/import', validate(importRequestZod), async (req, res) => {
    const { text, format, name } = bodyOf(importRequestZod, req.body);
    try {
      const body: ImportResponse = await importDocument(text, format, name);
      res.json(body);
    } catch (error) {
      if (!(error instanceof ImportSyntaxError)) throw error;
      const body: ApiError = {
        code: 'invalid-request',
        message: `${format === 'dbml' ? 'DBML' : 'SQL'} syntax error at line ${error.line}, column ${error.column}: ${error.message}`,
        details: [{ path: 'text', message: error.message }],
        position: { line: error.line, column: error.column },
      };
      res.status(400).json(body);
    }
  });
  return router;
}
