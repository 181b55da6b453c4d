/**
 * `POST /api/migration-files {from, to, layout, name, version}` → the migration from one document to
 * another as files in a layout (File ▸ Export ▸ Migration files). Both documents are put in
 * PostgreSQL's spelling on the server first, as the CLI's `diff <from> <to> --out` does.
 */
import * as z from 'zod';
import { MIGRATION_LAYOUTS } from '../io/migration-files.ts';
import { documentZod } from './document.ts';

export const migrationFilesRequestZod = z.object({
  from: documentZod,
  to: documentZod,
  layout: z.enum(MIGRATION_LAYOUTS),
  name: z.string().min(1),
  /** Version of `plain` and `flyway` file names. */
  version: z.number().int().min(1).optional(),
});
export type MigrationFilesRequest = z.input<typeof migrationFilesRequestZod>;

export const migrationFilesResponseZod = z.object({
  files: z.array(z.object({ path: z.string(), content: z.string() })),
  steps: z.number().int(),
  /** Undoing it would drop data (the down files say so in their hazards too). */
  downLosesData: z.boolean(),
  /** Set when the documents could not be put in PostgreSQL's spelling and were compared as written: why. */
  asWritten: z.string().optional(),
});
export type MigrationFilesResponse = z.infer<typeof migrationFilesResponseZod>;
