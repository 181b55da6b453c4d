/**
 * The embedded PostgreSQL (PGlite 0.5, PostgreSQL 18 in WASM) behind the `SqlClient` interface.
 *
 * A data directory must be opened by one PGlite instance at a time: two instances writing the same
 * files corrupt them. So instances are shared per directory inside this process and closed when the
 * last user closes. PGlite has a single backend: its own mutex serializes transactions.
 */
import { mkdir } from 'node:fs/promises';
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
import { restoresEncoding, type Row, type SqlClient, type SqlSession, type TransactionOptions } from './sql-client.ts';

/** Contrib extensions a model may ask for with CREATE EXTENSION (loaded lazily by PGlite). */
const EXTENSIONS = {
  bloom, btree_gin, btree_gist, citext, cube, earthdistance, fuzzystrmatch, hstore, intarray, isn, lo, ltree,
  moddatetime, pg_trgm, pgcrypto, seg, tablefunc, tsm_system_rows, tsm_system_time, unaccent, uuid_ossp,
};

/** Same value shapes as `pg`: 64-bit integers and numerics stay exact, as strings. */
const PARSERS = {
  [types.INT8]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

interface Shared {
  db: PGlite;
  users: number;
}
const open = new Map<string, Promise<Shared>>();

interface Handle {
  db: PGlite;
  release: () => Promise<void>;
}

async function acquire(location: string): Promise<Handle> {
  const inMemory = location === 'memory:';
  const key = inMemory ? `memory:${Math.random()}` : resolve(location);
  let entry = open.get(key);
  if (!entry) {
    entry = (async () => {
      if (!inMemory) await mkdir(key, { recursive: true });
      const db = await PGlite.create({ ...(inMemory ? {} : { dataDir: key }), extensions: EXTENSIONS, parsers: PARSERS });
      return { db, users: 0 };
    })();
    open.set(key, entry);
    entry.catch(() => open.delete(key));
  }
  const shared = await entry;
  shared.users += 1;
  const release = async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    open.delete(key);
    await shared.db.close();
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
  };
}

/** `location` is a directory (created if missing) or `memory:`. */
export async function openPglite(location: string, displayUrl: string): Promise<SqlClient> {
  let shared: Handle;
  try {
    shared = await acquire(location);
  } catch (error) {
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
    async close() {
      if (closed) return;
      closed = true;
      await shared.release();
    },
  };
}
