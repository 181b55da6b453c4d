import { beforeEach, describe, expect, it } from 'vitest';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import type { Model } from '../../shared/model/document.ts';
import { redo, undo, useStore } from './index.ts';

/** A minimal pure op for these tests (the real ones live in shared/model/ops). */
const addTable = (m: Model, p: { id?: string; name: string }): Model => ({
  ...m,
  tables: [...m.tables, { id: p.id ?? p.name, schema: 'public', name: p.name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [] }],
});
const state = () => useStore.getState();
const past = () => useStore.temporal.getState().pastStates.length;

describe('document slice history', () => {
  beforeEach(() => state().loadDocument(makeDocument(emptyModel())));

  it('undoes and redoes a model edit', () => {
    state().editModel((m) => addTable(m, { id: 't1', name: 'orders' }));
    expect(state().doc.model.tables.map((t) => t.name)).toEqual(['orders']);
    undo();
    expect(state().doc.model.tables).toEqual([]);
    redo();
    expect(state().doc.model.tables.map((t) => t.name)).toEqual(['orders']);
  });

  it('records a whole drag as one step', () => {
    state().moveNodes({ t1: { x: 0, y: 0 } });
    const before = past();
    state().beginDrag();
    for (let x = 1; x <= 20; x += 1) state().moveNodes({ t1: { x, y: x } });
    state().endDrag();
    expect(past()).toBe(before + 1);
    expect(state().doc.layout.nodes.t1).toEqual({ x: 20, y: 20 });
    undo();
    expect(state().doc.layout.nodes.t1).toEqual({ x: 0, y: 0 });
  });

  it('never records session changes', () => {
    const before = past();
    state().select(['t1']);
    state().setHighlight(['c1']);
    state().openDialog('palette');
    expect(past()).toBe(before);
  });

  it('keeps untouched layout entries when a node moves', () => {
    state().moveNodes({ a: { x: 1, y: 1 }, b: { x: 2, y: 2 } });
    const b = state().doc.layout.nodes.b;
    state().moveNodes({ a: { x: 5, y: 5 } });
    expect(state().doc.layout.nodes.b).toBe(b);
  });

  it('starts a fresh history when a document is loaded', () => {
    state().editModel((m) => addTable(m, { name: 'x' }));
    state().loadDocument(makeDocument(emptyModel()));
    expect(past()).toBe(0);
  });

  it('keeps the viewport without an undo step, and undo or redo leave it where the user is', () => {
    state().editModel((m) => addTable(m, { name: 'orders' }));
    const before = past();
    state().keepViewport({ x: 120.4, y: -40, zoom: 0.5 });
    expect(past()).toBe(before);
    expect(state().doc.layout.viewport).toEqual({ x: 120, y: -40, zoom: 0.5 });
    undo();
    expect(state().doc.model.tables).toEqual([]);
    expect(state().doc.layout.viewport).toEqual({ x: 120, y: -40, zoom: 0.5 });
    state().keepViewport({ x: 0, y: 0, zoom: 1 });
    redo();
    expect(state().doc.model.tables.map((t) => t.name)).toEqual(['orders']);
    expect(state().doc.layout.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('keeps the viewport during a drag without ending the drag', () => {
    state().moveNodes({ t1: { x: 0, y: 0 } });
    const before = past();
    state().beginDrag();
    state().moveNodes({ t1: { x: 5, y: 5 } });
    state().keepViewport({ x: 1, y: 1, zoom: 1 });
    state().moveNodes({ t1: { x: 9, y: 9 } });
    state().endDrag();
    expect(past()).toBe(before + 1);
  });

  it('counts loads, so the canvas shows each opened document where it was saved', () => {
    const loads = state().loads;
    state().loadDocument(makeDocument(emptyModel()));
    expect(state().loads).toBe(loads + 1);
  });
});
