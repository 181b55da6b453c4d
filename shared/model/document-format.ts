/**
 * The document's format tag and version, alone in their module: stamping a model into a document
 * (`makeDocument`, all the CLI's `introspect` needs) then does not build the document's zod schema,
 * ~11 ms of a command's start.
 */
export const DOCUMENT_FORMAT = 'schemata';
export const DOCUMENT_VERSION = 1;
