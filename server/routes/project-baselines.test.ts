/**
 * Identity that cannot silently break (issue 9): a project is matched to the baseline of its own
 * last apply on a target, and by name where ids do not match, through the real HTTP server and a
 * real PostgreSQL target. The sequence that dropped every table (apply P1, insert rows, import from
 * database, add a column to P1) plans one ADD COLUMN; so does every other way a baseline changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument, Table } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';
import { ADMIN_URL } from '../testing/throwaway-db.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';

const { db: targetDb, client: target, storeDb, server } = useTestStudio({
  purpose: 'baselines', store: 'postgres', projects: true, server: true, timeoutMs: 60_000,
});
let storeSql: SqlClient;
let targetId: string;

beforeAll(async () => {
  storeSql = await openSqlClient(storeDb.url);
  // Models are put in PostgreSQL's spelling on this server (a shadow URL), not in the embedded engine:
  // no initdb in this file.
  targetId = (await server.request('POST', '/api/targets', { body: { name: 'T', url: targetDb.url, shadowUrl: ADMIN_URL } })).json.id;
});
afterAll(() => storeSql?.close());

type Columns = Array<[id: string, name: string, type: string]>;
/** A table as the user draws it: every id random-looking and chosen by the caller. */
const table = (id: string, name: string, columns: Columns): Table => ({
  id, schema: 'public', name, uniques: [], checks: [], foreignKeys: [], indexes: [],
  columns: columns.map(([cid, cname, type]) => ({ id: cid, name: cname, type: { name: type }, notNull: cid.endsWith('_id') })),
  primaryKey: { id: `${id}_pk`, columns: [columns[0][0]] },
});
const documentOf = (tables: Table[], views: ModelDocument['model']['views'] = []): ModelDocument => makeDocument({
  schemas: [{ id: 'schema_p', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views, rawObjects: [], tables,
});
const ITEMS: Columns = [['p1_items_id', 'id', 'integer'], ['p1_items_title', 'title', 'text']];
const p1 = (...extra: Columns) => documentOf([table('p1_items', 'items', [...ITEMS, ...extra])]);

const createProject = async (name: string, document: ModelDocument): Promise<string> =>
  (await server.request('POST', '/api/projects', { body: { name, document } })).json.id;
const plan = async (document: ModelDocument, projectId?: string) => {
  const res = await server.request('POST', `/api/targets/${targetId}/plan`, { body: { document, projectId } });
  expect(res.status, res.text).toBe(200);
  return res.json as {
    hash: string; sql: string; hazards: string[]; steps: Array<{ sql: string; hazards: Array<{ kind: string; message: string }> }>;
    renameCandidates: Array<{ from: string; toId: string; to: string }>;
  };
};
const apply = async (document: ModelDocument, projectId?: string, acceptedHazards: string[] = []) => {
  const { hash } = await plan(document, projectId);
  return server.request('POST', `/api/targets/${targetId}/apply`, { body: { document, projectId, hash, acceptedHazards } });
};
const rows = async () => Number((await target.query<{ n: string }>('SELECT count(*) AS n FROM public.items'))[0].n);
const baselineRows = async (projectId: string) =>
  (await storeSql.query('SELECT 1 FROM schemata.project_baselines WHERE project_id = $1', [projectId])).length;

let p1Id: string;

describe('a project is matched to its own baseline, and by name', () => {
  it('apply P1, insert 2 rows, import from database, P1 + a column: exactly one ADD COLUMN, rows kept', async () => {
    p1Id = await createProject('P1', p1());
    expect((await apply(p1(), p1Id)).json).toMatchObject({ status: 'applied', verified: true });
    await target.exec("INSERT INTO public.items (id, title) VALUES (1, 'a'), (2, 'b')");
    const imported = await server.request('POST', `/api/targets/${targetId}/introspect`, { body: {} });
    expect(imported.status).toBe(200);
    await createProject('T (imported)', imported.json);
    expect((await plan(imported.json)).steps).toEqual([]);

    const withNote = p1(['p1_items_note', 'note', 'text']);
    const planned = await plan(withNote, p1Id);
    expect(planned.steps.map((s) => s.sql)).toEqual(['ALTER TABLE public.items ADD COLUMN note text;']);
    expect((await apply(withNote, p1Id)).json).toMatchObject({ status: 'applied', verified: true });
    expect(await rows()).toBe(2);
    expect(await baselineRows(p1Id)).toBe(1);
  });

  it('another project applied to the same target (its own ids) leaves P1 matched', async () => {
    const tags = table('p3_tags', 'tags', [['p3_tags_id', 'id', 'integer']]);
    const p3 = documentOf([table('p3_items', 'items', [['p3_id', 'id', 'integer'], ['p3_title', 'title', 'text'], ['p3_note', 'note', 'text']]), tags]);
    const p3Id = await createProject('P3', p3);
    expect((await apply(p3, p3Id)).json).toMatchObject({ status: 'applied', verified: true });
    const p1WithTags = documentOf([...p1(['p1_items_note', 'note', 'text']).model.tables, table('p1_tags', 'tags', [['p1_tags_id', 'id', 'integer']])]);
    expect((await plan(p1WithTags, p1Id)).steps).toEqual([]);
    expect(await baselineRows(p3Id)).toBe(1);
    expect((await server.request('DELETE', `/api/projects/${p3Id}`)).status).toBe(204);
    expect(await baselineRows(p3Id)).toBe(0);
  });

  it('a target changed by hand: a column added with psql and in P1 is kept, not dropped and added', async () => {
    await target.exec('ALTER TABLE public.items ADD COLUMN by_hand text; DROP TABLE public.tags');
    const planned = await plan(p1(['p1_items_note', 'note', 'text'], ['p1_by_hand', 'by_hand', 'text']), p1Id);
    expect(planned.steps).toEqual([]);
  });

  it('a baseline lost (its row deleted): P1 + a column is still one ADD COLUMN', async () => {
    await storeSql.exec('DELETE FROM schemata.project_baselines; DELETE FROM schemata.target_baselines');
    const planned = await plan(p1(['p1_items_note', 'note', 'text'], ['p1_by_hand', 'by_hand', 'text'], ['p1_more', 'more', 'text']), p1Id);
    expect(planned.steps.map((s) => s.sql)).toEqual(['ALTER TABLE public.items ADD COLUMN more text;']);
  });

  it('a table that becomes a view of the same name carries recreates-object, and apply refuses it unless accepted', async () => {
    const asView = documentOf([], [{ id: 'p1_items_view', schema: 'public', name: 'items', materialized: false, definition: 'SELECT 1 AS id' }]);
    const planned = await plan(asView, p1Id);
    const drop = planned.steps.find((s) => s.sql.startsWith('DROP TABLE'))!;
    expect(drop.hazards[0]).toEqual({ kind: 'recreates-object', message: expect.stringContaining("the model's view public.items is a different object (id p1_items_view) from the database's table") });
    const refused = await apply(asView, p1Id, planned.hazards.filter((h) => h !== 'recreates-object'));
    expect(refused.status).toBe(400);
    expect(refused.json.details).toEqual({ hazards: ['recreates-object'] });
    expect(await rows()).toBe(2);
  });

  it('a rename by shape (baseline lost, table renamed in the model) is offered, and once confirmed renames it with its rows', async () => {
    const columns: Columns = [['p1_items_note', 'note', 'text'], ['p1_by_hand', 'by_hand', 'text']];
    const goods = documentOf([{ ...table('p1_items', 'goods', [...ITEMS, ...columns]) }]);
    const offered = await plan(goods, p1Id);
    expect(offered.renameCandidates).toEqual([{ from: 'public.items', toId: 'p1_items', to: 'public.goods' }]);
    expect(offered.sql).toContain('DROP TABLE public.items');
    const renames = offered.renameCandidates;
    const confirmed = await server.request('POST', `/api/targets/${targetId}/plan`, { body: { document: goods, projectId: p1Id, renames } });
    expect(confirmed.json.steps.map((s: { sql: string }) => s.sql)).toEqual(['ALTER TABLE public.items RENAME TO goods;', 'ALTER TABLE public.goods RENAME CONSTRAINT items_pkey TO goods_pkey;']);
    const applied = await server.request('POST', `/api/targets/${targetId}/apply`, {
      body: { document: goods, projectId: p1Id, renames, hash: confirmed.json.hash, acceptedHazards: confirmed.json.hazards },
    });
    expect(applied.json).toMatchObject({ status: 'applied', verified: true });
    expect(Number((await target.query<{ n: string }>('SELECT count(*) AS n FROM public.goods'))[0].n)).toBe(2);
  });

  it('a store from before project baselines: its target-wide row serves a project without its own (a rename made since stays a rename)', async () => {
    const columns: Columns = [...ITEMS, ['p1_items_note', 'note', 'text'], ['p1_by_hand', 'by_hand', 'text']];
    await storeSql.exec('DELETE FROM schemata.project_baselines');
    // What an older studio did on every apply: the target-wide row (no project id).
    expect((await apply(documentOf([table('p1_items', 'goods', columns)]))).json).toMatchObject({ status: 'applied' });
    expect(await baselineRows(p1Id)).toBe(0);
    const planned = await plan(documentOf([table('p1_items', 'wares', columns)]), p1Id);
    expect(planned.steps.map((s) => s.sql)).toEqual(['ALTER TABLE public.goods RENAME TO wares;', 'ALTER TABLE public.wares RENAME CONSTRAINT goods_pkey TO wares_pkey;']);
  });

  it('bad input: a project id that is not a string is a 400 naming the field', async () => {
    const res = await server.request('POST', `/api/targets/${targetId}/plan`, { body: { document: p1(), projectId: 42 } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('projectId');
  });

  it('removing the target removes its baselines', async () => {
    // Renamed back from goods (the previous case): a rename, whose hazard is accepted.
    expect((await apply(p1(['p1_items_note', 'note', 'text'], ['p1_by_hand', 'by_hand', 'text']), p1Id, ['breaks-dependents'])).json).toMatchObject({ status: 'applied' });
    expect(await baselineRows(p1Id)).toBe(1);
    expect((await server.request('DELETE', `/api/targets/${targetId}`)).status).toBe(204);
    expect(await baselineRows(p1Id)).toBe(0);
  });

  it('CLI: diff --db names a rename candidate on stderr (and in --json); apply --rename renames the table with its rows', async () => {
    const goods = documentOf([table('p1_items', 'goods', [...ITEMS, ['p1_items_note', 'note', 'text'], ['p1_by_hand', 'by_hand', 'text']])]);
    const files = { 'goods.json': JSON.stringify(goods) };
    const db = ['--db', targetDb.url, '--shadow-url', ADMIN_URL];
    const diffed = await cliInProcess(['diff', ...db, 'goods.json'], files);
    expect(diffed.stderr).toContain('public.items and public.goods have the same columns: if it is a rename, apply with --rename public.items=p1_items');
    expect(JSON.parse((await cliInProcess(['diff', ...db, 'goods.json', '--json'], files)).stdout).renameCandidates).toEqual([{ from: 'public.items', toId: 'p1_items', to: 'public.goods' }]);
    expect((await cliInProcess(['apply', ...db, 'goods.json', '--rename'], files)).stderr).toContain('--rename needs <schema.table>=<model table id>');
    const applied = await cliInProcess(['apply', ...db, 'goods.json', '--rename', 'public.items=p1_items', '--allow', 'breaks-dependents'], files);
    expect(applied.stdout).toContain('ALTER TABLE public.items RENAME TO goods;');
    expect(applied.stdout).not.toContain('DROP TABLE');
    expect(Number((await target.query<{ n: string }>('SELECT count(*) AS n FROM public.goods'))[0].n)).toBe(2);
  });
});
