/**
 * `POST /targets/:id/introspect` → the live schema as a document. Without a schema filter this is an
 * import, and the result becomes the target's baseline (what later plans match live objects to).
 */
import { Router } from 'express';
import { introspectRequestZod, type IntrospectResponse } from '../../shared/api-targets.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import type { TargetService } from '../db/targets.ts';
import { introspect } from '../introspect/introspect.ts';
import { bodyOf, validate } from '../http/validate.ts';
import { idOf, targetsOf } from './target-errors.ts';

export function introspectRoutes({ targets }: { targets?: TargetService }): Router {
  const router = Router();
  router.post('/targets/:id/introspect', validate(introspectRequestZod), async (req, res) => {
    const service = targetsOf(targets);
    const id = idOf(req);
    const info = await service.get(id);
    const schemas = bodyOf(introspectRequestZod, req.body)?.schemas ?? [];
    const model = await introspect(await service.client(id), { schemas });
    if (!schemas.length) await service.setBaseline(id, model);
    const body: IntrospectResponse = makeDocument(model, undefined, info.name);
    res.json(body);
  });
  return router;
}
