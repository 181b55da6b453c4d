/** The projects API (`shared/api/projects.ts`), typed and checked: saved models and their named versions. */
import {
  createProjectResponseZod, createVersionResponseZod, duplicateProjectResponseZod, projectListResponseZod, projectResponseZod,
  renameProjectResponseZod, saveProjectResponseZod, versionListResponseZod, versionResponseZod,
} from '../../shared/api/projects.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { call, pathOf, request } from './http.ts';

const project = (id: string) => pathOf('/api/projects', id);
const versions = (id: string) => `${project(id)}/versions`;

export const projectsApi = {
  list: () => call(projectListResponseZod, 'project list', 'GET', '/api/projects'),
  create: (name: string, document: ModelDocument) => call(createProjectResponseZod, 'new project', 'POST', '/api/projects', { name, document }),
  /**
   * The project with its document, upgraded and checked for shape and references. Its SQL fields were
   * checked on the way into the store (`storedDocumentZod`), so the open does not wait for PostgreSQL's parser.
   */
  get: (id: string) => call(projectResponseZod, `project ${id}`, 'GET', project(id)),
  /** `version`: the one last read; a stale one is refused with 409 (`RequestError`). */
  save: (id: string, document: ModelDocument, version: number) =>
    call(saveProjectResponseZod, 'saved project', 'PUT', project(id), { document, version }),
  rename: (id: string, name: string) => call(renameProjectResponseZod, 'renamed project', 'PATCH', project(id), { name }),
  duplicate: (id: string) => call(duplicateProjectResponseZod, 'project copy', 'POST', `${project(id)}/duplicate`, {}),
  remove: async (id: string) => { await request('DELETE', project(id)); },
  listVersions: (id: string) => call(versionListResponseZod, 'version list', 'GET', versions(id)),
  /** Snapshots the project's document as last saved. */
  createVersion: (id: string, label: string) => call(createVersionResponseZod, 'new version', 'POST', versions(id), { label }),
  /** A named version with its document, upgraded and checked like `get`'s. */
  getVersion: (id: string, versionId: string) =>
    call(versionResponseZod, `version ${versionId}`, 'GET', pathOf(versions(id), versionId)),
};
