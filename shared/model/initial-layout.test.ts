import { describe, expect, it } from 'vitest';
import type { Table } from './document.ts';
import { emptyLayout, emptyModel } from './empty.ts';
import { estimatedHeight, freeSpot, placeNewObjects, withMissingPositions } from './initial-layout.ts';
import { overlappingPairs } from './packing.ts';

const table = (id: string, refs: string[] = []): Table => ({
  id, schema: 'public', name: id, columns: [{ id: `${id}_c`, name: 'id', type: { name: 'integer' }, notNull: true }],
  uniques: [], checks: [], indexes: [],
  foreignKeys: refs.map((ref) => ({ id: `fk_${id}_${ref}`, columns: [`${id}_c`], refTableId: ref, refColumns: [`${ref}_c`], onDelete: 'no-action', onUpdate: 'no-action', match: 'simple' })),
});

describe('withMissingPositions', () => {
  it('places every table without a position and keeps existing ones', () => {
    const model = { ...emptyModel(), tables: [table('a'), table('b', ['a']), table('c')] };
    const layout = { ...emptyLayout(), nodes: { c: { x: 999, y: 999 } } };
    const out = withMissingPositions(model, layout);
    expect(Object.keys(out.nodes).sort()).toEqual(['a', 'b', 'c']);
    expect(out.nodes.c).toBe(layout.nodes.c);
  });

  it.each([5, 60, 519])('%i tables at the widest a node is drawn (360 px) cover no other, about as wide as a screen', (count) => {
    const model = { ...emptyModel(), tables: Array.from({ length: count }, (_, i) => table(`t${i}`, i ? [`t${i - 1}`] : [])) };
    const { nodes } = withMissingPositions(model, emptyLayout());
    const boxes = model.tables.map((t) => ({ id: t.id, ...nodes[t.id], width: 360, height: estimatedHeight(t.columns.length) + 1 }));
    expect(overlappingPairs(boxes)).toEqual([]);
    const width = Math.max(...boxes.map((b) => b.x + b.width));
    const height = Math.max(...boxes.map((b) => b.y + b.height));
    if (count > 50) expect(width / height).toBeGreaterThan(1);
  });

  it.each([
    ['short and long tables', (i: number) => 1 + ((i * 7) % 45)],
    ['a few very long tables among short ones', (i: number) => (i % 25 === 0 ? 80 : 3)],
  ])('519 %s open about as wide as a screen, none covering another', (_label, columnsOf) => {
    const model = {
      ...emptyModel(),
      tables: Array.from({ length: 519 }, (_, i) => ({
        ...table(`t${i}`, i ? [`t${i - 1}`] : []),
        columns: Array.from({ length: columnsOf(i) }, (_, c) => ({ id: `t${i}_c${c}`, name: `c${c}`, type: { name: 'integer' }, notNull: false })),
      })),
    };
    const { nodes } = withMissingPositions(model, emptyLayout());
    const boxes = model.tables.map((t) => ({ id: t.id, ...nodes[t.id], width: 360, height: estimatedHeight(t.columns.length) + 1 }));
    expect(overlappingPairs(boxes)).toEqual([]);
    const aspect = Math.max(...boxes.map((b) => b.x + b.width)) / Math.max(...boxes.map((b) => b.y + b.height));
    expect(aspect).toBeGreaterThan(1);
    expect(aspect).toBeLessThan(2.4);
  });

  it('places what is new below what is already placed', () => {
    const model = { ...emptyModel(), tables: [table('a'), table('b'), table('c')] };
    const layout = { ...emptyLayout(), nodes: { a: { x: 100, y: 500 } } };
    const out = withMissingPositions(model, layout);
    expect(Math.min(out.nodes.b.y, out.nodes.c.y)).toBeGreaterThan(500);
  });

  it('returns the same layout when nothing is missing', () => {
    const model = { ...emptyModel(), tables: [table('a')] };
    const layout = { ...emptyLayout(), nodes: { a: { x: 0, y: 0 } } };
    expect(withMissingPositions(model, layout)).toBe(layout);
  });
});

describe('freeSpot', () => {
  const model = { ...emptyModel(), tables: [table('a')] };
  const layout = { ...emptyLayout(), nodes: { a: { x: 0, y: 0 } } };

  it.each([
    [{ x: 1000, y: 1000 }, { x: 1000, y: 1000 }],
    [{ x: 0, y: 0 }, { x: 0, y: 120 }],
  ])('from %j gives %j', (wanted, expected) => {
    expect(freeSpot(model, layout, wanted)).toEqual(expected);
  });

  it('uses measured sizes when known', () => {
    const measured = new Map([['a', { width: 240, height: 400 }]]);
    expect(freeSpot(model, layout, { x: 0, y: 0 }, measured)).toEqual({ x: 0, y: 440 });
  });
});

describe('placeNewObjects', () => {
  const before = { ...emptyModel(), tables: [table('a'), table('b')] };
  const layout = { ...emptyLayout(), nodes: { a: { x: 0, y: 0 }, b: { x: 280, y: 0 } } };
  const view = { id: 'v', schema: 'public', name: 'v', materialized: false, definition: 'SELECT 1' };
  const overlaps = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.abs(p.x - q.x) < 240 && Math.abs(p.y - q.y) < 90;

  it.each([
    ['a view', { ...before, views: [view] }, ['v']],
    ['an enum and a table', { ...before, tables: [...before.tables, table('c')], enums: [{ id: 'e', schema: 'public', name: 'e', values: ['x'] }] }, ['c', 'e']],
  ])('gives %s a spot on no other node', (_label, after, added) => {
    const out = placeNewObjects(before, after, layout);
    const spots = added.map((id) => out.nodes[id]);
    for (const spot of spots) {
      expect(spot).toBeDefined();
      for (const id of ['a', 'b']) expect(overlaps(spot, layout.nodes[id as 'a' | 'b'])).toBe(false);
    }
    if (spots.length > 1) expect(overlaps(spots[0], spots[1])).toBe(false);
    expect(out.nodes.a).toBe(layout.nodes.a);
  });

  it.each([
    ['no object was added or removed', { ...before }],
    ['the new object already has a position', { ...before, views: [view] }],
  ])('returns the same layout when %s', (_label, after) => {
    const positioned = { ...layout, nodes: { ...layout.nodes, v: { x: 0, y: 500 } } };
    expect(placeNewObjects(before, after, positioned)).toBe(positioned);
  });
});
