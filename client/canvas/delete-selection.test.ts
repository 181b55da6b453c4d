import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { buildEventStore } from '../../shared/model/templates/event-store.ts';
import { withoutSelection } from './delete-selection.ts';

const tableId = (doc: ModelDocument, name: string) => doc.model.tables.find((t) => t.name === name)!.id;
const names = (list: { name: string }[]) => list.map((o) => o.name);

describe('withoutSelection', () => {
  const cases: { name: string; doc: () => ModelDocument; select: (doc: ModelDocument) => string[]; check: (before: ModelDocument, after: ModelDocument) => void }[] = [
    {
      name: 'select all removes tables, views and enums, and their layout',
      doc: buildEventStore,
      select: (d) => [...d.model.tables, ...d.model.views, ...d.model.enums].map((o) => o.id),
      check: (_, after) => {
        expect([after.model.tables, after.model.views, after.model.enums].map((l) => l.length)).toEqual([0, 0, 0]);
        expect(after.layout.nodes).toEqual({});
      },
    },
    {
      name: 'an enum goes and its columns become text',
      doc: buildEcommerce,
      select: (d) => [d.model.enums.find((e) => e.name === 'order_status')!.id],
      check: (before, after) => {
        expect(names(after.model.enums)).toEqual(['address_type_enum']);
        const status = after.model.tables.find((t) => t.name === 'orders')!.columns.find((c) => c.name === 'status')!;
        expect(status.type).toMatchObject({ name: 'text' });
        expect(after.model.tables.length).toBe(before.model.tables.length);
        expect(after.layout.nodes[before.model.enums[1].id]).toBeUndefined();
      },
    },
    {
      name: 'a view goes; the tables it reads stay',
      doc: buildEventStore,
      select: (d) => [d.model.views[0].id],
      check: (before, after) => {
        expect(after.model.views).toEqual([]);
        expect(names(after.model.tables)).toEqual(names(before.model.tables));
      },
    },
    {
      name: 'a table goes with the foreign keys that point at it, and leaves its area',
      doc: () => {
        const d = buildEcommerce();
        const ids = [tableId(d, 'orders'), tableId(d, 'customers')];
        return { ...d, layout: { ...d.layout, areas: [{ id: 'area1', name: 'Sales', color: '#eee', tableIds: ids }] } };
      },
      select: (d) => [tableId(d, 'customers')],
      check: (_, after) => {
        expect(names(after.model.tables)).not.toContain('customers');
        expect(after.model.tables.flatMap((t) => t.foreignKeys).some((fk) => fk.refTableId === tableId(buildEcommerce(), 'customers'))).toBe(false);
        expect(after.layout.areas[0].tableIds).toEqual([tableId(after, 'orders')]);
      },
    },
    {
      name: 'a selected relationship removes only its foreign key',
      doc: buildEcommerce,
      select: (d) => [d.model.tables.find((t) => t.name === 'orders')!.foreignKeys[0].id],
      check: (before, after) => {
        expect(after.model.tables.find((t) => t.name === 'orders')!.foreignKeys.length).toBe(before.model.tables.find((t) => t.name === 'orders')!.foreignKeys.length - 1);
        expect(names(after.model.tables)).toEqual(names(before.model.tables));
      },
    },
  ];
  it.each(cases)('$name', ({ doc, select, check }) => {
    const before = doc();
    check(before, withoutSelection(before, new Set(select(before))));
  });

  it('returns the same document when nothing selected exists', () => {
    const doc = buildEcommerce();
    expect(withoutSelection(doc, new Set(['nothing-here']))).toBe(doc);
  });
});
