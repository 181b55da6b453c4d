import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/document.ts';
import { introspect } from '../introspect/introspect.ts';
import { ADMIN_URL, createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import type { JournalEntry } from './history.ts';
import { readTargetJournal } from './target-journal.ts';
import { applyLive } from '../live/apply.ts';
import { planLive } from '../live/plan.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

describe('journal in the target', () => {
  let db: ThrowawayDb;
  let admin: SqlClient;
  let limited: SqlClient;
  const role = `schemata_t_role_${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    db = await createThrowawayDb('history');
    admin = await openSqlClient(db.url);
    await admin.exec(`CREATE ROLE ${role} LOGIN; REVOKE CREATE ON DATABASE ${db.name} FROM PUBLIC;
      GRANT CREATE, USAGE ON SCHEMA public TO ${role};`);
    const url = new URL(db.url);
    url.username = role;
    limited = await openSqlClient(url.toString());
    await limited.exec('CREATE TABLE mine (id int PRIMARY KEY);');
  });
  afterAll(async () => {
    await limited.close();
    await admin.close();
    await db.drop();
    const cluster = await openSqlClient(ADMIN_URL);
    await cluster.exec(`DROP ROLE IF EXISTS ${role}`);
    await cluster.close();
  });

  it('an apply with nothing to do journals in the store only: it leaves no _schemata in the target', async () => {
    const live: Model = await introspect(admin);
    const planned = await planLive(admin, live, live);
    expect(planned.steps).toEqual([]);
    const recorded: JournalEntry[] = [];
    const result = await applyLive(
      { id: 't', client: admin, baseline: live, setBaseline: async () => undefined, record: async (e) => { recorded.push(e); } },
      { model: live, hash: planned.hash, acceptedHazards: [] },
    );
    expect(result).toMatchObject({ status: 'applied', steps: [], verified: true });
    // Journaled `running` before anything runs, then replaced by the outcome (same id).
    expect(recorded.map((e) => [e.status, e.verified, e.reverseSql])).toEqual([['running', undefined, undefined], ['applied', true, undefined]]);
    expect(new Set(recorded.map((e) => e.id)).size).toBe(1);
    expect(await admin.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = '_schemata'")).toEqual([{ n: 0 }]);
    expect(await readTargetJournal(admin)).toEqual([]);
  });

  it('never fails a migration: a user who may not create schemas still applies, journaled in the store only', async () => {
    const start: Model = await introspect(limited);
    const wanted = structuredClone(start);
    wanted.tables[0].columns.push({ id: 'col_note', name: 'note', type: { name: 'text' }, notNull: false });
    const planned = await planLive(limited, wanted, start);
    const recorded: JournalEntry[] = [];
    const result = await applyLive(
      { id: 't', client: limited, baseline: start, setBaseline: async () => undefined, record: async (e) => { recorded.push(e); } },
      { model: wanted, hash: planned.hash, acceptedHazards: planned.hazards },
    );
    expect(result).toMatchObject({ status: 'applied', verified: true });
    expect(recorded.map((e) => e.status)).toEqual(['running', 'applied']);
    expect(await admin.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = '_schemata'")).toEqual([{ n: 0 }]);
    expect((await introspect(admin)).tables[0].columns.map((c) => c.name)).toEqual(['id', 'note']);
  });
  it('a journal from before verified was recorded is read, then upgraded by the next apply', async () => {
    await admin.exec(`CREATE SCHEMA _schemata; CREATE TABLE _schemata.journal (id text PRIMARY KEY, applied_at timestamptz NOT NULL,
      duration_ms integer NOT NULL, status text NOT NULL, plan_sql text NOT NULL, hazards_accepted text[] NOT NULL, error jsonb, reverse_sql text);
      INSERT INTO _schemata.journal VALUES ('old', '2020-01-01', 5, 'applied', 'SELECT 1;', '{}', NULL, NULL);`);
    expect(await readTargetJournal(admin)).toEqual([{ id: 'old', appliedAt: '2020-01-01T00:00:00.000Z', durationMs: 5, status: 'applied', planSql: 'SELECT 1;', hazardsAccepted: [], revertible: false }]);
    const start: Model = await introspect(admin);
    const wanted = structuredClone(start);
    wanted.tables.find((t) => t.name === 'mine')!.columns.push({ id: 'col_extra', name: 'extra', type: { name: 'text' }, notNull: false });
    const planned = await planLive(admin, wanted, start);
    await applyLive({ id: 't', client: admin, baseline: start, setBaseline: async () => undefined, record: async () => undefined },
      { model: wanted, hash: planned.hash, acceptedHazards: planned.hazards });
    expect((await readTargetJournal(admin)).map((e) => [e.id === 'old' ? 'old' : 'new', e.verified])).toEqual([['new', true], ['old', undefined]]);
    // The journal is now versioned in the target (TARGET_JOURNAL_STEPS), its columns added once.
    expect(await admin.query('SELECT version, name FROM _schemata.migrations')).toEqual([{ version: 1, name: 'the journal of applies' }]);
  });
});
