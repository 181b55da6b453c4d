import { describe, expect, it } from 'vitest';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import type { Model } from '../../shared/model/document.ts';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { importSql } from '../../shared/io/sql-import/import-sql.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';
import { planLive } from '../live/plan.ts';
import { canonicalFor, canonicalModel, ModelDoesNotLoad } from './canonical.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

/** Applies the plan from the live database to `model`, then returns the steps a second plan has. */
async function applyThenReplan(client: SqlClient, model: Model): Promise<string[]> {
  const first = planBetween(matchToBaseline(await introspect(client), model), model);
  await client.transaction(async (tx) => {
    for (const step of first.steps) await tx.exec(step.sql);
  });
  return planBetween(matchToBaseline(await introspect(client), model), model).steps.map((s) => s.sql);
}

describe('canonicalModel in the embedded engine', () => {
  it('keeps the ids and makes the next plan on a PGlite database empty', async () => {
    const written = buildEcommerce().model;
    const client = await openSqlClient('pglite:memory:');
    try {
      const canonical = await canonicalModel({ model: written, target: client });
      expect(canonical.tables.map((t) => t.id).sort()).toEqual(written.tables.map((t) => t.id).sort());
      expect(await applyThenReplan(client, canonical)).toEqual([]);
    } finally {
      await client.close();
    }
  }, 180_000); // the worker's engine and this database each run initdb: slow on a busy machine

  it('says in one line when the model does not load, and in which statement', async () => {
    const broken = buildEcommerce().model;
    broken.tables[0].checks.push({ id: 'bad', expression: 'no_such_column > 0' });
    const error = await canonicalModel({ model: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDoesNotLoad);
    expect((error as Error).message).toMatch(/^the model does not load into PostgreSQL: column "no_such_column" does not exist, in CREATE TABLE public\.customers \( id uuid [^\n]*…$/);
  }, 120_000);

  it('says so when what is missing may come from carried SQL a comparison never runs (a DO block)', async () => {
    const { model } = await importSql([
      'CREATE TABLE public.artist (name text);',
      "DO $$ BEGIN CREATE FUNCTION public.unaccent_name(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1'; END $$;",
      'CREATE INDEX artist_idx ON public.artist (public.unaccent_name(name));',
    ].join('\n'));
    const error = await canonicalModel({ model }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDoesNotLoad);
    expect((error as Error).message).toBe('the model does not load into PostgreSQL: function public.unaccent_name(text) does not exist, '
      + 'in CREATE INDEX artist_idx ON public.artist ((public.unaccent_name(name))) (not run in the comparison, as it runs code: '
      + 'a carried statement, such as DO $$ BEGIN CREATE FUNCTION public.unaccent_name(text) RETU…)');
  }, 120_000);

  it('asks for a shadow database URL when the model needs an extension the engine lacks', async () => {
    const model = buildEcommerce().model;
    model.extensions.push({ id: 'ext:pgstattuple', name: 'pgstattuple', schema: 'public' });
    await expect(canonicalModel({ model })).rejects.toThrow(/no extension "pgstattuple".*set a shadow database URL/);
  });
});

describe('canonicalFor a PostgreSQL 15 target', () => {
  const { db, client } = useThrowawayDatabase('canonical', {
    setup: (c) => c.exec(`CREATE TABLE t (id integer PRIMARY KEY, name text CHECK (name <> ''));
      CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0;`),
  });

  it('loads in the embedded engine and respells the live side, so the database equals its own model', async () => {
    const written = await introspect(client);
    const { model, respell } = await canonicalFor({ model: written, target: client });
    expect(respell).toBeDefined();
    // PostgreSQL 18 prints the view as `SELECT id, name FROM t`, 15 as `SELECT t.id, t.name FROM t`:
    // compared without respelling, the view would be dropped and created again.
    expect((await planLive(client, model, written)).steps.map((s) => s.sql).join('\n')).toMatch(/DROP VIEW/);
    expect((await planLive(client, model, written, { respell })).steps).toEqual([]);
  }, 180_000);

  it('with a shadow server of the same version: no respelling, and the plan it makes applies to an empty replan', async () => {
    const target = await createThrowawayDb('canonical_target');
    const targetClient = await openSqlClient(target.url);
    try {
      const written = buildEcommerce().model;
      // The test server is the scratch server here: the target is another database on it.
      const { model, respell } = await canonicalFor({ model: written, shadowUrl: db.url, target: targetClient });
      expect(respell).toBeUndefined();
      expect(await applyThenReplan(targetClient, model)).toEqual([]);
      // The model as written would not replan empty: PostgreSQL spells checks and defaults its own way.
      expect(planBetween(matchToBaseline(await introspect(targetClient), written), written).steps.length).toBeGreaterThan(0);
    } finally {
      await targetClient.close();
      await target.drop();
    }
  }, 180_000);

  it('loads an extension only the shadow server has', async () => {
    const model = buildEcommerce().model;
    model.extensions.push({ id: 'ext:pgstattuple', name: 'pgstattuple', schema: 'public' });
    const canonical = await canonicalModel({ model, shadowUrl: db.url });
    expect(canonical.extensions.map((e) => e.name)).toContain('pgstattuple');
  }, 120_000);

  it('a shadow server whose role may not create databases is an error, never a fallback', async () => {
    const url = new URL(db.url);
    url.username = 'schemata_no_such_role';
    await expect(canonicalModel({ model: buildEcommerce().model, shadowUrl: url.toString() })).rejects.toBeInstanceOf(ModelDoesNotLoad);
  });
});
