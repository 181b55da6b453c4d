/**
 * A model document as it travels in either direction: any JSON in, a valid current `ModelDocument`
 * out, through `parseDocument` (upgrade + zod + references). A route so always receives a current
 * document, and a bad one is a 400 naming each JSON path (e.g. `document.model.tables[2].name`);
 * the client reads a document from a response the same way.
 */
import * as z from 'zod';
import type { ModelDocument } from '../model/document.ts';
import { parseDocument } from '../model/upgrade.ts';

/** Each problem of the document becomes a zod issue whose path continues the field's own path. */
export const documentZod = z.unknown().transform((value, ctx): ModelDocument => {
  const result = parseDocument(value);
  if (result.ok) return result.document;
  for (const problem of result.problems) {
    const path = problem.path === '(document)' ? [] : [problem.path];
    ctx.addIssue({ code: 'custom', message: problem.message, path });
  }
  return z.NEVER;
});
