/**
 * The SQL dialects the studio writes, one entry each: its id (`ddl --dialect <id>`, `POST /api/ddl
 * {dialect}`, File ▸ Export), the label people read, how an exported file's name ends, and the
 * generator. A new dialect is one entry here plus its generator in `ddl/<dialect>.ts`.
 */
import type { Model } from '../model/document.ts';
import type { DialectDdl } from './dialect-common.ts';
import { generatePostgres } from './generate.ts';
import { generateMysql } from './mysql.ts';
import { generateSqlite } from './sqlite.ts';

export interface Dialect {
  id: string;
  label: string;
  /** What an exported script's file name ends with, after the project's name: `shop.mysql.sql`. */
  fileSuffix: string;
  /** The script, and one line per kind of loss (none for PostgreSQL: the model is PostgreSQL's). */
  generate: (model: Model) => DialectDdl;
}

export const DIALECTS = [
  { id: 'postgres', label: 'PostgreSQL', fileSuffix: '.sql', generate: (model: Model) => ({ sql: generatePostgres(model), warnings: [] }) },
  { id: 'mysql', label: 'MySQL / MariaDB', fileSuffix: '.mysql.sql', generate: generateMysql },
  { id: 'sqlite', label: 'SQLite', fileSuffix: '.sqlite.sql', generate: generateSqlite },
] as const satisfies readonly Dialect[];

export type DialectId = (typeof DIALECTS)[number]['id'];

export const DEFAULT_DIALECT: DialectId = 'postgres';

/** The dialect `id` names. */
export function dialect(id: DialectId): Dialect {
  return DIALECTS.find((d) => d.id === id)!;
}

/** The dialect for a name a user typed, or an error message listing the known ones. */
export function findDialect(name: string = DEFAULT_DIALECT): Dialect | { error: string } {
  return DIALECTS.find((d) => d.id === name) ?? { error: `unknown dialect "${name}" (known: ${DIALECTS.map((d) => d.id).join(', ')})` };
}
