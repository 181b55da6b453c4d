/**
 * Opens the studio's own database: the PostgreSQL named by `SCHEMATA_STORE_URL` (a team can share
 * it, several studio instances at once), or else an embedded PGlite persisted under the data
 * directory (created once: initdb is slow, reopening is fast). Migrations run on open.
 */
import { join } from 'node:path';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { migrateStore } from './migrations.ts';
import { projectStore, type ProjectStore } from './projects.ts';
import { shareLinkStore, type ShareLinkStore } from './share-links.ts';
import { commentStore, type CommentStore } from './comments.ts';
import { coEditingStore, type CoEditingStore } from './co-editing.ts';

export interface StoreConfig {
  /** `postgres://…` (shared store) or `pglite:<directory>`; absent: PGlite under `dataDir/store`. */
  url?: string;
  dataDir: string;
}

export interface Store {
  readonly kind: SqlClient['kind'];
  readonly displayUrl: string;
  readonly projects: ProjectStore;
  /** Read-only share links of saved projects (only their tokens' hashes). */
  readonly shareLinks: ShareLinkStore;
  /** Comment threads of saved projects (kept beside them, not in their documents). */
  readonly comments: CommentStore;
  /** Co-editing rooms' shared state and the relay between instances (`server/together/`). */
  readonly coEditing: CoEditingStore;
  /** The store's URL when it is a PostgreSQL server (instances relay through it); undefined for PGlite. */
  readonly relayUrl?: string;
  close(): Promise<void>;
}

export function storeUrl(config: StoreConfig): string {
  return config.url?.trim() || `pglite:${join(config.dataDir, 'store')}`;
}

export async function openStore(config: StoreConfig): Promise<Store> {
  const client = await openSqlClient(storeUrl(config));
  try {
    await migrateStore(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return {
    kind: client.kind,
    displayUrl: client.displayUrl,
    projects: projectStore(client),
    shareLinks: shareLinkStore(client),
    comments: commentStore(client),
    coEditing: coEditingStore(client),
    relayUrl: client.kind === 'postgres' ? storeUrl(config) : undefined,
    close: () => client.close(),
  };
}
