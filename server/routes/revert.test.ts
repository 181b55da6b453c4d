/**
 * Revert from history (issue 9): through the real HTTP server and a real PostgreSQL target. A revert
 * plans back to the model the journal recorded before the entry, against the database as it is now,
 * with the usual hazards; it is journaled as a revert of that entry, and can itself be reverted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntryResponse, PlanResponse } from '../../shared/api/plans.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { schemaWithoutJournal } from '../testing/schema-without-journal.ts';
import { ADMIN_URL } from '../testing/throwaway-db.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';

const { db: targetDb, client: target, server, targets } = useTestStudio({ purpose: 'revert', store: 'postgres', server: true, timeoutMs: 60_000 });
let targetId: string;

beforeAll(async () => {
  // Models load on this server (a shadow URL), not in the embedded engine: no initdb in this file.
  targetId = (await server.request('POST', '/api/targets', { body: { name: 'T', url: targetDb.url, shadowUrl: ADMIN_URL } })).json.id;
});

const column = (id: string, name: string, type: string) => ({ id, name, type: { name: type }, notNull: false });
const table = (id: string, name: string, columns: ReturnType<typeof column>[]) => ({
  id, schema: 'public', name, columns, uniques: [], checks: [], foreignKeys: [], indexes: [], primaryKey: { id: `${id}_pk`, columns: [columns[0].id] },
});
const documentOf = (tables: ReturnType<typeof table>[]): ModelDocument => makeDocument({
  schemas: [{ id: 'schema_p', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [], tables,
});
const ITEMS = [column('items_id', 'id', 'integer'), column('items_title', 'title', 'text')];
/** A: one table with rows. B: its column renamed (same id), a column and a table more. */
const modelA = documentOf([table('items', 'items', ITEMS)]);
const modelB = documentOf([
  table('items', 'items', [ITEMS[0], column('items_title', 'heading', 'text'), column('items_note', 'note', 'text')]),
  table('tags', 'tags', [column('tags_id', 'id', 'integer'), column('tags_label', 'label', 'text')]),
]);

const schemaNow = () => schemaWithoutJournal(target);
const history = async (): Promise<HistoryEntryResponse[]> => (await server.request('GET', `/api/targets/${targetId}/history`)).json;
const entryPath = (entry: string) => `/api/targets/${targetId}/history/${encodeURIComponent(entry)}/revert`;

/** Plans and applies `document`, accepting the plan's hazards. */
async function apply(document: ModelDocument) {
  const plan = await server.request('POST', `/api/targets/${targetId}/plan`, { body: { document } });
  expect(plan.status, plan.text).toBe(200);
  const res = await server.request('POST', `/api/targets/${targetId}/apply`, { body: { document, hash: plan.json.hash, acceptedHazards: plan.json.hazards } });
  expect(res.status, res.text).toBe(200);
  return res.json as { journalId: string; verified: boolean };
}

async function planRevert(entry: string): Promise<PlanResponse> {
  const res = await server.request('POST', `${entryPath(entry)}/plan`, { body: {} });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

/** Plans the revert of `entry`, then applies that reviewed plan accepting its hazards. */
async function revert(entry: string) {
  const plan = await planRevert(entry);
  const res = await server.request('POST', entryPath(entry), { body: { hash: plan.hash, acceptedHazards: plan.hazards } });
  expect(res.status, res.text).toBe(200);
  return { plan, result: res.json as { journalId: string; status: string; verified: boolean } };
}

describe('revert from history', () => {
  let schemaA: Awaited<ReturnType<typeof schemaNow>>;
  let schemaB: Awaited<ReturnType<typeof schemaNow>>;
  let applyB: string;
  let revertB: string;

  it('reverts an apply: the database equals the model before it, rows kept, journaled as a revert of it', async () => {
    await apply(modelA);
    await target.exec("INSERT INTO items VALUES (1, 'one'), (2, 'two')");
    schemaA = await schemaNow();
    applyB = (await apply(modelB)).journalId;
    schemaB = await schemaNow();
    expect(schemaB).not.toEqual(schemaA);
    expect((await history())[0]).toMatchObject({ id: applyB, status: 'applied', revertible: true });

    const { plan, result } = await revert(applyB);
    // The way back drops what B added: typed as data loss, to be accepted like any apply.
    expect(plan.steps.map((s) => s.sql).join('\n')).toMatch(/DROP TABLE[^;]*tags/);
    expect(plan.steps.map((s) => s.sql).join('\n')).toMatch(/DROP COLUMN[^;]*note/);
    // The renamed column is renamed back (the baseline the apply left carries its id), never dropped.
    expect(plan.steps.map((s) => s.sql).join('\n')).toMatch(/RENAME COLUMN heading TO title/);
    expect(plan.steps.map((s) => s.sql).join('\n')).not.toMatch(/DROP COLUMN[^;]*heading/);
    expect(plan.hazards).toContain('deletes-data');
    expect(result).toMatchObject({ status: 'applied', verified: true });
    expect(await schemaNow()).toEqual(schemaA);
    expect(await target.query('SELECT id, title FROM items ORDER BY id')).toEqual([{ id: 1, title: 'one' }, { id: 2, title: 'two' }]);
    revertB = result.journalId;
    expect((await history())[0]).toMatchObject({ id: revertB, status: 'applied', revertOf: applyB, revertible: true });
    // The target's own journal says so too.
    const journal = (await server.request('GET', `/api/targets/${targetId}/journal`)).json;
    expect(journal[0]).toMatchObject({ id: revertB, revertOf: applyB, revertible: true });
  });

  it('reverts a revert: the database is B again, losing no data', async () => {
    const { plan, result } = await revert(revertB);
    expect(plan.hazards).not.toContain('deletes-data');
    expect(plan.steps.map((s) => s.sql).join('\n')).toMatch(/RENAME COLUMN title TO heading/);
    expect(result).toMatchObject({ status: 'applied', verified: true });
    expect(await schemaNow()).toEqual(schemaB);
    expect((await history())[0]).toMatchObject({ revertOf: revertB });
  });

  it('plans against the database as it is now, not the recorded reverse SQL', async () => {
    const [again] = await history();
    // Changed by hand since: the table B added is gone already; the revert only drops the column.
    await target.exec('DROP TABLE tags');
    const plan = await planRevert(again.id);
    expect(plan.steps.map((s) => s.sql).join('\n')).not.toMatch(/tags/);
    expect(plan.steps.map((s) => s.sql).join('\n')).toMatch(/DROP COLUMN[^;]*note/);
    // Applying it needs the hazards accepted, as any apply does.
    const refused = await server.request('POST', entryPath(again.id), { body: { hash: plan.hash, acceptedHazards: [] } });
    expect(refused.status).toBe(400);
    expect(refused.json.details.hazards).toContain('deletes-data');
    await revert(again.id);
    expect(await schemaNow()).toEqual(schemaA);
  });

  it('an entry with no recorded model (dry run, refused, older studio) has no revert: 409 saying why; 404 for no entry', async () => {
    const plan = await server.request('POST', `/api/targets/${targetId}/plan`, { body: { document: modelB } });
    await server.request('POST', `/api/targets/${targetId}/apply`, { body: { document: modelB, hash: plan.json.hash, acceptedHazards: plan.json.hazards, dryRun: true } });
    const [dry] = await history();
    expect(dry).toMatchObject({ status: 'dry-run', revertible: false });
    const refused = await server.request('POST', `${entryPath(dry.id)}/plan`, { body: {} });
    expect(refused.status).toBe(409);
    expect(refused.json.message).toBe(`history entry "${dry.id}" is dry-run: only an applied entry can be reverted (it changed nothing)`);
    // An applied entry journaled before the model was recorded (an older studio).
    await targets.journal.record({ ...dry, id: 'apply_old', status: 'applied', targetId });
    const old = await server.request('POST', entryPath('apply_old'), { body: { hash: 'x', acceptedHazards: [] } });
    expect(old.status).toBe(409);
    expect(old.json.message).toMatch(/^history entry "apply_old" has no recorded model from before it/);
    const missing = await server.request('POST', `${entryPath('apply_nope')}/plan`, { body: {} });
    expect(missing.status).toBe(404);
    expect((await server.request('POST', entryPath(applyB), { body: { acceptedHazards: 'all' } })).status).toBe(400);
  });
});
