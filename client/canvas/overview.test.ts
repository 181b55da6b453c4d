import { describe, expect, it } from 'vitest';
import type { FlowNode, RelationFlowEdge } from './to-flow.ts';
import { boxAt, fitsOverview, overviewBoxes, overviewEdges, type OverviewBox } from './overview.ts';
import { boundsOf } from './minimap-geometry.ts';
import { NODE, ownHandlePoint } from './node-estimate.ts';
import { NO_LANES } from '../../shared/diagram/edge-route.ts';

const table = (id: string, x: number, y: number, measured?: { width: number; height: number }, columns = 2) => ({
  id, type: 'table', position: { x, y }, ...(measured ? { measured } : {}),
  data: { table: { id, name: `t_${id}`, schema: 'public', columns: Array.from({ length: columns }, (_, i) => ({ id: `${id}c${i}` })) }, look: undefined },
}) as unknown as FlowNode;
const note = { id: 'n', type: 'note', position: { x: 0, y: 0 }, data: { note: {} } } as unknown as FlowNode;
const box = (id: string, x: number, y: number, width: number, height: number): OverviewBox =>
  ({ id, kind: 'table', name: id, selected: false, x, y, width, height });

describe('overviewBoxes', () => {
  it('draws tables, views and enums at their measured size, and leaves notes to React Flow', () => {
    const boxes = overviewBoxes([table('a', 10, 20, { width: 240, height: 83 }), note]);
    expect(boxes).toEqual([{ id: 'a', kind: 'table', name: 't_a', color: undefined, selected: false, x: 10, y: 20, width: 240, height: 83 }]);
  });

  it('sizes an object never measured by its header and rows', () => {
    expect(overviewBoxes([table('a', 0, 0, undefined, 3)])[0]).toMatchObject({ width: 220, height: NODE.border + NODE.header + 3 * NODE.row });
  });
});

describe('boundsOf (minimap-geometry.ts), of overview boxes', () => {
  it.each([
    ['nothing', [], undefined],
    ['one box', [box('a', 10, 20, 100, 50)], { x: 10, y: 20, width: 100, height: 50 }],
    ['boxes apart', [box('a', 10, 20, 100, 50), box('b', -40, 300, 60, 60)], { x: -40, y: 20, width: 150, height: 340 }],
  ])('%s', (_label, boxes, bounds) => {
    expect(boundsOf(boxes)).toEqual(bounds);
  });
});

describe('fitsOverview', () => {
  const bounds = { x: 0, y: 0, width: 20_000, height: 10_000 };
  it.each([
    ['no bounds', undefined, 0.1, false],
    ['fitted down to a screen', bounds, 0.07, true],
    ['a side past 8,192 device pixels', bounds, 0.5, false],
    ['an area past 32 million device pixels', { x: 0, y: 0, width: 7000, height: 7000 }, 1, false],
  ])('%s', (_label, b, pixels, fits) => {
    expect(fitsOverview(b, pixels)).toBe(fits);
  });
});

describe('boxAt', () => {
  const boxes = [box('under', 0, 0, 100, 100), box('over', 50, 50, 100, 100)];
  it.each([
    ['inside one box', { x: 10, y: 10 }, 'under'],
    ['where two overlap: the one drawn last, on top', { x: 60, y: 60 }, 'over'],
    ['on the edge', { x: 150, y: 150 }, 'over'],
    ['between boxes', { x: 300, y: 10 }, undefined],
  ])('%s', (_label, point, id) => {
    expect(boxAt(boxes, point)?.id).toBe(id);
  });
});

describe('overviewEdges', () => {
  const boxes = new Map([['a', box('a', 0, 0, 200, 100)], ['b', box('b', 400, 50, 200, 100)]]);
  const edge = (sourceHandle: string, targetHandle: string, target = 'b') =>
    ({ id: 'fk', source: 'a', target, sourceHandle, targetHandle, data: { lanes: NO_LANES } }) as unknown as RelationFlowEdge;

  it('joins the tables\' own handles beside their headers', () => {
    const [{ path }] = overviewEdges([edge(':r', ':l')], boxes);
    // Where React Flow's edges meet the same handles (node-estimate.ts): 206.5,18.3 and 393,68.3.
    const [from, to] = [ownHandlePoint(boxes.get('a')!, 'r'), ownHandlePoint(boxes.get('b')!, 'l')];
    expect(path.startsWith(`M${from.x},${from.y} `)).toBe(true);
    expect(path.endsWith(` L${to.x},${to.y}`)).toBe(true);
  });

  it('skips an edge whose table is not drawn', () => {
    expect(overviewEdges([edge(':r', ':l', 'gone')], boxes)).toEqual([]);
  });
});
