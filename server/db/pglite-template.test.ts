/**
 * New embedded databases start from a kept copy of a fresh cluster: the copy is made once and kept
 * on disk, a database made from it is a working, empty one, and a damaged copy is replaced.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlClient } from './sql-client.ts';

describe('a new embedded database from the kept copy of a fresh cluster', () => {
  const before = process.env.SCHEMATA_CACHE_DIR;
  let cache: string;
  const kept = () => readdirSync(cache).filter((name) => name.endsWith('-cluster.tar')).map((name) => join(cache, name));
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'schemata-cache-'));
    process.env.SCHEMATA_CACHE_DIR = cache;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.SCHEMATA_CACHE_DIR;
    else process.env.SCHEMATA_CACHE_DIR = before;
    rmSync(cache, { recursive: true, force: true });
  });

  const userTables = async (url: string) => {
    const db = await openSqlClient(url);
    try {
      const rows = await db.query<{ n: string }>("select count(*) as n from pg_class where relnamespace = 'public'::regnamespace");
      await db.exec('create table t (id int primary key); insert into t values (1)');
      return { before: Number(rows[0].n), after: (await db.query<{ id: number }>('select id from t'))[0].id };
    } finally {
      await db.close();
    }
  };

  it('is made once, kept, and gives an empty working database in memory and in a new directory', async () => {
    expect(await userTables('pglite:memory:')).toEqual({ before: 0, after: 1 });
    expect(kept()).toHaveLength(1);
    const copy = readFileSync(kept()[0]);
    expect(await userTables('pglite:memory:')).toEqual({ before: 0, after: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'schemata-new-db-'));
    try {
      expect(await userTables(`pglite:${dir}`)).toEqual({ before: 0, after: 1 });
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      // Reopened, the directory is the same database (no second load over it).
      const again = await openSqlClient(`pglite:${dir}`);
      expect(await again.query('select id from t')).toEqual([{ id: 1 }]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The databases made since did not change the kept copy.
    expect(readFileSync(kept()[0]).equals(copy)).toBe(true);
  }, 120_000);

  it('a damaged copy is dropped: the database is initialised as before, and a good copy is kept again', async () => {
    const [file] = kept();
    writeFileSync(file, 'not a tarball');
    const dir = mkdtempSync(join(tmpdir(), 'schemata-new-db-'));
    try {
      expect(await userTables(`pglite:${dir}`)).toEqual({ before: 0, after: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await userTables('pglite:memory:')).toEqual({ before: 0, after: 1 });
    expect(kept()).toHaveLength(1);
    expect(readFileSync(kept()[0]).length).toBeGreaterThan(1_000_000);
  }, 120_000);
});
