/**
 * The model as PostgreSQL itself writes it. A model's expressions are text as a person wrote them
 * (`price >= 0`, `'new'::status`, `SELECT id FROM t`); introspection reads PostgreSQL's own
 * rendering (`(price >= (0)::numeric)`, `'new'::public.status`, `SELECT t.id FROM public.t`). To
 * compare a live database with a model exactly, the model is loaded into a throwaway *shadow*
 * database (on the same server, so the same version; an in-memory PGlite for PGlite targets, or when
 * the server refuses CREATE DATABASE), introspected, and given the model's ids by name. Diffing the
 * live database against that canonical model has no false positives from spelling.
 */
import { generatePostgres } from '../../shared/ddl/generate.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import type { Model } from '../../shared/model/document.ts';
import { isPgliteUrl, openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { holdOutsideReferences } from './outside-schemas.ts';

async function withShadowOnServer<T>(url: string, fn: (shadow: SqlClient) => Promise<T>): Promise<T | undefined> {
  const admin = await openSqlClient(url);
  const name = `schemata_shadow_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    try {
      await admin.exec(`CREATE DATABASE ${name} TEMPLATE template0`);
    } catch {
      return undefined; // no CREATEDB privilege: the caller falls back to PGlite
    }
    const target = new URL(url);
    target.pathname = `/${name}`;
    const shadow = await openSqlClient(target.toString());
    try {
      return await fn(shadow);
    } finally {
      await shadow.close();
    }
  } finally {
    // WITH (FORCE) (PostgreSQL 13+) also ends a connection the shadow's reader left behind.
    const force = Number((await admin.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`))[0].v) >= 130000;
    await admin.exec(`DROP DATABASE IF EXISTS ${name}${force ? ' WITH (FORCE)' : ''}`).catch(() => undefined);
    await admin.close();
  }
}

/**
 * One in-memory PGlite shadow per process, emptied between uses and closed after a minute idle:
 * creating one runs initdb (2 s, far more on a busy machine), and a studio plans often.
 */
let memoryShadow: { client: Promise<SqlClient>; queue: Promise<unknown>; timer?: ReturnType<typeof setTimeout> } | undefined;
const IDLE_MS = 60_000;

async function emptyShadow(shadow: SqlClient): Promise<void> {
  await shadow.exec(`
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP EXECUTE format('DROP EXTENSION %I CASCADE', r.extname); END LOOP;
      FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND nspname NOT LIKE 'pg\\_%' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;
    END $$;
    CREATE SCHEMA public;
    COMMENT ON SCHEMA public IS 'standard public schema';`);
}

async function withShadowInMemory<T>(fn: (shadow: SqlClient) => Promise<T>): Promise<T> {
  memoryShadow ??= { client: openSqlClient('pglite:memory:'), queue: Promise.resolve() };
  const entry = memoryShadow;
  if (entry.timer) clearTimeout(entry.timer);
  const run = entry.queue.catch(() => undefined).then(async () => {
    const shadow = await entry.client;
    await emptyShadow(shadow);
    return fn(shadow);
  });
  entry.queue = run;
  try {
    return await run;
  } finally {
    if (entry.queue === run) {
      entry.timer = setTimeout(() => {
        if (memoryShadow === entry) memoryShadow = undefined;
        void entry.client.then((c) => c.close());
      }, IDLE_MS);
      entry.timer.unref?.();
    }
  }
}

/**
 * Loads `model` into the shadow and reads it back with the model's ids. SQL naming a relation
 * outside the model's schemas (a key to `s1.a` in a model of `s2`) cannot load into an empty shadow:
 * it is held out and kept as written. `schemas`: read back only those (the shadow has `public`).
 */
async function loadAndRead(shadow: SqlClient, model: Model, schemas?: string[]): Promise<Model> {
  const { loadable, heldOut } = await holdOutsideReferences(model, schemas);
  try {
    await shadow.exec(generatePostgres(loadable));
  } catch (error) {
    throw new Error(`the model does not load into PostgreSQL: ${(error as Error).message.split('\n')[0]}`);
  }
  const read = matchToBaseline(await introspect(shadow, { schemas }), model);
  return heldOut.length ? { ...read, rawObjects: [...read.rawObjects, ...heldOut] } : read;
}

export interface Canonical {
  /** The model in PostgreSQL's own spelling, its ids kept. */
  model: Model;
  /**
   * Set when the server refused a shadow database (no CREATEDB) and the embedded engine (PostgreSQL
   * 18) stood in: it spells some text unlike an older server (view bodies), so the live model must
   * go through the same engine before the two are compared (`planLive`'s `respell`).
   */
  respell?: (live: Model) => Promise<Model>;
}

/** The live model in the embedded engine's spelling; as it is when it cannot load there (an extension the engine lacks). */
async function respellInMemory(live: Model, schemas?: string[]): Promise<Model> {
  try {
    return await withShadowInMemory((shadow) => loadAndRead(shadow, live, schemas));
  } catch {
    return live;
  }
}

/**
 * `model` in PostgreSQL's own spelling. `url` is the target's (`postgres://…` or `pglite:…`): the
 * shadow lives beside it. `schemas`: the model stands for only these schemas of the target
 * (`diff --schema`), so only they are read back from the shadow.
 * Ex: `const { model, respell } = await canonicalFor({ url, model }); planLive(client, model, baseline, { respell })`.
 */
export async function canonicalFor(p: { url: string; model: Model; schemas?: string[] }): Promise<Canonical> {
  const read = (shadow: SqlClient) => loadAndRead(shadow, p.model, p.schemas);
  if (isPgliteUrl(p.url)) return { model: await withShadowInMemory(read) };
  const onServer = await withShadowOnServer(p.url, read);
  if (onServer) return { model: onServer };
  return { model: await withShadowInMemory(read), respell: (live) => respellInMemory(live, p.schemas) };
}

/** `canonicalFor(p).model`, where the live side needs no respelling (tests, a target known to allow CREATE DATABASE). */
export async function canonicalModel(p: { url: string; model: Model; schemas?: string[] }): Promise<Model> {
  return (await canonicalFor(p)).model;
}

/**
 * Two documents in one spelling, for a document-to-document diff: each is loaded into the in-memory
 * shadow and read back with its ids, so the diff shows what differs and not how it was written
 * (`price >= 0` against `(price >= (0)::numeric)`). When one does not load (an extension the
 * embedded engine lacks, a model PostgreSQL refuses), both are compared as written and `asWritten`
 * says why.
 */
export async function canonicalPair(p: { from: Model; to: Model }): Promise<{ from: Model; to: Model; asWritten?: string }> {
  if (JSON.stringify(p.from) === JSON.stringify(p.to)) return p;
  const read = (model: Model) => withShadowInMemory((shadow) => loadAndRead(shadow, model));
  try {
    return { from: await read(p.from), to: await read(p.to) };
  } catch (error) {
    return { ...p, asWritten: (error as Error).message.split('\n')[0] };
  }
}
