/**
 * The set-up database tests share, as vitest hooks registered by one call:
 *
 * - `useThrowawayDatabase('purpose')` makes a throwaway PostgreSQL database (or an embedded PGlite
 *   one: `on`) and a client on it before the tests of the enclosing `describe` (or file), and
 *   closes and drops them after.
 * - `useTestStudio({ purpose })` makes a studio as the routes see it: a data directory of its own,
 *   a target service (store in PGlite there, or in a throwaway PostgreSQL database), a throwaway
 *   target database with a client on it, and the project store and a test HTTP server when asked.
 *
 * They return handles at once, while the hooks run later: each object in a handle stands for the
 * one `beforeAll` makes and forwards to it (using it outside a test or hook says so), so a test file
 * writes `const { db, client } = useThrowawayDatabase('x')` and uses them as before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { openTargetService, type TargetService, type TargetServiceConfig } from '../db/targets.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { openStore, type Store } from '../store/index.ts';
import { createThrowawayDb, type ThrowawayDb } from './throwaway-db.ts';

/** An object that forwards to the one `current()` returns once the set-up hook has made it. */
function madeInBeforeAll<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const made = current();
      if (made === undefined) throw new Error(`${what} is made in beforeAll: use it inside a test or a hook`);
      const value: unknown = Reflect.get(made, key);
      return typeof value === 'function' ? value.bind(made) : value;
    },
  });
}

export interface ThrowawayDatabase {
  db: ThrowawayDb;
  client: SqlClient;
}

/**
 * Where a throwaway database lives: a PostgreSQL database (dropped after), an embedded PGlite in a
 * temporary directory (deleted after) or an embedded PGlite in memory.
 */
export type ThrowawayEngine = 'postgres' | 'pglite' | 'pglite-memory';

async function makeThrowaway(purpose: string, on: ThrowawayEngine): Promise<ThrowawayDb> {
  if (on === 'postgres') return createThrowawayDb(purpose);
  if (on === 'pglite-memory') return { name: purpose, url: 'pglite:memory:', drop: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), `schemata-${purpose}-`));
  return { name: purpose, url: `pglite:${dir}`, drop: () => rm(dir, { recursive: true, force: true }) };
}

export interface ThrowawayOptions {
  /** PostgreSQL unless said otherwise. */
  on?: ThrowawayEngine;
  /** Runs once on the new database (tables the tests share). */
  setup?: (client: SqlClient) => Promise<void>;
  /** How long the set-up may take (vitest's hook timeout otherwise). */
  timeoutMs?: number;
}

/** A throwaway database and a client on it for the tests of the enclosing `describe` (or file). */
export function useThrowawayDatabase(purpose: string, options: ThrowawayOptions = {}): ThrowawayDatabase {
  let db: ThrowawayDb | undefined;
  let client: SqlClient | undefined;
  beforeAll(async () => {
    db = await makeThrowaway(purpose, options.on ?? 'postgres');
    client = await openSqlClient(db.url);
    await options.setup?.(client);
  }, options.timeoutMs);
  afterAll(async () => {
    await client?.close();
    await db?.drop();
  });
  return {
    db: madeInBeforeAll(`the throwaway database "${purpose}"`, () => db),
    client: madeInBeforeAll(`the client of the throwaway database "${purpose}"`, () => client),
  };
}

export interface TestStudioOptions {
  /** Names the data directory and the throwaway databases. */
  purpose: string;
  /** The studio's store: PGlite under the data directory (the default) or a throwaway PostgreSQL database. */
  store?: 'pglite' | 'postgres';
  /** Start a test HTTP server in front of the target service; an object: with these of its dependencies too. */
  server?: boolean | Omit<NonNullable<Parameters<typeof startTestServer>[0]>, 'targets'>;
  /** Passed on to `openTargetService` (a secret key…). */
  service?: Partial<Pick<TargetServiceConfig, 'secretKey' | 'warmSandbox'>>;
  /** Open the project store too (and give it to the test server). */
  projects?: boolean;
  timeoutMs?: number;
}

export interface TestStudio {
  /** The throwaway target database (not added as a target: tests add it as they need). */
  db: ThrowawayDb;
  /** A client on `db`, for the test to read or change the target behind the studio's back. */
  client: SqlClient;
  /** Only with `store: 'postgres'`. */
  storeDb: ThrowawayDb;
  /** Only with `projects: true`. */
  store: Store;
  targets: TargetService;
  /** Only with `server: true`. */
  server: TestServer;
  /** The studio's data directory. */
  readonly dataDir: string;
  /** The store's URL. */
  readonly storeUrl: string;
}

/** A studio (target service, and a test server when asked) and a target database for the tests of the file or `describe`. */
export function useTestStudio(options: TestStudioOptions): TestStudio {
  const { purpose } = options;
  let dataDir: string | undefined;
  let storeDb: ThrowawayDb | undefined;
  let db: ThrowawayDb | undefined;
  let client: SqlClient | undefined;
  let store: Store | undefined;
  let targets: TargetService | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `schemata-${purpose}-`));
    [db, storeDb] = await Promise.all([
      createThrowawayDb(purpose), options.store === 'postgres' ? createThrowawayDb(`${purpose}_store`) : undefined]);
    const storeUrl = storeDb?.url ?? `pglite:${join(dataDir, 'store')}`;
    client = await openSqlClient(db.url);
    if (options.projects) store = await openStore({ url: storeUrl, dataDir });
    targets = await openTargetService({ storeUrl, dataDir, ...options.service });
    if (options.server) server = await startTestServer({ ...(options.server === true ? {} : options.server), targets, ...(store ? { store } : {}) });
  }, options.timeoutMs);
  afterAll(async () => {
    await server?.close();
    await Promise.all([targets?.close(), store?.close(), client?.close()]);
    await Promise.all([db?.drop(), storeDb?.drop()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the studio's ${what} is made in beforeAll: use it inside a test or a hook`);
    return value;
  };
  return {
    db: madeInBeforeAll(`the target database "${purpose}"`, () => db),
    client: madeInBeforeAll(`the client of the target database "${purpose}"`, () => client),
    storeDb: madeInBeforeAll("the studio's store database (store: 'postgres')", () => storeDb),
    store: madeInBeforeAll("the studio's project store (projects: true)", () => store),
    targets: madeInBeforeAll("the studio's target service", () => targets),
    server: madeInBeforeAll("the studio's test server (server: true)", () => server),
    get dataDir() { return ready(dataDir, 'data directory'); },
    get storeUrl() { return storeDb?.url ?? `pglite:${join(ready(dataDir, 'data directory'), 'store')}`; },
  };
}
