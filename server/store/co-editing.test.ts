/** Rooms' Yjs states in the store (PostgreSQL on 5432): kept deflated, read back whole, first state kept once. */
import { deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { addTable } from '../../shared/model/ops/tables.ts';
import { writeDocument } from '../../shared/live/shared-document.ts';
import { openSqlClient } from '../db/sql-client.ts';
import type { SqlClient } from '../db/sql-session.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { openStore, type Store } from './index.ts';

/** The Yjs state of a document with `count` tables. */
function stateWith(count: number): Uint8Array {
  let model = emptyModel();
  for (let i = 0; i < count; i++) model = addTable(model, { id: `table:t${i}`, name: `t${i}`, withIdColumn: true });
  const doc = new Y.Doc();
  writeDocument(doc, undefined, makeDocument(model), 'test');
  return Y.encodeStateAsUpdate(doc);
}

describe('co-editing states in the store', () => {
  let db: ThrowawayDb;
  let store: Store;
  let sql: SqlClient;
  beforeAll(async () => {
    db = await createThrowawayDb('co_editing_store');
    store = await openStore({ url: db.url, dataDir: '/nonexistent' });
    sql = await openSqlClient(db.url);
  });
  afterAll(async () => {
    await sql?.close();
    await store?.close();
    await db?.drop();
  });
  const project = async () => (await store.projects.create('Together', makeDocument(emptyModel()))).id;

  it('keeps the first state once: the first caller gets its own back, a later one the kept one', async () => {
    const id = await project();
    const first = stateWith(3);
    expect(await store.coEditing.firstState(id, first)).toBe(first);
    expect(await store.coEditing.firstState(id, stateWith(4))).toEqual(first);
    expect(await store.coEditing.loadState(id)).toEqual(first);
  });

  it('keeps a state deflated, several times smaller, and reads it back whole', async () => {
    const id = await project();
    const state = stateWith(300);
    expect(await store.coEditing.saveState(id, state)).toBe(true);
    const [row] = await sql.query<{ bytes: number; encoding: string }>(
      'SELECT octet_length(state) AS bytes, encoding FROM schemata.live_documents WHERE project_id = $1', [id]);
    expect(row.encoding).toBe('deflate');
    expect(Number(row.bytes)).toBeLessThan(state.length / 3);
    expect(await store.coEditing.loadState(id)).toEqual(state);
  });

  it('reads a state kept before states were deflated as it is', async () => {
    const id = await project();
    const state = stateWith(2);
    await sql.query("INSERT INTO schemata.live_documents (project_id, state, encoding) VALUES ($1, $2, 'raw')", [id, Buffer.from(state)]);
    expect(await store.coEditing.loadState(id)).toEqual(state);
  });

  it('reads a state deflated by the earlier encoder (fflate, raw DEFLATE) as it was', async () => {
    const id = await project();
    const state = stateWith(20);
    await sql.query("INSERT INTO schemata.live_documents (project_id, state, encoding) VALUES ($1, $2, 'deflate')",
      [id, Buffer.from(deflateSync(state, { level: 1 }))]);
    expect(await store.coEditing.loadState(id)).toEqual(state);
  });

  it('keeps no state for a project that does not exist', async () => {
    expect(await store.coEditing.saveState('no-such-project', stateWith(1))).toBe(false);
    expect(await store.coEditing.firstState('no-such-project', stateWith(1))).toBeUndefined();
  });
});
