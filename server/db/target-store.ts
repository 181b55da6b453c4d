/**
 * Where targets and their baselines are kept: tables in the studio's store database (schema
 * `schemata`), created on first use. Connection URLs (with their passwords) stay here, server-side;
 * nothing in this module returns them to a caller that answers HTTP.
 */
import type { Model } from '../../shared/model/document.ts';
import type { SqlClient } from './sql-client.ts';

const STORE_DDL = `
  CREATE SCHEMA IF NOT EXISTS schemata;
  CREATE TABLE IF NOT EXISTS schemata.targets (
    id text PRIMARY KEY,
    name text NOT NULL,
    url text NOT NULL,
    protected boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS schemata.target_baselines (
    target_id text PRIMARY KEY,
    model jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );`;

// Same key in every studio instance sharing a store: table creation never races.
const DDL_LOCK: [number, number] = [4780, 2];

/** Runs idempotent DDL under a lock, so several studios starting on one shared store do not race. */
export async function ensureStoreTables(client: SqlClient, ddl: string): Promise<void> {
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_catalog.pg_advisory_xact_lock($1, $2)', DDL_LOCK);
    await tx.exec(ddl);
  });
}

export interface StoredTarget {
  id: string;
  name: string;
  url: string;
  protected: boolean;
  createdAt: string;
}

export interface TargetStore {
  list(): Promise<StoredTarget[]>;
  get(id: string): Promise<StoredTarget | undefined>;
  insert(target: StoredTarget): Promise<void>;
  update(id: string, fields: { name?: string; protected?: boolean }): Promise<StoredTarget | undefined>;
  remove(id: string): Promise<boolean>;
  baseline(id: string): Promise<Model | undefined>;
  setBaseline(id: string, model: Model): Promise<void>;
}

interface Row { id: string; name: string; url: string; protected: boolean; created_at: Date | string }
const toTarget = (r: Row): StoredTarget => ({ id: r.id, name: r.name, url: r.url, protected: r.protected, createdAt: new Date(r.created_at).toISOString() });

export async function openTargetStore(client: SqlClient): Promise<TargetStore> {
  await ensureStoreTables(client, STORE_DDL);
  return {
    async list() {
      return (await client.query<Row & Record<string, unknown>>('SELECT * FROM schemata.targets ORDER BY created_at, id')).map(toTarget);
    },
    async get(id) {
      const [row] = await client.query<Row & Record<string, unknown>>('SELECT * FROM schemata.targets WHERE id = $1', [id]);
      return row ? toTarget(row) : undefined;
    },
    async insert(t) {
      await client.query('INSERT INTO schemata.targets (id, name, url, protected, created_at) VALUES ($1, $2, $3, $4, $5)',
        [t.id, t.name, t.url, t.protected, t.createdAt]);
    },
    async update(id, fields) {
      const [row] = await client.query<Row & Record<string, unknown>>(
        `UPDATE schemata.targets SET name = COALESCE($2, name), protected = COALESCE($3, protected) WHERE id = $1 RETURNING *`,
        [id, fields.name ?? null, fields.protected ?? null]);
      return row ? toTarget(row) : undefined;
    },
    async remove(id) {
      const rows = await client.query('DELETE FROM schemata.targets WHERE id = $1 RETURNING id', [id]);
      await client.query('DELETE FROM schemata.target_baselines WHERE target_id = $1', [id]);
      return rows.length > 0;
    },
    async baseline(id) {
      const [row] = await client.query<{ model: Model }>('SELECT model FROM schemata.target_baselines WHERE target_id = $1', [id]);
      return row?.model;
    },
    async setBaseline(id, model) {
      await client.query(`INSERT INTO schemata.target_baselines (target_id, model, updated_at) VALUES ($1, $2, now())
        ON CONFLICT (target_id) DO UPDATE SET model = EXCLUDED.model, updated_at = now()`, [id, JSON.stringify(model)]);
    },
  };
}
