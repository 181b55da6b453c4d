import { describe, expect, it } from 'vitest';
import { buildModel, type TableSpec } from '../../shared/model/model-builder.ts';
import { emptyLayout } from '../../shared/model/empty.ts';
import { clusteredGrid } from './import-layout.ts';
import { drawnSizes } from '../canvas/node-sizes.ts';
import { overlappingPairs } from '../../shared/model/packing.ts';

const table = (name: string, ref?: string): TableSpec => ({
  name, columns: ['id bigint!', ...(ref ? [`${ref}_id bigint`] : [])], pk: ['id'],
  fks: ref ? [{ columns: [`${ref}_id`], ref, refColumns: ['id'] }] : [],
});

describe('clusteredGrid', () => {
  const cases = [
    { tables: 1, perRow: 2 },
    { tables: 10, perRow: 4 },
    { tables: 100, perRow: 13 },
    { tables: 519, perRow: 29 },
  ];
  it.each(cases)('$tables tables: every one placed, $perRow per row', ({ tables, perRow }) => {
    const model = buildModel({ tables: Array.from({ length: tables }, (_, i) => table(`t${i}`)) });
    const { nodes } = clusteredGrid(model, emptyLayout());
    expect(Object.keys(nodes).sort()).toEqual(model.tables.map((t) => t.id).sort());
    const firstRow = Object.values(nodes).filter((p) => p.y === 0).length;
    expect(firstRow).toBe(Math.min(tables, perRow));
    expect(new Set(Object.values(nodes).map((p) => `${p.x},${p.y}`)).size).toBe(tables);
  });

  it('puts a table beside the table it references, not in name order', () => {
    const model = buildModel({ tables: [table('a'), table('b'), table('c'), table('z', 'a')] });
    const { nodes } = clusteredGrid(model, emptyLayout());
    const [a, z] = [model.tables[0].id, model.tables[3].id];
    expect(nodes[a].y).toBe(nodes[z].y);
    expect(Math.abs(nodes[a].x - nodes[z].x)).toBe(300);
  });

  it('keeps the look of nodes that had one (colour, collapsed)', () => {
    const model = buildModel({ tables: [table('a')] });
    const layout = { ...emptyLayout(), nodes: { [model.tables[0].id]: { x: 5, y: 5, color: '#f00' } } };
    expect(clusteredGrid(model, layout).nodes[model.tables[0].id]).toEqual({ x: 0, y: 0, color: '#f00' });
  });

  it('gives a wide table a cell as wide as it is, so it covers no neighbour', () => {
    const wide = { name: 'a_table_with_a_rather_long_name', columns: ['id bigint!', 'a_column_with_a_very_long_name character varying(320)'], pk: ['id'] };
    const model = buildModel({ tables: [wide, table('b'), table('c')] });
    const laidOut = clusteredGrid(model, emptyLayout());
    const sizes = drawnSizes(model, laidOut);
    const boxes = model.tables.map((t) => ({ id: t.id, ...laidOut.nodes[t.id], ...sizes.get(t.id)! }));
    expect(sizes.get(model.tables[0].id)!.width).toBeGreaterThan(300);
    expect(overlappingPairs(boxes)).toEqual([]);
  });
});
