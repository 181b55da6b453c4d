/**
 * Throwaway PostgreSQL databases for tests: each test makes its own uniquely named database and
 * drops it after, so engineers and test files running at the same time never share objects.
 */
import pg from 'pg';

export const ADMIN_URL = process.env.SCHEMATA_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `ADMIN_URL` with another database name. */
export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Fails with a clear message when the test server does not answer. */
export async function requirePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`tests need PostgreSQL at ${ADMIN_URL} (${(error as Error).message}); start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface ThrowawayDb {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** Creates `schemata_t_<purpose>_<random>`; `drop()` removes it, even with sessions still open. */
export async function createThrowawayDb(purpose: string): Promise<ThrowawayDb> {
  await requirePostgres();
  const safe = purpose.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const name = `schemata_t_${safe}_${Math.random().toString(36).slice(2, 10)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  return {
    name,
    url: urlFor(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
