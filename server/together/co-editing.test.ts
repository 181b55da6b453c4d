/**
 * Co-editing through the real server: y-websocket clients (the library the browser uses) on the
 * real HTTP server, a PostgreSQL store on 5432; two studio instances sharing that store relay to
 * each other through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { ModelDocument } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { addTable, renameTable } from '../../shared/model/ops/tables.ts';
import { withMissingPositions } from '../../shared/model/initial-layout.ts';
import { readDocument, writeDocument } from '../../shared/live/shared-document.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { openStore, type Store } from '../store/index.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { ProjectRoom, SAVE_DELAY_MS } from './project-room.ts';

const WAIT_MS = 10_000;

async function until<T>(read: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A browser's side: a Y.Doc synced by y-websocket, reading and writing the document as JSON. */
class Editor {
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  constructor(server: TestServer, projectId: string, headers: Record<string, string> = { authorization: `Bearer ${server.token}` }) {
    const withHeaders = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    };
    this.provider = new WebsocketProvider(`ws://${server.host}/api/projects/${projectId}`, 'live', this.ydoc, {
      WebSocketPolyfill: withHeaders as unknown as typeof globalThis.WebSocket,
      // Through the server only: editors in one process would otherwise also talk over a BroadcastChannel.
      disableBc: true,
    });
  }
  synced = () => until(() => this.provider.synced, 'the first sync');
  doc = (): ModelDocument => readDocument(this.ydoc, undefined);
  edit(change: (doc: ModelDocument) => ModelDocument) {
    const before = this.doc();
    writeDocument(this.ydoc, before, change(before), 'local');
  }
  close() {
    this.provider.destroy();
  }
}

const tables = (doc: ModelDocument) => doc.model.tables.map((t) => t.name).sort();
const withTables = (...names: string[]) => {
  let model = emptyModel();
  for (const name of names) model = addTable(model, { id: `table:${name}`, name });
  return makeDocument(model);
};

describe('co-editing rooms', () => {
  let db: ThrowawayDb;
  let store: Store;
  let second: Store;
  let server: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    db = await createThrowawayDb('co_editing');
    store = await openStore({ url: db.url, dataDir: '/nonexistent' });
    second = await openStore({ url: db.url, dataDir: '/nonexistent' });
    server = await startTestServer({ store });
    other = await startTestServer({ store: second });
  });
  afterAll(async () => {
    await server?.close();
    await other?.close();
    await store?.close();
    await second?.close();
    await db?.drop();
  });

  const create = async (document = withTables('orders', 'customers')) => {
    const res = await server.request('POST', '/api/projects', { body: { name: 'Together', document } });
    return res.json.id as string;
  };
  const stored = async (id: string) => (await server.request('GET', `/api/projects/${id}`)).json as { version: number; document: ModelDocument };

  it('two editors see each other\'s edits to different tables, and the room saves them as new versions', async () => {
    const id = await create();
    const [a, b] = [new Editor(server, id), new Editor(server, id)];
    try {
      await Promise.all([a.synced(), b.synced()]);
      expect(tables(a.doc())).toEqual(['customers', 'orders']);
      a.edit((d) => ({ ...d, model: renameTable(d.model, { tableId: 'table:orders', name: 'purchases' }) }));
      b.edit((d) => ({ ...d, model: renameTable(d.model, { tableId: 'table:customers', name: 'clients' }) }));
      await until(() => tables(a.doc()).join() === 'clients,purchases' && tables(b.doc()).join() === 'clients,purchases', 'both edits on both sides');
      const after = await until(async () => {
        const now = await stored(id);
        return tables(now.document).join() === 'clients,purchases' && now;
      }, 'the room to save');
      expect(after.version).toBeGreaterThan(1);
      // Where one of them looks is saved with the project (a reopen shows it), not shared with the other.
      a.edit((d) => ({ ...d, layout: { ...d.layout, viewport: { x: 5, y: 6, zoom: 0.5 } } }));
      await until(async () => JSON.stringify((await stored(id)).document.layout.viewport) === '{"x":5,"y":6,"zoom":0.5}', 'the viewport to be saved');
      expect(readDocument(b.ydoc, undefined).layout.viewport).toBeUndefined();
    } finally {
      a.close();
      b.close();
    }
  });

  it('an editor who was offline merges on reconnect; a plain API save made meanwhile is merged too', async () => {
    const id = await create();
    const [a, b] = [new Editor(server, id), new Editor(server, id)];
    try {
      await Promise.all([a.synced(), b.synced()]);
      b.provider.disconnect();
      b.edit((d) => ({ ...d, model: addTable(d.model, { id: 'table:offline', name: 'written_offline' }) }));
      a.edit((d) => ({ ...d, model: addTable(d.model, { id: 'table:online', name: 'written_online' }) }));
      await new Promise((r) => setTimeout(r, SAVE_DELAY_MS * 3));
      const current = await stored(id);
      const viaApi = { ...current.document, model: addTable(current.document.model, { id: 'table:api', name: 'written_by_api' }) };
      expect((await server.request('PUT', `/api/projects/${id}`, { body: { document: viaApi, version: current.version } })).status).toBe(200);
      b.provider.connect();
      a.edit((d) => ({ ...d, model: renameTable(d.model, { tableId: 'table:orders', name: 'orders_2' }) }));
      const everything = 'customers,orders_2,written_by_api,written_offline,written_online';
      await until(() => tables(a.doc()).join() === everything && tables(b.doc()).join() === everything, 'all edits everywhere');
      await until(async () => tables((await stored(id)).document).join() === everything, 'the store to hold all of it');
    } finally {
      a.close();
      b.close();
    }
  });

  it('a room opened again from its kept state merges an API save made while it was closed, then saves on from there', async () => {
    const id = await create();
    const events = { relay: () => undefined, presence: () => undefined, emptied: () => undefined, gone: () => undefined, log: () => undefined };
    const edit = (room: ProjectRoom, change: (doc: ModelDocument) => ModelDocument) => {
      const before = readDocument(room.room.doc, undefined);
      writeDocument(room.room.doc, before, change(before), 'an editor');
    };
    const first = (await ProjectRoom.open(store, id, events))!;
    edit(first, (d) => ({ ...d, model: addTable(d.model, { id: 'table:first', name: 'first_visit' }) }));
    await first.flush();
    first.room.destroy();
    const current = await stored(id);
    expect(tables(current.document)).toEqual(['customers', 'first_visit', 'orders']);
    const viaApi = { ...current.document, model: addTable(current.document.model, { id: 'table:api', name: 'written_by_api' }) };
    expect((await server.request('PUT', `/api/projects/${id}`, { body: { document: viaApi, version: current.version } })).status).toBe(200);

    const again = (await ProjectRoom.open(store, id, events))!;
    try {
      expect(tables(readDocument(again.room.doc, undefined))).toEqual(['customers', 'first_visit', 'orders', 'written_by_api']);
      // An edit outside the model: the room's reading of its document must hold the merged table already.
      edit(again, (d) => ({ ...d, layout: { ...d.layout, nodes: { ...d.layout.nodes, 'table:first': { x: 10, y: 20 } } } }));
      await again.flush();
      const saved = (await stored(id)).document;
      expect(tables(saved)).toEqual(['customers', 'first_visit', 'orders', 'written_by_api']);
      expect(saved.layout.nodes['table:first']).toMatchObject({ x: 10, y: 20 });
    } finally {
      again.room.destroy();
    }
  });

  it('a project saved without positions gets them from its room, the ones a page gives it; a table an API save adds goes below', async () => {
    const document = withTables('orders', 'customers', 'lines');
    expect(document.layout.nodes).toEqual({});
    const id = await create(document);
    const a = new Editor(server, id);
    try {
      await a.synced();
      // What the page that opens the project shows (client/shell/boot.ts): joining moves nothing.
      expect(a.doc().layout.nodes).toEqual(withMissingPositions(document.model, document.layout).nodes);
      const current = await stored(id);
      const viaApi = { ...current.document, model: addTable(current.document.model, { id: 'table:api', name: 'written_by_api' }) };
      expect((await server.request('PUT', `/api/projects/${id}`, { body: { document: viaApi, version: current.version } })).status).toBe(200);
      a.edit((d) => ({ ...d, model: renameTable(d.model, { tableId: 'table:orders', name: 'orders_2' }) }));
      const placed = await until(() => a.doc().layout.nodes['table:api'], 'a place for the table the API added');
      const others = ['table:orders', 'table:customers', 'table:lines'].map((t) => a.doc().layout.nodes[t]);
      expect(others).toEqual(['table:orders', 'table:customers', 'table:lines'].map((t) => withMissingPositions(document.model, document.layout).nodes[t]));
      expect(placed.y).toBeGreaterThan(Math.max(...others.map((n) => n.y)));
      // Saved with the project once edited.
      await until(async () => (await stored(id)).document.layout.nodes['table:api'], 'the positions to be saved');
    } finally {
      a.close();
    }
  });

  it('a version named right after an edit holds it: the room saves what it holds first', async () => {
    const id = await create();
    const [a, b] = [new Editor(server, id), new Editor(server, id)];
    try {
      await Promise.all([a.synced(), b.synced()]);
      a.edit((d) => ({ ...d, model: addTable(d.model, { id: 'table:just_added', name: 'just_added' }) }));
      // Once the other editor has it, the room has it too, and its save is still SAVE_DELAY_MS away.
      await until(() => tables(b.doc()).includes('just_added'), 'the edit to reach the room');
      const created = await server.request('POST', `/api/projects/${id}/versions`, { body: { label: 'right away' } });
      expect(created.status).toBe(201);
      const version = await server.request('GET', `/api/projects/${id}/versions/${created.json.id}`);
      expect(tables(version.json.document)).toEqual(['customers', 'just_added', 'orders']);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a state that is no valid document is put back, never saved', async () => {
    const id = await create();
    const a = new Editor(server, id);
    try {
      await a.synced();
      // A misbehaving client: a table without a name.
      a.ydoc.transact(() => ((a.ydoc.getMap('document').get('model') as Y.Map<Y.Map<Y.Map<Y.Map<unknown>>>>).get('tables')!.get('items')!.get('table:orders')!).delete('name'));
      await until(() => a.doc().model.tables.find((t) => t.id === 'table:orders')?.name === 'orders', 'the name put back');
      await new Promise((r) => setTimeout(r, SAVE_DELAY_MS * 3));
      expect((await stored(id)).version).toBe(1);
    } finally {
      a.close();
    }
  });

  it('two studio instances on one PostgreSQL store relay edits to each other', async () => {
    const id = await create();
    const a = new Editor(server, id);
    const b = new Editor(other, id);
    try {
      await Promise.all([a.synced(), b.synced()]);
      a.edit((d) => ({ ...d, model: addTable(d.model, { id: 'table:from_a', name: 'from_a' }) }));
      b.edit((d) => ({ ...d, model: addTable(d.model, { id: 'table:from_b', name: 'from_b' }) }));
      const both = 'customers,from_a,from_b,orders';
      await until(() => tables(a.doc()).join() === both && tables(b.doc()).join() === both, 'edits relayed both ways');
      b.provider.awareness.setLocalStateField('user', { name: 'Bea' });
      await until(() => [...a.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Bea'), 'presence relayed');
    } finally {
      a.close();
      b.close();
    }
  });

  it('someone already present on one instance is seen by someone who opens the project on the other, without waiting for a renewal', async () => {
    const id = await create();
    const a = new Editor(server, id);
    let b: Editor | undefined;
    try {
      a.provider.awareness.setLocalStateField('user', { name: 'Ann' });
      await a.synced();
      // Ann's presence has gone through the store before the other instance has the room open.
      await until(async () => (await store.coEditing.recentUpdates(id, 'presence')).length > 0, 'Ann\'s presence relayed');
      b = new Editor(other, id);
      await b.synced();
      // Ann renews her presence only every 15 s: within WAIT_MS, only the opening room can have told Bea.
      await until(() => [...b!.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Ann'), 'Ann present on the other instance');
    } finally {
      a.close();
      b?.close();
    }
  });

  it('a comment made on one instance tells the editors on both to read the threads again', async () => {
    const id = await create();
    const a = new Editor(server, id);
    const b = new Editor(other, id);
    const revisions = (editor: Editor) => [...editor.provider.awareness.getStates().values()].map((s) => s.comments).filter((r) => typeof r === 'number');
    try {
      await Promise.all([a.synced(), b.synced()]);
      expect(revisions(a)).toEqual([]);
      const target = { kind: 'table', tableId: 'table:orders' };
      expect((await other.request('POST', `/api/projects/${id}/comments`, { body: { target, body: 'Why two?', author: 'Bea' } })).status).toBe(201);
      await until(() => revisions(b).join() === '1', 'the instance commented on to announce it');
      await until(() => revisions(a).join() === '1', 'the announcement relayed to the other instance');
      const threads = (await server.request('GET', `/api/projects/${id}/comments`)).json as { id: string }[];
      expect((await server.request('PATCH', `/api/projects/${id}/comments/${threads[0].id}`, { body: { status: 'resolved' } })).status).toBe(200);
      await until(() => revisions(b).sort().join() === '1,1', 'both instances\' announcements on each side');
    } finally {
      a.close();
      b.close();
    }
  });

  it('refuses a socket without the token, from another site, or for no project', async () => {
    const id = await create();
    const refused = (headers: Record<string, string>, project = id) => new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://${server.host}/api/projects/${project}/live`, { headers });
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('close', (code) => resolve(String(code)));
      ws.on('error', () => undefined);
    });
    expect(await refused({})).toBe('401');
    expect(await refused({ authorization: 'Bearer wrong' })).toBe('401');
    expect(await refused({ authorization: `Bearer ${server.token}`, origin: 'http://evil.example' })).toBe('403');
    expect(await refused({ authorization: `Bearer ${server.token}` }, 'no-such-project')).toBe('4404');
  });
});
