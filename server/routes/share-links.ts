/**
 * Read-only share links of a saved project (`shared/api/share-links.ts`): made, listed and revoked
 * with the studio token (the share guard refuses them to a link), and `GET /api/shared`, the one
 * question a share link's page asks first: which project am I showing?
 */
import { Router, type Request } from 'express';
import type { CreateShareLinkResponse, SharedSessionResponse } from '../../shared/api/share-links.ts';
import type { AppDeps } from '../http/deps.ts';
import { HttpError, notFound } from '../http/errors.ts';

const idOf = (req: Request) => String(req.params.id);

export function shareLinkRoutes({ store }: AppDeps): Router {
  const router = Router();
  const open = () => {
    if (!store) throw new HttpError(503, 'internal', 'the project store is not open');
    return store;
  };

  router.post('/projects/:id/share-links', async (req, res) => {
    const link = await open().shareLinks.create(idOf(req));
    if (!link) throw notFound(`no project with id "${idOf(req)}"`);
    // The host the studio was reached on, so the link works for whoever it is sent to on that network.
    const url = `${req.protocol}://${req.get('host')}/?share=${encodeURIComponent(link.token)}`;
    const body: CreateShareLinkResponse = { id: link.id, url, createdAt: link.createdAt };
    res.status(201).json(body);
  });

  router.get('/projects/:id/share-links', async (req, res) => {
    res.json(await open().shareLinks.list(idOf(req)));
  });

  router.delete('/projects/:id/share-links/:linkId', async (req, res) => {
    if (!(await open().shareLinks.revoke(idOf(req), String(req.params.linkId)))) throw notFound('no such share link');
    res.status(204).end();
  });

  router.get('/shared', async (_req, res) => {
    const projectId = res.locals.shareProjectId as string | undefined;
    if (!projectId) throw notFound('this page was not opened through a share link');
    const project = await open().projects.get(projectId);
    if (!project) throw notFound('the shared project was deleted');
    const body: SharedSessionResponse = { projectId, projectName: project.name };
    res.json(body);
  });

  return router;
}
