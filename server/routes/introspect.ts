/**
 * `POST /targets/:id/introspect` → the live schema as a document. It records no baseline: importing
 * a target into a new model must not change how any other project's objects are matched. The new
 * project's ids are derived from names, the very ids introspection gives the live objects, so until
 * its first apply (which records its baseline) the project is its own baseline (`matchToBaseline`
 * keeps a live id the model holds).
 */
import { Router } from 'express';
import { introspectRequestZod, type IntrospectResponse } from '../../shared/api/targets.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import type { TargetService } from '../db/targets.ts';
import { introspect } from '../introspect/introspect.ts';
import { targetsOf } from '../db/targets-unavailable.ts';
import { bodyOf, paramOf, validate } from '../http/validate.ts';

export function introspectRoutes({ targets }: { targets?: TargetService }): Router {
  const router = Router();
  router.post('/targets/:id/introspect', validate(introspectRequestZod), async (req, res) => {
    const service = targetsOf(targets);
    const id = paramOf(req, 'id');
    const info = await service.get(id);
    const schemas = bodyOf(introspectRequestZod, req.body)?.schemas ?? [];
    const model = await introspect(await service.client(id), { schemas });
    const body: IntrospectResponse = makeDocument(model, undefined, info.name);
    res.json(body);
  });
  return router;
}
