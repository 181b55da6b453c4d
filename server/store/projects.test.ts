import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { openStore, storeUrl, type Store } from './index.ts';
import { migrateStore } from './migrations.ts';

function documentWithTables(...names: string[]): ModelDocument {
  const model = emptyModel();
  model.tables = names.map((name) => ({
    id: `table_${name}`, schema: 'public', name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [],
  }));
  return makeDocument(model);
}

/** The same behaviour from the embedded store and from a shared PostgreSQL store. */
function storeBehaves(name: string, open: () => Promise<{ store: Store; url: string; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let store: Store;
    let url: string;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, url, cleanup } = await open());
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('migrations are versioned and run once', async () => {
      const client = await openSqlClient(url);
      try {
        expect(await migrateStore(client)).toEqual([]);
        const rows = await client.query<{ version: number }>('select version from schemata.migrations order by version');
        expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      } finally {
        await client.close();
      }
    });

    it('creates, reads, saves with the version it read, and refuses a stale version', async () => {
      const created = await store.projects.create('Shop', documentWithTables('orders'));
      expect(created.version).toBe(1);
      const read = await store.projects.get(created.id);
      expect(read).toMatchObject({ id: created.id, name: 'Shop', version: 1 });
      expect(read?.document.model.tables.map((t) => t.name)).toEqual(['orders']);

      expect(await store.projects.save(created.id, documentWithTables('orders', 'items'), 1)).toEqual({ status: 'saved', version: 2 });
      expect(await store.projects.save(created.id, documentWithTables('lost'), 1)).toEqual({ status: 'stale', currentVersion: 2 });
      expect(await store.projects.save('no-such-id', documentWithTables(), 1)).toEqual({ status: 'missing' });
      expect((await store.projects.get(created.id))?.document.model.tables.map((t) => t.name)).toEqual(['orders', 'items']);
    });

    it('lists with table counts, renames, duplicates, deletes', async () => {
      const a = await store.projects.create('Alpha', documentWithTables('a1', 'a2', 'a3'));
      expect(await store.projects.rename(a.id, 'Alpha 2')).toEqual({ id: a.id, name: 'Alpha 2', version: 1 });
      const copy = await store.projects.duplicate(a.id);
      expect(copy).toMatchObject({ name: 'Alpha 2 (copy)', version: 1 });
      const list = await store.projects.list();
      const mine = list.filter((p) => p.id === a.id || p.id === copy?.id);
      expect(mine.map((p) => `${p.name}: ${p.tableCount}`).sort()).toEqual(['Alpha 2 (copy): 3', 'Alpha 2: 3']);
      expect(new Date(mine[0].updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(await store.projects.remove(a.id)).toBe(true);
      expect(await store.projects.remove(a.id)).toBe(false);
      expect(await store.projects.get(a.id)).toBeUndefined();
      expect(await store.projects.get(copy!.id)).toBeDefined();
    });

    it('keeps named versions as snapshots of the saved document', async () => {
      const p = await store.projects.create('Versions', documentWithTables('v1'));
      const first = await store.projects.createVersion(p.id, 'first');
      expect(first).toMatchObject({ label: 'first', projectVersion: 1 });
      await store.projects.save(p.id, documentWithTables('v1', 'v2'), 1);
      const second = await store.projects.createVersion(p.id, 'second');
      expect(second?.projectVersion).toBe(2);
      const versions = await store.projects.listVersions(p.id);
      expect(versions?.map((v) => v.label).sort()).toEqual(['first', 'second']);
      const snapshot = await store.projects.getVersion(p.id, first!.id);
      expect(snapshot?.document.model.tables.map((t) => t.name)).toEqual(['v1']);
      expect(await store.projects.getVersion('other', first!.id)).toBeUndefined();
      expect(await store.projects.listVersions('no-such-id')).toBeUndefined();
      expect(await store.projects.createVersion('no-such-id', 'x')).toBeUndefined();
      await store.projects.remove(p.id);
      expect(await store.projects.getVersion(p.id, first!.id)).toBeUndefined();
    });

    it('of two saves from the same version, exactly one wins', async () => {
      const p = await store.projects.create('Race', documentWithTables('t'));
      const results = await Promise.all([
        store.projects.save(p.id, documentWithTables('left'), 1),
        store.projects.save(p.id, documentWithTables('right'), 1),
      ]);
      expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'stale')).toEqual([{ status: 'stale', currentVersion: 2 }]);
    });
  });
}

storeBehaves('PostgreSQL store (SCHEMATA_STORE_URL)', async () => {
  const db: ThrowawayDb = await createThrowawayDb('store');
  return { store: await openStore({ url: db.url, dataDir: '/nonexistent' }), url: db.url, cleanup: db.drop };
});

storeBehaves('embedded store (PGlite under the data directory)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'schemata-store-'));
  const url = storeUrl({ dataDir });
  expect(url).toBe(`pglite:${join(dataDir, 'store')}`);
  return { store: await openStore({ dataDir }), url, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});

describe('two studio instances on one PostgreSQL store', () => {
  it('start together (migrations serialize) and see each other’s saves', async () => {
    const db = await createThrowawayDb('store_shared');
    const [one, two] = await Promise.all([openStore({ url: db.url, dataDir: '/nonexistent' }), openStore({ url: db.url, dataDir: '/nonexistent' })]);
    try {
      const p = await one.projects.create('Shared', documentWithTables('a'));
      expect(await two.projects.save(p.id, documentWithTables('a', 'b'), 1)).toEqual({ status: 'saved', version: 2 });
      expect(await one.projects.save(p.id, documentWithTables('stale'), 1)).toEqual({ status: 'stale', currentVersion: 2 });
    } finally {
      await Promise.all([one.close(), two.close()]);
      await db.drop();
    }
  });
});
