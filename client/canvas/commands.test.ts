/**
 * The editor's verbs over the real store (no DOM): each one is a single undoable step, and undo
 * gives back the very document it started from.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { documentZod } from '../../shared/model/document.ts';
import { emptyLayout, makeDocument } from '../../shared/model/empty.ts';
import { buildModel, tableId } from '../../shared/model/model-builder.ts';
import { referenceProblems } from '../../shared/model/references.ts';
import { redo, undo, useStore } from '../store/index.ts';
import * as commands from './commands.ts';

const customers = tableId('customers');
const orders = tableId('orders');
const products = tableId('products');

function startDocument(): ModelDocument {
  const model = buildModel({
    tables: [
      { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'] },
      { name: 'orders', columns: ['id bigint!', 'customer_id bigint!'], pk: ['id'], fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }] },
      { name: 'products', columns: ['id integer!', 'name text'], pk: ['id'] },
    ],
  });
  const layout = {
    ...emptyLayout(),
    nodes: { [customers]: { x: 0, y: 0 }, [orders]: { x: 400, y: 0 }, [products]: { x: 0, y: 400 } },
    areas: [{ id: 'area_sales', name: 'Sales', color: '#2f6fed', tableIds: [customers, orders] }],
    notes: [{ id: 'note_1', text: 'why', x: 800, y: 0 }],
  };
  return { ...makeDocument(model), layout };
}

const state = () => useStore.getState();
const doc = () => state().doc;
const tableNames = () => doc().model.tables.map((t) => t.name);
const history = () => useStore.temporal.getState().pastStates.length;

interface Case {
  title: string;
  select: string[];
  run: () => unknown;
  check: (after: ModelDocument, result: unknown) => void;
}

const cases: Case[] = [
  { title: 'delete removes a table, the foreign keys to it, its position and its area membership', select: [customers], run: commands.deleteSelection, check: (after) => {
    expect(tableNames()).toEqual(['orders', 'products']);
    expect(after.model.tables.find((t) => t.id === orders)!.foreignKeys).toEqual([]);
    expect(after.layout.nodes[customers]).toBeUndefined();
    expect(after.layout.areas[0].tableIds).toEqual([orders]);
    expect(state().selection.size).toBe(0);
  } },
  { title: 'delete removes a subject area but keeps its tables', select: ['area_sales'], run: commands.deleteSelection, check: (after) => {
    expect(after.layout.areas).toEqual([]);
    expect(tableNames()).toEqual(['customers', 'orders', 'products']);
  } },
  { title: 'delete removes a sticky note', select: ['note_1'], run: commands.deleteSelection, check: (after) => {
    expect(after.layout.notes).toEqual([]);
  } },
  { title: 'duplicate copies the selected tables 40px down-right and selects the copies', select: [customers, products], run: commands.duplicateSelection, check: (after) => {
    expect(tableNames()).toEqual(['customers', 'orders', 'products', 'customers_copy', 'products_copy']);
    const copies = after.model.tables.slice(3).map((t) => t.id);
    expect(copies.map((id) => after.layout.nodes[id])).toEqual([{ x: 40, y: 40 }, { x: 40, y: 440 }]);
    expect([...state().selection]).toEqual(copies);
  } },
  { title: 'copy then paste adds copies whose foreign keys point at the pasted tables', select: [customers, orders], run: () => {
    expect(commands.copySelection()).toBe(true);
    commands.paste();
  }, check: (after) => {
    const [customers2, orders2] = after.model.tables.slice(3);
    expect([customers2.name, orders2.name]).toEqual(['customers_2', 'orders_2']);
    expect(orders2.foreignKeys[0].refTableId).toBe(customers2.id);
    expect([...state().selection]).toEqual([customers2.id, orders2.id]);
  } },
  { title: 'a subject area from two selected tables, named Area N in the next colour', select: [products, orders], run: commands.addAreaFromSelection, check: (after, id) => {
    expect(after.layout.areas[1]).toEqual({ id, name: 'Area 2', color: '#2f8f5b', tableIds: [orders, products] });
    expect([...state().selection]).toEqual([id]);
  } },
  { title: 'a table selected with an area joins that area', select: ['area_sales', products], run: commands.addAreaFromSelection, check: (after, id) => {
    expect(id).toBe('area_sales');
    expect(after.layout.areas).toHaveLength(1);
    expect(after.layout.areas[0].tableIds).toEqual([customers, orders, products]);
  } },
  { title: 'many-to-many between two tables adds a junction named in click order, placed below them', select: [products, customers], run: commands.addJunctionForSelection, check: (after, id) => {
    const junction = after.model.tables.find((t) => t.id === id)!;
    expect(junction.name).toBe('product_customer');
    expect(junction.foreignKeys.map((fk) => fk.refTableId)).toEqual([products, customers]);
    expect(junction.primaryKey?.columns).toHaveLength(2);
    expect(after.layout.nodes[id as string].y).toBeGreaterThanOrEqual(520);
  } },
  { title: 'a table added near a point lands on a free spot, selected, with the inspector open', select: [], run: () => commands.addTableNear({ x: 0, y: 0 }), check: (after, id) => {
    const at = after.layout.nodes[id as string];
    expect(after.model.tables.at(-1)!.columns.map((c) => c.name)).toEqual(['id']);
    expect(at.x !== 0 || at.y !== 0).toBe(true); // customers sits at 0,0
    expect(state().rightTab).toBe('inspector');
  } },
  { title: 'a sticky note added at a point, rounded', select: [], run: () => commands.addNoteAt({ x: 10.6, y: 20.2 }), check: (after, id) => {
    expect(after.layout.notes.at(-1)).toEqual({ id, text: '', x: 11, y: 20, width: 200, height: 120 });
  } },
];

describe('editing commands', () => {
  beforeEach(() => {
    state().loadDocument(startDocument());
    state().select([]);
  });

  it.each(cases)('$title; one undo step that gives back the document', ({ select, run, check }) => {
    const before = doc();
    state().select(select);
    const result = run();
    const after = doc();
    expect(after).not.toBe(before);
    check(after, result);
    expect(documentZod.safeParse(after).success).toBe(true);
    expect(referenceProblems(after)).toEqual([]);
    expect(history()).toBe(1);
    undo();
    expect(doc()).toBe(before);
    redo();
    expect(doc()).toBe(after);
  });

  const refusals: Array<[string, string[], () => unknown, RegExp]> = [
    ['a subject area with no table selected', ['note_1'], commands.addAreaFromSelection, /Select the tables/],
    ['many-to-many with one table selected', [customers], commands.addJunctionForSelection, /exactly two tables/],
  ];
  it.each(refusals)('%s changes nothing and says why', (_, select, run, message) => {
    const before = doc();
    state().select(select);
    expect(run()).toBeUndefined();
    expect(doc()).toBe(before);
    expect(state().notice?.message).toMatch(message);
  });

  it('a many-to-many between tables without a primary key is refused with the reason', () => {
    state().editModel((m) => ({ ...m, tables: m.tables.map((t) => (t.id === products ? { ...t, primaryKey: undefined } : t)) }));
    const before = doc();
    state().select([customers, products]);
    expect(commands.addJunctionForSelection()).toBeUndefined();
    expect(doc()).toBe(before);
    expect(state().notice).toMatchObject({ kind: 'error', message: expect.stringMatching(/products has no primary key/) });
  });

  it('undo lets go of the selected objects it removes', () => {
    state().select([products]);
    commands.duplicateSelection();
    const copy = [...state().selection][0];
    state().select([copy, customers, 'note_1']);
    undo();
    expect([...state().selection]).toEqual([customers, 'note_1']);
  });

  it('each paste lands a step further than the last', () => {
    state().select([products]);
    commands.copySelection();
    commands.paste();
    commands.paste();
    const pasted = doc().model.tables.slice(3).map((t) => doc().layout.nodes[t.id]);
    expect(pasted).toEqual([{ x: 40, y: 440 }, { x: 80, y: 480 }]);
  });

  it('copy with nothing copyable selected keeps nothing to paste from it', () => {
    state().select(['note_1']);
    expect(commands.copySelection()).toBe(false);
  });
});
