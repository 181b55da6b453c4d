import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/document.ts';
import { introspect } from '../introspect/introspect.ts';
import { urlFor } from '../testing/throwaway-db.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';
import { HazardsNotAccepted, SchemaChanged, StepFailed } from './apply.ts';
import { readTargetJournal } from './target-journal.ts';
import { applyLive, type ApplyTarget } from '../live/apply.ts';
import { checkConfirmation, ConfirmationRequired } from '../live/journal-entry.ts';
import { planLive } from '../live/plan.ts';
import { SANDBOX_TARGET_ID } from '../../shared/api/targets.ts';
import { TargetRejected } from './targets.ts';

const SETUP = `CREATE TABLE author (id int PRIMARY KEY, name text);
  CREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author (id), title text);
  INSERT INTO author VALUES (1, 'Ann'), (2, NULL); INSERT INTO book VALUES (10, 1, 'A book');`;

const { db, targets: service } = useTestStudio({ purpose: 'migrate' });
let pgTargetId: string;

/** The model with one change made by `edit` (a deep copy: the original stays as it was). */
function edited(model: Model, edit: (m: Model) => void): Model {
  const copy = structuredClone(model);
  edit(copy);
  return copy;
}

function applyTarget(id: string, client: ApplyTarget['client'], baseline?: Model): ApplyTarget {
  return { id, client, baseline, setBaseline: (m) => service.setBaseline(id, m), record: (e) => service.journal.record(e) };
}

describe('targets', () => {
  it('always lists the sandbox, which cannot be removed', async () => {
    const [first] = await service.list();
    expect(first).toMatchObject({ id: SANDBOX_TARGET_ID, kind: 'sandbox', builtin: true, protected: false });
    await expect(service.remove(SANDBOX_TARGET_ID)).rejects.toThrow(TargetRejected);
    expect(await service.test(SANDBOX_TARGET_ID)).toMatchObject({ ok: true, message: expect.stringMatching(/^PGlite \(PostgreSQL 18\.\d+\)$/) });
  });

  it('adds a PostgreSQL target after testing it, and never gives its password back', async () => {
    const withPassword = urlFor(db.name).replace('postgres@', 'postgres:s3cret-pw@');
    const added = await service.add({ name: 'Local test', url: withPassword });
    pgTargetId = added.id;
    expect(added.displayUrl).toBe(withPassword.replace('s3cret-pw', '***'));
    expect(JSON.stringify(await service.list())).not.toContain('s3cret-pw');
    expect(await service.test(pgTargetId)).toMatchObject({ ok: true, message: expect.stringMatching(/^PostgreSQL 15\./) });
  });

  it('refuses an unreachable URL with a one-line reason, and stores nothing', async () => {
    const before = (await service.list()).length;
    await expect(service.add({ name: 'Nowhere', url: 'postgres://x:pw@127.0.0.1:1/db' }))
      .rejects.toThrow(/^cannot connect to 127\.0\.0\.1:1$/);
    await expect(service.add({ name: 'File', url: 'pglite:/tmp/x' })).rejects.toThrow(TargetRejected);
    expect((await service.list()).length).toBe(before);
  });

  it('marks a target protected; applying then needs its name', async () => {
    const updated = await service.update(pgTargetId, { protected: true });
    expect(updated.protected).toBe(true);
    expect(() => checkConfirmation(updated, 'wrong', false)).toThrow(ConfirmationRequired);
    expect(() => checkConfirmation(updated, 'Local test', false)).not.toThrow();
    expect(() => checkConfirmation(updated, undefined, true)).not.toThrow();
    await expect(service.update(pgTargetId, { protected: false })).rejects.toThrow(
      new TargetRejected('target "Local test" is protected: type its name (confirmName) to remove the protection'));
    await expect(service.update(pgTargetId, { protected: false, confirmName: 'Local' })).rejects.toThrow(TargetRejected);
    expect((await service.get(pgTargetId)).protected).toBe(true);
    expect(await service.update(pgTargetId, { protected: false, confirmName: 'Local test' })).toMatchObject({ protected: false });
    // Unprotected already: nothing to confirm.
    expect(await service.update(pgTargetId, { protected: false })).toMatchObject({ protected: false });
  });
});

describe.each([['PostgreSQL 15', () => pgTargetId], ['the PGlite sandbox', () => SANDBOX_TARGET_ID]])('migrating %s', (_name, idOf) => {
  let start: Model;
  beforeAll(async () => {
    const client = await service.client(idOf());
    await client.exec(SETUP);
    start = await introspect(client);
  });

  it('plans, applies, verifies and journals in the store and in the target', async () => {
    const id = idOf();
    const client = await service.client(id);
    const wanted = edited(start, (m) => {
      const author = m.tables.find((t) => t.name === 'author')!;
      author.indexes.push({ id: 'idx_new_name', name: 'author_by_name', unique: false, items: [{ column: author.columns[1].id }] });
    });
    const planned = await planLive(client, wanted, undefined);
    expect(planned.sql).toBe('CREATE INDEX author_by_name ON public.author (name);');
    expect(planned.hazards).toEqual(['locks-table', 'index-build']);
    const result = await applyLive(applyTarget(id, client), { model: wanted, hash: planned.hash, acceptedHazards: planned.hazards });
    expect(result).toMatchObject({ status: 'applied', verified: true, remainingSteps: 0 });
    expect((await planLive(client, wanted, await service.baseline(id))).steps).toEqual([]);
    const [entry] = await service.journal.list(id);
    expect(entry).toMatchObject({ id: result.journalId, status: 'applied', verified: true, planSql: planned.sql });
    expect(entry.reverseSql).toBe('DROP INDEX public.author_by_name;');
    expect(await client.query('SELECT status, plan_sql, reverse_sql, verified FROM _schemata.journal'))
      .toEqual([{ status: 'applied', plan_sql: planned.sql, reverse_sql: 'DROP INDEX public.author_by_name;', verified: true }]);
    expect((await introspect(client)).schemas.map((s) => s.name)).toEqual(['public']);
    start = wanted;
  });

  it('refuses hazards not accepted and a changed database; journals the refusal', async () => {
    const id = idOf();
    const client = await service.client(id);
    const dropBook = edited(start, (m) => { m.tables = m.tables.filter((t) => t.name !== 'book'); });
    const planned = await planLive(client, dropBook, start);
    expect(planned.hazards).toContain('deletes-data');
    await expect(applyLive(applyTarget(id, client, start), { model: dropBook, hash: planned.hash, acceptedHazards: [] })).rejects.toThrow(HazardsNotAccepted);
    await expect(applyLive(applyTarget(id, client, start), { model: dropBook, hash: 'sha256:old', acceptedHazards: ['deletes-data'] })).rejects.toThrow(SchemaChanged);
    const refusals = (await service.journal.list(id)).slice(0, 2);
    expect(refusals.map((e) => e.status)).toEqual(['refused', 'refused']);
    // Nothing happened, so there is nothing to reverse.
    expect(refusals.map((e) => e.reverseSql)).toEqual([undefined, undefined]);
    expect(await client.query('SELECT count(*)::int AS n FROM book')).toEqual([{ n: 1 }]);
  });

  it('dry-runs without changing anything', async () => {
    const id = idOf();
    const client = await service.client(id);
    const dropBook = edited(start, (m) => { m.tables = m.tables.filter((t) => t.name !== 'book'); });
    const planned = await planLive(client, dropBook, start);
    const result = await applyLive(applyTarget(id, client, start), { model: dropBook, hash: planned.hash, acceptedHazards: ['deletes-data', 'breaks-dependents', 'locks-table'], dryRun: true });
    expect(result.status).toBe('dry-run');
    expect((await introspect(client)).tables.map((t) => t.name).sort()).toEqual(['author', 'book']);
    expect((await service.journal.list(id))[0].status).toBe('dry-run');
  });

  it('a failing step rolls back; the failure is journaled with PostgreSQL\'s message', async () => {
    const id = idOf();
    const client = await service.client(id);
    const notNull = edited(start, (m) => { m.tables.find((t) => t.name === 'author')!.columns.find((c) => c.name === 'name')!.notNull = true; });
    const planned = await planLive(client, notNull, start);
    const error = await applyLive(applyTarget(id, client, start), { model: notNull, hash: planned.hash, acceptedHazards: planned.hazards }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailed);
    expect((error as StepFailed).failure).toMatchObject({ sqlstate: '23502', message: expect.stringMatching(/column "name" of relation "author" contains null values/) });
    const [entry] = await service.journal.list(id);
    expect(entry).toMatchObject({ status: 'failed', error: { kind: 'step-failed', sqlstate: '23502' } });
    expect(entry.reverseSql).toBeUndefined();
    const inTarget = await readTargetJournal(client);
    expect(inTarget.map((e) => [e.status, e.reverseSql, e.verified])).toEqual([['failed', undefined, undefined], ['applied', 'DROP INDEX public.author_by_name;', true]]);
    expect(inTarget[0]).toMatchObject({ id: entry.id, error: { sqlstate: '23502' } });
    expect((await introspect(client)).tables.find((t) => t.name === 'author')!.columns.find((c) => c.name === 'name')!.notNull).toBe(false);
  });

  it('a failure after commit (the baseline not saved) is reported with the applied result, not as a refusal', async () => {
    const id = idOf();
    const client = await service.client(id);
    const wanted = edited(start, (m) => {
      const book = m.tables.find((t) => t.name === 'book')!;
      book.indexes.push({ id: 'idx_book_title', name: 'book_by_title', unique: false, items: [{ column: book.columns.find((c) => c.name === 'title')!.id }] });
    });
    const planned = await planLive(client, wanted, start);
    const storeDown = { ...applyTarget(id, client, start), setBaseline: () => Promise.reject(new Error('the store is read-only')) };
    const result = await applyLive(storeDown, { model: wanted, hash: planned.hash, acceptedHazards: planned.hazards });
    expect(result).toMatchObject({ status: 'applied', afterCommitError: 'saving the baseline failed: the store is read-only' });
    expect(result.verified).toBeUndefined();
    const [entry] = await service.journal.list(id);
    expect(entry).toMatchObject({ id: result.journalId, status: 'applied', error: { kind: 'after-commit', stage: 'saving the baseline' } });
    expect(entry.reverseSql).toBe('DROP INDEX public.book_by_title;');
    expect(await client.query("SELECT status FROM _schemata.journal WHERE id = $1", [result.journalId])).toEqual([{ status: 'applied' }]);
    expect((await introspect(client)).tables.find((t) => t.name === 'book')!.indexes.map((i) => i.name)).toEqual(['book_by_title']);
  });
});

describe('a lock timeout on PostgreSQL', () => {
  it('fires while another session holds the table: SQLSTATE 55P03, nothing changed, the failure journaled', async () => {
    const client = await service.client(pgTargetId);
    const start = await introspect(client);
    const wanted = edited(start, (m) => {
      m.tables.find((t) => t.name === 'author')!.columns.push({ id: 'col_born', name: 'born', type: { name: 'integer' }, notNull: false });
    });
    const planned = await planLive(client, wanted, start);
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    let error: unknown;
    try {
      // Even a reader's lock keeps ALTER TABLE (ACCESS EXCLUSIVE) waiting.
      await holder.query('BEGIN; LOCK TABLE author IN ACCESS SHARE MODE');
      error = await applyLive(applyTarget(pgTargetId, client, start), { model: wanted, hash: planned.hash, acceptedHazards: planned.hazards, lockTimeoutMs: 200 })
        .catch((e: unknown) => e);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(error).toBeInstanceOf(StepFailed);
    expect((error as StepFailed).failure).toMatchObject({ sqlstate: '55P03', message: 'canceling statement due to lock timeout' });
    expect((await introspect(client)).tables.find((t) => t.name === 'author')!.columns.map((c) => c.name)).toEqual(['id', 'name']);
    const [entry] = await service.journal.list(pgTargetId);
    expect(entry).toMatchObject({ status: 'failed', error: { kind: 'step-failed', sqlstate: '55P03' } });
    expect(await client.query("SELECT status, error->>'sqlstate' AS sqlstate FROM _schemata.journal ORDER BY applied_at DESC LIMIT 1"))
      .toEqual([{ status: 'failed', sqlstate: '55P03' }]);
  });
});
