import { describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/document.ts';
import { buildEventStore } from '../../shared/model/templates/event-store.ts';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { addDomain, addExtension, addSequence } from '../../shared/model/ops/index.ts';
import { objectTarget, tabForSelection, type ObjectTarget } from './object-target.ts';

function sample(): Model {
  let model = buildEcommerce().model;
  model = { ...model, views: buildEventStore().model.views, rawObjects: buildEventStore().model.rawObjects };
  model = addDomain(model, { id: 'd1', name: 'email', type: { name: 'text' } });
  model = addSequence(model, { id: 's1', name: 'invoice_no' });
  return addExtension(model, { id: 'x1', name: 'citext' });
}

describe('objectTarget', () => {
  const model = sample();
  const orders = model.tables.find((t) => t.name === 'orders')!;
  const trigger = model.rawObjects.find((r) => r.kind === 'trigger')!;
  const cases: { name: string; objectId: string; tableId?: string; expected: ObjectTarget | undefined }[] = [
    { name: 'a table', objectId: orders.id, tableId: orders.id, expected: { tab: 'inspector', tableId: orders.id } },
    { name: 'a column of a table', objectId: orders.columns[1].id, tableId: orders.id, expected: { tab: 'inspector', tableId: orders.id, objectId: orders.columns[1].id } },
    { name: 'an enum', objectId: model.enums[0].id, expected: { tab: 'types', id: model.enums[0].id, onCanvas: true } },
    { name: 'a view', objectId: model.views[0].id, expected: { tab: 'types', id: model.views[0].id, onCanvas: true } },
    { name: 'a domain', objectId: 'd1', expected: { tab: 'types', id: 'd1', onCanvas: false } },
    { name: 'a sequence', objectId: 's1', expected: { tab: 'types', id: 's1', onCanvas: false } },
    { name: 'a schema', objectId: model.schemas[0].id, expected: { tab: 'types', id: model.schemas[0].id, onCanvas: false } },
    { name: 'an extension', objectId: 'x1', expected: { tab: 'types', id: 'x1', onCanvas: false } },
    { name: 'a SQL object on a table is edited as a SQL object', objectId: trigger.id, tableId: trigger.tableId, expected: { tab: 'types', id: trigger.id, onCanvas: false } },
    { name: 'an unknown object', objectId: 'gone', expected: undefined },
  ];
  it.each(cases)('$name', ({ objectId, tableId, expected }) => {
    expect(objectTarget(model, objectId, tableId)).toEqual(expected);
  });
});

describe('tabForSelection', () => {
  const model = sample();
  const table = model.tables[0].id;
  const enumId = model.enums[0].id;
  const viewId = model.views[0].id;
  const cases: { name: string; selection: string[]; tab: string; expected: string }[] = [
    { name: 'an enum from the Table tab opens Objects', selection: [enumId], tab: 'inspector', expected: 'types' },
    { name: 'a view from the Table tab opens Objects', selection: [viewId], tab: 'inspector', expected: 'types' },
    { name: 'a table keeps the Table tab', selection: [table], tab: 'inspector', expected: 'inspector' },
    { name: 'an enum keeps the SQL tab', selection: [enumId], tab: 'sql', expected: 'sql' },
    { name: 'several objects keep the tab', selection: [enumId, viewId], tab: 'inspector', expected: 'inspector' },
    { name: 'nothing selected keeps the tab', selection: [], tab: 'inspector', expected: 'inspector' },
    { name: 'a table from the Database tab opens the Table tab', selection: [table], tab: 'live', expected: 'inspector' },
    { name: 'a view from the Database tab opens Objects', selection: [viewId], tab: 'live', expected: 'types' },
    { name: 'several objects keep the Database tab', selection: [table, viewId], tab: 'live', expected: 'live' },
    { name: 'nothing selected keeps the Database tab', selection: [], tab: 'live', expected: 'live' },
  ];
  it.each(cases)('$name', ({ selection, tab, expected }) => {
    expect(tabForSelection(model, new Set(selection), tab)).toBe(expected);
  });
});
