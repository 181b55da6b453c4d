/**
 * Live PostgreSQL (12–18, server or PGlite) → the model. A fixed list of catalog queries runs in one
 * read-only REPEATABLE READ transaction (one consistent snapshot), with `search_path` set to
 * `pg_catalog` so every name PostgreSQL prints for us (types, defaults, view bodies) is
 * schema-qualified, exactly as pg_dump does.
 */
import type { Model } from '../../shared/model/document.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { runCatalogQueries, type CatalogQuery, type IntrospectOptions, type QueryContext } from './catalog-query.ts';
import { modelBuilder } from './model-builder.ts';
import {
  collationsQuery, functionsQuery, operatorsQuery, rulesQuery, textSearchConfigsQuery, textSearchDictionariesQuery,
  triggersQuery, viewsQuery,
} from './queries-objects.ts';
import { policiesQuery, typesQuery } from './queries-extra.ts';
import { columnsQuery, constraintsQuery, indexesQuery, tablesQuery } from './queries-tables.ts';
import { domainsQuery, enumsQuery, extensionsQuery, schemasQuery, sequencesQuery } from './queries-types.ts';

export type { IntrospectOptions } from './catalog-query.ts';

/**
 * Every catalog query introspection runs: the same list whatever the size of the schema, in the order
 * they run. Views come first: whether a view body needs the SQL parser is known from them, and the
 * parser then warms up while the other queries wait on the server (see model-builder.ts).
 */
export function introspectionQueries(options: IntrospectOptions, context: QueryContext) {
  return {
    views: viewsQuery(options), schemas: schemasQuery(options), extensions: extensionsQuery(options), enums: enumsQuery(options),
    domains: domainsQuery(options), sequences: sequencesQuery(options), tables: tablesQuery(options),
    columns: columnsQuery(options), constraints: constraintsQuery(options, context), indexes: indexesQuery(options, context),
    functions: functionsQuery(options), triggers: triggersQuery(options, context),
    rules: rulesQuery(options), collations: collationsQuery(options), textSearchConfigs: textSearchConfigsQuery(options),
    textSearchDictionaries: textSearchDictionariesQuery(options), operators: operatorsQuery(options),
    types: typesQuery(options, context), policies: policiesQuery(options),
  };
}

/** The server's version as a number (`150004`), as SQL. */
export const SERVER_VERSION = `pg_catalog.current_setting('server_version_num')`;

export async function serverVersion(session: SqlSession): Promise<number> {
  const [row] = await session.query<{ v: string }>(`SELECT ${SERVER_VERSION} AS v`);
  return Number(row.v);
}

/**
 * How an introspection's transaction starts: one consistent snapshot, read-only; every name printed
 * schema-qualified; and no JIT. PostgreSQL compiles a query with LLVM once its estimated cost passes
 * `jit_above_cost`, which the views and columns queries do from a few thousand tables: 30–140 ms of
 * compiling for queries that run once (measured on a 4,000-table database).
 */
export const INTROSPECTION_SETUP = 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL search_path = pg_catalog; SET LOCAL jit = off;';

/** Reads the live schema. Example: `await introspect(client, { schemas: ['public'] })`. */
export async function introspect(client: SqlClient, options: IntrospectOptions = {}): Promise<Model> {
  return client.transaction(async (tx) => {
    await tx.exec(INTROSPECTION_SETUP);
    return introspectSession(tx, options);
  }, { rollback: true });
}

/** Same as `introspect`, inside a transaction the caller already holds (e.g. apply's). */
export async function introspectSession(session: SqlSession, options: IntrospectOptions = {}): Promise<Model> {
  const context: QueryContext = { version: await serverVersion(session) };
  const queries = introspectionQueries(options, context);
  const builder = modelBuilder(Object.keys(queries));
  await runCatalogQueries(session, queries as Record<string, CatalogQuery<unknown>>, builder.arrived);
  return builder.model();
}
