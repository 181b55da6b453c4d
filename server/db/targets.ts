/**
 * Targets: the databases the studio reads and migrates. The embedded sandbox (PGlite persisted
 * under `<data>/sandbox`) is always there, so the whole flow works with no server installed;
 * PostgreSQL targets are added by URL, tested on add, and kept in the store, encrypted with this
 * studio's key (`url-secret.ts`). A target's public face (`TargetResponse`, `shared/api/targets.ts`)
 * carries a redacted URL: the password stays on the server.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SANDBOX_TARGET_ID, type AddTargetRequest, type TargetResponse, type TestTargetResponse, type UpdateTargetRequest } from '../../shared/api/targets.ts';
import type { Model } from '../../shared/model/document.ts';
import { serverVersion } from '../introspect/introspect.ts';
import { openJournalStore, type JournalStore } from './history.ts';
import { cannotConnect, ConnectionError, connectionFailureForClient } from './connection-error.ts';
import { isPostgresUrl, openSqlClient, redactUrl, targetOf, type SqlClient } from './sql-client.ts';
import { openTargetStore, type ReadTarget, type StoredTarget, type TargetStore } from './target-store.ts';
import { openUrlSecret } from './url-secret.ts';

export class TargetNotFound extends Error {
  constructor(readonly id: string) {
    super(`no target with id "${id}"`);
  }
}

export class TargetRejected extends Error {}

/** The target's URL was encrypted with another key than this studio's: the message says which and what to do. */
export class TargetUnreadable extends Error {}

/** Shown instead of the URL of a target this studio cannot decrypt. */
export const UNREADABLE_DISPLAY_URL = '(encrypted with another key)';

export interface TargetService {
  list(): Promise<TargetResponse[]>;
  get(id: string): Promise<TargetResponse>;
  /** Tests the connection first: an unreachable URL is refused (`TargetRejected`) and not stored. */
  add(input: AddTargetRequest): Promise<TargetResponse>;
  /**
   * Removing protection needs `confirmName`, the target's current name typed by the user (else
   * `TargetRejected`). `shadowUrl`: tested like a new one; `null` removes it.
   */
  update(id: string, fields: UpdateTargetRequest): Promise<TargetResponse>;
  /** A protected target is removed only with `confirmName`, its name typed by the user (else `TargetRejected`). */
  remove(id: string, confirmName?: string): Promise<void>;
  test(id: string): Promise<TestTargetResponse>;
  /** An open client for the target (kept open and reused). */
  client(id: string): Promise<SqlClient>;
  /** The full connection URL, password included: server-side use only, never into a response or a log. */
  connectionUrl(id: string): Promise<string>;
  /** The target's shadow server URL (password included, server-side only), or undefined: models then load in the embedded engine. */
  shadowUrl(id: string): Promise<string | undefined>;
  /** The project's baseline on the target, else the target-wide one (`target-store.ts`). */
  baseline(id: string, projectId?: string): Promise<Model | undefined>;
  /** With `projectId`, that project's baseline only; without, the target-wide one. */
  setBaseline(id: string, model: Model, projectId?: string): Promise<void>;
  /** A deleted project's baselines, on every target. */
  forgetProject(projectId: string): Promise<void>;
  readonly journal: JournalStore;
  close(): Promise<void>;
}

export interface TargetServiceConfig {
  /** The studio's store database (`postgres://…` or `pglite:<dir>`), where targets are kept. */
  storeUrl: string;
  /** The data directory; the sandbox lives in `<dataDir>/sandbox`. */
  dataDir: string;
  /** Open the sandbox now, in the background (its first start runs initdb: seconds), not on first use. */
  warmSandbox?: boolean;
  /**
   * `SCHEMATA_SECRET_KEY`: the key of stored URLs comes from it; absent, from `<dataDir>/secret.key`.
   * With it, a key file already there still opens what it sealed, which the store seals again with it.
   */
  secretKey?: string;
}

function sandboxInfo(dataDir: string): TargetResponse {
  return { id: SANDBOX_TARGET_ID, name: 'Sandbox', kind: 'sandbox', displayUrl: `pglite:${join(dataDir, 'sandbox')}`, protected: false, builtin: true };
}

function infoOf(t: ReadTarget): TargetResponse {
  const displayUrl = t.url === undefined ? UNREADABLE_DISPLAY_URL : redactUrl(t.url);
  const info: TargetResponse = { id: t.id, name: t.name, kind: 'postgres', displayUrl, protected: t.protected, builtin: false, createdAt: t.createdAt };
  if (t.url !== undefined && t.shadowUrl !== undefined) info.shadowDisplayUrl = redactUrl(t.shadowUrl);
  return info;
}

/**
 * How long adding or testing a target waits for a connection. A blackholed address (packets dropped,
 * nothing answers) would otherwise hold the request for the driver's own timeout.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

class ConnectTimeout extends Error {}

/** `openSqlClient`, given up after `ms` (a client that opens later is closed at once). */
async function openWithin(url: string, ms: number): Promise<SqlClient> {
  const opening = openSqlClient(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectTimeout()), ms);
  });
  try {
    return await Promise.race([opening, timeout]);
  } catch (error) {
    if (error instanceof ConnectTimeout) opening.then((late) => late.close(), () => undefined).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a connection made for adding or testing a target failed, as the client may see it: before
 * PostgreSQL answered, `cannot connect to host:port` whatever the cause (see
 * `connectionFailureForClient`); PostgreSQL's own answer as it is.
 */
function failureForClient(error: unknown, url: string): string {
  if (error instanceof ConnectTimeout) return cannotConnect(targetOf(url));
  if (error instanceof ConnectionError) return connectionFailureForClient(error);
  return (error as Error).message.split('\n')[0];
}

/** Opens a client, asks its version, closes it: the "test" of a URL, for adding and testing targets. */
export async function testUrl(url: string, connectTimeoutMs = CONNECT_TIMEOUT_MS): Promise<TestTargetResponse> {
  const started = performance.now();
  let client: SqlClient | undefined;
  try {
    client = await openWithin(url, connectTimeoutMs);
    const version = await serverVersion(client);
    const major = Math.floor(version / 10000);
    return { ok: true, message: `PostgreSQL ${major}.${version % 100}`, serverVersion: version, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, message: failureForClient(error, url), ms: Math.round(performance.now() - started) };
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/**
 * A shadow server must answer and let its role create databases: each canonicalization makes a
 * throwaway one there (`canonical.ts`). Refused (`TargetRejected`) otherwise, so it is not stored.
 */
async function checkShadowUrl(url: string): Promise<void> {
  if (!isPostgresUrl(url)) throw new TargetRejected('a shadow database URL starts with postgres:// or postgresql://');
  let client: SqlClient | undefined;
  try {
    client = await openWithin(url, CONNECT_TIMEOUT_MS);
    const [role] = await client.query<{ ok: boolean }>('SELECT rolcreatedb OR rolsuper AS ok FROM pg_catalog.pg_roles WHERE rolname = current_user');
    if (!role?.ok) throw new TargetRejected(`the shadow database URL's role may not create databases (${redactUrl(url)}): it needs CREATEDB`);
  } catch (error) {
    if (error instanceof TargetRejected) throw error;
    throw new TargetRejected(`the shadow database server does not answer: ${failureForClient(error, url)}`);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

export async function openTargetService(config: TargetServiceConfig): Promise<TargetService> {
  // Read (or made) first: a bad key file stops start-up with its one line before the store is opened.
  const secret = await openUrlSecret({ secretKey: config.secretKey, dataDir: config.dataDir });
  const storeClient = await openSqlClient(config.storeUrl);
  const store: TargetStore = await openTargetStore(storeClient, secret);
  const journal = await openJournalStore(storeClient);
  const clients = new Map<string, Promise<SqlClient>>();
  const sandboxUrl = `pglite:${join(config.dataDir, 'sandbox')}`;

  const stored = async (id: string): Promise<ReadTarget> => {
    const target = await store.get(id);
    if (!target) throw new TargetNotFound(id);
    return target;
  };
  const urlOf = async (id: string): Promise<string> => {
    if (id === SANDBOX_TARGET_ID) return sandboxUrl;
    const target = await stored(id);
    if (target.url === undefined) throw new TargetUnreadable(target.unreadable);
    return target.url;
  };
  const drop = async (id: string) => {
    const open = clients.get(id);
    clients.delete(id);
    if (open) await (await open.catch(() => undefined))?.close().catch(() => undefined);
  };

  const clientFor = (id: string): Promise<SqlClient> => {
    let open = clients.get(id);
    if (!open) {
      open = urlOf(id).then((url) => openSqlClient(url));
      clients.set(id, open);
      open.catch(() => clients.delete(id));
    }
    return open;
  };

  if (config.warmSandbox) clientFor(SANDBOX_TARGET_ID).catch(() => undefined);

  return {
    journal,
    client: clientFor,
    connectionUrl: urlOf,
    async shadowUrl(id) {
      if (id === SANDBOX_TARGET_ID) return undefined;
      const target = await stored(id);
      if (target.url === undefined) throw new TargetUnreadable(target.unreadable);
      return target.shadowUrl;
    },
    async list() {
      return [sandboxInfo(config.dataDir), ...(await store.list()).map(infoOf)];
    },
    async get(id) {
      return id === SANDBOX_TARGET_ID ? sandboxInfo(config.dataDir) : infoOf(await stored(id));
    },
    async add({ name, url, protected: isProtected = false, shadowUrl }) {
      if (!isPostgresUrl(url)) throw new TargetRejected('a target URL starts with postgres:// or postgresql://');
      const result = await testUrl(url);
      if (!result.ok) throw new TargetRejected(result.message);
      if (shadowUrl !== undefined) await checkShadowUrl(shadowUrl);
      const target: StoredTarget = { id: `target_${randomUUID().slice(0, 8)}`, name, url, protected: isProtected, createdAt: new Date().toISOString(), shadowUrl };
      await store.insert(target);
      return infoOf(target);
    },
    async update(id, { confirmName, ...fields }) {
      if (id === SANDBOX_TARGET_ID) throw new TargetRejected('the sandbox cannot be renamed or protected');
      const current = await stored(id);
      // As deliberate as an apply to it: unprotecting is the step before an unconfirmed apply.
      if (current.protected && fields.protected === false && confirmName !== current.name) {
        throw new TargetRejected(`target "${current.name}" is protected: type its name (confirmName) to remove the protection`);
      }
      if (typeof fields.shadowUrl === 'string') await checkShadowUrl(fields.shadowUrl);
      const updated = await store.update(id, fields);
      if (!updated) throw new TargetNotFound(id);
      return infoOf(updated);
    },
    async remove(id, confirmName) {
      if (id === SANDBOX_TARGET_ID) throw new TargetRejected('the sandbox is built in and cannot be removed');
      const current = await stored(id);
      if (current.protected && confirmName !== current.name) {
        throw new TargetRejected(`target "${current.name}" is protected: type its name (confirmName) to remove it`);
      }
      if (!(await store.remove(id))) throw new TargetNotFound(id);
      await drop(id);
    },
    async test(id) {
      if (id === SANDBOX_TARGET_ID) {
        const started = performance.now();
        const version = await serverVersion(await clientFor(id));
        return { ok: true, message: `PGlite (PostgreSQL ${Math.floor(version / 10000)}.${version % 100})`, serverVersion: version, ms: Math.round(performance.now() - started) };
      }
      const target = await stored(id);
      return target.url === undefined ? { ok: false, message: target.unreadable, ms: 0 } : testUrl(target.url);
    },
    baseline: (id, projectId) => store.baseline(id, projectId),
    setBaseline: (id, model, projectId) => store.setBaseline(id, model, projectId),
    forgetProject: (projectId) => store.forgetProject(projectId),
    async close() {
      await Promise.all([...clients.keys()].map(drop));
      await journal.close();
      await storeClient.close();
    },
  };
}
