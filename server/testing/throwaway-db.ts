/**
 * Throwaway PostgreSQL databases for tests: each test makes its own uniquely named database and
 * drops it after, so engineers and test files running at the same time never share objects.
 */
import pg from 'pg';

export const ADMIN_URL = process.env.SCHEMATA_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `ADMIN_URL` (or another server's admin URL) with another database name. */
export function urlFor(database: string, adminUrl = ADMIN_URL): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Fails with a clear message when the test server does not answer. */
export async function requirePostgres(adminUrl = ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`tests need PostgreSQL at ${adminUrl} (${(error as Error).message}); start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>, adminUrl = ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
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

/**
 * Creates `schemata_t_<purpose>_<random>`; `drop()` removes it, even with sessions still open.
 * `adminUrl` picks another server (a cluster of another major, `pg-majors.ts`); `template`, a copy
 * of another database (which must have no session open).
 */
export async function createThrowawayDb(purpose: string, adminUrl = ADMIN_URL, template = 'template0'): Promise<ThrowawayDb> {
  await requirePostgres(adminUrl);
  const safe = purpose.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const name = `schemata_t_${safe}_${Math.random().toString(36).slice(2, 10)}`;
  await admin(async (c) => {
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    // A throwaway database need not wait for its commits to reach the disk: every DDL-heavy round
    // trip commits often, and the shared test server's fsyncs otherwise left the CPUs idle.
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  }, adminUrl);
  return {
    name,
    url: urlFor(name, adminUrl),
    drop: () => admin((c) => dropForced(c, name), adminUrl),
  };
}

/** `DROP DATABASE … WITH (FORCE)`; PostgreSQL 12 lacks FORCE, so its sessions are ended first. */
async function dropForced(client: pg.Client, name: string): Promise<void> {
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  if (Number(rows[0].v) >= 130000) {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return;
  }
  await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
}
