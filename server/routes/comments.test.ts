/** The comments API over HTTP, on a PostgreSQL store and on the embedded one. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH } from '../../shared/api/comments.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { openStore, type Store } from '../store/index.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';

function documentWithOrders(): ModelDocument {
  const model = emptyModel();
  model.tables = [{
    id: 'table_orders', schema: 'public', name: 'orders', uniques: [], checks: [], foreignKeys: [], indexes: [],
    columns: [{ id: 'col_total', name: 'total', type: { name: 'numeric' }, notNull: true }],
  }];
  return makeDocument(model);
}

function commentsApi(name: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let server: TestServer;
    let store: Store;
    let cleanup: () => Promise<void>;
    let projectId: string;
    beforeAll(async () => {
      ({ store, cleanup } = await open());
      server = await startTestServer({ store });
      const created = await server.request('POST', '/api/projects', { body: { name: 'Shop', document: documentWithOrders() } });
      projectId = created.json.id;
    }, 240_000);
    afterAll(async () => {
      await server?.close();
      await store?.close();
      await cleanup?.();
    });
    const path = (...rest: string[]) => [`/api/projects/${projectId}/comments`, ...rest].join('/');

    it('starts, lists, replies, resolves and reopens threads; an absent name is "Anonymous"', async () => {
      const started = await server.request('POST', path(), { body: { target: { kind: 'table', tableId: 'table_orders' }, body: '  Why numeric?  ', author: 'Ann' } });
      expect(started.status).toBe(201);
      expect(started.json.comments).toEqual([{ id: expect.any(String), author: 'Ann', body: 'Why numeric?', createdAt: expect.any(String) }]);
      const threadId = started.json.id;
      const column = await server.request('POST', path(), { body: { target: { kind: 'column', tableId: 'table_orders', columnId: 'col_total' }, body: 'cents?' } });
      expect(column.json.comments[0].author).toBe('Anonymous');

      const reply = await server.request('POST', path(threadId, 'replies'), { body: { body: 'Money.', author: 'Bo' } });
      expect(reply.status).toBe(201);
      expect(reply.json.comments.map((c: { author: string }) => c.author)).toEqual(['Ann', 'Bo']);

      const resolved = await server.request('PATCH', path(threadId), { body: { status: 'resolved', author: 'Bo' } });
      expect(resolved.json).toMatchObject({ status: 'resolved', resolvedBy: 'Bo' });
      const list = await server.request('GET', path());
      expect(list.json.map((t: { status: string }) => t.status)).toEqual(['resolved', 'open']);
      const reopened = await server.request('PATCH', path(threadId), { body: { status: 'open' } });
      expect(reopened.json).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    });

    it('404 for an unknown project or thread', async () => {
      const target = { kind: 'table', tableId: 't' };
      const answers = await Promise.all([
        server.request('GET', '/api/projects/nope/comments'),
        server.request('POST', '/api/projects/nope/comments', { body: { target, body: 'x' } }),
        server.request('POST', path('nope', 'replies'), { body: { body: 'x' } }),
        server.request('PATCH', path('nope'), { body: { status: 'resolved' } }),
      ]);
      expect(answers.map((a) => [a.status, a.json.code])).toEqual(Array(4).fill([404, 'not-found']));
    });

    it('400 for a bad target, an empty or too long body, an unknown status, a too long name', async () => {
      const bodies: unknown[] = [
        { target: { kind: 'view', tableId: 't' }, body: 'x' },
        { target: { kind: 'column', tableId: 't' }, body: 'x' },
        { target: { kind: 'table', tableId: 't' }, body: '   ' },
        { target: { kind: 'table', tableId: 't' }, body: 'x'.repeat(COMMENT_MAX_LENGTH + 1) },
        { target: { kind: 'table', tableId: 't' }, body: 'x', author: 'n'.repeat(61) },
      ];
      for (const body of bodies) {
        const answer = await server.request('POST', path(), { body });
        expect([answer.status, answer.json.code], JSON.stringify(body).slice(0, 80)).toEqual([400, 'invalid-request']);
      }
      const bad = await server.request('PATCH', path('any'), { body: { status: 'closed' } });
      expect(bad.status).toBe(400);
    });

    it('leaves the project as it was: same version, same document, same DDL', async () => {
      const before = await server.request('GET', `/api/projects/${projectId}`);
      const ddlBefore = await server.request('POST', '/api/ddl', { body: { document: before.json.document } });
      await server.request('POST', path(), { body: { target: { kind: 'table', tableId: 'table_orders' }, body: 'a secret remark' } });
      const after = await server.request('GET', `/api/projects/${projectId}`);
      expect(after.json).toEqual(before.json);
      const ddlAfter = await server.request('POST', '/api/ddl', { body: { document: after.json.document } });
      expect(ddlAfter.json).toEqual(ddlBefore.json);
      expect(JSON.stringify(after.json)).not.toContain('secret remark');
    });
  });
}

commentsApi('PostgreSQL store', async () => {
  const db = await createThrowawayDb('comments_api');
  return { store: await openStore({ url: db.url, dataDir: '/nonexistent' }), cleanup: db.drop };
});

commentsApi('embedded PGlite store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'schemata-comments-api-'));
  return { store: await openStore({ dataDir }), cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
