/** Target URLs at rest: encrypted in the real store (PGlite and PostgreSQL 15), read back, upgraded, refused. */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toApiError } from '../http/errors.ts';
import { createThrowawayDb, urlFor } from '../testing/throwaway-db.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';
import { openSqlClient } from './sql-client.ts';
import { openTargetService, TargetUnreadable, UNREADABLE_DISPLAY_URL, type TargetService } from './targets.ts';
import { keyFromSecret, loadKeyFile, SecretKeyMismatch, sealUrl, unsealUrl } from './url-secret.ts';

const { db: target } = useThrowawayDatabase('secrets_target');
const { db: pgStore } = useThrowawayDatabase('secrets_store');
let base: string;
let withPassword: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'schemata-secrets-'));
  // Trust authentication ignores the password: the URL carries one all the same, to look for it.
  withPassword = urlFor(target.name).replace('postgres@', 'postgres:pl41n-pw@');
});
afterAll(() => rm(base, { recursive: true, force: true }));

interface StoreRow { id: string; name: string; url: string }

/** Runs `fn` with the service open, then closes it (a PGlite store is one process's, and one opener's, at a time). */
async function using<T>(service: Promise<TargetService>, fn: (s: TargetService) => Promise<T>): Promise<T> {
  const opened = await service;
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

describe.each([
  ['PGlite', () => `pglite:${join(base, 'pglite-store')}`],
  ['PostgreSQL 15', () => pgStore.url],
])('target URLs in a %s store', (kind, storeUrlOf) => {
  const dataDir = () => join(base, `data-${kind.replace(/\W/g, '')}`);
  const open = (config: { dataDir?: string; secretKey?: string } = {}) =>
    openTargetService({ storeUrl: storeUrlOf(), dataDir: config.dataDir ?? dataDir(), secretKey: config.secretKey });
  /** The store table as it is, read with a client of its own (while no service holds the store). */
  const storeSql = async <T>(sql: string, params: unknown[] = []) => {
    const client = await openSqlClient(storeUrlOf());
    try {
      return await client.query<T & Record<string, unknown>>(sql, params);
    } finally {
      await client.close();
    }
  };
  const rows = () => storeSql<StoreRow>('SELECT id, name, url FROM schemata.targets ORDER BY created_at, id');
  let addedId: string;

  it('stores an added URL encrypted: no password, user or host in the table', async () => {
    addedId = (await using(open(), (s) => s.add({ name: 'Local', url: withPassword }))).id;
    const [row] = await rows();
    expect(row).toMatchObject({ id: addedId, name: 'Local', url: expect.stringMatching(/^enc:v1:[\w-]+:[\w-]+:[\w-]+$/) });
    expect(row.url).not.toMatch(/pl41n-pw|postgres:|127\.0\.0\.1|schemata_t_/);
    expect((await stat(join(dataDir(), 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('reads it back when reopened with the same key: plain URL inside, redacted outside', async () => {
    await using(open(), async (s) => {
      expect(await s.connectionUrl(addedId)).toBe(withPassword);
      expect((await s.get(addedId)).displayUrl).toBe(withPassword.replace('pl41n-pw', '***'));
      expect(await s.test(addedId)).toMatchObject({ ok: true, message: expect.stringMatching(/^PostgreSQL 15\./) });
    });
  });

  it('seals a legacy plain row when the store opens, once; the target still connects', async () => {
    await storeSql("INSERT INTO schemata.targets (id, name, url, created_at) VALUES ('target_legacy', 'Old', $1, now() + interval '1 second')", [withPassword]);
    await using(open(), async (s) => {
      expect(await s.connectionUrl('target_legacy')).toBe(withPassword);
      expect(await (await s.client('target_legacy')).query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
    const sealed = await rows();
    expect(sealed.map((r) => r.url)).toEqual([expect.stringMatching(/^enc:v1:/), expect.stringMatching(/^enc:v1:/)]);
    expect(JSON.stringify(sealed)).not.toContain('pl41n-pw');
    await using(open(), async () => undefined);
    expect(await rows()).toEqual(sealed); // reopening leaves sealed rows as they are
  });

  it('lists a target sealed with another key; using it fails with a message naming it and the fix', async () => {
    // A data directory of its own: the key file of `dataDir()` would open (and move) these targets.
    await using(open({ dataDir: `${dataDir()}-other`, secretKey: 'not the key it was added with' }), async (s) => {
      const listed = await s.list();
      expect(listed.map((t) => [t.name, t.displayUrl])).toEqual([
        ['Sandbox', expect.any(String)], ['Local', UNREADABLE_DISPLAY_URL], ['Old', UNREADABLE_DISPLAY_URL],
      ]);
      const message = 'cannot use target "Local": its URL was encrypted with another key than this studio\'s SCHEMATA_SECRET_KEY; '
        + 'set SCHEMATA_SECRET_KEY to the key of the studio that added it, or remove the target and add it again';
      await expect(s.client(addedId)).rejects.toThrow(new TargetUnreadable(message));
      const refused = await s.connectionUrl(addedId).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TargetUnreadable);
      expect(toApiError(refused)).toEqual({ status: 500, body: { code: 'internal', message } });
      expect(await s.test(addedId)).toEqual({ ok: false, message, ms: 0 });
      // Still managed from here: renamed, then removed (to be added again with this key).
      expect(await s.update('target_legacy', { name: 'Older' })).toMatchObject({ name: 'Older', displayUrl: UNREADABLE_DISPLAY_URL });
      await s.remove('target_legacy');
    });
    expect((await rows()).map((r) => r.id)).toEqual([addedId]);
  });

  it('with SCHEMATA_SECRET_KEY, studios with different data directories share the targets, and no key file is made', async () => {
    const [one, two] = ['one', 'two'].map((name) => `${dataDir()}-${name}`);
    const shared = await using(open({ dataDir: one, secretKey: 'team key' }), (s) => s.add({ name: 'Shared', url: withPassword }));
    await using(open({ dataDir: two, secretKey: 'team key' }), async (s) => {
      expect(await s.connectionUrl(shared.id)).toBe(withPassword);
      // The first target was sealed with the key file of `dataDir()`, not with this key.
      await expect(s.connectionUrl(addedId)).rejects.toThrow(TargetUnreadable);
    });
    for (const dir of [one, two]) await expect(stat(join(dir, 'secret.key'))).rejects.toThrow(/ENOENT/);
    await using(open(), (s) => s.remove(shared.id));
  });

  it('restarted with SCHEMATA_SECRET_KEY, a studio moves the targets its key file sealed to that key, once; a third key still fails clearly', async () => {
    const keyFile = join(dataDir(), 'secret.key');
    const stranger = await using(open({ dataDir: `${dataDir()}-stranger`, secretKey: 'a third key' }), (s) => s.add({ name: 'Stranger', url: withPassword }));
    const before = await rows();
    await using(open({ secretKey: 'team key' }), async (s) => {
      expect(await s.connectionUrl(addedId)).toBe(withPassword);
      expect(await (await s.client(addedId)).query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      const message = `cannot use target "Stranger": its URL was encrypted with neither this studio's SCHEMATA_SECRET_KEY nor its ${keyFile}; `
        + 'set SCHEMATA_SECRET_KEY to the key of the studio that added it, or remove the target and add it again';
      await expect(s.connectionUrl(stranger.id)).rejects.toThrow(new TargetUnreadable(message));
      expect(await s.test(stranger.id)).toEqual({ ok: false, message, ms: 0 });
      expect((await s.get(stranger.id)).displayUrl).toBe(UNREADABLE_DISPLAY_URL);
    });
    const after = await rows();
    expect(after.map((r) => r.id)).toEqual([addedId, stranger.id]);
    expect(after[1]).toEqual(before[1]); // not this studio's to move
    const [fileKey, envKey] = await Promise.all([readFile(keyFile), keyFromSecret('team key')]);
    expect(() => unsealUrl(before[0].url, envKey)).toThrow(SecretKeyMismatch);
    expect(unsealUrl(after[0].url, envKey)).toBe(withPassword);
    expect(() => unsealUrl(after[0].url, fileKey)).toThrow(SecretKeyMismatch);
    expect(after[0].url).not.toMatch(/pl41n-pw|postgres:/);
    // Once: reopening changes nothing; the key file is left as it was; the key alone now reads the target.
    await using(open({ secretKey: 'team key' }), async () => undefined);
    expect(await rows()).toEqual(after);
    expect((await readFile(keyFile)).equals(fileKey)).toBe(true);
    await using(open({ dataDir: `${dataDir()}-one`, secretKey: 'team key' }), async (s) => expect(await s.connectionUrl(addedId)).toBe(withPassword));
    await using(open(), async (s) => expect(s.connectionUrl(addedId)).rejects.toThrow(TargetUnreadable));
  });
});

describe('several studios opening one PostgreSQL store at once', () => {
  // How the 20 rows are stored before: in plain text (an older studio), or sealed with the key file
  // the studios now given SCHEMATA_SECRET_KEY share (one data directory).
  it.each([
    ['plain', async () => withPassword],
    ['sealed with their key file', async (dataDir: string) => sealUrl(withPassword, await loadKeyFile(join(dataDir, 'secret.key')))],
  ])('all succeed, and rows stored %s end up sealed with one studio\'s key (never a mix)', async (kind, storedUrl) => {
    const store = await createThrowawayDb('secrets_shared');
    const dataDir = join(base, `studio-${kind.replace(/\W/g, '')}`);
    try {
      await using(openTargetService({ storeUrl: store.url, dataDir: join(base, 'creator') }), async () => undefined); // the tables
      const admin = await openSqlClient(store.url);
      await admin.query("INSERT INTO schemata.targets (id, name, url) SELECT 'target_' || i, 'Old ' || i, $1 FROM generate_series(1, 20) AS i",
        [await storedUrl(dataDir)]);
      // Each with its own key, so rows sealed by different studios would show below.
      const secrets = Array.from({ length: 4 }, (_, i) => `key ${i}`);
      const studios = await Promise.all(secrets.map((secretKey) => openTargetService({ storeUrl: store.url, dataDir, secretKey })));
      try {
        const readable = await Promise.all(studios.map(async (s) => (await s.list()).filter((t) => t.displayUrl !== UNREADABLE_DISPLAY_URL).length - 1));
        expect(readable.sort((a, b) => a - b)).toEqual([0, 0, 0, 20]);
      } finally {
        await Promise.all(studios.map((s) => s.close()));
      }
      const stored = await admin.query<{ url: string }>('SELECT url FROM schemata.targets');
      await admin.close();
      const keys = await Promise.all(secrets.map(keyFromSecret));
      const opens = (url: string, key: Buffer) => { try { return unsealUrl(url, key) === withPassword; } catch { return false; } };
      expect(keys.filter((key) => stored.every((r) => opens(r.url, key)))).toHaveLength(1);
    } finally {
      await store.drop();
    }
  });
});
