/** The projects API (contract of issue 4): thin handlers over `store/projects.ts`. */
import { Router, type Request } from 'express';
import {
  createProjectRequestZod, createVersionRequestZod, duplicateProjectRequestZod, renameProjectRequestZod,
  saveProjectRequestZod, type CreateProjectResponse, type ProjectResponse, type SaveProjectResponse,
} from '../../shared/api/projects.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { upgradeDocument } from '../../shared/model/upgrade.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { bodyOf, validate } from '../http/validate.ts';
import type { AppDeps } from '../http/deps.ts';

const missingProject = (id: string) => notFound(`no project with id "${id}"`);
const idOf = (req: Request) => String(req.params.id);
/** Documents stored by an older Schemata open upgraded (a no-op for current ones). */
const current = (document: ModelDocument) => upgradeDocument(document) as ModelDocument;

export function projectRoutes({ store, targets, live }: AppDeps): Router {
  const router = Router();
  const projects = () => {
    if (!store) throw new HttpError(503, 'internal', 'the project store is not open');
    return store.projects;
  };

  router.post('/projects', validate(createProjectRequestZod), async (req, res) => {
    const { name, document } = bodyOf(createProjectRequestZod, req.body);
    const created: CreateProjectResponse = await projects().create(name, document);
    res.status(201).json(created);
  });

  router.get('/projects', async (_req, res) => {
    res.json(await projects().list());
  });

  router.get('/projects/:id', async (req, res) => {
    const project = await projects().get(idOf(req));
    if (!project) throw missingProject(idOf(req));
    const body: ProjectResponse = { ...project, document: current(project.document) };
    res.json(body);
  });

  router.put('/projects/:id', validate(saveProjectRequestZod), async (req, res) => {
    const { document, version } = bodyOf(saveProjectRequestZod, req.body);
    const result = await projects().save(idOf(req), document, version);
    if (result.status === 'missing') throw missingProject(idOf(req));
    if (result.status === 'stale') {
      throw conflict(
        `the project was saved elsewhere since version ${version} (it is now at version ${result.currentVersion}): reload it before saving`,
        { currentVersion: result.currentVersion },
      );
    }
    const body: SaveProjectResponse = { version: result.version };
    res.json(body);
  });

  router.patch('/projects/:id', validate(renameProjectRequestZod), async (req, res) => {
    const renamed = await projects().rename(idOf(req), bodyOf(renameProjectRequestZod, req.body).name);
    if (!renamed) throw missingProject(idOf(req));
    res.json(renamed);
  });

  router.post('/projects/:id/duplicate', validate(duplicateProjectRequestZod), async (req, res) => {
    const copy = await projects().duplicate(idOf(req), bodyOf(duplicateProjectRequestZod, req.body)?.name);
    if (!copy) throw missingProject(idOf(req));
    res.status(201).json(copy);
  });

  router.delete('/projects/:id', async (req, res) => {
    if (!(await projects().remove(idOf(req)))) throw missingProject(idOf(req));
    // What it was last applied to on each target matters to no one any more.
    await targets?.forgetProject(idOf(req));
    res.status(204).end();
  });

  router.post('/projects/:id/versions', validate(createVersionRequestZod), async (req, res) => {
    // A version is of what the editors see: an edit the room holds but has not saved yet belongs in it.
    await live?.flush(idOf(req));
    const version = await projects().createVersion(idOf(req), bodyOf(createVersionRequestZod, req.body).label);
    if (!version) throw missingProject(idOf(req));
    res.status(201).json(version);
  });

  router.get('/projects/:id/versions', async (req, res) => {
    const versions = await projects().listVersions(idOf(req));
    if (!versions) throw missingProject(idOf(req));
    res.json(versions);
  });

  router.get('/projects/:id/versions/:versionId', async (req, res) => {
    const version = await projects().getVersion(idOf(req), String(req.params.versionId));
    if (!version) throw notFound(`no version "${req.params.versionId}" of project "${idOf(req)}"`);
    res.json({ ...version, document: current(version.document) });
  });

  return router;
}
