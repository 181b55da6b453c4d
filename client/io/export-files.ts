/**
 * What File ▸ Export writes: DDL per dialect (with what the dialect cannot keep), DBML, and
 * migration files between a named version of the project (or an empty database) and the model now.
 * DDL and DBML are built in the browser from the shared generators; migration files are previewed
 * in the browser and made by the server (in PostgreSQL's spelling, as the CLI makes them).
 */
import type { Model, ModelDocument } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { dialect, DIALECTS, type DialectId } from '../../shared/ddl/dialects.ts';
import { exportDbmlWithWarnings } from '../../shared/io/dbml/export.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween, reversePlan } from '../../shared/diff/plan.ts';
import { migrationFiles, zipMigrationFiles, type MigrationFile, type MigrationLayout } from '../../shared/io/migration-files.ts';
import { sqlParserReady } from '../sql/sql-parser-ready.ts';
import type { VersionSummary } from '../../shared/api/projects.ts';
import { projectsApi } from '../data/projects.ts';
import { migrationFilesApi } from '../data/migration-files.ts';
import { download, fileBaseName } from './download.ts';

/** Each SQL dialect of the registry, then DBML. */
export type TextFormat = DialectId | 'dbml';
export const TEXT_FORMATS: readonly TextFormat[] = [...DIALECTS.map((d) => d.id), 'dbml'];

export const FORMAT_LABELS = {
  ...Object.fromEntries(DIALECTS.map((d) => [d.id, d.label])), dbml: 'DBML', migration: 'Migration files',
} as Record<TextFormat | 'migration', string>;

export interface TextExport {
  text: string;
  warnings: string[];
  fileName: string;
}

/** Ex: `textExport(doc, 'sqlite')` → `{ text: 'CREATE TABLE …', warnings: ['uuid became TEXT: …'], fileName: 'shop.sqlite.sql' }`. */
export function textExport(doc: ModelDocument, format: TextFormat): TextExport {
  const base = fileBaseName();
  if (format === 'dbml') {
    const { dbml, warnings } = exportDbmlWithWarnings(doc);
    return { text: dbml, warnings, fileName: `${base}.dbml` };
  }
  const { generate, fileSuffix } = dialect(format);
  const { sql, warnings } = generate(doc.model);
  return { text: sql, warnings, fileName: `${base}${fileSuffix}` };
}

export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: 'text/plain' }));
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where a migration starts: an empty database, or a named version of the saved project. */
export type MigrationStart = { kind: 'empty' } | { kind: 'version'; projectId: string; version: VersionSummary };

export interface MigrationExport {
  files: MigrationFile[];
  steps: number;
  /** Undoing it would drop data (the down files say so in their hazards too). */
  downLosesData: boolean;
  /** Compared as written, not in PostgreSQL's spelling: `'preview'` (the browser's quick preview) or why the server could not. */
  asWritten?: string;
}

export async function listVersions(projectId: string): Promise<VersionSummary[]> {
  return projectsApi.listVersions(projectId);
}

async function startModel(start: MigrationStart): Promise<Model> {
  if (start.kind === 'empty') return emptyModel();
  const version = await projectsApi.getVersion(start.projectId, start.version.id);
  return version.document.model;
}

export interface MigrationExportParams {
  start: MigrationStart;
  /** Where it ends: another named version, or (absent) the model as it is now. */
  end?: Extract<MigrationStart, { kind: 'version' }>;
  model: Model;
  layout: MigrationLayout;
  name: string;
  version: number;
}

/** The two models a migration export compares. */
async function endpoints(params: MigrationExportParams): Promise<{ start: Model; to: Model }> {
  const to = params.end ? await startModel(params.end) : params.model;
  return { start: await startModel(params.start), to };
}

/**
 * A quick preview: the plan from `start` to `end` (or the model now), and its reverse, as files in
 * `layout`, compared as written in the browser. `migrationExport` gives the files to keep.
 */
export async function migrationPreview(params: MigrationExportParams): Promise<MigrationExport> {
  await sqlParserReady(); // version documents are checked, and carried SQL is classified, by PostgreSQL's parser
  const { start, to } = await endpoints(params);
  // Versions of a project share its ids (a rename keeps its id); an empty database only has
  // `public`, which takes the model's id by name.
  const from = params.start.kind === 'empty' ? matchToBaseline(start, to) : start;
  const plan = planBetween(from, to);
  const reverse = reversePlan(from, to);
  const files = migrationFiles({ plan, reverse: reverse.plan, name: params.name, layout: params.layout, version: params.version });
  return { files, steps: plan.steps.length, downLosesData: reverse.losesData, asWritten: 'preview' };
}

/**
 * The migration files to keep, made by the server exactly as the CLI's `diff <from> <to> --out`
 * makes them (`POST /api/migration-files`): both models in PostgreSQL's own spelling first, so
 * the same two documents give the same SQL from the page and from a pipeline.
 */
export async function migrationExport(params: MigrationExportParams): Promise<MigrationExport> {
  const { start, to } = await endpoints(params);
  const made = await migrationFilesApi.make({
    from: makeDocument(start), to: makeDocument(to), layout: params.layout, name: params.name, version: params.version,
  });
  return { files: made.files, steps: made.steps, downLosesData: made.downLosesData, ...(made.asWritten ? { asWritten: made.asWritten } : {}) };
}

export function downloadZip(files: MigrationFile[], fileName: string): void {
  const url = URL.createObjectURL(new Blob([zipMigrationFiles(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Labels the project's last saved document as a version (the start of the next migration). */
export async function saveVersion(projectId: string, label: string): Promise<VersionSummary> {
  return projectsApi.createVersion(projectId, label);
}
