/**
 * Parses SQL or DBML off the main thread: PostgreSQL's parser takes 1–3 s on a 600 KB dump
 * (musicbrainz), which would freeze the page. Messages: `{id, text, format}` in,
 * `{id, ok: true, result}` or `{id, ok: false, error}` out.
 */
// First: before any schema is built.
import '../shell/compile-nothing.ts';
import { ImportSyntaxError, importDocument } from '../../shared/io/import-document.ts';
import type { ImportFormat } from '../../shared/api/import.ts';

export interface ParseRequest {
  id: number;
  text: string;
  format: ImportFormat;
}

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, text, format } = event.data;
  const started = performance.now();
  try {
    const result = await importDocument(text, format);
    self.postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (error) {
    const position = error instanceof ImportSyntaxError ? { line: error.line, column: error.column } : undefined;
    const message = error instanceof Error ? error.message : String(error);
    self.postMessage({ id, ok: false, error: { message, syntax: error instanceof ImportSyntaxError, ...position } });
  }
};
