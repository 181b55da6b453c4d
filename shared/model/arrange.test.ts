import { describe, expect, it } from 'vitest';
import type { Model } from './document.ts';
import { arrange, layoutGroups, LAYOUT_MODES, type LayoutMode } from './arrange.ts';
import { buildModel, type TableSpec } from './model-builder.ts';
import { aspectMiss, overlappingPairs } from './packing.ts';

const table = (name: string, refs: string[] = [], columns = 3): TableSpec => ({
  name,
  columns: ['id bigint!', ...refs.map((r) => `${r}_id bigint`), ...Array.from({ length: columns }, (_, i) => `c${i} text`)],
  pk: ['id'],
  fks: refs.map((r) => ({ columns: [`${r}_id`], ref: r, refColumns: ['id'] })),
});

/** A hub (like MusicBrainz's `editor`) referenced by `n` tables: one layer `n` tables tall unless wrapped. */
const hub = (n: number) => buildModel({ tables: [table('hub'), ...Array.from({ length: n }, (_, i) => table(`t${i}`, ['hub'], i % 20))] });
/** A chain a0 ← a1 ← … : `n` layers one table each unless wrapped. */
const chain = (n: number) => buildModel({ tables: Array.from({ length: n }, (_, i) => table(`a${i}`, i ? [`a${i - 1}`] : [])) });
/** Seeded: each table references up to two earlier ones; some stand alone. */
function web(n: number): Model {
  let s = 42;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return buildModel({ tables: Array.from({ length: n }, (_, i) => {
    const refs = i && next() > 0.15 ? [...new Set([Math.floor(next() * i), Math.floor(next() * i)])].map((r) => `w${r}`) : [];
    return table(`w${i}`, refs, Math.floor(next() * 30));
  }) });
}

/** Sizes as the client estimates them, roughly: wide tables, a row per column. */
const sizesOf = (model: Model) => new Map(model.tables.map((t, i) => [t.id, { width: 220 + (i % 5) * 35, height: 37 + 24 * t.columns.length }]));

function boxes(model: Model, positions: Record<string, { x: number; y: number }>) {
  const sizes = sizesOf(model);
  return Object.entries(positions).map(([id, p]) => ({ id, ...p, ...sizes.get(id)! }));
}
const extent = (b: ReturnType<typeof boxes>) => ({
  width: Math.max(...b.map((x) => x.x + x.width)) - Math.min(...b.map((x) => x.x)),
  height: Math.max(...b.map((x) => x.y + x.height)) - Math.min(...b.map((x) => x.y)),
});

const models: Array<[string, Model]> = [['a hub of 200', hub(200)], ['a chain of 120', chain(120)], ['a web of 500', web(500)]];
const modes = LAYOUT_MODES.map((m) => m.mode);

describe('arrange', () => {
  it.each(models.flatMap(([label, model]) => modes.map((mode) => ({ label, model, mode }))))(
    '$label, $mode: every table placed, none on another, near 16:10', ({ model, mode }) => {
      const positions = arrange(model, sizesOf(model), { mode });
      expect(Object.keys(positions)).toHaveLength(model.tables.length);
      const placed = boxes(model, positions);
      expect(overlappingPairs(placed)).toEqual([]);
      const { width, height } = extent(placed);
      expect(aspectMiss(width, height, 1.6)).toBeLessThan(Math.log(2.5));
    });

  it.each<[LayoutMode, 'x' | 'y']>([['layered-right', 'x'], ['layered-down', 'y']])('%s puts a parent before the tables that reference it', (mode, axis) => {
    const model = buildModel({ tables: [table('child', ['parent']), table('parent'), table('grandchild', ['child'])] });
    const at = (name: string) => arrange(model, sizesOf(model), { mode })[model.tables.find((t) => t.name === name)!.id][axis];
    expect(at('parent')).toBeLessThan(at('child'));
    expect(at('child')).toBeLessThan(at('grandchild'));
  });

  it('lays out only the selection, from its origin', () => {
    const model = chain(6);
    const ids = new Set(model.tables.slice(0, 3).map((t) => t.id));
    const positions = arrange(model, sizesOf(model), { ids, origin: { x: 1000, y: 500 } });
    expect(Object.keys(positions).sort()).toEqual([...ids].sort());
    expect(Math.min(...Object.values(positions).map((p) => p.x))).toBe(1000);
    expect(Math.min(...Object.values(positions).map((p) => p.y))).toBe(500);
  });

  it('reports each group as it goes', () => {
    const calls: Array<[number, number]> = [];
    arrange(web(60), sizesOf(web(60)), { onGroup: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });
});

describe('layoutGroups', () => {
  const model = buildModel({ tables: [table('a'), table('b', ['a']), table('c'), table('d'), table('e', ['d'])] });
  const id = (name: string) => model.tables.find((t) => t.name === name)!.id;
  const names = (ids: string[]) => ids.map((i) => model.tables.find((t) => t.id === i)!.name).sort();

  it.each([
    { label: 'no areas: the linked pairs, then the loose table', areas: [], expected: [['a', 'b'], ['d', 'e'], ['c']] },
    { label: 'an area comes first and keeps its tables', areas: [{ id: 'x', name: 'X', color: '#000', tableIds: [id('c'), id('d')] }], expected: [['c', 'd'], ['a', 'b'], ['e']] },
  ])('$label', ({ areas, expected }) => {
    const groups = layoutGroups(model, undefined, areas);
    expect(groups.map((g) => names(g.ids))).toEqual(expected);
  });

  it('keeps the links inside each group only', () => {
    const groups = layoutGroups(model);
    expect(groups[0].links).toEqual([{ parent: id('a'), child: id('b') }]);
  });
});
