import { describe, expect, it } from 'vitest';
import { aspectMiss, overlappingPairs, packBoxes, type Box } from './packing.ts';

/** Deterministic sizes: widths 220–360, heights 60–900, like tables of 1 to 35 columns. */
function boxes(count: number, seed = 1): Box[] {
  let s = seed;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: count }, (_, i) => ({ id: `b${i}`, width: Math.round(220 + next() * 140), height: Math.round(60 + next() ** 2 * 840) }));
}

const placed = (input: Box[], positions: Record<string, { x: number; y: number }>) => input.map((b) => ({ ...b, ...positions[b.id] }));

describe('packBoxes', () => {
  it.each([
    { label: 'one box', input: boxes(1), aspect: 1.6 },
    { label: '10 mixed boxes', input: boxes(10), aspect: 1.6 },
    { label: '100 equal boxes', input: Array.from({ length: 100 }, (_, i) => ({ id: `e${i}`, width: 240, height: 200 })), aspect: 1.6 },
    { label: '500 mixed boxes', input: boxes(500, 7), aspect: 1.6 },
    { label: '2,000 mixed boxes', input: boxes(2000, 3), aspect: 1.6 },
    { label: '300 boxes, a tall screen', input: boxes(300, 5), aspect: 0.6 },
    { label: 'one huge box among small ones', input: [{ id: 'huge', width: 5000, height: 3000 }, ...boxes(50)], aspect: 1.6 },
  ])('$label: every box placed, none on another, the whole near the aspect', ({ input, aspect }) => {
    const { positions, width, height } = packBoxes(input, { gap: 40, aspect });
    expect(Object.keys(positions).sort()).toEqual(input.map((b) => b.id).sort());
    expect(overlappingPairs(placed(input, positions))).toEqual([]);
    for (const b of placed(input, positions)) {
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
    }
    // Within a factor of 1.5 of the wanted aspect once there are enough boxes to shape it.
    if (input.length >= 10) expect(aspectMiss(width, height, aspect)).toBeLessThan(Math.log(1.5));
  });

  it('keeps the given order along each shelf when asked (neighbours stay neighbours)', () => {
    const input = [{ id: 'a', width: 100, height: 10 }, { id: 'b', width: 100, height: 500 }, { id: 'c', width: 100, height: 10 }];
    const { positions } = packBoxes(input, { gap: 10, aspect: 100, keepOrder: true });
    expect([positions.a.x, positions.b.x, positions.c.x]).toEqual([0, 110, 220]);
  });

  it('packs nothing into an empty extent', () => {
    expect(packBoxes([])).toEqual({ positions: {}, width: 0, height: 0 });
  });
});

describe('overlappingPairs', () => {
  it.each([
    { label: 'apart', b: { x: 300, y: 0 }, expected: 0 },
    { label: 'touching edges', b: { x: 100, y: 0 }, expected: 0 },
    { label: 'one pixel in', b: { x: 99, y: 99 }, expected: 1 },
    { label: 'inside', b: { x: 10, y: 10 }, expected: 1 },
  ])('$label → $expected', ({ b, expected }) => {
    expect(overlappingPairs([{ id: 'a', x: 0, y: 0, width: 100, height: 100 }, { id: 'b', ...b, width: 50, height: 50 }])).toHaveLength(expected);
  });
});
