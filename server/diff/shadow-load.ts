/**
 * Loading a model into a shadow database and reading it back: the part of canonicalization that
 * runs the model's SQL. It runs in the embedded engine's worker (`shadow-worker.ts`) or in a
 * throwaway database on the shadow server a target names; never with a target's own credentials.
 */
import { generatePostgres } from '../../shared/ddl/generate.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import type { Model, RawObject } from '../../shared/model/document.ts';
import { customStatements } from '../../shared/model/sql-raw-objects.ts';
import { loadSqlParser } from '../../shared/io/parser.ts';
import type { SqlClient, SqlSession } from '../db/sql-client.ts';
import { introspectSession } from '../introspect/introspect.ts';
import { holdOutsideReferences, namedSchemas } from './outside-schemas.ts';
import { withFailingStatement } from './load-error-context.ts';
import { excerpt } from '../../shared/io/excerpt.ts';

/**
 * Empties the embedded shadow for its next use. A load is rolled back (`loadAndRead`), so this only
 * matters when a model escaped its transaction; then what it may have left is removed: its session
 * settings and role, event triggers first (one would run its code on every DROP below), roles it
 * created (roles are not per database), extensions and schemas.
 */
export async function emptyShadow(shadow: SqlSession): Promise<void> {
  await shadow.exec(`
    RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL;
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT evtname FROM pg_event_trigger LOOP EXECUTE format('DROP EVENT TRIGGER %I', r.evtname); END LOOP;
      FOR r IN SELECT rolname FROM pg_roles WHERE oid >= 16384 AND rolname <> current_user LOOP
        EXECUTE format('DROP OWNED BY %I CASCADE', r.rolname); EXECUTE format('DROP ROLE %I', r.rolname);
      END LOOP;
      FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP EXECUTE format('DROP EXTENSION %I CASCADE', r.extname); END LOOP;
      FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND nspname NOT LIKE 'pg\\_%' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;
    END $$;
    CREATE SCHEMA public;
    COMMENT ON SCHEMA public IS 'standard public schema';`);
}

/**
 * Carried SQL that runs code when executed (a DO block, a SELECT, COPY, CREATE ROLE, an event
 * trigger: `customStatements`, the same test that gives a plan step the `runs-custom-sql` hazard)
 * is never executed in a shadow: like SQL naming a schema outside the model, it is held out and
 * kept as written. Plain definitions carried as `other` (`ALTER TABLE … ENABLE ROW LEVEL
 * SECURITY`, `ADD CONSTRAINT`) still load, so they are read back in PostgreSQL's spelling.
 */
async function holdCustomSql(model: Model): Promise<{ loadable: Model; heldOut: RawObject[] }> {
  if (!model.rawObjects.length) return { loadable: model, heldOut: [] };
  await loadSqlParser();
  const heldOut = model.rawObjects.filter((raw) => customStatements(raw.kind, raw.definition).length > 0);
  if (!heldOut.length) return { loadable: model, heldOut };
  return { loadable: { ...model, rawObjects: model.rawObjects.filter((raw) => !heldOut.includes(raw)) }, heldOut };
}

/**
 * Why an object the model's SQL needs may be missing from the shadow: carried SQL that runs code
 * (a DO block creating a function, say) was held out of the load (`holdCustomSql`).
 */
function heldOutNote(heldOut: RawObject[]): string {
  if (!heldOut.length) return '';
  const count = heldOut.length === 1 ? 'a carried statement' : `${heldOut.length} carried statements`;
  return ` (not run in the comparison, as it runs code: ${count}, such as ${excerpt(heldOut[0].definition, 60)})`;
}

/**
 * The shadow holds what its CREATE made, populated: a view whose population the model leaves
 * unsaid (`populationUnspecified`, from a pg_dump file) stays unsaid, so the plan leaves it alone.
 */
function withUnsaidPopulation(read: Model, model: Model): Model {
  const unsaid = new Set(model.views.filter((v) => v.populationUnspecified).map((v) => v.id));
  if (!unsaid.size) return read;
  return { ...read, views: read.views.map((v) => (unsaid.has(v.id) ? { ...v, populationUnspecified: true as const } : v)) };
}

/**
 * The model cannot be put in PostgreSQL's spelling: it does not load, takes too long, or needs an
 * extension only a shadow server can have (`needsShadowServer`). The one error for "the model does
 * not load": the live-migration use case journals it as refused, the HTTP translator answers 400,
 * the CLI prints it (with `--shadow-url` advice when `needsShadowServer`).
 */
export class ModelDoesNotLoad extends Error {
  constructor(message: string, readonly needsShadowServer = false) {
    super(message);
  }
}

export const DOES_NOT_LOAD = 'the model does not load into PostgreSQL';

/**
 * Loads `model` into the (empty) shadow and reads it back with the model's ids, in one transaction
 * rolled back: what the model's SQL did (a role it created, a setting) does not outlive the load.
 * `schemas`: read back only those (the shadow has `public`). `describe` turns a load error into the
 * line shown to the user (the server shadow withholds what could carry data).
 */
export async function loadAndRead(shadow: SqlClient, model: Model, schemas?: string[], describe = (e: Error, _sql: string) => e.message.split('\n')[0]): Promise<Model> {
  const free = await holdCustomSql(model);
  const { loadable, heldOut } = await holdOutsideReferences(free.loadable, schemas ?? namedSchemas(model));
  const sql = generatePostgres(loadable);
  const read = await shadow.transaction(async (tx) => {
    try {
      await tx.exec(sql);
    } catch (error) {
      const message = await withFailingStatement(describe(error as Error, sql), error, sql);
      throw new ModelDoesNotLoad(`${DOES_NOT_LOAD}: ${message}${heldOutNote(free.heldOut)}`);
    }
    await tx.exec('SET LOCAL search_path = pg_catalog');
    return withUnsaidPopulation(matchToBaseline(await introspectSession(tx, { schemas }), model), model);
  }, { rollback: true });
  const kept = [...heldOut, ...free.heldOut];
  return kept.length ? { ...read, rawObjects: [...read.rawObjects, ...kept] } : read;
}
