/** `GET /api/templates` lists the starting models; `GET /api/templates/:name` builds a fresh document of one. */
import * as z from 'zod';
import { storedDocumentZod } from './document.ts';

export const templateSummaryZod = z.object({ name: z.string(), title: z.string(), description: z.string() });
export type TemplateSummary = z.infer<typeof templateSummaryZod>;

export const templateListResponseZod = z.array(templateSummaryZod);
export const templateResponseZod = storedDocumentZod;
