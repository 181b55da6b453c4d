/**
 * A store made by the studio before targets and the journal were versioned (the fixture copies that
 * DDL) upgrades in place: its rows are kept, its version becomes the current one, and its catalog is
 * the catalog of a store made fresh by this studio. On PostgreSQL and on PGlite.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournalStore } from '../db/history.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { openTargetStore } from '../db/target-store.ts';
import { isSealed, openUrlSecret } from '../db/url-secret.ts';
import { catalogSnapshot } from '../testing/catalog-snapshot.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';
import { migrateStore, STORE_VERSION } from './migrations.ts';
import { projectStore } from './projects.ts';

/** The DDL (and a few rows) of a store as studios made it before this schema was versioned. */
const oldStoreSql = () => readFile(new URL('./__fixtures__/store-before-versioning.sql', import.meta.url), 'utf8');

/** Two embedded stores made from scratch take long on a busy machine (initdb each). */
const PGLITE_BOUND_MS = 180_000;

interface Place { oldUrl: string; freshUrl: string; dataDir: string; cleanup: () => Promise<void> }

/** Opens the store at `url`, runs `use`, closes it (PGlite admits one open client per directory). */
async function withClient<T>(url: string, use: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await openSqlClient(url);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

function upgradesOn(name: string, place: () => Promise<Place>) {
  it(`${name}: an old store keeps its rows, reaches the current version and matches a fresh store`, async () => {
    const { oldUrl, freshUrl, dataDir, cleanup } = await place();
    try {
      const sql = await oldStoreSql();
      const secret = await openUrlSecret({ secretKey: 'store-upgrade-test', dataDir });
      // One client per store for the whole test: opening PGlite is slow.
      const upgraded = await withClient(oldUrl, async (client) => {
        await client.exec(sql);
        expect(await migrateStore(client)).toEqual([2, 3, 4, 5, 6, 7]);
        const targets = await openTargetStore(client, secret);
        const journal = await openJournalStore(client);
        try {
          const versions = await client.query<{ version: number }>('SELECT version FROM schemata.migrations ORDER BY version');
          expect(versions.map((r) => Number(r.version))).toEqual([1, 2, 3, 4, 5, 6, 7]);
          expect(STORE_VERSION).toBe(7);

          const projects = projectStore(client);
          expect(await projects.get('p_old')).toMatchObject({ id: 'p_old', name: 'Old shop', version: 4 });
          expect(await projects.listVersions('p_old')).toMatchObject([{ id: 'v_old', label: 'before the upgrade', projectVersion: 3 }]);

          expect(await targets.get('t_old')).toMatchObject({ id: 't_old', name: 'Old target', protected: true, url: 'postgres://someone@db.example/shop' });
          const [stored] = await client.query<{ url: string }>("SELECT url FROM schemata.targets WHERE id = 't_old'");
          expect(isSealed(stored.url)).toBe(true);
          expect(await targets.baseline('t_old', 'p_old')).toEqual({ tables: ['project'] });
          expect(await targets.baseline('t_old')).toEqual({ tables: ['target-wide'] });

          expect(await journal.list('t_old')).toMatchObject([{ id: 'j_old', status: 'applied', verified: true, projectId: 'p_old', durationMs: 12 }]);
          expect(await migrateStore(client)).toEqual([]);
        } finally {
          await journal.close();
        }
        return catalogSnapshot(client);
      });

      const fresh = await withClient(freshUrl, async (client) => {
        expect(await migrateStore(client)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        return catalogSnapshot(client);
      });
      expect(upgraded).toEqual(fresh);
    } finally {
      await cleanup();
    }
  }, PGLITE_BOUND_MS);
}

describe('a store made before versioned targets and journal', () => {
  upgradesOn('PostgreSQL', async () => {
    const [old, fresh] = await Promise.all([createThrowawayDb('store_old'), createThrowawayDb('store_fresh')]);
    const dataDir = await mkdtemp(join(tmpdir(), 'schemata-upgrade-'));
    return {
      oldUrl: old.url, freshUrl: fresh.url, dataDir,
      cleanup: async () => { await Promise.all([old.drop(), fresh.drop(), rm(dataDir, { recursive: true, force: true })]); },
    };
  });

  upgradesOn('PGlite', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'schemata-upgrade-'));
    return {
      oldUrl: `pglite:${join(dataDir, 'old')}`, freshUrl: `pglite:${join(dataDir, 'fresh')}`, dataDir,
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    };
  });
});
