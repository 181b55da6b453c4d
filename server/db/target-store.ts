/**
 * Where targets and their baselines are kept: tables in the studio's store database (schema
 * `schemata`, versioned with the rest of the store: `server/store/migrations.ts`). Connection URLs (with their passwords) stay here, server-side,
 * encrypted (`url-secret.ts`): sealed on insert, opened on read, so callers see plain URLs; nothing in
 * this module returns them to a caller that answers HTTP. When the store opens, rows kept in plain
 * text by an older studio are sealed, and rows sealed with the key file this studio used before
 * `SCHEMATA_SECRET_KEY` are sealed again with that key.
 */
import type { Model } from '../../shared/model/document.ts';
import type { SqlClient, SqlSession } from './sql-client.ts';
import { unreadableMessage, type UrlSecret } from './url-secret.ts';
import { migrateStore, underStoreLock } from '../store/migrations.ts';

interface TargetFields {
  id: string;
  name: string;
  protected: boolean;
  createdAt: string;
}

export interface StoredTarget extends TargetFields {
  url: string;
  /** A scratch server where the target's models are loaded to be canonicalized (`canonical.ts`); sealed like `url`. */
  shadowUrl?: string;
}

/** A target as read back: without `url` when it cannot be decrypted here, and `unreadable` says why and what to do. */
export type ReadTarget = StoredTarget & { unreadable?: undefined } | TargetFields & { url?: undefined; unreadable: string };

export interface TargetStore {
  list(): Promise<ReadTarget[]>;
  get(id: string): Promise<ReadTarget | undefined>;
  insert(target: StoredTarget): Promise<void>;
  /** `shadowUrl: null` removes it; absent leaves it. */
  update(id: string, fields: { name?: string; protected?: boolean; shadowUrl?: string | null }): Promise<ReadTarget | undefined>;
  remove(id: string): Promise<boolean>;
  /** The project's baseline on the target, else the target-wide one (see step 2 of `server/store/migrations.ts`). */
  baseline(id: string, projectId?: string): Promise<Model | undefined>;
  /** With `projectId`, that project's baseline only; without, the target-wide one. */
  setBaseline(id: string, model: Model, projectId?: string): Promise<void>;
  /** A deleted project's baselines, on every target. */
  forgetProject(projectId: string): Promise<void>;
}

interface Row { id: string; name: string; url: string; shadow_url: string | null; protected: boolean; created_at: Date | string }

/**
 * Seals the URLs an older studio kept in plain text, and seals again with this studio's key those it
 * sealed with its previous key (`UrlSecret.upgrade`). Under the store lock, and each UPDATE only if the
 * row still holds the value it read: studios opening one store at once upgrade each row once.
 */
async function upgradeStoredUrls(tx: SqlSession, secret: UrlSecret): Promise<void> {
  // Every row, not only plain ones: which sealed rows need it only decryption can tell (targets are few).
  const stored = await tx.query<{ id: string; url: string; shadow_url: string | null }>('SELECT id, url, shadow_url FROM schemata.targets');
  for (const row of stored) {
    const upgraded = secret.upgrade(row.url);
    if (upgraded !== undefined) await tx.query('UPDATE schemata.targets SET url = $2 WHERE id = $1 AND url = $3', [row.id, upgraded, row.url]);
    const shadow = row.shadow_url === null ? undefined : secret.upgrade(row.shadow_url);
    if (shadow !== undefined) await tx.query('UPDATE schemata.targets SET shadow_url = $2 WHERE id = $1 AND shadow_url = $3', [row.id, shadow, row.shadow_url]);
  }
}

export async function openTargetStore(client: SqlClient, secret: UrlSecret): Promise<TargetStore> {
  await migrateStore(client);
  await underStoreLock(client, (tx) => upgradeStoredUrls(tx, secret));
  const toTarget = (r: Row): ReadTarget => {
    const fields: TargetFields = { id: r.id, name: r.name, protected: r.protected, createdAt: new Date(r.created_at).toISOString() };
    try {
      const url = secret.unseal(r.url);
      return r.shadow_url === null ? { ...fields, url } : { ...fields, url, shadowUrl: secret.unseal(r.shadow_url) };
    } catch (error) {
      // Listed all the same (it can be renamed or removed); only using it fails, with this message.
      return { ...fields, unreadable: unreadableMessage(fields, error as Error, secret.source) };
    }
  };
  return {
    async list() {
      return (await client.query<Row & Record<string, unknown>>('SELECT * FROM schemata.targets ORDER BY created_at, id')).map(toTarget);
    },
    async get(id) {
      const [row] = await client.query<Row & Record<string, unknown>>('SELECT * FROM schemata.targets WHERE id = $1', [id]);
      return row ? toTarget(row) : undefined;
    },
    async insert(t) {
      await client.query('INSERT INTO schemata.targets (id, name, url, protected, created_at, shadow_url) VALUES ($1, $2, $3, $4, $5, $6)',
        [t.id, t.name, secret.seal(t.url), t.protected, t.createdAt, t.shadowUrl === undefined ? null : secret.seal(t.shadowUrl)]);
    },
    async update(id, fields) {
      const [row] = await client.query<Row & Record<string, unknown>>(
        `UPDATE schemata.targets SET name = COALESCE($2, name), protected = COALESCE($3, protected),
           shadow_url = CASE WHEN $4 THEN $5 ELSE shadow_url END WHERE id = $1 RETURNING *`,
        [id, fields.name ?? null, fields.protected ?? null, fields.shadowUrl !== undefined, fields.shadowUrl ? secret.seal(fields.shadowUrl) : null]);
      return row ? toTarget(row) : undefined;
    },
    async remove(id) {
      const rows = await client.query('DELETE FROM schemata.targets WHERE id = $1 RETURNING id', [id]);
      await client.query('DELETE FROM schemata.target_baselines WHERE target_id = $1', [id]);
      await client.query('DELETE FROM schemata.project_baselines WHERE target_id = $1', [id]);
      return rows.length > 0;
    },
    async baseline(id, projectId) {
      const [row] = await client.query<{ model: Model }>(
        `SELECT model, 0 AS rank FROM schemata.project_baselines WHERE target_id = $1 AND project_id = $2
         UNION ALL SELECT model, 1 FROM schemata.target_baselines WHERE target_id = $1 ORDER BY rank LIMIT 1`, [id, projectId ?? null]);
      return row?.model;
    },
    async setBaseline(id, model, projectId) {
      if (projectId === undefined) {
        await client.query(`INSERT INTO schemata.target_baselines (target_id, model, updated_at) VALUES ($1, $2, now())
          ON CONFLICT (target_id) DO UPDATE SET model = EXCLUDED.model, updated_at = now()`, [id, JSON.stringify(model)]);
        return;
      }
      await client.query(`INSERT INTO schemata.project_baselines (target_id, project_id, model, updated_at) VALUES ($1, $2, $3, now())
        ON CONFLICT (target_id, project_id) DO UPDATE SET model = EXCLUDED.model, updated_at = now()`, [id, projectId, JSON.stringify(model)]);
    },
    async forgetProject(projectId) {
      await client.query('DELETE FROM schemata.project_baselines WHERE project_id = $1', [projectId]);
    },
  };
}
