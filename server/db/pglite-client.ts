/**
 * The embedded PostgreSQL (PGlite 0.5, PostgreSQL 18 in WASM) behind the `SqlClient` interface.
 *
 * A data directory must be opened by one PGlite instance at a time: two instances writing the same
 * files corrupt them. So instances are shared per directory inside this process and closed when the
 * last user closes, and the directory is locked against other processes (`directory-lock.ts`).
 * PGlite has a single backend: its own mutex serializes transactions.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { bloom } from '@electric-sql/pglite/contrib/bloom';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { intarray } from '@electric-sql/pglite/contrib/intarray';
import { isn } from '@electric-sql/pglite/contrib/isn';
import { lo } from '@electric-sql/pglite/contrib/lo';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { moddatetime } from '@electric-sql/pglite/contrib/moddatetime';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { seg } from '@electric-sql/pglite/contrib/seg';
import { tablefunc } from '@electric-sql/pglite/contrib/tablefunc';
import { tsm_system_rows } from '@electric-sql/pglite/contrib/tsm_system_rows';
import { tsm_system_time } from '@electric-sql/pglite/contrib/tsm_system_time';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { DirectoryInUse, LOCK_FILE, lockDirectory } from './directory-lock.ts';
import { forgetFreshCluster, freshCluster } from './pglite-template.ts';
import { restoresEncoding, type Row, type SqlClient, type SqlSession, type TransactionOptions } from './sql-session.ts';

/** Contrib extensions a model may ask for with CREATE EXTENSION (loaded lazily by PGlite). */
const EXTENSIONS = {
  bloom, btree_gin, btree_gist, citext, cube, earthdistance, fuzzystrmatch, hstore, intarray, isn, lo, ltree,
  moddatetime, pg_trgm, pgcrypto, seg, tablefunc, tsm_system_rows, tsm_system_time, unaccent, uuid_ossp,
};

/** Extension names (`pg_extension.extname`) a model loaded in the embedded engine may use. */
export const EMBEDDED_EXTENSIONS: ReadonlySet<string> = new Set(['plpgsql', ...Object.keys(EXTENSIONS).map((key) => (key === 'uuid_ossp' ? 'uuid-ossp' : key))]);

/**
 * PGlite starts PostgreSQL with the cluster's `shared_buffers` (initdb's 128 MB), and in WASM that
 * memory is allocated and cleared at every start: ~0.45 s of the 1.1–1.4 s an in-memory database
 * took to open (the shadow engine opens one in each worker it starts, the studio two at start). One
 * backend holding schemas and a sandbox's test data needs far less; loading musicbrainz's DDL takes
 * as long with 32 MB as with 128 MB.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/** Same value shapes as `pg`: 64-bit integers and numerics stay exact, as strings. */
const PARSERS = {
  [types.INT8]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

interface Shared {
  db: PGlite;
  users: number;
  /** Frees the directory lock (persisted databases only). */
  release?: () => void;
}
const open = new Map<string, Promise<Shared>>();

interface Handle {
  db: PGlite;
  release: () => Promise<void>;
}

export interface PgliteOpenOptions {
  /**
   * Create a missing directory (default: the studio's own sandbox and store). The CLI says false: a
   * mistyped path must not silently become a new empty database.
   */
  createMissing?: boolean;
}

/** A directory that cannot be used; the message names it, so it is shown as is. */
class DirectoryProblem extends Error {}

/** An existing directory, or a clear one-line reason; an empty directory becomes a new database. */
async function ensureDirectory(directory: string, createMissing: boolean): Promise<void> {
  const found = await stat(directory).catch(() => undefined);
  if (found?.isDirectory()) return;
  if (found) throw new DirectoryProblem(`${directory} is a file, not a database directory`);
  if (createMissing) {
    await mkdir(directory, { recursive: true });
    return;
  }
  throw new DirectoryProblem(`${directory} does not exist; to make a new embedded database there, create an empty directory first (mkdir -p ${directory})`);
}

/**
 * A new database (in memory, or in an empty directory) starts from a copy of a fresh cluster
 * (`pglite-template.ts`); if the copy does not load, it is dropped and initdb runs as before.
 */
async function createPglite(directory?: string): Promise<PGlite> {
  const options = { dataDir: directory, extensions: EXTENSIONS, parsers: PARSERS, startParams: START_PARAMS };
  const isNew = directory === undefined || (await readdir(directory)).every((name) => name === LOCK_FILE);
  if (!isNew) return PGlite.create(options);
  try {
    return await PGlite.create({ ...options, loadDataDir: await freshCluster() });
  } catch {
    forgetFreshCluster();
    // What the failed load wrote into the (empty) directory goes; the lock stays.
    if (directory) for (const name of await readdir(directory)) if (name !== LOCK_FILE) await rm(resolve(directory, name), { recursive: true, force: true });
    return PGlite.create(options);
  }
}

async function openDirectory(directory: string, createMissing: boolean): Promise<Shared> {
  await ensureDirectory(directory, createMissing);
  const lock = lockDirectory(directory);
  try {
    const db = await createPglite(directory);
    return { db, users: 0, release: lock.release };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function acquire(location: string, options: PgliteOpenOptions): Promise<Handle> {
  const inMemory = location === 'memory:';
  const key = inMemory ? `memory:${Math.random()}` : resolve(location);
  let entry = open.get(key);
  if (!entry) {
    entry = inMemory
      ? createPglite().then((db) => ({ db, users: 0 }))
      : openDirectory(key, options.createMissing !== false);
    open.set(key, entry);
    entry.catch(() => open.delete(key));
  }
  const shared = await entry;
  shared.users += 1;
  const release = async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    open.delete(key);
    try {
      await shared.db.close();
    } finally {
      shared.release?.();
    }
  };
  return { db: shared.db, release };
}

function sessionOf(runner: PGlite | Transaction): SqlSession {
  return {
    async query<T extends Row>(sql: string, params?: unknown[]) {
      const result = await runner.query<T>(sql, params);
      return result.rows;
    },
    async exec(script: string) {
      try {
        await runner.exec(script);
      } finally {
        const reset = restoresEncoding(script);
        if (reset) await runner.exec(reset).catch(() => undefined);
      }
    },
    async streamRows(script: string, onRow: (row: Row) => void) {
      // PGlite runs in this thread: the script is done before any row could be handed over.
      for (const result of await runner.exec(script)) result.rows.forEach((row) => onRow(row as Row));
    },
  };
}

/** `location` is a directory (see `PgliteOpenOptions.createMissing`) or `memory:`. */
export async function openPglite(location: string, displayUrl: string, options: PgliteOpenOptions = {}): Promise<SqlClient> {
  let shared: Handle;
  try {
    shared = await acquire(location, options);
  } catch (error) {
    if (error instanceof DirectoryProblem || error instanceof DirectoryInUse) throw error;
    throw new Error(`cannot open the embedded database at ${location}: ${(error as Error).message?.split('\n')[0]}`);
  }
  let closed = false;
  return {
    kind: 'pglite',
    displayUrl,
    ...sessionOf(shared.db),
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>, options: TransactionOptions = {}) {
      return shared.db.transaction(async (tx) => {
        const result = await fn(sessionOf(tx));
        if (options.rollback) await tx.rollback();
        return result;
      });
    },
    reserveSession: async () => sessionOf(shared.db),
    async close() {
      if (closed) return;
      closed = true;
      await shared.release();
    },
  };
}
