/**
 * A model is untrusted: Compare (plan) and dry runs put it in PostgreSQL's spelling without running
 * its SQL on the target's server, a model that never finishes loading is stopped without stalling
 * the studio, and a target's shadow database URL is used (and never shown) when it has one.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { openTargetService, type TargetService } from '../db/targets.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { asDocument, neverEndingModel, roleCreatingModel } from '../testing/hostile-models.ts';
import { ADMIN_URL, createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { HAZARD_KINDS } from '../../shared/diff/types.ts';

let dataDir: string;
let targets: TargetService;
let server: TestServer;
let db: ThrowawayDb;
let scratch: ThrowawayDb;
let admin: SqlClient;
let id: string;
const suffix = Math.random().toString(36).slice(2, 8);
const role = `schemata_evil_${suffix}`;
/**
 * The target's own role, owner of its database: a shadow database made with the target's
 * credentials would be owned by it (other tests make shadow databases on this server too).
 */
const targetRole = `schemata_target_${suffix}`;
/** The shadow server's role (a superuser of a scratch server may load any extension). */
const scratchRole = `schemata_scratch_${suffix}`;

/** The scratch database's URL as its own role, with a password (trust ignores it; it must never show). */
const scratchUrl = () => {
  const url = new URL(scratch.url);
  url.username = scratchRole;
  url.password = 'sh4dowpass';
  return url.toString();
};
const rolesNamed = async (prefix: string) =>
  (await admin.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname LIKE $1', [`${prefix}%`])).map((r) => r.rolname);
const shadowDatabases = async (owner: string) => (await admin.query<{ datname: string }>(
  "SELECT datname FROM pg_database WHERE datname LIKE 'schemata\\_shadow\\_%' AND datdba = $1::regrole", [owner])).map((r) => r.datname);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'schemata-plan-safety-'));
  [db, scratch] = await Promise.all([createThrowawayDb('plan_safety'), createThrowawayDb('plan_safety_scratch')]);
  admin = await openSqlClient(ADMIN_URL);
  // What a role that migrates a database may do; writing server files shows what a model could reach.
  await admin.exec(`CREATE ROLE ${targetRole} LOGIN CREATEDB CREATEROLE; GRANT pg_write_server_files TO ${targetRole};
    ALTER DATABASE ${db.name} OWNER TO ${targetRole}; CREATE ROLE ${scratchRole} LOGIN SUPERUSER`);
  const targetUrl = new URL(db.url);
  targetUrl.username = targetRole;
  targets = await openTargetService({ storeUrl: `pglite:${join(dataDir, 'store')}`, dataDir });
  server = await startTestServer({ targets });
  id = (await server.request('POST', '/api/targets', { body: { name: 'Target', url: targetUrl.toString() } })).json.id;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await targets?.close();
  await Promise.all([db?.drop(), scratch?.drop()]);
  for (const name of await rolesNamed(role)) await admin.exec(`DROP ROLE ${name}`);
  await admin?.exec(`DROP ROLE IF EXISTS ${targetRole}; DROP ROLE IF EXISTS ${scratchRole}`);
  await admin?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a model that would create a role or a file if its SQL ran', () => {
  it('plans without running it on the target\'s server: no role, no file, no shadow database', async () => {
    const file = join(dataDir, 'written-by-the-model');
    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document: asDocument(roleCreatingModel(role, file)) } });
    expect(plan.status).toBe(200);
    // The free statement is kept as written, and planned (it is part of the model); nothing ran it.
    expect(plan.json.sql).toContain(`CREATE ROLE ${role}_do`);
    expect(await rolesNamed(role)).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(await shadowDatabases(targetRole)).toEqual([]);
  }, 180_000);

  it('dry-runs inside a transaction rolled back: still no role', async () => {
    const document = asDocument(roleCreatingModel(role));
    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document } });
    expect(plan.json).toMatchObject({ hazards: expect.any(Array) });
    const dry = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash: plan.json.hash, dryRun: true, acceptedHazards: [...HAZARD_KINDS] } });
    expect(dry.json).toMatchObject({ status: 'dry-run' });
    expect(await rolesNamed(role)).toEqual([]);
    expect(await shadowDatabases(targetRole)).toEqual([]);
  }, 180_000);
});

describe('a model that never finishes loading', () => {
  it('is stopped after the time limit with a 400, while the studio keeps answering', async () => {
    process.env.SCHEMATA_CANONICAL_TIMEOUT_MS = '1500';
    // The limit is lifted whatever the plan gives (`.finally`: no try block under server/routes).
    await (async () => {
      // The engine is warm (the tests above used it): the limit is all the plan waits.
      let settled = false;
      const started = performance.now();
      const planning = server.request('POST', `/api/targets/${id}/plan`, { body: { document: asDocument(neverEndingModel()) } })
        .finally(() => { settled = true; });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const healthStarted = performance.now();
      const health = await server.request('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(performance.now() - healthStarted).toBeLessThan(1000);
      expect(settled).toBe(false);
      const plan = await planning;
      expect(plan.status).toBe(400);
      expect(plan.json.message).toMatch(/^the model took longer than 1\.5 s to load into the embedded engine/);
      expect(performance.now() - started).toBeLessThan(15_000);
    })().finally(() => {
      delete process.env.SCHEMATA_CANONICAL_TIMEOUT_MS;
    });
    expect((await server.request('GET', '/api/health')).status).toBe(200);
    // A fresh engine replaces the stopped one.
    const next = await server.request('POST', `/api/targets/${id}/plan`, { body: { document: asDocument(buildEcommerce().model) } });
    expect(next.status).toBe(200);
  }, 240_000);
});

describe('a target with a shadow database URL', () => {
  const withExtension = () => {
    const model = buildEcommerce().model;
    model.extensions.push({ id: 'ext:pgstattuple', name: 'pgstattuple', schema: 'public' });
    return asDocument(model);
  };

  it('without one, a model needing an extension the embedded engine lacks is a 400 that says to set one', async () => {
    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document: withExtension() } });
    expect(plan.status).toBe(400);
    expect(plan.json.message).toMatch(/no extension "pgstattuple".*set a shadow database URL/);
  });

  it('is stored, shown redacted, used for plans (throwaway databases dropped), and can be removed', async () => {
    const patched = await server.request('PATCH', `/api/targets/${id}`, { body: { shadowUrl: scratchUrl() } });
    expect(patched.status).toBe(200);
    expect(patched.json.shadowDisplayUrl).toBe(scratchUrl().replace('sh4dowpass', '***'));
    const listed = await server.request('GET', '/api/targets');
    expect(listed.text).not.toContain('sh4dowpass');
    expect(listed.json.find((t: { id: string }) => t.id === id).shadowDisplayUrl).toContain('***');

    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document: withExtension() } });
    expect(plan.status).toBe(200);
    expect(plan.json.sql).toContain('CREATE EXTENSION');
    expect(plan.text).not.toContain('sh4dowpass');
    expect(await shadowDatabases(scratchRole)).toEqual([]);

    const removed = await server.request('PATCH', `/api/targets/${id}`, { body: { shadowUrl: null } });
    expect(removed.json.shadowDisplayUrl).toBeUndefined();
    expect((await server.request('POST', `/api/targets/${id}/plan`, { body: { document: withExtension() } })).status).toBe(400);
  }, 120_000);

  it('is refused on add when its server does not answer, and the password is not echoed', async () => {
    const refused = await server.request('POST', '/api/targets', { body: { name: 'x', url: db.url, shadowUrl: 'postgres://a:s3cret@127.0.0.1:1/none' } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/shadow database server does not answer/);
    expect(refused.text).not.toContain('s3cret');
  });
});
