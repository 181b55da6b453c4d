import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { timeoutDefaults } from '../db/timeouts.ts';
import { urlFor } from '../testing/throwaway-db.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';

// The studio reads its default timeouts once, as it starts: a short lock timeout for the test below.
// As `index.ts` reads the studio's environment: SCHEMATA_LOCK_TIMEOUT_MS=300.
const { db, server, targets } = useTestStudio({
  purpose: 'routes', server: { timeouts: timeoutDefaults({ SCHEMATA_LOCK_TIMEOUT_MS: '300' }) },
});

describe('targets API', () => {
  let id: string;

  it('lists the sandbox; adds, protects and tests a PostgreSQL target without returning its password', async () => {
    expect((await server.request('GET', '/api/targets')).json).toEqual([expect.objectContaining({ id: 'sandbox', kind: 'sandbox' })]);
    const url = urlFor(db.name).replace('postgres@', 'postgres:pa55word@');
    const added = await server.request('POST', '/api/targets', { body: { name: 'Test DB', url } });
    expect(added.status).toBe(201);
    expect(added.text).not.toContain('pa55word');
    id = added.json.id;
    const patched = await server.request('PATCH', `/api/targets/${id}`, { body: { protected: true } });
    expect(patched.json).toMatchObject({ id, protected: true });
    expect((await server.request('POST', `/api/targets/${id}/test`)).json).toMatchObject({ ok: true });
    expect((await server.request('GET', '/api/targets')).text).not.toContain('pa55word');
  });

  it('answers 400 with a one-line reason for an unreachable URL, 404 for an unknown target', async () => {
    const refused = await server.request('POST', '/api/targets', { body: { name: 'x', url: 'postgres://a:secret@127.0.0.1:1/none' } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe('cannot connect to 127.0.0.1:1');
    expect(refused.text).not.toContain('secret');
    expect((await server.request('POST', '/api/targets/nope/test')).status).toBe(404);
    expect((await server.request('DELETE', '/api/targets/sandbox')).status).toBe(400);
  });

  it('introspects, plans, refuses, applies with confirmation and keeps history', async () => {
    await (await targets.client(id)).exec('CREATE TABLE item (id int PRIMARY KEY, label text);');
    const imported = await server.request('POST', `/api/targets/${id}/introspect`);
    expect(imported.status).toBe(200);
    const document = imported.json as ModelDocument;
    expect(document.model.tables.map((t) => t.name)).toEqual(['item']);
    document.model.tables[0].columns.push({ id: 'col_price', name: 'price', type: { name: 'numeric', args: [10, 2] }, notNull: false });

    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document } });
    expect(plan.json).toMatchObject({ sql: 'ALTER TABLE public.item ADD COLUMN price numeric(10,2);', hazards: [] });
    const hash = plan.json.hash as string;

    const unconfirmed = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash } });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json.message).toMatch(/protected: type its name/);
    const stale = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash: 'sha256:other', confirmName: 'Test DB' } });
    expect(stale.status).toBe(409);

    const dry = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash, dryRun: true } });
    expect(dry.json).toMatchObject({ status: 'dry-run' });
    const applied = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash, confirmName: 'Test DB' } });
    expect(applied.json).toMatchObject({ status: 'applied', verified: true, remainingSteps: 0 });

    const history = await server.request('GET', `/api/targets/${id}/history`);
    expect(history.json.map((e: { status: string }) => e.status)).toEqual(['applied', 'dry-run', 'refused', 'refused']);
    expect(history.json.map((e: { error?: { kind: string } }) => e.error?.kind)).toEqual([undefined, undefined, 'schema-changed', 'confirmation-required']);
    expect(history.json[0].planSql).toBe('ALTER TABLE public.item ADD COLUMN price numeric(10,2);');
  });

  it('journals a model that does not load as refused; the target\'s own journal holds what reached it', async () => {
    const document = (await server.request('POST', `/api/targets/${id}/introspect`)).json as ModelDocument;
    document.model.tables[0].checks.push({ id: 'ck_bad', expression: 'no_such_column > 0' });
    const refused = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash: 'sha256:any', confirmName: 'Test DB' } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/^the model does not load/);
    const [latest] = (await server.request('GET', `/api/targets/${id}/history`)).json;
    expect(latest).toMatchObject({ status: 'refused', steps: [], error: { kind: 'model-does-not-load' } });
    expect(latest.reverseSql).toBeUndefined();

    const journal = await server.request('GET', `/api/targets/${id}/journal`);
    expect(journal.status).toBe(200);
    expect(journal.json).toEqual([expect.objectContaining({
      status: 'applied', planSql: 'ALTER TABLE public.item ADD COLUMN price numeric(10,2);', verified: true,
    })]);
    expect((await server.request('GET', '/api/targets/nope/journal')).status).toBe(404);
  });

  it('reports a failing step with its PostgreSQL error, and hazards not accepted', async () => {
    const client = await targets.client(id);
    await client.exec("INSERT INTO item VALUES (1, NULL, 1.5);");
    const document = (await server.request('POST', `/api/targets/${id}/introspect`)).json as ModelDocument;
    document.model.tables[0].columns.find((c) => c.name === 'label')!.notNull = true;
    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document } });
    expect(plan.json.hazards).toContain('may-fail-on-existing-data');
    const body = { document, hash: plan.json.hash, confirmName: 'Test DB' };
    const refused = await server.request('POST', `/api/targets/${id}/apply`, { body });
    expect(refused.json).toMatchObject({ code: 'invalid-request', details: { hazards: plan.json.hazards } });
    const failed = await server.request('POST', `/api/targets/${id}/apply`, { body: { ...body, acceptedHazards: plan.json.hazards } });
    expect(failed.status).toBe(400);
    expect(failed.json).toMatchObject({ code: 'postgres-error', details: { sqlstate: '23502', stepIndex: 0 } });
    expect(failed.json.message).toMatch(/^step 1 of 1 failed: column "label" of relation "item" contains null values; everything was rolled back$/);
    // Streamed, the same failure ends the stream with the same status and the same ApiError body.
    const streamed = await server.request('POST', `/api/targets/${id}/apply?stream`, { body: { ...body, acceptedHazards: plan.json.hazards } });
    const last = JSON.parse(streamed.text.trim().split('\n').at(-1)!);
    expect(last).toEqual({ type: 'error', status: failed.status, error: failed.json });
  });

  it('streams the progress of an apply, one JSON line per step, then the result', async () => {
    const document = (await server.request('POST', `/api/targets/${id}/introspect`)).json as ModelDocument;
    document.model.tables[0].columns.push(
      { id: 'col_a', name: 'a', type: { name: 'text' }, notNull: false },
      { id: 'col_b', name: 'b', type: { name: 'text' }, notNull: false },
    );
    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document } });
    const streamed = await server.request('POST', `/api/targets/${id}/apply?stream`, { body: { document, hash: plan.json.hash, confirmName: 'Test DB' } });
    expect(streamed.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = streamed.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['step', 'step', 'result']);
    expect(lines[1]).toMatchObject({ index: 1, total: 2, sql: 'ALTER TABLE public.item ADD COLUMN b text;' });
    expect(lines[2]).toMatchObject({ status: 'applied', verified: true });
    const again = await server.request('POST', `/api/targets/${id}/apply?stream`, { body: { document, hash: plan.json.hash, confirmName: 'Test DB' } });
    expect(JSON.parse(again.text.trim())).toMatchObject({ type: 'error', status: 409, error: { code: 'conflict' } });
  });

  it('uses SCHEMATA_LOCK_TIMEOUT_MS as the default lock timeout: a held table fails the apply with 55P03', async () => {
    const document = (await server.request('POST', `/api/targets/${id}/introspect`)).json as ModelDocument;
    document.model.tables[0].columns.push({ id: 'col_c', name: 'c', type: { name: 'text' }, notNull: false });
    const plan = await server.request('POST', `/api/targets/${id}/plan`, { body: { document } });
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    // The holder's session ends whatever the apply gives (`.finally`: no try block under server/routes).
    await (async () => {
      await holder.query('BEGIN; LOCK TABLE item IN ACCESS SHARE MODE');
      const timedOut = await server.request('POST', `/api/targets/${id}/apply`, { body: { document, hash: plan.json.hash, confirmName: 'Test DB' } });
      expect(timedOut.status).toBe(400);
      expect(timedOut.json).toMatchObject({ code: 'postgres-error', details: { sqlstate: '55P03', stepIndex: 0 } });
    })().finally(() => holder.end());
  });

  it('removes the protection only with the target\'s name typed', async () => {
    const untyped = await server.request('PATCH', `/api/targets/${id}`, { body: { protected: false } });
    expect([untyped.status, untyped.json.code, untyped.json.message])
      .toEqual([400, 'invalid-request', 'target "Test DB" is protected: type its name (confirmName) to remove the protection']);
    expect((await server.request('PATCH', `/api/targets/${id}`, { body: { protected: false, confirmName: 'test db' } })).status).toBe(400);
    expect((await server.request('GET', '/api/targets')).json.find((t: { id: string }) => t.id === id).protected).toBe(true);
    const typed = await server.request('PATCH', `/api/targets/${id}`, { body: { protected: false, confirmName: 'Test DB' } });
    expect(typed.json).toMatchObject({ id, protected: false });
  });

  it('removes a target; a protected one only with its name typed', async () => {
    await server.request('PATCH', `/api/targets/${id}`, { body: { protected: true } });
    const untyped = await server.request('DELETE', `/api/targets/${id}`);
    expect([untyped.status, untyped.json.message]).toEqual([400, 'target "Test DB" is protected: type its name (confirmName) to remove it']);
    expect((await server.request('DELETE', `/api/targets/${id}?confirmName=test%20db`)).status).toBe(400);
    expect((await server.request('DELETE', `/api/targets/${id}?confirmName=Test%20DB`)).status).toBe(204);
    expect((await server.request('GET', '/api/targets')).json.map((t: { id: string }) => t.id)).toEqual(['sandbox']);
  });

  it('works on the sandbox', async () => {
    await (await targets.client('sandbox')).exec('CREATE TABLE IF NOT EXISTS note (id int PRIMARY KEY);');
    const document = (await server.request('POST', '/api/targets/sandbox/introspect')).json as ModelDocument;
    expect(document.model.tables.map((t) => t.name)).toContain('note');
    const plan = await server.request('POST', '/api/targets/sandbox/plan', { body: { document } });
    expect(plan.json.steps).toEqual([]);
  });

  it('compares a hand-written model in PostgreSQL\'s own spelling: applied, verified, and nothing left to plan', async () => {
    const document = (await server.request('POST', '/api/targets/sandbox/introspect')).json as ModelDocument;
    document.model.tables.push({
      id: 'tbl_price', schema: 'public', name: 'price', uniques: [], foreignKeys: [], indexes: [],
      columns: [
        { id: 'c_amount', name: 'amount', type: { name: 'numeric', args: [10, 2] }, notNull: true, default: '0' },
        { id: 'c_label', name: 'label', type: { name: 'varchar', args: [20] }, notNull: false, default: "'none'" },
      ],
      checks: [{ id: 'ck_amount', expression: 'amount >= 0' }],
    });
    const plan = await server.request('POST', '/api/targets/sandbox/plan', { body: { document } });
    const applied = await server.request('POST', '/api/targets/sandbox/apply', { body: { document, hash: plan.json.hash, acceptedHazards: plan.json.hazards } });
    expect(applied.json).toMatchObject({ status: 'applied', verified: true, remainingSteps: 0 });
    expect((await server.request('POST', '/api/targets/sandbox/plan', { body: { document } })).json.steps).toEqual([]);
  });
});
