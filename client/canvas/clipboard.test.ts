import { describe, expect, it } from 'vitest';
import type { Table } from '../../shared/model/document.ts';
import { emptyLayout, emptyModel } from '../../shared/model/empty.ts';
import { copyTables, pasteTables } from './clipboard.ts';
import { areaRect } from './areas.ts';

const table = (id: string, name: string, refs: string[] = []): Table => ({
  id, schema: 'public', name,
  columns: [{ id: `${id}.id`, name: 'id', type: { name: 'integer' }, notNull: true }, ...refs.map((r) => ({ id: `${id}.${r}`, name: `${r}_id`, type: { name: 'integer' }, notNull: true }))],
  primaryKey: { id: `${id}.pk`, name: `${name}_pkey`, columns: [`${id}.id`] },
  uniques: [], checks: [], indexes: [],
  foreignKeys: refs.map((r) => ({ id: `${id}.fk.${r}`, columns: [`${id}.${r}`], refTableId: r, refColumns: [`${r}.id`], onDelete: 'no-action', onUpdate: 'no-action', match: 'simple' })),
});

function setup() {
  const model = { ...emptyModel(), tables: [table('c', 'customers'), table('o', 'orders', ['c']), table('p', 'products')] };
  const layout = { ...emptyLayout(), nodes: { c: { x: 0, y: 0 }, o: { x: 300, y: 0 }, p: { x: 0, y: 300 } } };
  return { model, layout };
}

describe('copy and paste of tables', () => {
  it('pastes fresh copies whose foreign keys point at the pasted tables', () => {
    const { model, layout } = setup();
    const clip = copyTables(model, layout, new Set(['c', 'o']))!;
    const out = pasteTables(model, layout, clip);
    const [customers2, orders2] = out.ids.map((id) => out.model.tables.find((t) => t.id === id)!);
    expect([customers2.name, orders2.name]).toEqual(['customers_2', 'orders_2']);
    expect(orders2.foreignKeys[0].refTableId).toBe(customers2.id);
    expect(orders2.foreignKeys[0].refColumns).toEqual([customers2.columns[0].id]);
    expect(orders2.primaryKey?.name).toBeUndefined(); // names are schema-wide: the copy takes the default
    expect(out.layout.nodes[orders2.id]).toEqual({ x: 340, y: 40 });
    expect(out.model.tables.slice(0, 3)).toEqual(model.tables);
  });

  it('keeps a reference to a table that was not copied, and drops one to a table that is gone', () => {
    const { model, layout } = setup();
    const clip = copyTables(model, layout, new Set(['o']))!;
    const kept = pasteTables(model, layout, clip);
    expect(kept.model.tables.at(-1)!.foreignKeys[0].refTableId).toBe('c');
    const withoutCustomers = { ...model, tables: model.tables.filter((t) => t.id !== 'c') };
    const dropped = pasteTables(withoutCustomers, layout, clip);
    expect(dropped.model.tables.at(-1)!.foreignKeys).toEqual([]);
  });

  it('copies nothing when no table is selected', () => {
    const { model, layout } = setup();
    expect(copyTables(model, layout, new Set(['note_1']))).toBeUndefined();
  });
});

describe('areaRect', () => {
  const { layout } = setup();
  const counts = new Map([['c', 1], ['o', 2], ['p', 1]]);
  const area = { id: 'a', name: 'Sales', color: '#000', tableIds: ['c', 'o'] };

  it('surrounds the measured tables with room for the label', () => {
    const sizes = new Map([['c', { width: 200, height: 100 }], ['o', { width: 200, height: 150 }]]);
    expect(areaRect(area, layout.nodes, sizes, counts)).toEqual({ x: -24, y: -44, width: 548, height: 218 });
  });

  it('is absent when none of its tables is drawn', () => {
    expect(areaRect({ ...area, tableIds: ['gone'] }, layout.nodes, undefined, counts)).toBeUndefined();
  });
});
