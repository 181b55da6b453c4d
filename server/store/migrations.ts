/**
 * The store's own schema, versioned. Each migration runs once, in order, inside one transaction
 * holding an advisory lock, so several studio instances starting at once on a shared store do not
 * race; a started store re-runs nothing (idempotent).
 */
import type { SqlClient } from '../db/sql-client.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every store object lives in the `schemata` schema, apart from whatever else a shared database holds. */
export const STORE_SCHEMA = 'schemata';

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'projects and their named versions',
    sql: `
      create table schemata.projects (
        id text primary key,
        name text not null,
        document jsonb not null,
        -- kept beside the document so listing projects never reads the documents
        table_count integer not null default 0,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table schemata.project_versions (
        id text primary key,
        project_id text not null references schemata.projects (id) on delete cascade,
        label text not null,
        project_version integer not null,
        document jsonb not null,
        created_at timestamptz not null default now()
      );
      create index project_versions_project_idx on schemata.project_versions (project_id, created_at);
    `,
  },
];

// Any constant works; it only has to be the same in every instance of the studio.
const MIGRATION_LOCK = 4780_0001;

/** Applies the migrations this store has not seen yet; returns the versions applied. */
export async function migrateStore(client: SqlClient, list: Migration[] = migrations): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
      create schema if not exists ${STORE_SCHEMA};
      create table if not exists ${STORE_SCHEMA}.migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      );
    `);
    const rows = await tx.query<{ version: number }>(`select version from ${STORE_SCHEMA}.migrations`);
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of [...list].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query(`insert into ${STORE_SCHEMA}.migrations (version, name) values ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
