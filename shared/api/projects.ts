/**
 * The projects API (`server/routes/projects.ts`): saved models with a save counter (`version`) that
 * refuses a stale save with 409 (no lost update), and named versions (snapshots of a project).
 */
import * as z from 'zod';
import { documentZod, storedDocumentZod } from './document.ts';

const projectName = z.string().trim().min(1, 'a project needs a name').max(200);
const versionNumber = z.number().int().min(1);

/** `POST /api/projects` → 201. */
export const createProjectRequestZod = z.object({ name: projectName, document: documentZod });
export type CreateProjectRequest = z.input<typeof createProjectRequestZod>;
export const createProjectResponseZod = z.object({ id: z.string(), version: versionNumber });
export type CreateProjectResponse = z.infer<typeof createProjectResponseZod>;

/** `GET /api/projects`: newest first. */
export const projectSummaryZod = z.object({
  id: z.string(),
  name: z.string(),
  version: versionNumber,
  updatedAt: z.string(),
  tableCount: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummaryZod>;
export const projectListResponseZod = z.array(projectSummaryZod);

/** `GET /api/projects/:id`: the document upgraded to the current format. */
export const projectResponseZod = z.object({ id: z.string(), name: z.string(), version: versionNumber, document: storedDocumentZod });
export type ProjectResponse = z.infer<typeof projectResponseZod>;

/** `PUT /api/projects/:id`: `version` is the one the client last read: a stale one is refused with 409. */
export const saveProjectRequestZod = z.object({ document: documentZod, version: versionNumber });
export type SaveProjectRequest = z.input<typeof saveProjectRequestZod>;
export const saveProjectResponseZod = z.object({ version: versionNumber });
export type SaveProjectResponse = z.infer<typeof saveProjectResponseZod>;
/** `details` of the 409 of a stale save. */
export const staleSaveDetailsZod = z.object({ currentVersion: versionNumber });

/** `PATCH /api/projects/:id`. */
export const renameProjectRequestZod = z.object({ name: projectName });
export const renameProjectResponseZod = z.object({ id: z.string(), name: z.string(), version: versionNumber });
export type RenameProjectResponse = z.infer<typeof renameProjectResponseZod>;

/** `POST /api/projects/:id/duplicate` → 201 with the copy's id, name and save counter. */
export const duplicateProjectRequestZod = z.object({ name: projectName.optional() }).optional();
export const duplicateProjectResponseZod = renameProjectResponseZod;

/** `POST /api/projects/:id/versions` → 201: a named version snapshots the project's document as last saved. */
export const createVersionRequestZod = z.object({ label: z.string().trim().min(1, 'a version needs a label').max(200) });
export const versionSummaryZod = z.object({
  id: z.string(),
  label: z.string(),
  /** The project's save counter when the snapshot was taken. */
  projectVersion: versionNumber,
  createdAt: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummaryZod>;
export const createVersionResponseZod = versionSummaryZod;

/** `GET /api/projects/:id/versions`: newest first. */
export const versionListResponseZod = z.array(versionSummaryZod);
/** `GET /api/projects/:id/versions/:versionId`. */
export const versionResponseZod = versionSummaryZod.extend({ document: storedDocumentZod });
export type VersionResponse = z.infer<typeof versionResponseZod>;
