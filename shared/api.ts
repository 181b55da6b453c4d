/**
 * The HTTP contract between the client and the server: one zod validator per request body and per
 * response, and the one error shape every failing request answers with.
 *
 * Documents in request bodies go through `parseDocument` (upgrade + zod + references), so a route
 * always receives a current, valid `ModelDocument`, and a bad one is a 400 naming each JSON path
 * (e.g. `document.model.tables[2].name`).
 */
import { z } from 'zod';
import type { ModelDocument } from './model/document.ts';
import { parseDocument } from './model/upgrade.ts';

// The error body moved to api/errors.ts; re-exported until every import points there.
export * from './api/errors.ts';

/**
 * A document field: any JSON in, a valid current `ModelDocument` out. Each problem becomes a zod
 * issue whose path continues the field's own path.
 */
export const documentInputZod = z.unknown().transform((value, ctx): ModelDocument => {
  const result = parseDocument(value);
  if (result.ok) return result.document;
  for (const problem of result.problems) {
    const path = problem.path === '(document)' ? [] : [problem.path];
    ctx.addIssue({ code: 'custom', message: problem.message, path });
  }
  return z.NEVER;
});

// ——— health, DDL, templates ———
export const healthResponseZod = z.object({ ok: z.literal(true), version: z.string() });

export const ddlRequestZod = z.object({
  document: documentInputZod,
  /** Absent: `postgres`. */
  dialect: z.string().min(1).optional(),
});
export const ddlResponseZod = z.object({ sql: z.string() });

export const templateSummaryZod = z.object({ name: z.string(), title: z.string(), description: z.string() });
export const templateListResponseZod = z.array(templateSummaryZod);

// ——— projects ———
const projectName = z.string().trim().min(1, 'a project needs a name').max(200);
const versionNumber = z.number().int().min(1);

export const createProjectRequestZod = z.object({ name: projectName, document: documentInputZod });
export const createProjectResponseZod = z.object({ id: z.string(), version: versionNumber });

export const projectSummaryZod = z.object({
  id: z.string(),
  name: z.string(),
  version: versionNumber,
  updatedAt: z.string(),
  tableCount: z.number().int(),
});
export const projectListResponseZod = z.array(projectSummaryZod);

export const projectResponseZod = z.object({
  id: z.string(),
  name: z.string(),
  version: versionNumber,
  document: z.unknown(),
});

/** `version` is the one the client last read: a stale one is refused with 409 (no lost update). */
export const saveProjectRequestZod = z.object({ document: documentInputZod, version: versionNumber });
export const saveProjectResponseZod = z.object({ version: versionNumber });

export const renameProjectRequestZod = z.object({ name: projectName });
export const renameProjectResponseZod = z.object({ id: z.string(), name: z.string(), version: versionNumber });

export const duplicateProjectRequestZod = z.object({ name: projectName.optional() }).optional();

/** A named version snapshots the project's document as last saved. */
export const createVersionRequestZod = z.object({ label: z.string().trim().min(1, 'a version needs a label').max(200) });
export const versionSummaryZod = z.object({
  id: z.string(),
  label: z.string(),
  /** The project's save counter when the snapshot was taken. */
  projectVersion: versionNumber,
  createdAt: z.string(),
});
export const versionListResponseZod = z.array(versionSummaryZod);
export const versionResponseZod = versionSummaryZod.extend({ document: z.unknown() });

export type HealthResponse = z.infer<typeof healthResponseZod>;
export type DdlResponse = z.infer<typeof ddlResponseZod>;
export type TemplateSummary = z.infer<typeof templateSummaryZod>;
export type CreateProjectResponse = z.infer<typeof createProjectResponseZod>;
export type ProjectSummary = z.infer<typeof projectSummaryZod>;
export type ProjectResponse = Omit<z.infer<typeof projectResponseZod>, 'document'> & { document: ModelDocument };
export type SaveProjectResponse = z.infer<typeof saveProjectResponseZod>;
export type VersionSummary = z.infer<typeof versionSummaryZod>;
export type VersionResponse = VersionSummary & { document: ModelDocument };
