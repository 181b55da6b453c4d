/**
 * Introspection on two connections of a PostgreSQL server at once. Past a few hundred tables most
 * of an introspection is the server running the catalog queries one after another; split over two
 * connections, the CLI reads a 4,000-table database in 1.40 s instead of 1.71 s (pg_dump: 2.08 s).
 * The second connection reads the first one's snapshot (`pg_export_snapshot`), so both see the same
 * catalog, as one connection would.
 *
 * For a process that owns its pool, the CLI: in the studio's shared pool, introspections that each
 * hold one connection and wait for a second could take every connection. PGlite has one session.
 */
import type { Model } from '../../shared/model/document.ts';
import { quoteLiteral } from '../../shared/ddl/quote.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { runCatalogQueries, type CatalogQuery, type IntrospectOptions } from './catalog-query.ts';
import {
  INTROSPECTION_SETUP, SERVER_VERSION, introspect, introspectionQueries,
} from './introspect.ts';
import { modelBuilder } from './model-builder.ts';

type QueryName = keyof ReturnType<typeof introspectionQueries>;
type Queries = Record<string, CatalogQuery<unknown>>;

/**
 * What the second connection reads: the server's time for these is about that of the rest, on
 * musicbrainz and on 4,000 tables alike (the constraints and indexes on this one, the columns on the
 * first, each a third of the whole). The views stay on the first: their rows decide whether the SQL
 * parser warms up. The tables and sequences moved to the first: the second still ended last, and the
 * tables with their columns on one connection are built into the model while the second still reads.
 */
const SECOND_CONNECTION: ReadonlySet<QueryName> = new Set<QueryName>([
  'constraints', 'indexes', 'types', 'policies', 'schemas', 'extensions', 'enums', 'domains',
]);

/** `pg_export_snapshot()`'s answer (`00000003-0000001B-1`), checked before it is written into SQL. */
const SNAPSHOT_ID = /^[0-9A-F]{8}-[0-9A-F]{8}-\d+$/;

/** What the first connection answers once set up: its snapshot to share, and the server version. */
const SNAPSHOT_AND_VERSION = `SELECT pg_catalog.pg_export_snapshot() AS snapshot, ${SERVER_VERSION} AS version`;

/** What the first connection hands the second: its snapshot, the queries the second runs, and where their answers go. */
interface Handover {
  snapshot: string;
  theirs: Queries;
  onRows: (name: string, rows: unknown[]) => void;
}

/**
 * The second connection's transaction, begun at once: it waits for the first connection's handover.
 * `giveUp` ends it when the first stops before handing over (after, it changes nothing).
 */
function secondConnection(client: SqlClient) {
  let handOver!: (handover: Handover) => void;
  let giveUp!: () => void;
  const handover = new Promise<Handover>((resolve, reject) => {
    handOver = resolve;
    giveUp = () => reject(new Error('introspection: the first connection stopped before sharing its snapshot'));
  });
  const done = client.transaction(async (tx) => {
    const { snapshot, theirs, onRows } = await handover;
    await runCatalogQueries(tx, theirs, onRows, `${INTROSPECTION_SETUP} SET TRANSACTION SNAPSHOT ${quoteLiteral(snapshot)};`);
  }, { rollback: true });
  done.catch(() => undefined); // awaited by the caller, once the first connection's queries are done
  return { done, handOver, giveUp };
}

/**
 * `introspect`, the same model, read on two connections; on one for PGlite, or when a second is refused.
 * The second connection is opened as soon as the first is in its transaction: making a connection
 * (the server starts a backend for it) then overlaps the first's snapshot export.
 */
export async function introspectOnTwoConnections(client: SqlClient, options: IntrospectOptions = {}): Promise<Model> {
  if (client.kind !== 'postgres') return introspect(client, options);
  try {
    return await client.transaction(async (first) => {
      const second = secondConnection(client);
      try {
        const { snapshot, version } = await beginShared(first);
        const queries = introspectionQueries(options, { version }) as Queries;
        const [ours, theirs] = split(queries);
        const builder = modelBuilder(Object.keys(queries));
        second.handOver({ snapshot, theirs, onRows: builder.arrived });
        await runCatalogQueries(first, ours, builder.arrived);
        // A second connection the server refuses (too many connections) costs time, not the answer.
        await second.done.catch(() => runCatalogQueries(first, theirs, builder.arrived));
        return await builder.model();
      } finally {
        second.giveUp();
        await second.done.catch(() => undefined);
      }
    }, { rollback: true });
  } catch (error) {
    if (error instanceof NoSnapshot) return introspect(client, options);
    throw error;
  }
}

/** The server exported no snapshot (its transaction is then aborted): introspection runs on one connection. */
class NoSnapshot extends Error {}

/**
 * Sets the first transaction up and exports its snapshot, in one round trip: the setup, the snapshot
 * id and the server's version (which the queries depend on). Not inside a savepoint: PostgreSQL
 * exports no snapshot from a subtransaction, so a failure aborts the transaction, and
 * `introspectOnTwoConnections` starts over on one connection (where a failing setup is reported).
 */
async function beginShared(session: SqlSession): Promise<{ snapshot: string; version: number }> {
  const rows: Array<{ snapshot?: unknown; version?: unknown }> = [];
  await session.streamRows(`${INTROSPECTION_SETUP} ${SNAPSHOT_AND_VERSION}`, (row) => rows.push(row)).catch((error: unknown) => {
    throw new NoSnapshot(String(error));
  });
  const snapshot = String(rows[0]?.snapshot);
  if (rows.length !== 1 || !SNAPSHOT_ID.test(snapshot)) throw new NoSnapshot(`an unexpected snapshot id "${snapshot.slice(0, 40)}"`);
  return { snapshot, version: Number(rows[0].version) };
}

function split(queries: Queries): [Queries, Queries] {
  const ours: Queries = {};
  const theirs: Queries = {};
  for (const [name, query] of Object.entries(queries)) (SECOND_CONNECTION.has(name as QueryName) ? theirs : ours)[name] = query;
  return [ours, theirs];
}
