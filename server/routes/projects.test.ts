import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { openStore, type Store } from '../store/index.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';

function documentWithTables(...names: string[]): ModelDocument {
  const model = emptyModel();
  model.tables = names.map((name) => ({
    id: `table_${name}`, schema: 'public', name,
    columns: [{ id: `col_${name}_id`, name: 'id', type: { name: 'bigint' }, notNull: true }],
    uniques: [], checks: [], foreignKeys: [], indexes: [],
  }));
  return makeDocument(model);
}
const tableNames = (doc: ModelDocument) => doc.model.tables.map((t) => t.name);

/** The projects API (issue 4 contract), against a PostgreSQL store and against the embedded one. */
function projectsApi(name: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let server: TestServer;
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await open());
      server = await startTestServer({ store });
    });
    afterAll(async () => {
      await server.close();
      await store.close();
      await cleanup();
    });
    const create = async (projectName: string, document = documentWithTables('a')) => {
      const res = await server.request('POST', '/api/projects', { body: { name: projectName, document } });
      expect(res.status).toBe(201);
      return res.json as { id: string; version: number };
    };

    it('POST → 201 {id, version}; GET one → {id, name, version, document}; GET all lists it with its table count', async () => {
      const { id, version } = await create('Shop', documentWithTables('orders', 'customers'));
      expect(version).toBe(1);
      const one = await server.request('GET', `/api/projects/${id}`);
      expect(one.status).toBe(200);
      expect(Object.keys(one.json).sort()).toEqual(['document', 'id', 'name', 'version']);
      expect(one.json).toMatchObject({ id, name: 'Shop', version: 1 });
      expect(tableNames(one.json.document)).toEqual(['orders', 'customers']);
      const list = await server.request('GET', '/api/projects');
      expect(list.json.find((p: { id: string }) => p.id === id)).toEqual({ id, name: 'Shop', version: 1, updatedAt: expect.any(String), tableCount: 2 });
    });

    it('PUT with the current version → 200 {version}; with a stale one → 409 and nothing lost', async () => {
      const { id } = await create('Saves');
      const saved = await server.request('PUT', `/api/projects/${id}`, { body: { document: documentWithTables('a', 'b'), version: 1 } });
      expect(saved.status).toBe(200);
      expect(saved.json).toEqual({ version: 2 });
      const stale = await server.request('PUT', `/api/projects/${id}`, { body: { document: documentWithTables('lost'), version: 1 } });
      expect(stale.status).toBe(409);
      expect(stale.json).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
      expect(stale.json.message).toMatch(/reload/);
      expect(tableNames((await server.request('GET', `/api/projects/${id}`)).json.document)).toEqual(['a', 'b']);
    });

    it('two concurrent PUTs with the same version: exactly one wins', async () => {
      const { id } = await create('Race');
      const attempts = await Promise.all(['left', 'right', 'middle'].map((t) =>
        server.request('PUT', `/api/projects/${id}`, { body: { document: documentWithTables(t), version: 1 } })));
      expect(attempts.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = attempts.find((r) => r.status === 200);
      expect(winner?.json).toEqual({ version: 2 });
      const stored = (await server.request('GET', `/api/projects/${id}`)).json;
      expect(stored.version).toBe(2);
      expect(tableNames(stored.document)).toHaveLength(1);
    });

    it('PATCH renames, duplicate copies, DELETE removes', async () => {
      const { id } = await create('Old name');
      const renamed = await server.request('PATCH', `/api/projects/${id}`, { body: { name: 'New name' } });
      expect(renamed.status).toBe(200);
      expect(renamed.json).toEqual({ id, name: 'New name', version: 1 });
      const copy = await server.request('POST', `/api/projects/${id}/duplicate`);
      expect(copy.status).toBe(201);
      expect(copy.json).toMatchObject({ name: 'New name (copy)', version: 1 });
      expect(copy.json.id).not.toBe(id);
      const named = await server.request('POST', `/api/projects/${id}/duplicate`, { body: { name: 'Fork' } });
      expect(named.json.name).toBe('Fork');
      expect((await server.request('DELETE', `/api/projects/${id}`)).status).toBe(204);
      expect((await server.request('GET', `/api/projects/${id}`)).status).toBe(404);
      expect((await server.request('GET', `/api/projects/${copy.json.id}`)).status).toBe(200);
    });

    it('named versions: snapshot, list, read one', async () => {
      const { id } = await create('Versioned', documentWithTables('v1'));
      const first = await server.request('POST', `/api/projects/${id}/versions`, { body: { label: 'before the change' } });
      expect(first.status).toBe(201);
      expect(first.json).toEqual({ id: expect.any(String), label: 'before the change', projectVersion: 1, createdAt: expect.any(String) });
      await server.request('PUT', `/api/projects/${id}`, { body: { document: documentWithTables('v1', 'v2'), version: 1 } });
      await server.request('POST', `/api/projects/${id}/versions`, { body: { label: 'after' } });
      const list = await server.request('GET', `/api/projects/${id}/versions`);
      expect(list.json.map((v: { label: string; projectVersion: number }) => `${v.label}@${v.projectVersion}`).sort()).toEqual(['after@2', 'before the change@1']);
      const snapshot = await server.request('GET', `/api/projects/${id}/versions/${first.json.id}`);
      expect(snapshot.status).toBe(200);
      expect(tableNames(snapshot.json.document)).toEqual(['v1']);
      expect((await server.request('GET', `/api/projects/${id}/versions/nope`)).status).toBe(404);
    });

    it.each([
      ['GET', '/api/projects/nope', undefined],
      ['PUT', '/api/projects/nope', { document: documentWithTables('x'), version: 1 }],
      ['PATCH', '/api/projects/nope', { name: 'x' }],
      ['POST', '/api/projects/nope/duplicate', undefined],
      ['DELETE', '/api/projects/nope', undefined],
      ['POST', '/api/projects/nope/versions', { label: 'x' }],
      ['GET', '/api/projects/nope/versions', undefined],
    ])('%s %s on an unknown project → JSON 404', async (method, path, body) => {
      const res = await server.request(method, path, { body });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ code: 'not-found', message: 'no project with id "nope"' });
    });

    it.each([
      ['POST', 'an empty name', { name: '  ', document: documentWithTables('a') }, 'name'],
      ['POST', 'no document', { name: 'x' }, 'document'],
      ['POST', 'a column without a type', { name: 'x', document: { ...documentWithTables('a'), model: { ...documentWithTables('a').model, tables: [{ ...documentWithTables('a').model.tables[0], columns: [{ id: 'c', name: 'id', notNull: true }] }] } } }, 'document.model.tables[0].columns[0].type'],
      ['PUT', 'no version', { document: documentWithTables('a') }, 'version'],
      ['PUT', 'a version that is not a number', { document: documentWithTables('a'), version: '1' }, 'version'],
    ])('%s with %s → 400 naming the field', async (method, _case, body, path) => {
      const target = method === 'POST' ? '/api/projects' : `/api/projects/${(await create('Target')).id}`;
      const res = await server.request(method, target, { body });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('invalid-request');
      expect(res.json.details).toContainEqual({ path, message: expect.any(String) });
    });

    it.each([
      ['bad percent-encoding', '%ZZ', 400],
      ['a NUL', 'a%00b', 400],
      ['a very long id', 'x'.repeat(10_000), 404],
      ['quotes and SQL', "x'%3B%20DROP%20TABLE%20projects%3B--", 404],
      ['an escaped slash', 'a%2Fb', 404],
    ])('a bad id (%s) → a 4xx with a message, never a 500', async (_what, id, status) => {
      for (const [method, path] of [['GET', `/api/projects/${id}`], ['DELETE', `/api/projects/${id}`], ['GET', `/api/projects/${id}/versions`]]) {
        const res = await server.request(method, path);
        expect([method, path.slice(0, 40), res.status]).toEqual([method, path.slice(0, 40), status]);
        expect(res.json.message).toEqual(expect.any(String));
      }
    });
  });
}

projectsApi('PostgreSQL store (a throwaway database, as SCHEMATA_STORE_URL)', async () => {
  const db = await createThrowawayDb('projects_api');
  return { store: await openStore({ url: db.url, dataDir: '/nonexistent' }), cleanup: db.drop };
});

projectsApi('embedded PGlite store in a temporary data directory', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'schemata-api-'));
  return { store: await openStore({ dataDir }), cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
