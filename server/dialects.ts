/**
 * The DDL dialects the server and CLI can write: one line per dialect. `ddl --dialect <name>` and
 * `POST /api/ddl {dialect}` look names up here.
 */
import type { ModelDocument } from '../shared/model/document.ts';
import { generatePostgres } from '../shared/ddl/generate.ts';

export const dialects: Record<string, (document: ModelDocument) => string> = {
  postgres: (document) => generatePostgres(document.model),
};

export const DEFAULT_DIALECT = 'postgres';

/** The generator for `name`, or an error message listing the known ones. */
export function findDialect(name: string = DEFAULT_DIALECT): { generate: (document: ModelDocument) => string } | { error: string } {
  const generate = Object.hasOwn(dialects, name) ? dialects[name] : undefined;
  if (generate) return { generate };
  return { error: `unknown dialect "${name}" (known: ${Object.keys(dialects).join(', ')})` };
}
