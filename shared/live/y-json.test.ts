import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ModelDocument } from '../model/document.ts';
import { emptyModel, makeDocument } from '../model/empty.ts';
import { addTable, deleteTable, renameTable } from '../model/ops/tables.ts';
import { addColumn, moveColumn, renameColumn } from '../model/ops/columns.ts';
import { templates } from '../model/templates/index.ts';
import { lastViewport, readDocument, sharedRoot, writeDocument } from './shared-document.ts';
import { longestIncreasing, touchedTypes } from './y-json.ts';

const shop = () => templates.find((t) => t.name === 'ecommerce')!.build();

/** A peer: its Y.Doc and the JSON document it last wrote or read. */
class Peer {
  ydoc = new Y.Doc();
  doc: ModelDocument | undefined;
  edit(change: (doc: ModelDocument) => ModelDocument) {
    const next = change(this.doc!);
    writeDocument(this.ydoc, this.doc, next, 'local');
    this.doc = next;
  }
  read() {
    this.doc = readDocument(this.ydoc, undefined);
    return this.doc;
  }
}

/** Peers that start from one shared state (as a room hands it out), then edit apart. */
function peersFrom(doc: ModelDocument, count = 2): Peer[] {
  const origin = new Y.Doc();
  writeDocument(origin, undefined, doc, 'load');
  const state = Y.encodeStateAsUpdate(origin);
  return Array.from({ length: count }, () => {
    const peer = new Peer();
    Y.applyUpdate(peer.ydoc, state);
    peer.read();
    return peer;
  });
}

function exchange(...peers: Peer[]) {
  for (const from of peers) for (const to of peers) if (from !== to) Y.applyUpdate(to.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)));
  return peers.map((p) => p.read());
}

const editModel = (op: (m: ModelDocument['model']) => ModelDocument['model']) => (doc: ModelDocument) => ({ ...doc, model: op(doc.model) });
const tableNamed = (doc: ModelDocument, name: string) => doc.model.tables.find((t) => t.name === name)!;

describe('a document in Yjs', () => {
  it('reads back as it was written (every template, viewport left out)', () => {
    for (const template of templates) {
      const doc = template.build();
      const ydoc = new Y.Doc();
      writeDocument(ydoc, undefined, doc, 'load');
      const { viewport: _v, ...layout } = doc.layout;
      expect(readDocument(ydoc, undefined)).toEqual({ ...doc, layout });
      expect(readDocument(ydoc, doc.layout.viewport)).toEqual(doc);
    }
  });

  it.each([
    {
      what: 'renames of two different tables both survive',
      a: editModel((m) => renameTable(m, { tableId: 'table:public.orders', name: 'purchase' })),
      b: editModel((m) => renameTable(m, { tableId: 'table:public.products', name: 'item' })),
      check: (doc: ModelDocument) => expect(['purchase', 'item'].every((n) => doc.model.tables.some((t) => t.name === n))).toBe(true),
    },
    {
      what: 'two tables added at once are both kept',
      a: editModel((m) => addTable(m, { id: 'table:a', name: 'from_a' })),
      b: editModel((m) => addTable(m, { id: 'table:b', name: 'from_b' })),
      check: (doc: ModelDocument) => expect(doc.model.tables.filter((t) => t.id === 'table:a' || t.id === 'table:b')).toHaveLength(2),
    },
    {
      what: 'different columns of one table edited at once both survive',
      a: (doc: ModelDocument) => editModel((m) => renameColumn(m, { tableId: tableNamed(doc, 'orders').id, columnId: tableNamed(doc, 'orders').columns[1].id, name: 'col_a' }))(doc),
      b: (doc: ModelDocument) => editModel((m) => addColumn(m, { tableId: tableNamed(doc, 'orders').id, name: 'col_b' }))(doc),
      check: (doc: ModelDocument) => expect(tableNamed(doc, 'orders').columns.map((c) => c.name)).toEqual(expect.arrayContaining(['col_a', 'col_b'])),
    },
    {
      what: 'a table deleted while someone edits it stays deleted, and the rest is intact',
      a: editModel((m) => deleteTable(m, { tableId: 'table:public.reviews' })),
      b: editModel((m) => renameTable(m, { tableId: 'table:public.reviews', name: 'opinions' })),
      check: (doc: ModelDocument) => expect(doc.model.tables.some((t) => t.id === 'table:public.reviews')).toBe(false),
    },
  ])('concurrent edits: $what', ({ a, b, check }) => {
    const [pa, pb] = peersFrom(shop());
    pa.edit(a);
    pb.edit(b);
    const [da, db] = exchange(pa, pb);
    expect(da).toEqual(db);
    check(da);
  });

  it('the same field written by two people ends the same for both (one of the two wins)', () => {
    const [pa, pb] = peersFrom(shop());
    const orders = tableNamed(pa.doc!, 'orders');
    const column = orders.columns[1];
    pa.edit(editModel((m) => renameColumn(m, { tableId: orders.id, columnId: column.id, name: 'by_a' })));
    pb.edit(editModel((m) => renameColumn(m, { tableId: orders.id, columnId: column.id, name: 'by_b' })));
    const [da, db] = exchange(pa, pb);
    expect(da).toEqual(db);
    expect(['by_a', 'by_b']).toContain(tableNamed(da, 'orders').columns[1].name);
  });

  it('a column moved here lands where it was dropped, while an insert elsewhere keeps its place', () => {
    const [pa, pb] = peersFrom(shop());
    const orders = tableNamed(pa.doc!, 'orders');
    const moved = orders.columns[0].id;
    pa.edit(editModel((m) => moveColumn(m, { tableId: orders.id, columnId: moved, index: 2 })));
    expect(readDocument(pa.ydoc, undefined)).toEqual(pa.doc);
    pb.edit(editModel((m) => addColumn(m, { tableId: orders.id, name: 'added' })));
    const [da] = exchange(pa, pb);
    const names = tableNamed(da, 'orders').columns.map((c) => c.id);
    expect(names.indexOf(moved)).toBe(2);
    expect(tableNamed(da, 'orders').columns.at(-1)!.name).toBe('added');
  });

  it('reading after a change keeps every untouched object as the same object', () => {
    const [pa, pb] = peersFrom(shop());
    const changed = new Set<unknown>();
    const root = sharedRoot(pb.ydoc);
    root.observeDeep((events) => touchedTypes(events, root, changed));
    pa.edit(editModel((m) => renameTable(m, { tableId: 'table:public.orders', name: 'purchase' })));
    Y.applyUpdate(pb.ydoc, Y.encodeStateAsUpdate(pa.ydoc, Y.encodeStateVector(pb.ydoc)));
    const before = pb.doc!;
    const after = readDocument(pb.ydoc, undefined, before, changed);
    expect(after).toEqual(pa.doc);
    expect(after.layout).toBe(before.layout);
    for (const table of after.model.tables) {
      if (table.id === 'table:public.orders') expect(table).not.toBe(tableNamed(before, 'orders'));
      else expect(table).toBe(before.model.tables.find((t) => t.id === table.id));
    }
  });

  it('an edit writes only what changed (one rename is one small update)', () => {
    const [pa] = peersFrom(shop());
    const updates: Uint8Array[] = [];
    pa.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    pa.edit(editModel((m) => renameTable(m, { tableId: 'table:public.orders', name: 'purchase' })));
    expect(updates).toHaveLength(1);
    expect(updates[0].byteLength).toBeLessThan(100);
  });

  it('a viewport is kept apart: the other peer\'s view stays, the last one moved to is there to save', () => {
    const [pa, pb] = peersFrom(shop());
    const model = pb.doc!.model;
    pa.edit((doc) => ({ ...doc, layout: { ...doc.layout, viewport: { x: 1, y: 2, zoom: 3 } } }));
    exchange(pa, pb);
    expect(readDocument(pb.ydoc, { x: 9, y: 9, zoom: 1 }, pb.doc).layout.viewport).toEqual({ x: 9, y: 9, zoom: 1 });
    expect(pb.doc!.model).toEqual(model);
    expect(lastViewport(pb.ydoc)).toEqual({ x: 1, y: 2, zoom: 3 });
  });

  it('starts an empty model and fills it', () => {
    const [pa, pb] = peersFrom(makeDocument(emptyModel()));
    pa.edit(editModel((m) => addTable(m, { id: 'table:x', name: 'x' })));
    pb.edit(editModel((m) => addTable(m, { id: 'table:y', name: 'y' })));
    const [da] = exchange(pa, pb);
    expect(da.model.tables.map((t) => t.name).sort()).toEqual(['x', 'y']);
  });
});

describe('longestIncreasing', () => {
  it.each([
    [[], []],
    [[0, 1, 2], [0, 1, 2]],
    [[2, 1, 0], [0]],
    [[1, 0, 2, 3], [0, 2, 3]],
    [[3, 0, 1, 4, 2], [0, 1, 2]],
  ])('%j → %j', (input, expected) => {
    expect(longestIncreasing(input)).toEqual(expected);
  });
});
