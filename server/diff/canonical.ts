/**
 * The model as PostgreSQL itself writes it. A model's expressions are text as a person wrote them
 * (`price >= 0`, `'new'::status`, `SELECT id FROM t`); introspection reads PostgreSQL's own
 * rendering (`(price >= (0)::numeric)`, `'new'::public.status`, `SELECT t.id FROM public.t`). To
 * compare a live database with a model exactly, the model is loaded into a throwaway *shadow*
 * database, introspected, and given the model's ids by name. Diffing the live database against that
 * canonical model has no false positives from spelling.
 *
 * A model is untrusted (a shared .json, an imported .sql) and loading it runs its SQL, so the shadow
 * is NEVER on a target's server with the target's credentials: it is the embedded engine (in a
 * worker, with a time limit: `embedded-shadow.ts`), or, for extensions the embedded engine lacks, a
 * throwaway database on the *shadow server* a target names (`shadowUrl`: a scratch server).
 */
import type { Model } from '../../shared/model/document.ts';
import { openSqlClient, redactUrl, type SqlClient } from '../db/sql-client.ts';
import { serverVersion } from '../introspect/introspect.ts';
import { disclosedMessage } from '../db/error-disclosure.ts';
import { EMBEDDED_EXTENSIONS } from '../db/pglite-client.ts';
import { canonicalTimeoutMs, loadInEmbeddedEngine } from './embedded-shadow.ts';
import { DOES_NOT_LOAD, loadAndRead, ModelDoesNotLoad } from './shadow-load.ts';
import { typeDoesNotExist, unknownTypes } from '../../shared/model/known-types.ts';

export { ModelDoesNotLoad } from './shadow-load.ts';

/** The embedded engine's major version (PGlite 0.5: PostgreSQL 18). */
const EMBEDDED_MAJOR = 18;

/**
 * A throwaway database on the shadow server, dropped after `fn`. Its connections carry the
 * canonicalization time limit as `statement_timeout`, so SQL that never ends is ended by the server.
 */
async function withShadowOnServer<T>(shadowUrl: string, fn: (shadow: SqlClient) => Promise<T>): Promise<T> {
  const admin = await openSqlClient(shadowUrl).catch((error: unknown) => {
    throw new ModelDoesNotLoad(`the shadow database server does not answer: ${(error as Error).message.split('\n')[0]}`);
  });
  const name = `schemata_shadow_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    try {
      await admin.exec(`CREATE DATABASE ${name} TEMPLATE template0`);
    } catch (error) {
      throw new ModelDoesNotLoad(`the shadow database server (${redactUrl(shadowUrl)}) refused to create a database: ${(error as Error).message.split('\n')[0]}; its role needs CREATEDB`);
    }
    const url = new URL(shadowUrl);
    url.pathname = `/${name}`;
    url.searchParams.set('options', `-c statement_timeout=${canonicalTimeoutMs()}`);
    const shadow = await openSqlClient(url.toString());
    try {
      return await fn(shadow);
    } finally {
      await shadow.close();
    }
  } finally {
    // WITH (FORCE) (PostgreSQL 13+) also ends a connection the shadow's reader left behind.
    const force = Math.floor((await serverVersion(admin).catch(() => 0)) / 10000) >= 13;
    await admin.exec(`DROP DATABASE IF EXISTS ${name}${force ? ' WITH (FORCE)' : ''}`).catch(() => undefined);
    await admin.close();
  }
}

/**
 * A load error from the shadow server, in one line. The server is a scratch one, but its files and
 * settings are still not the model's to read: what `error-disclosure.ts` withholds is withheld here.
 */
function serverLoadError(error: Error, sql: string): string {
  return disclosedMessage(error, sql).split('\n')[0];
}

async function serverMajor(url: string): Promise<number> {
  const client = await openSqlClient(url);
  try {
    return Math.floor((await serverVersion(client)) / 10000);
  } finally {
    await client.close();
  }
}

/** Extensions the model asks for that the embedded engine does not have (`postgis`, `pg_partman`). */
export function missingInEmbeddedEngine(model: Model): string[] {
  return model.extensions.map((e) => e.name).filter((name) => !EMBEDDED_EXTENSIONS.has(name));
}

function needsShadowUrl(names: string[]): ModelDoesNotLoad {
  const list = names.map((n) => `"${n}"`).join(', ');
  return new ModelDoesNotLoad(`the embedded engine has no extension ${list}, so the model cannot be put in PostgreSQL's spelling: set a shadow database URL for this target (a scratch PostgreSQL server with ${list} where the studio may create and drop databases; never production)`, true);
}

export interface Canonical {
  /** The model in PostgreSQL's own spelling, its ids kept. */
  model: Model;
  /**
   * Set when the shadow is not the target's own engine version (the embedded engine, PostgreSQL 18,
   * for a PostgreSQL 15 target): it spells some text unlike the target (view bodies), so the live
   * model goes through the same engine before the two are compared (`planLive`'s `respell`).
   */
  respell?: (live: Model) => Promise<Model>;
}

export interface CanonicalRequest {
  model: Model;
  /** The model stands for only these schemas of the target (`diff --schema`): only they are read back. */
  schemas?: string[];
  /** The target's shadow server, a scratch one (`postgres://…`); absent: the embedded engine. */
  shadowUrl?: string;
  /**
   * The target, only to learn its version (whether the live side needs respelling); the model's
   * SQL never runs on it. Absent: no respelling.
   */
  target?: SqlClient;
}

/**
 * `model` in PostgreSQL's own spelling, loaded in the embedded engine, or in a throwaway database
 * on `shadowUrl` when given. Throws `ModelDoesNotLoad` (answer 400) when it does not load, takes
 * too long, or needs an extension only a shadow server can have.
 * Ex: `const { model, respell } = await canonicalFor({ model, target: client }); planLive(client, model, baseline, { respell })`.
 */
export async function canonicalFor(p: CanonicalRequest): Promise<Canonical> {
  // Said before any engine starts, with where each type is used (the load would name only the first).
  const unknown = unknownTypes(p.model);
  if (unknown.length) throw new ModelDoesNotLoad(`${DOES_NOT_LOAD}: ${unknown.map(typeDoesNotExist).join('; ')}`);
  const targetMajor = p.target ? Math.floor((await serverVersion(p.target)) / 10000) : undefined;
  if (p.shadowUrl) {
    const shadowUrl = p.shadowUrl;
    const read = (model: Model) => withShadowOnServer(shadowUrl, (shadow) => loadAndRead(shadow, model, p.schemas, serverLoadError));
    const model = await read(p.model);
    if (targetMajor === undefined || targetMajor === await serverMajor(shadowUrl)) return { model };
    return { model, respell: (live) => read(live).catch(() => live) };
  }
  const missing = missingInEmbeddedEngine(p.model);
  if (missing.length) throw needsShadowUrl(missing);
  const model = await loadInEmbeddedEngine(p.model, p.schemas);
  if (targetMajor === undefined || targetMajor === EMBEDDED_MAJOR) return { model };
  // The live model as it is when it cannot load there (an object the embedded engine lacks).
  return { model, respell: (live) => loadInEmbeddedEngine(live, p.schemas).catch(() => live) };
}

/** `canonicalFor(p).model`, where the live side needs no respelling (tests on the same engine). */
export async function canonicalModel(p: CanonicalRequest): Promise<Model> {
  return (await canonicalFor(p)).model;
}

/**
 * Two documents in one spelling, for a document-to-document diff: each is loaded into the embedded
 * engine and read back with its ids, so the diff shows what differs and not how it was written
 * (`price >= 0` against `(price >= (0)::numeric)`). When one does not load (an extension the
 * embedded engine lacks, a model PostgreSQL refuses, the time limit), both are compared as written
 * and `asWritten` says why.
 */
export async function canonicalPair(p: { from: Model; to: Model }): Promise<{ from: Model; to: Model; asWritten?: string }> {
  if (JSON.stringify(p.from) === JSON.stringify(p.to)) return p;
  try {
    const missing = [...new Set([...missingInEmbeddedEngine(p.from), ...missingInEmbeddedEngine(p.to)])];
    if (missing.length) throw new Error(`the embedded engine has no extension ${missing.map((n) => `"${n}"`).join(', ')}`);
    return { from: await loadInEmbeddedEngine(p.from), to: await loadInEmbeddedEngine(p.to) };
  } catch (error) {
    return { ...p, asWritten: (error as Error).message.split('\n')[0] };
  }
}
