/** Comment threads in the store, on a shared PostgreSQL store and on the embedded one. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../shared/api/comments.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';
import { commentStore, type CommentChange } from './comments.ts';
import { openStore, storeUrl, type Store } from './index.ts';

const document = makeDocument(emptyModel());
const threadOf = (change: CommentChange): Thread => {
  if (change.status !== 'done') throw new Error(`expected a thread, got ${change.status}`);
  return change.thread;
};

function commentsBehave(name: string, open: () => Promise<{ store: Store; url: string; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let store: Store;
    let url: string;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, url, cleanup } = await open());
    }, 240_000);
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('starts a thread on a table or a column, replies in order, resolves and reopens', async () => {
      const { id } = await store.projects.create('Shop', document);
      expect(await store.comments.list(id)).toEqual([]);
      const onTable = threadOf(await store.comments.createThread(id, { kind: 'table', tableId: 't1' }, 'Why two keys?', 'Ann'));
      expect(onTable).toMatchObject({ target: { kind: 'table', tableId: 't1' }, status: 'open', resolvedAt: null, resolvedBy: null });
      expect(onTable.comments.map((c) => [c.author, c.body])).toEqual([['Ann', 'Why two keys?']]);
      const onColumn = threadOf(await store.comments.createThread(id, { kind: 'column', tableId: 't1', columnId: 'c1' }, 'cents?', 'Bo'));
      expect(onColumn.target).toEqual({ kind: 'column', tableId: 't1', columnId: 'c1' });

      const replied = threadOf(await store.comments.reply(id, onTable.id, 'History.', 'Bo'));
      expect(replied.comments.map((c) => c.body)).toEqual(['Why two keys?', 'History.']);
      const resolved = threadOf(await store.comments.setStatus(id, onTable.id, 'resolved', 'Ann'));
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'Ann', resolvedAt: expect.any(String) });
      const reopened = threadOf(await store.comments.setStatus(id, onTable.id, 'open', 'Bo'));
      expect(reopened).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });

      const listed = await store.comments.list(id);
      expect(listed?.map((t) => [t.id, t.comments.length])).toEqual([[onTable.id, 2], [onColumn.id, 1]]);
    });

    it('finds nothing for an unknown project or thread, nor for a thread of another project', async () => {
      const a = await store.projects.create('A', document);
      const b = await store.projects.create('B', document);
      const thread = threadOf(await store.comments.createThread(a.id, { kind: 'table', tableId: 't' }, 'x', 'Ann'));
      expect(await store.comments.list('no-such-project')).toBeUndefined();
      expect(await store.comments.createThread('no-such-project', { kind: 'table', tableId: 't' }, 'x', 'Ann')).toEqual({ status: 'missing' });
      expect(await store.comments.reply(b.id, thread.id, 'x', 'Ann')).toEqual({ status: 'missing' });
      expect(await store.comments.setStatus(b.id, thread.id, 'resolved', 'Ann')).toEqual({ status: 'missing' });
      expect(await store.comments.reply(a.id, 'no-such-thread', 'x', 'Ann')).toEqual({ status: 'missing' });
      expect(await store.comments.list(b.id)).toEqual([]);
    });

    it('holds at most so many threads per project and comments per thread', async () => {
      const p = await store.projects.create('Busy', document);
      const client = await openSqlClient(url);
      try {
        const small = commentStore(client, { threadsPerProject: 2, commentsPerThread: 2 });
        const first = threadOf(await small.createThread(p.id, { kind: 'table', tableId: 't' }, 'one', 'Ann'));
        threadOf(await small.createThread(p.id, { kind: 'table', tableId: 't' }, 'two', 'Ann'));
        expect(await small.createThread(p.id, { kind: 'table', tableId: 't' }, 'three', 'Ann')).toEqual({ status: 'full', limit: 2 });
        threadOf(await small.reply(p.id, first.id, 'reply', 'Bo'));
        expect(await small.reply(p.id, first.id, 'one more', 'Bo')).toEqual({ status: 'full', limit: 2 });
        expect((await small.list(p.id))?.map((t) => t.comments.length)).toEqual([2, 1]);
      } finally {
        await client.close();
      }
    });

    it('is not part of the project: saving keeps threads, the document and its version are untouched, deleting the project drops them', async () => {
      const p = await store.projects.create('Kept', document);
      await store.comments.createThread(p.id, { kind: 'table', tableId: 't' }, 'note', 'Ann');
      expect(await store.projects.get(p.id)).toMatchObject({ version: 1, document });
      expect(await store.projects.save(p.id, document, 1)).toEqual({ status: 'saved', version: 2 });
      expect(await store.comments.list(p.id)).toHaveLength(1);
      await store.projects.remove(p.id);
      const client = await openSqlClient(url);
      try {
        const rows = await client.query('select 1 from schemata.comment_threads where project_id = $1', [p.id]);
        expect(rows).toEqual([]);
      } finally {
        await client.close();
      }
    });
  });
}

commentsBehave('PostgreSQL store', async () => {
  const db = await createThrowawayDb('comments_store');
  return { store: await openStore({ url: db.url, dataDir: '/nonexistent' }), url: db.url, cleanup: db.drop };
});

commentsBehave('embedded store (PGlite)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'schemata-comments-'));
  return { store: await openStore({ dataDir }), url: storeUrl({ dataDir }), cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
