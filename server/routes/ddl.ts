import { Router } from 'express';
import type { AppDeps } from '../http/deps.ts';
import { ddlRequestZod, type DdlResponse } from '../../shared/api/ddl.ts';
import { findDialect } from '../../shared/ddl/dialects.ts';
import { invalidRequest } from '../http/errors.ts';
import { bodyOf, validate } from '../http/validate.ts';

/** `POST /api/ddl {document, dialect?}` → `{sql}`. */
export function ddlRoutes(_deps: AppDeps): Router {
  const router = Router();
  router.post('/ddl', validate(ddlRequestZod), (req, res) => {
    const { document, dialect } = bodyOf(ddlRequestZod, req.body);
    const found = findDialect(dialect);
    if ('error' in found) throw invalidRequest(found.error, [{ path: 'dialect', message: found.error }]);
    const body: DdlResponse = { sql: found.generate(document.model).sql };
    res.json(body);
  });
  return router;
}
