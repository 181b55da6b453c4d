/**
 * Catalog queries as pure builders: `{ name, sql, rowValidator }`. Each reads ONE object kind
 * for the whole database (never one query per table), so introspection costs the same number of
 * round trips for 5 tables or 5,000. Rows are validated before anything reads them.
 */
import * as z from 'zod';
import type { SqlSession } from '../db/sql-client.ts';
import { checkRow } from './row-check.ts';

export interface IntrospectOptions {
  /** Only these schemas (all user schemas when absent or empty). */
  schemas?: string[];
}

export interface QueryContext {
  /** `server_version_num`, e.g. 150004 or 180006. */
  version: number;
}

export interface CatalogQuery<T> {
  name: string;
  /** With its schema filter written in (`catalogQuery`). */
  sql: string;
  rowValidator: z.ZodType<T>;
}

/** Schemas that are never the user's: the system ones, temp/toast, and Schemata's bookkeeping. */
export const IGNORED_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast', '_schemata'];

/**
 * Where a query's SQL holds the schema filter (text[], or NULL for every user schema) until
 * `catalogQuery` writes the filter in as a literal: the queries run as a script, which takes no
 * parameters.
 */
const SCHEMA_FILTER = '$schema_filter';

/** SQL condition on a `pg_namespace` alias: a user schema, within the schema filter. */
export function userSchema(alias: string): string {
  return `${alias}.nspname NOT IN (${IGNORED_SCHEMAS.map((s) => `'${s}'`).join(', ')})
    AND ${alias}.nspname NOT LIKE 'pg\\_temp\\_%' AND ${alias}.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
    AND (${SCHEMA_FILTER} IS NULL OR ${alias}.nspname = ANY(${SCHEMA_FILTER}))`;
}

/**
 * The schema filter as a SQL literal: `NULL::text[]` or `ARRAY[E'app', E'it''s']::text[]`. An E''
 * string reads a backslash as an escape whatever `standard_conforming_strings` says, so doubling
 * backslashes and quotes keeps any schema name a literal.
 */
function schemaFilterLiteral(options: IntrospectOptions): string {
  const schemas = options.schemas?.length ? options.schemas : undefined;
  if (!schemas) return 'NULL::text[]';
  return `ARRAY[${schemas.map((name) => `E'${name.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(', ')}]::text[]`;
}

/** SQL condition: the object is not a member of an extension (pg_depend deptype 'e'). */
export function notFromExtension(catalog: string, oidExpr: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep
    WHERE ext_dep.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND ext_dep.objid = ${oidExpr} AND ext_dep.deptype = 'e')`;
}

/**
 * SQL for the comment on an object (`subId`: a column's number, 0 for the object itself): a scalar
 * subquery on pg_description. Not obj_description or col_description: those are SQL functions that
 * find the catalog by name and run a query on every call, a third of the server's time for the
 * columns and constraints of musicbrainz (32 -> 23 ms and 38 -> 23 ms).
 */
export function commentOf(catalog: string, oidExpr: string, subId = '0'): string {
  return `(SELECT descr.description FROM pg_catalog.pg_description descr
    WHERE descr.objoid = ${oidExpr} AND descr.classoid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND descr.objsubid = ${subId})`;
}

/** Builds a query, its schema filter (`userSchema`) written in from `options`. */
export function catalogQuery<T>(name: string, sql: string, rowValidator: z.ZodType<T>, options: IntrospectOptions): CatalogQuery<T> {
  return { name, sql: sql.replaceAll(SCHEMA_FILTER, schemaFilterLiteral(options)), rowValidator };
}

/** The validated row type of a query builder. */
export type RowOf<F extends (...args: never[]) => CatalogQuery<unknown>> = ReturnType<F> extends CatalogQuery<infer T> ? T : never;

/** Runs one query and validates every row; a bad row names the query and the field. */
export async function runCatalogQuery<T>(session: SqlSession, query: CatalogQuery<T>): Promise<T[]> {
  return (await runCatalogQueries(session, { [query.name]: query }))[query.name] as T[];
}

/**
 * One statement of the script: the query's name, and its rows as one JSON array. The driver then
 * parses one `json` value (native JSON.parse) instead of every field of every row in JavaScript,
 * which was most of a CLI introspection's client time after start-up; the rows keep the order of
 * the query's ORDER BY (an aggregate reads a sorted subquery in order). NULL fields stay in, as
 * JSON null, and `checkRow` reads them as absent: `json_strip_nulls` over the aggregate re-parsed
 * the whole answer on the server, 20-30 ms of musicbrainz's catalog time (most on the indexes and
 * constraints), where a null costs the check one comparison.
 */
function statementOf(name: string, query: CatalogQuery<unknown>): string {
  return `SELECT '${name.replace(/'/g, "''")}' AS query, pg_catalog.json_agg(catalog_rows) AS rows FROM (${query.sql}) catalog_rows`;
}

/**
 * Runs the queries as one script on one session: the server runs them back to back without waiting
 * for the client, and each query's rows are validated and handed to `onRows` as they arrive, while
 * the server works on the next ones. Each statement answers one row: its query's name and its rows.
 */
export async function runCatalogQueries(
  session: SqlSession, queries: Record<string, CatalogQuery<unknown>>,
  /** Called with each query's validated rows as they arrive, while the next query runs. */
  onRows?: (name: string, rows: unknown[]) => void,
  /** Statements answering no rows (settings) sent ahead of the queries, in the same round trip. */
  setup = '',
): Promise<Record<string, unknown[]>> {
  const script = setup + Object.entries(queries).map(([name, query]) => statementOf(name, query)).join(';\n');
  const results: Record<string, unknown[]> = {};
  await session.streamRows(script, (row) => {
    const answer = row as { query: string; rows: unknown[] | null };
    const query = Object.hasOwn(queries, answer.query) ? queries[answer.query] : undefined;
    if (!query || Object.hasOwn(results, answer.query)) throw new Error(`introspection: an unexpected answer "${String(answer.query)}"`);
    results[answer.query] = validateRows(query, answer.rows ?? []);
    onRows?.(answer.query, results[answer.query]);
  });
  const missing = Object.keys(queries).filter((name) => !Object.hasOwn(results, name));
  if (missing.length) throw new Error(`introspection: no answer to "${missing[0]}"`);
  return results;
}

function validateRows<T>(query: CatalogQuery<T>, rows: unknown[]): T[] {
  return rows.map((row, index) => {
    const parsed = checkRow(query.rowValidator, row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`introspection query "${query.name}" row ${index}: ${issue.path.join('.')} ${issue.message}`);
    }
    return parsed.data;
  });
}

/**
 * Validators for the fields of a row (`checkRow` reads a NULL field, at any depth, as absent): the
 * same from pg and PGlite. A missing list is empty, a new array for each row.
 */
export const text = z.string();
export const optionalText = z.string().optional();
export const textArray = z.array(z.string()).default(() => []);
export const intArray = z.array(z.number().int()).default(() => []);
/** json/jsonb aggregates: parsed by both drivers. */
export function jsonList<T>(item: z.ZodType<T>) {
  return z.array(item).default(() => []);
}
