import { Router } from 'express';
import type { AppDeps } from '../http/deps.ts';
import type { TemplateSummary } from '../../shared/api/templates.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { notFound } from '../http/errors.ts';

/** `GET /api/templates` lists them; `GET /api/templates/:name` builds a fresh document. */
export function templateRoutes(_deps: AppDeps): Router {
  const router = Router();
  router.get('/templates', (_req, res) => {
    const list: TemplateSummary[] = templates.map(({ name, title, description }) => ({ name, title, description }));
    res.json(list);
  });
  router.get('/templates/:name', (req, res) => {
    const template = templates.find((t) => t.name === req.params.name);
    if (!template) throw notFound(`no template named "${req.params.name}"`);
    res.json(template.build());
  });
  return router;
}
