import { describe, expect, it } from 'vitest';
import type { Column, Model, Table } from '../../shared/model/document.ts';
import { emptyLayout, emptyModel } from '../../shared/model/empty.ts';
import { columnRows, displayType } from './badges.ts';
import { toFlow, type FlowInput, type RelationFlowEdge } from './to-flow.ts';

const column = (id: string, name: string, extra: Partial<Column> = {}): Column => ({
  id, name, type: { name: 'integer' }, notNull: false, ...extra,
});

function table(id: string, name: string, extra: Partial<Table> = {}): Table {
  return { id, schema: 'public', name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [], ...extra };
}

/** customers(id PK) ← orders(customer_id NOT NULL FK); products stands alone. */
function sampleModel(): Model {
  const customers = table('t_c', 'customers', {
    columns: [column('c_id', 'id', { notNull: true })],
    primaryKey: { id: 'pk_c', columns: ['c_id'] },
  });
  const orders = table('t_o', 'orders', {
    columns: [column('o_id', 'id', { notNull: true }), column('o_cust', 'customer_id', { notNull: true })],
    primaryKey: { id: 'pk_o', columns: ['o_id'] },
    foreignKeys: [{
      id: 'fk_o_c', columns: ['o_cust'], refTableId: 't_c', refColumns: ['c_id'],
      onDelete: 'no-action', onUpdate: 'no-action', match: 'simple',
    }],
  });
  const products = table('t_p', 'products', { columns: [column('p_id', 'id')] });
  return { ...emptyModel(), tables: [customers, orders, products] };
}

function input(model: Model, extra: Partial<FlowInput> = {}): FlowInput {
  const layout = emptyLayout();
  layout.nodes = { t_c: { x: 0, y: 0 }, t_o: { x: 400, y: 0 }, t_p: { x: 0, y: 400 } };
  return { model, layout, selected: new Set(), far: false, ...extra };
}

const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id)!;

describe('toFlow', () => {
  it('maps each table to a node and each foreign key to a column-to-column edge', () => {
    const flow = toFlow(input(sampleModel()));
    expect(flow.nodes.map((n) => [n.id, n.type])).toEqual([['t_c', 'table'], ['t_o', 'table'], ['t_p', 'table']]);
    const edge = flow.edges[0] as RelationFlowEdge;
    expect(flow.edges).toHaveLength(1);
    expect([edge.source, edge.sourceHandle, edge.target, edge.targetHandle]).toEqual(['t_o', 'o_cust:l', 't_c', 'c_id:r']);
    expect([edge.data?.parentOptional, edge.data?.childUnique]).toEqual([false, false]);
  });

  it('joins the tables\' own handles when far (no column rows drawn), and the columns again near', () => {
    const start = input(sampleModel());
    const near = toFlow(start);
    const far = toFlow({ ...start, far: true }, near);
    expect([far.edges[0].sourceHandle, far.edges[0].targetHandle]).toEqual([':l', ':r']);
    // React Flow keeps handles measured at the other level: each table carries all of its own again.
    expect(byId(far.nodes, 't_o').handles?.map((h) => h.id)).toEqual([':l', ':r', 'o_id:l', 'o_id:r', 'o_cust:l', 'o_cust:r']);
    const back = toFlow(start, far);
    expect([back.edges[0].sourceHandle, back.edges[0].targetHandle]).toEqual(['o_cust:l', 'c_id:r']);
  });

  it('returns the very same arrays when nothing changed', () => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const again = toFlow({ ...start, selected: new Set() }, first);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
  });

  it('keeps node identity for tables that did not change', () => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const renamed = { ...start.model.tables[2], name: 'items' };
    const model = { ...start.model, tables: [start.model.tables[0], start.model.tables[1], renamed] };
    const next = toFlow({ ...start, model }, first);
    expect(byId(next.nodes, 't_c')).toBe(byId(first.nodes, 't_c'));
    expect(byId(next.nodes, 't_o')).toBe(byId(first.nodes, 't_o'));
    expect(byId(next.nodes, 't_p')).not.toBe(byId(first.nodes, 't_p'));
    expect(next.edges).toBe(first.edges);
  });

  it('rebuilds only the moved node and the edges whose sides changed', () => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const layout = { ...start.layout, nodes: { ...start.layout.nodes, t_o: { x: -600, y: 0 } } };
    const next = toFlow({ ...start, layout }, first);
    expect(byId(next.nodes, 't_o').position).toEqual({ x: -600, y: 0 });
    expect(byId(next.nodes, 't_c')).toBe(byId(first.nodes, 't_c'));
    expect(next.edges[0].sourceHandle).toBe('o_cust:r');
  });

  it('rebuilds a node when its selection changes, and carries its measured size', () => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const measured = new Map([['t_p', { width: 200, height: 80 }]]);
    const next = toFlow({ ...start, selected: new Set(['t_p']), measured }, first);
    expect(byId(next.nodes, 't_p').selected).toBe(true);
    expect(byId(next.nodes, 't_p').measured).toEqual({ width: 200, height: 80 });
    expect(byId(next.nodes, 't_c')).toBe(byId(first.nodes, 't_c'));
  });

  it('rebuilds a node whose measured size changed, and only that one', () => {
    const start = input(sampleModel());
    const first = toFlow({ ...start, measured: new Map([['t_c', { width: 200, height: 80 }]]) });
    const same = toFlow({ ...start, measured: new Map([['t_c', { width: 200, height: 80 }]]) }, first);
    expect(same.nodes).toBe(first.nodes);
    const grown = toFlow({ ...start, measured: new Map([['t_c', { width: 200, height: 104 }]]) }, first);
    expect(byId(grown.nodes, 't_c').measured).toEqual({ width: 200, height: 104 });
    expect(byId(grown.nodes, 't_o')).toBe(byId(first.nodes, 't_o'));
  });

  it('keeps the edges when a table with foreign keys is renamed, rebuilds them when optionality changes', () => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const renamed = { ...start.model.tables[1], name: 'purchases' };
    const next = toFlow({ ...start, model: { ...start.model, tables: [start.model.tables[0], renamed, start.model.tables[2]] } }, first);
    expect(next.edges).toBe(first.edges);
    const optional = { ...renamed, columns: renamed.columns.map((c) => (c.id === 'o_cust' ? { ...c, notNull: false } : c)) };
    const after = toFlow({ ...start, model: { ...start.model, tables: [start.model.tables[0], optional, start.model.tables[2]] } }, next);
    expect(after.edges[0].data?.parentOptional).toBe(true);
  });

  it('computes a line again only when one of its tables or their places changed', () => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const lineIn = (flow: ReturnType<typeof toFlow>) => flow.drawn!.lines.find((l) => l.id === 'fk_o_c');
    const line = () => lineIn(first);
    // An unrelated table renamed: the line and its lanes are the same objects.
    const products = { ...start.model.tables[2], name: 'items' };
    const renamed = toFlow({ ...start, model: { ...start.model, tables: [start.model.tables[0], start.model.tables[1], products] } }, first);
    expect(lineIn(renamed)).toBe(line());
    expect(renamed.drawn!.lanes).toBe(first.drawn!.lanes);
    // The referenced table moved to the other side: the line leaves the other way.
    const layout = { ...start.layout, nodes: { ...start.layout.nodes, t_c: { x: 900, y: 0 } } };
    const moved = toFlow({ ...start, layout }, renamed);
    expect(lineIn(moved)).not.toBe(line());
    expect(moved.edges[0]).toMatchObject({ sourceHandle: 'o_cust:r', targetHandle: 'c_id:l' });
    // Far away the line joins the tables' own handles, though nothing else changed.
    const far = toFlow({ ...start, layout, far: true }, moved);
    expect(far.edges[0].sourceHandle).not.toBe('o_cust:r');
  });

  it.each([
    ['a table added first', (tables: Table[]) => [table('t_new', 'new_one'), ...tables]],
    ['the first table removed', (tables: Table[]) => tables.slice(1).map((t) => ({ ...t, foreignKeys: [] }))],
    ['the order reversed', (tables: Table[]) => [...tables].reverse()],
  ])('finds the previous node and line by id when the order shifts (%s)', (_, change) => {
    const start = input(sampleModel());
    const first = toFlow(start);
    const tables = change(start.model.tables);
    const next = toFlow({ ...start, model: { ...start.model, tables } }, first);
    for (const t of tables) {
      const old = first.nodes.find((n) => n.id === t.id);
      const now = next.nodes.find((n) => n.id === t.id)!;
      expect(now.data).toMatchObject({ table: t });
      if (old && (old.data as { table: Table }).table === t) expect(now).toBe(old);
    }
    expect(next.edges.map((e) => e.id)).toEqual(tables.flatMap((t) => t.foreignKeys.map((fk) => fk.id)));
  });

  it('gives an unmeasured table an estimated size and handles, a measured one its size only', () => {
    const start = input(sampleModel());
    const flow = toFlow({ ...start, measured: new Map([['t_c', { width: 230, height: 61 }]]) });
    const orders = byId(flow.nodes, 't_o');
    expect(orders.measured?.height).toBe(2 + 35 + 2 * 24);
    expect(orders.handles?.map((h) => h.id)).toEqual([':l', ':r', 'o_id:l', 'o_id:r', 'o_cust:l', 'o_cust:r']);
    expect(byId(flow.nodes, 't_c')).toMatchObject({ measured: { width: 230, height: 61 } });
    expect(byId(flow.nodes, 't_c').handles).toBeUndefined();
  });

  it('draws a self reference from the right side back to the right side', () => {
    const model = sampleModel();
    const parent = column('p_parent', 'parent_id');
    model.tables[2] = table('t_p', 'products', {
      columns: [column('p_id', 'id', { notNull: true }), parent],
      primaryKey: { id: 'pk_p', columns: ['p_id'] },
      uniques: [{ id: 'uq', columns: ['p_parent'] }],
      foreignKeys: [{ id: 'fk_self', columns: ['p_parent'], refTableId: 't_p', refColumns: ['p_id'], onDelete: 'cascade', onUpdate: 'no-action', match: 'simple' }],
    });
    const edge = byId(toFlow(input(model)).edges, 'fk_self');
    expect([edge.sourceHandle, edge.targetHandle]).toEqual(['p_parent:r', 'p_id:r']);
    expect([edge.data?.parentOptional, edge.data?.childUnique]).toEqual([true, true]);
  });
});

describe('columnRows and displayType', () => {
  it.each([
    [{ name: 'character varying', args: [80] }, 'varchar(80)'],
    [{ name: 'timestamp with time zone' }, 'timestamptz'],
    [{ name: 'numeric', args: [10, 2] }, 'numeric(10,2)'],
    [{ name: 'order_status', schema: 'public' }, 'order_status'],
    [{ name: 'mood', schema: 'app', arrayDims: 1 }, 'app.mood[]'],
    [{ name: 'text', arrayDims: 2 }, 'text[][]'],
  ])('displayType(%j) = %s', (type, text) => {
    expect(displayType(type)).toBe(text);
  });

  it('gives PK, FK, NN, UQ and default badges', () => {
    const model = sampleModel();
    const orders = model.tables[1];
    orders.columns.push(column('o_code', 'code', { notNull: true, default: "'x'" }));
    orders.uniques.push({ id: 'uq_code', columns: ['o_code'] });
    expect(columnRows(orders).map((r) => [r.name, r.badges, r.isKey])).toEqual([
      ['id', ['PK'], true],
      ['customer_id', ['FK', 'NN'], true],
      ['code', ['UQ', 'NN', 'DEF'], false],
    ]);
  });
});

describe('toFlow for the overview', () => {
  it('hides the tables from React Flow (kept for its fit and lookups), and shows them again close up', () => {
    const model = sampleModel();
    const near = toFlow(input(model));
    const pictured = input(model, { far: true, overview: true });
    const overview = toFlow(pictured, near);
    expect(overview.nodes.map((n) => [n.id, n.hidden])).toEqual([['t_c', true], ['t_o', true], ['t_p', true]]);
    expect(toFlow(pictured, overview).nodes).toBe(overview.nodes);
    const back = toFlow({ ...pictured, overview: false }, overview);
    expect(back.nodes.every((n) => !n.hidden)).toBe(true);
  });
});
