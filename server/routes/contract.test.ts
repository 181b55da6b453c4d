/**
 * The HTTP contract, route by route: a real server (store and target in throwaway PostgreSQL
 * databases, models loaded on the admin server as a shadow) driven through every route of
 * `testing/contract.ts` once, each answer parsed with its schema from `shared/api/`. The test server
 * checks every answer of every route test the same way; this file makes sure each route is reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorZod } from '../../shared/api/errors.ts';
import { applyStreamLineZod } from '../../shared/api/plans.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { startTestServer, type TestResponse, type TestServer } from '../http/test-server.ts';
import { openStore, type Store } from '../store/index.ts';
import { checkContract, ROUTE_CONTRACTS, routeOf } from '../testing/contract.ts';
import { ADMIN_URL } from '../testing/throwaway-db.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';

const column = (id: string, name: string, type: string) => ({ id, name, type: { name: type }, notNull: false });
const table = (id: string, name: string) => ({
  id, schema: 'public', name, columns: [column(`${id}_id`, 'id', 'integer'), column(`${id}_title`, 'title', 'text')],
  uniques: [], checks: [], foreignKeys: [], indexes: [], primaryKey: { id: `${id}_pk`, columns: [`${id}_id`] },
});
const documentOf = (...names: string[]): ModelDocument => makeDocument({
  schemas: [{ id: 'schema_p', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [],
  tables: names.map((name) => table(name, name)),
});

describe('the HTTP contract (shared/api/) on every route', () => {
  const studio = useTestStudio({ purpose: 'contract', store: 'postgres', timeoutMs: 60_000 });
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await openStore({ url: studio.storeUrl, dataDir: studio.dataDir });
    server = await startTestServer({ store, targets: studio.targets });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  const reached = new Set<string>();
  /** Sends the request, expects `status`, and parses the answer with its route's schema. */
  async function call(method: string, path: string, status: number, body?: unknown, headers?: Record<string, string>): Promise<TestResponse> {
    const res = await server.request(method, path, { ...(body === undefined ? {} : { body }), headers });
    expect(res.status, `${method} ${path}: ${res.text}`).toBe(status);
    const route = routeOf(method, path);
    expect(route, `${method} ${path} is a route of the contract`).toBeDefined();
    reached.add(route!);
    const expected = ROUTE_CONTRACTS[route!];
    if (expected === 'empty') expect(res.text).toBe('');
    else if (String(res.headers['content-type']).includes('ndjson')) {
      for (const line of res.text.trim().split('\n')) expect(applyStreamLineZod.safeParse(JSON.parse(line)).error).toBeUndefined();
    } else expect(expected.safeParse(res.json).error).toBeUndefined();
    return res;
  }

  it('answers the studio routes (health, access, templates, DDL, import, migration files) in their shapes', async () => {
    await call('GET', '/api/health', 200);
    await call('GET', '/api/access', 204);
    const [first] = (await call('GET', '/api/templates', 200)).json as { name: string }[];
    await call('GET', `/api/templates/${first.name}`, 200);
    expect((await call('POST', '/api/ddl', 200, { document: documentOf('items') })).json.sql).toContain('CREATE TABLE');
    await call('POST', '/api/import', 200, { text: 'CREATE TABLE a (id int);\nSET x = 1;' });
    // Both documents are canonicalized in the embedded engine: its first start (initdb) takes a while.
    await call('POST', '/api/migration-files', 200, { from: documentOf(), to: documentOf('items'), layout: 'plain', name: 'add items', version: 1 });
  }, 240_000);

  it('answers the projects routes in their shapes', async () => {
    const { id, version } = (await call('POST', '/api/projects', 201, { name: 'P', document: documentOf('items') })).json;
    await call('GET', '/api/projects', 200);
    await call('GET', `/api/projects/${id}`, 200);
    await call('PUT', `/api/projects/${id}`, 200, { document: documentOf('items', 'tags'), version });
    await call('PATCH', `/api/projects/${id}`, 200, { name: 'Q' });
    const copy = (await call('POST', `/api/projects/${id}/duplicate`, 201, {})).json;
    const snapshot = (await call('POST', `/api/projects/${id}/versions`, 201, { label: 'v1' })).json;
    await call('GET', `/api/projects/${id}/versions`, 200);
    await call('GET', `/api/projects/${id}/versions/${snapshot.id}`, 200);
    const thread = (await call('POST', `/api/projects/${id}/comments`, 201, { target: { kind: 'table', tableId: 'items' }, body: 'why?' })).json;
    await call('POST', `/api/projects/${id}/comments/${thread.id}/replies`, 201, { body: 'because', author: 'Ann' });
    await call('PATCH', `/api/projects/${id}/comments/${thread.id}`, 200, { status: 'resolved', author: 'Ann' });
    await call('GET', `/api/projects/${id}/comments`, 200);
    const link = (await call('POST', `/api/projects/${id}/share-links`, 201)).json;
    await call('GET', `/api/projects/${id}/share-links`, 200);
    const share = { authorization: `Bearer ${new URL(link.url).searchParams.get('share')}` };
    expect((await call('GET', '/api/shared', 200, undefined, share)).json).toEqual({ projectId: id, projectName: 'Q' });
    await call('DELETE', `/api/projects/${id}/share-links/${link.id}`, 204);
    await call('DELETE', `/api/projects/${copy.id}`, 204);
  });

  it('answers the targets, plan, apply (JSON and streamed), history, journal and revert routes in their shapes', async () => {
    const target = (await call('POST', '/api/targets', 201, { name: 'T', url: studio.db.url, shadowUrl: ADMIN_URL })).json;
    const path = `/api/targets/${target.id}`;
    await call('GET', '/api/targets', 200);
    await call('PATCH', path, 200, { name: 'T2' });
    expect((await call('POST', `${path}/test`, 200)).json.ok).toBe(true);
    await call('POST', `${path}/introspect`, 200, {});
    const first = documentOf('items');
    const plan = (await call('POST', `${path}/plan`, 200, { document: first })).json;
    await call('POST', `${path}/apply`, 200, { document: first, hash: plan.hash, acceptedHazards: plan.hazards });
    const second = documentOf('items', 'tags');
    const next = (await call('POST', `${path}/plan`, 200, { document: second })).json;
    const streamed = await call('POST', `${path}/apply?stream`, 200, { document: second, hash: next.hash, acceptedHazards: next.hazards });
    expect(streamed.text.trim().split('\n').map((line) => JSON.parse(line).type).at(-1)).toBe('result');
    const [latest] = (await call('GET', `${path}/history`, 200)).json;
    await call('GET', `${path}/journal`, 200);
    const revertPlan = (await call('POST', `${path}/history/${latest.id}/revert/plan`, 200, {})).json;
    await call('POST', `${path}/history/${latest.id}/revert`, 200, { hash: revertPlan.hash, acceptedHazards: revertPlan.hazards });
    await call('DELETE', path, 204);
  }, 120_000);

  it('reached every route of the contract', () => {
    expect([...reached].sort()).toEqual(Object.keys(ROUTE_CONTRACTS).sort());
  });

  it('answers errors with the one error body', async () => {
    const missing = await server.request('GET', '/api/projects/nope');
    expect(missing.status).toBe(404);
    expect(apiErrorZod.parse(missing.json).code).toBe('not-found');
    const invalid = await server.request('POST', '/api/ddl', { body: {} });
    expect(apiErrorZod.parse(invalid.json).code).toBe('invalid-request');
  });
});

describe('checkContract', () => {
  const json = (status: number, body: unknown) => ({ status, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) });

  it('refuses an answer that does not match its route, a route it does not know, a bad stream line or error body', () => {
    expect(() => checkContract('GET', '/api/health', json(200, { ok: true, version: '1' }))).not.toThrow();
    expect(() => checkContract('GET', '/api/health', json(200, { ok: 'yes' }))).toThrow(/GET \/api\/health → 200 does not match/);
    expect(() => checkContract('GET', '/api/targets', json(200, [{ id: 't', name: 'T' }]))).toThrow(/0\.kind/);
    expect(() => checkContract('GET', '/api/nowhere', json(200, {}))).toThrow(/no route/);
    expect(() => checkContract('GET', '/api/projects/x', json(404, { message: 'no' }))).toThrow(/code/);
    const line = (value: unknown) => `${JSON.stringify(value)}\n`;
    const stream = (text: string) => ({ status: 200, contentType: 'application/x-ndjson', text });
    expect(() => checkContract('POST', '/api/targets/t/apply?stream', stream(line({ type: 'step', index: 0, total: 1, sql: 'x', phase: 'tables' }))))
      .not.toThrow();
    expect(() => checkContract('POST', '/api/targets/t/apply?stream', stream(line({ type: 'step', index: 0 })))).toThrow(/line 1/);
    expect(() => checkContract('DELETE', '/api/targets/t', { status: 204, contentType: '', text: '' })).not.toThrow();
  });
});
