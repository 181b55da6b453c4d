import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import type { Model } from '../../shared/model/document.ts';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { planLive } from '../db/migrate.ts';
import { canonicalFor, canonicalModel } from './canonical.ts';

/** Applies the plan from the live database to `model`, then returns the steps a second plan has. */
async function applyThenReplan(client: SqlClient, model: Model): Promise<string[]> {
  const first = planBetween(matchToBaseline(await introspect(client), model), model);
  await client.transaction(async (tx) => {
    for (const step of first.steps) await tx.exec(step.sql);
  });
  return planBetween(matchToBaseline(await introspect(client), model), model).steps.map((s) => s.sql);
}

describe('canonicalModel on PostgreSQL', () => {
  let db: ThrowawayDb;
  let client: SqlClient;
  beforeAll(async () => {
    db = await createThrowawayDb('canonical');
    client = await openSqlClient(db.url);
  });
  afterAll(async () => {
    await client?.close();
    await db?.drop();
  });

  it('keeps the ids and makes the next plan empty where the written model would not be', async () => {
    const written = buildEcommerce().model;
    const canonical = await canonicalModel({ url: db.url, model: written });
    expect(canonical.tables.map((t) => t.id).sort()).toEqual(written.tables.map((t) => t.id).sort());
    expect(await applyThenReplan(client, canonical)).toEqual([]);
    // The same database against the model as written: PostgreSQL spells checks and defaults its own way.
    expect(planBetween(matchToBaseline(await introspect(client), written), written).steps.length).toBeGreaterThan(0);
  });

  it('says in one line when the model does not load', async () => {
    const broken = buildEcommerce().model;
    broken.tables[0].checks.push({ id: 'bad', expression: 'no_such_column > 0' });
    await expect(canonicalModel({ url: db.url, model: broken })).rejects.toThrow(/^the model does not load into PostgreSQL: column "no_such_column" does not exist/);
  });
});

describe('canonicalModel on PGlite', () => {
  it('uses an in-memory shadow for a pglite target', async () => {
    const client = await openSqlClient('pglite:memory:');
    try {
      const canonical = await canonicalModel({ url: 'pglite:memory:', model: buildEcommerce().model });
      expect(await applyThenReplan(client, canonical)).toEqual([]);
    } finally {
      await client.close();
    }
  }, 180_000); // two in-memory PGlite instances each run initdb: slow on a busy machine
});

describe('canonicalFor when the role may not create a database', () => {
  let db: ThrowawayDb;
  let admin: SqlClient;
  const role = `schemata_nocreatedb_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    db = await createThrowawayDb('canonical_nocreatedb');
    admin = await openSqlClient(db.url);
    await admin.exec(`CREATE ROLE ${role} LOGIN NOCREATEDB; GRANT ALL ON SCHEMA public TO ${role}; SET ROLE ${role};
      CREATE TABLE t (id integer PRIMARY KEY, name text CHECK (name <> ''));
      CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0; RESET ROLE;`);
  });
  afterAll(async () => {
    await admin?.exec(`DROP OWNED BY ${role}; DROP ROLE ${role}`).catch(() => undefined);
    await admin?.close();
    await db?.drop();
  });

  it('the embedded engine stands in, the live side is respelled by it, and the database equals its own model', async () => {
    const url = new URL(db.url);
    url.username = role;
    const client = await openSqlClient(url.toString());
    try {
      const written = await introspect(client);
      const { model, respell } = await canonicalFor({ url: url.toString(), model: written });
      expect(respell).toBeDefined();
      // PostgreSQL 18 prints the view as `SELECT id, name FROM t`, 15 as `SELECT t.id, t.name FROM t`:
      // compared without respelling, the view would be dropped and created again.
      expect((await planLive(client, model, written)).steps.map((s) => s.sql).join('\n')).toMatch(/DROP VIEW/);
      expect((await planLive(client, model, written, { respell })).steps).toEqual([]);
    } finally {
      await client.close();
    }
  }, 180_000);
});
