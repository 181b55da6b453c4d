import type { Layout, Model, ModelDocument } from './document.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document-format.ts';
import { derivedId } from './ids.ts';

/** A model with only the `public` schema, as a fresh PostgreSQL database has. */
export function emptyModel(): Model {
  return {
    schemas: [{ id: derivedId.schema('public'), name: 'public' }],
    extensions: [],
    enums: [],
    domains: [],
    sequences: [],
    tables: [],
    views: [],
    rawObjects: [],
  };
}

export function emptyLayout(): Layout {
  return { nodes: {}, areas: [], notes: [] };
}

/** Wraps a model (and optionally its layout) into a current-version document. */
export function makeDocument(model: Model, layout: Layout = emptyLayout(), name?: string): ModelDocument {
  return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, ...(name ? { name } : {}), model, layout };
}
