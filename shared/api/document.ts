/**
 * A model document as it travels in either direction: any JSON in, a valid current `ModelDocument`
 * out, through `parseDocument` (upgrade + zod + references). A route so always receives a current
 * document, and a bad one is a 400 naming each JSON path (e.g. `document.model.tables[2].name`);
 * the client reads a document from a response the same way.
 */
import * as z from 'zod';
import type { ModelDocument } from '../model/document.ts';
import { parseDocument, type ParseOptions } from '../model/upgrade.ts';

/** Each problem of the document becomes a zod issue whose path continues the field's own path. */
function documentSchema(options: ParseOptions) {
  return z.unknown().transform((value, ctx): ModelDocument => {
    const result = parseDocument(value, options);
    if (result.ok) return result.document;
    for (const problem of result.problems) {
      const path = problem.path === '(document)' ? [] : [problem.path];
      ctx.addIssue({ code: 'custom', message: problem.message, path });
    }
    return z.NEVER;
  });
}

/** Any document: what a request carries, what an import or an introspection answers. Checked in full. */
export const documentZod = documentSchema({});

/**
 * A document as the studio's store keeps it (a project, a named version) or as it ships it (a
 * template): every way into the store checks it in full (the routes with `documentZod`, the
 * co-editing room before it saves), so reading it back checks its shape and references but not
 * its SQL fields again. The design lint still reports SQL fields, after the diagram is drawn.
 */
export const storedDocumentZod = documentSchema({ sqlFields: false });
