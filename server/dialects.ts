/**
 * The DDL dialects the server and CLI can write: one line per dialect. `ddl --dialect <name>` and
 * `POST /api/ddl {dialect}` look names up here.
 */
import type { ModelDocument } from '../shared/model/document.ts';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { generateMysql } from '../shared/ddl/mysql.ts';
import { generateSqlite } from '../shared/ddl/sqlite.ts';

/** A script and what the dialect could not keep (one line each; empty for PostgreSQL). */
export interface DialectOutput {
  sql: string;
  warnings: string[];
}

export const dialects: Record<string, (document: ModelDocument) => DialectOutput> = {
  postgres: (document) => ({ sql: generatePostgres(document.model), warnings: [] }),
  mysql: (document) => generateMysql(document.model),
  sqlite: (document) => generateSqlite(document.model),
};

export const DEFAULT_DIALECT = 'postgres';

/** The generator for `name`, or an error message listing the known ones. */
export function findDialect(name: string = DEFAULT_DIALECT): { generate: (document: ModelDocument) => DialectOutput } | { error: string } {
  const generate = Object.hasOwn(dialects, name) ? dialects[name] : undefined;
  if (generate) return { generate };
  return { error: `unknown dialect "${name}" (known: ${Object.keys(dialects).join(', ')})` };
}
