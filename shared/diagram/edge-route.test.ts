import { describe, expect, it } from 'vitest';
import { edgePath, fanLanes, routePoints, type EdgeEnds, type FanEdge } from './edge-route.ts';

const rightward: EdgeEnds = { sx: 0, sy: 0, sourceSide: 'r', tx: 300, ty: 100, targetSide: 'l' };

describe('routePoints', () => {
  it.each([
    ['left to right, no fan', rightward, { source: 0, target: 0 }, [[0, 0], [20, 0], [32, 0], [150, 0], [150, 100], [268, 100], [280, 100], [300, 100]]],
    ['fanned at the source: the lane starts after the marker and turns earlier', rightward, { source: -7, target: 0 },
      [[0, 0], [20, 0], [32, -7], [157, -7], [157, 100], [268, 100], [280, 100], [300, 100]]],
    ['both ends on the right (self-reference)', { sx: 200, sy: 50, sourceSide: 'r', tx: 200, ty: 98, targetSide: 'r' } as EdgeEnds,
      { source: 0, target: 0 }, [[200, 50], [220, 50], [232, 50], [232, 98], [220, 98], [200, 98]]],
    ['target behind the source: between them, then across', { sx: 300, sy: 0, sourceSide: 'r', tx: 0, ty: 200, targetSide: 'l' } as EdgeEnds,
      { source: 0, target: 0 }, [[300, 0], [320, 0], [332, 0], [332, 100], [-32, 100], [-32, 200], [-20, 200], [0, 200]]],
  ] as const)('%s', (_name, ends, lanes, expected) => {
    expect(routePoints(ends, lanes).map((p) => [p.x, p.y])).toEqual(expected);
  });
});

describe('fanLanes', () => {
  const edge = (id: string, sourceKey: string, targetKey: string, sourceY: number, targetY: number): FanEdge => ({ id, sourceKey, targetKey, sourceY, targetY });

  it('gives lanes only to edges that share a handle, the one bound highest on top', () => {
    const lanes = fanLanes([
      edge('low', 'orders.customer:r', 'a', 0, 300),
      edge('high', 'orders.customer:r', 'b', 0, -200),
      edge('alone', 'items.order:l', 'c', 50, 60),
    ]);
    expect(Object.fromEntries(lanes)).toEqual({
      high: { source: -3.5, target: 0 }, low: { source: 3.5, target: 0 }, alone: { source: 0, target: 0 },
    });
  });

  it('fans many edges into one column within a bounded height', () => {
    const edges = Array.from({ length: 20 }, (_, i) => edge(`e${i}`, `t${i}`, 'users.id:l', i * 40, 0));
    const offsets = [...fanLanes(edges).values()].map((l) => l.target);
    expect(new Set(offsets).size).toBe(20);
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThanOrEqual(56);
  });

  it('keeps fanned lines from one column apart: vertical runs at one x never overlap', () => {
    const targets = [-200, -100, 150, 300];
    const edges = targets.map((y, i) => edge(`e${i}`, 's', `t${i}`, 0, y));
    const lanes = fanLanes(edges);
    const runs = targets.map((ty, i) => {
      const [p, q] = routePoints({ ...rightward, ty }, lanes.get(`e${i}`)).slice(3, 5);
      return { x: p.x, top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y) };
    });
    const overlapping = runs.filter((r, i) => runs.some((o, j) => j !== i && o.x === r.x && o.top < r.bottom && r.top < o.bottom));
    expect(runs.every((r) => r.bottom > r.top)).toBe(true);
    expect(overlapping).toEqual([]);
  });
});

describe('edgePath', () => {
  it('rounds corners no wider than half the shorter run', () => {
    expect(edgePath({ sx: 0, sy: 0, sourceSide: 'r', tx: 100, ty: 4, targetSide: 'l' })).toBe(
      'M0,0 L20,0 L32,0 L48,0 Q50,0 50,2 L50,2 Q50,4 52,4 L68,4 L80,4 L100,4',
    );
  });
});
