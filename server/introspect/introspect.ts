/**
 * Live PostgreSQL (12–18, server or PGlite) → the model. A fixed list of catalog queries runs in one
 * read-only REPEATABLE READ transaction (one consistent snapshot), with `search_path` set to
 * `pg_catalog` so every name PostgreSQL prints for us (types, defaults, view bodies) is
 * schema-qualified, exactly as pg_dump does.
 */
import type { Domain, Enum, Extension, Model, Schema, Sequence } from '../../shared/model/document.ts';
import { derivedId } from '../../shared/model/ids.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { runCatalogQueries, type CatalogQuery, type IntrospectOptions, type QueryContext, type RowOf } from './catalog-query.ts';
import {
  collationsQuery, functionsQuery, operatorsQuery, rulesQuery, textSearchConfigsQuery, textSearchDictionariesQuery,
  triggersQuery, viewsQuery,
} from './queries-objects.ts';
import { policiesQuery, typesQuery } from './queries-extra.ts';
import { columnsQuery, constraintsQuery, indexesQuery, tablesQuery } from './queries-tables.ts';
import { domainsQuery, enumsQuery, extensionsQuery, schemasQuery, sequencesQuery } from './queries-types.ts';
import { columnType, compact, parseCheckDefinition, sequenceOptions } from './to-model-parts.ts';
import {
  buildViews, collationObjects, functionObjects, onTableObjects, operatorObjects, ruleRows, textSearchObjects, triggerRows,
} from './to-model-raw.ts';
import { policyObjects, typeObjects } from './to-model-extra.ts';
import { attachConstraints, attachIndexes, buildTables } from './to-model-tables.ts';
import { loadViewParser, makeReparseSafe, mayHaveUnnamedTargets } from './reparse-safe.ts';

export type { IntrospectOptions } from './catalog-query.ts';

/**
 * Every catalog query introspection runs: the same list whatever the size of the schema, in the order
 * they run. Views come first: whether a view body needs the SQL parser is known from them, and the
 * parser then loads while the other queries wait on the server.
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

type Queries = ReturnType<typeof introspectionQueries>;
type Rows = { [K in keyof Queries]: Queries[K] extends CatalogQuery<infer T> ? T[] : never };

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
  return modelOf(await runCatalogQueries(session, queries as Record<string, CatalogQuery<unknown>>, loadViewParserWhenNeeded));
}

/**
 * The `onRows` of `runCatalogQueries`. Only a view with a set operation needs the SQL parser (see
 * reparse-safe.ts); it loads and compiles while the remaining queries run. Its failure is reported
 * by makeReparseSafe.
 */
export function loadViewParserWhenNeeded(name: string, validated: unknown[]): void {
  if (name === 'views' && (validated as RowOf<typeof viewsQuery>[]).some((v) => mayHaveUnnamedTargets(v.definition))) {
    loadViewParser().catch(() => undefined);
  }
}

/** The model of every query's validated rows (`introspectionQueries`, run by `runCatalogQueries`). */
export function modelOf(rows: Record<string, unknown[]>): Promise<Model> {
  return makeReparseSafe(toModel(rows as Rows));
}

function toModel(rows: Rows): Model {
  const { tables, columnIndex } = buildTables(rows.tables, rows.columns);
  const exclusions = attachConstraints(tables, rows.constraints, columnIndex);
  const viewIndexes = attachIndexes(tables, rows.indexes, columnIndex);
  const tableIds = new Set(tables.map((t) => t.id));
  const viewIds = new Set(rows.views.map((v) => derivedId.view(v.schema, v.name)));
  const known = new Set([...tableIds, ...viewIds]);
  const columnIds = new Set(tables.flatMap((t) => t.columns.map((c) => c.id)));
  return {
    schemas: rows.schemas.map((r): Schema => compact({ id: derivedId.schema(r.name), name: r.name, comment: r.comment })),
    extensions: rows.extensions.map((r): Extension =>
      compact({ id: derivedId.extension(r.name), name: r.name, schema: r.schema, version: r.version, comment: r.comment })),
    enums: rows.enums.map((r): Enum =>
      compact({ id: derivedId.enum(r.schema, r.name), schema: r.schema, name: r.name, values: r.values, comment: r.comment })),
    domains: rows.domains.map(toDomain),
    sequences: rows.sequences.map((r) => toSequence(r, columnIds)),
    tables,
    views: buildViews(rows.views, viewIndexes, known),
    rawObjects: [
      ...collationObjects(rows.collations),
      ...typeObjects(rows.types),
      ...textSearchObjects(rows.textSearchConfigs, rows.textSearchDictionaries),
      ...functionObjects(rows.functions),
      ...operatorObjects(rows.operators),
      ...onTableObjects('trigger', triggerRows(rows.triggers), known),
      ...onTableObjects('rule', ruleRows(rows.rules), known),
      ...policyObjects(rows.policies, tableIds),
      ...exclusions,
    ],
  };
}

function toDomain(r: RowOf<typeof domainsQuery>): Domain {
  return compact({
    id: derivedId.domain(r.schema, r.name), schema: r.schema, name: r.name, type: columnType(r.type), notNull: r.notNull,
    default: r.default, collation: r.collation,
    checks: r.checks.map((c) => ({
      id: derivedId.domainCheck(r.schema, r.name, c.name), name: c.name, expression: parseCheckDefinition(c.definition).expression,
    })),
    comment: r.comment,
  });
}

function toSequence(r: RowOf<typeof sequencesQuery>, columnIds: Set<string>): Sequence {
  const sequence: Sequence = { id: derivedId.sequence(r.schema, r.name), schema: r.schema, name: r.name, ...sequenceOptions(r, 'bigint') };
  if (r.ownerSchema && r.ownerTable && r.ownerColumn) {
    const columnId = derivedId.column(r.ownerSchema, r.ownerTable, r.ownerColumn);
    if (columnIds.has(columnId)) sequence.ownedBy = { tableId: derivedId.table(r.ownerSchema, r.ownerTable), columnId };
  }
  if (r.comment !== undefined) sequence.comment = r.comment;
  return sequence;
}
