/** `POST /api/ddl {document, dialect?}` → `{sql}`: the model's DDL in a dialect. */
import * as z from 'zod';
import { documentZod } from './document.ts';

export const ddlRequestZod = z.object({
  document: documentZod,
  /** Absent: `postgres`. */
  dialect: z.string().min(1).optional(),
});
export type DdlRequest = z.input<typeof ddlRequestZod>;

export const ddlResponseZod = z.object({ sql: z.string() });
export type DdlResponse = z.infer<typeof ddlResponseZod>;
