/**
 * One small interface over the two ways Schemata reaches PostgreSQL: a `pg` pool for a server
 * (`postgres://…`) and an embedded PGlite (`pglite:<directory>`, `pglite:memory:`). Everything else
 * on the server talks to a `SqlClient`; only this folder imports a driver.
 *
 * Values come back alike from both drivers: `bigint`/`numeric` as strings, arrays as arrays.
 */
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { connectionFailure, type ConnectionTarget } from './connection-error.ts';
import { hasExtraCa, sslOfEnvironmentMode, withExtraCa, type SslOption } from './extra-ca.ts';
import type { PgliteOpenOptions } from './pglite-client.ts';
import { NO_HOST, parsedUrl, redactConnectionString, redactSecretsIn } from './redact.ts';
import { restoresEncoding, type Row, type SqlClient, type SqlSession, type TransactionOptions } from './sql-session.ts';
export type { Row, SqlClient, SqlSession, TransactionOptions } from './sql-session.ts';
export { restoresEncoding } from './sql-session.ts';

/** `postgres://u:secret@h/db?sslpassword=x` → `postgres://u:***@h/db?sslpassword=***`: see `redact.ts`. */
export function redactUrl(url: string): string {
  return redactConnectionString(url);
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function isPgliteUrl(url: string): boolean {
  return /^pglite:/i.test(url);
}

/** Throws a one-line error for anything that is neither a PostgreSQL nor a PGlite URL. */
export function checkDatabaseUrl(url: string): void {
  if (isPostgresUrl(url)) {
    if (!parsedUrl(url)) throw new Error(`not a valid connection URL: ${redactUrl(url)}`);
    return;
  }
  if (isPgliteUrl(url) && url.slice('pglite:'.length).length > 0) return;
  throw new Error(`unsupported database URL "${redactUrl(url)}": use postgres://… or pglite:<directory> (pglite:memory: for in-memory)`);
}

/**
 * Opens a client and proves it answers (`select 1`), so an unreachable server fails here with
 * one line naming host, port and cause (never the password). A `pglite:<dir>` is locked for this
 * process until `close()`; another process holding it fails here with who holds it.
 */
export async function openSqlClient(url: string, options: PgliteOpenOptions = {}): Promise<SqlClient> {
  checkDatabaseUrl(url);
  if (isPgliteUrl(url)) {
    // Loaded on use: PGlite and its extensions are most of a PostgreSQL-only process's start-up.
    const { openPglite } = await import('./pglite-client.ts');
    return openPglite(url.slice('pglite:'.length), redactUrl(url), options);
  }
  let client: SqlClient | undefined;
  try {
    client = openPgPool(url);
    await client.query('select 1');
  } catch (error) {
    await client?.close().catch(() => undefined);
    const failure = connectionFailure(error, targetOf(url));
    // The driver may quote the URL, or a host made of part of a mistyped password.
    failure.message = redactSecretsIn(failure.message, url);
    throw failure;
  }
  return client;
}

/**
 * Host, port and database as `pg` reads them (`?host=` and unix sockets included). The SSL file
 * parameters are left out: `pg-connection-string` would read those files, and naming where a
 * connection failed must not fail itself.
 */
export function targetOf(url: string): ConnectionTarget {
  try {
    const parsed = parsedUrl(url);
    if (!parsed) throw new Error('unreadable');
    for (const name of ['sslcert', 'sslkey', 'sslrootcert']) parsed.searchParams.delete(name);
    const config = parseConnectionString(parsed.href.replace(`@${NO_HOST}/`, '@/'));
    return {
      host: redactSecretsIn(config.host || 'localhost', url),
      port: String(config.port || '5432'),
      database: config.database ? redactSecretsIn(config.database, url) : undefined,
    };
  } catch {
    return { host: '(unreadable host)', port: '5432' };
  }
}

/** TCP keepalive probes start after this much silence: a studio host that vanished (no FIN) is noticed. */
export const KEEPALIVE_INITIAL_DELAY_MS = 10_000;

/** `SqlSession.streamRows` on one connection: a `pg.Query` with a row listener keeps no rows. */
function streamRowsOn(connection: pg.PoolClient, script: string, onRow: (row: Row) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: unknown;
    const query = new pg.Query(script);
    query.on('row', (row: Row) => {
      if (failure !== undefined) return;
      try {
        onRow(row);
      } catch (error) {
        failure = error;
      }
    });
    query.on('error', reject);
    query.on('end', () => (failure === undefined ? resolve() : reject(failure)));
    connection.query(query);
  });
}

/**
 * What `pg` connects with: the URL as it is, or, when the connection uses TLS and the CLI trusts
 * extra certificates (`extra-ca.ts`), the URL as pg parses it with them added: pg lets a connection
 * string's own TLS settings override a separate `ssl` option.
 */
function connectionOptions(url: string): pg.PoolConfig {
  if (!hasExtraCa()) return { connectionString: url };
  const parsed = parseConnectionString(url);
  const ssl = parsed.ssl ?? sslOfEnvironmentMode(process.env.PGSSLMODE);
  if (!ssl || typeof ssl === 'string') return { connectionString: url };
  return { ...(parsed as pg.PoolConfig), ssl: withExtraCa(ssl as SslOption) };
}

function openPgPool(url: string): SqlClient {
  const pool = new pg.Pool({
    ...connectionOptions(url), max: 4, connectionTimeoutMillis: 8000, idleTimeoutMillis: 10_000,
    keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
  });
  const reserved: pg.PoolClient[] = [];
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const session = (runner: pg.Pool | pg.PoolClient): SqlSession => ({
    async query<T extends Row>(sql: string, params?: unknown[]) {
      const result = await runner.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async exec(script: string) {
      try {
        await runner.query(script);
      } finally {
        const reset = restoresEncoding(script);
        if (reset) await runner.query(reset).catch(() => undefined);
      }
    },
    async streamRows(script: string, onRow: (row: Row) => void) {
      if (runner instanceof pg.Pool) {
        const connection = await runner.connect();
        try {
          await streamRowsOn(connection, script, onRow);
        } finally {
          connection.release();
        }
      } else {
        await streamRowsOn(runner, script, onRow);
      }
    },
  });
  return {
    kind: 'postgres',
    displayUrl: redactUrl(url),
    ...session(pool),
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>, options: TransactionOptions = {}) {
      const connection = await pool.connect();
      let broken = false;
      try {
        await connection.query('BEGIN');
        const result = await fn(session(connection));
        await connection.query(options.rollback ? 'ROLLBACK' : 'COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => { broken = true; });
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    async reserveSession() {
      const connection = await pool.connect();
      reserved.push(connection);
      return session(connection);
    },
    async close() {
      for (const connection of reserved.splice(0)) connection.release(true);
      await pool.end();
    },
  };
}
