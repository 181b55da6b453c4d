/**
 * `POST /api/import {text, format?, name?}` → `{document, report}`: SQL or DBML text parsed into a
 * document (in a worker, under a time limit). A syntax error is a 400 `ApiError` whose `position`
 * points into `text`; an import over the time limit is a 422.
 */
import * as z from 'zod';
import type { ImportReport } from '../io/sql-import/report.ts';
import { documentZod } from './document.ts';

export const IMPORT_FORMATS = ['sql', 'dbml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The longest text `POST /api/import` takes, in characters (the JSON body limit is 50 MB). */
export const IMPORT_TEXT_MAX_CHARS = 20_000_000;

export const importRequestZod = z.object({
  text: z.string().max(IMPORT_TEXT_MAX_CHARS, `at most ${IMPORT_TEXT_MAX_CHARS} characters`),
  format: z.enum(IMPORT_FORMATS).default('sql'),
  /** Optional document name. */
  name: z.string().max(1000).optional(),
});
export type ImportRequest = z.input<typeof importRequestZod>;

/** The importer's report (`shared/io/sql-import/report.ts`) as it travels: `satisfies` keeps the two in step. */
export const importReportZod = z.object({
  skipped: z.array(z.object({
    line: z.number().int(),
    /** What kind of statement it was, as a person names it: `SET`, `GRANT`, `COPY data`, `\connect`. */
    statement: z.string(),
    reason: z.string(),
  })),
  warnings: z.array(z.object({ line: z.number().int(), column: z.number().int().optional(), message: z.string() })),
}) satisfies z.ZodType<ImportReport>;

export const importResponseZod = z.object({ document: documentZod, report: importReportZod });
export type ImportResponse = z.infer<typeof importResponseZod>;
