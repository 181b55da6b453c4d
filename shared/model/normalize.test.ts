import { describe, expect, it } from 'vitest';
import type { Model } from './document.ts';
import { buildModel, colId, tableId } from './model-builder.ts';
import { normalizeModel } from './normalize.ts';
import { templates } from './templates/index.ts';

const base = (): Model =>
  buildModel({
    tables: [
      { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'], uniques: [['email']], checks: ['id > 0'] },
      { name: 'orders', columns: ['id bigint!', 'customer_id bigint!'], pk: ['id'], fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }], indexes: [['customer_id']] },
    ],
    domains: [{ name: 'email', type: 'text' }],
  });

type Mutate = (m: Model) => void;
const cases: Array<[title: string, noisy: Mutate, canonical: Mutate]> = [
  ['type aliases fold', (m) => { m.tables[0].columns[1].type = { name: 'varchar', args: [20] }; }, (m) => { m.tables[0].columns[1].type = { name: 'character varying', args: [20] }; }],
  ['empty modifiers and scalar array dims go', (m) => { m.tables[0].columns[1].type = { name: 'text', args: [], arrayDims: 0 }; }, () => undefined],
  ['empty comments and collations go', (m) => { Object.assign(m.tables[0].columns[1], { comment: '', collation: '' }); m.tables[0].comment = ''; }, () => undefined],
  ['false flags go', (m) => { Object.assign(m.tables[1].foreignKeys[0], { deferrable: false, initiallyDeferred: false, notValid: false }); m.tables[0].unlogged = false; }, () => undefined],
  ['btree, ASC and NULLS LAST go', (m) => { Object.assign(m.tables[1].indexes[0], { method: 'btree', include: [] }); m.tables[1].indexes[0].items[0] = { column: colId('orders', 'customer_id'), order: 'asc', nulls: 'last' }; }, () => undefined],
  ['DESC NULLS FIRST keeps DESC only', (m) => { m.tables[1].indexes[0].items[0] = { column: colId('orders', 'customer_id'), order: 'desc', nulls: 'first' }; }, (m) => { m.tables[1].indexes[0].items[0] = { column: colId('orders', 'customer_id'), order: 'desc' }; }],
  ['DESC NULLS LAST is kept', (m) => { m.tables[1].indexes[0].items[0] = { column: colId('orders', 'customer_id'), order: 'desc', nulls: 'last' }; }, (m) => { m.tables[1].indexes[0].items[0] = { column: colId('orders', 'customer_id'), order: 'desc', nulls: 'last' }; }],
  ['domain types fold', (m) => { m.domains[0].type = { name: 'int4' }; m.domains[0].default = ''; }, (m) => { m.domains[0].type = { name: 'integer' }; }],
  ['missing schemas are added', (m) => { m.tables[1].schema = 'sales'; }, (m) => { m.tables[1].schema = 'sales'; m.schemas.push({ id: 'schema:sales', name: 'sales' }); }],
];

describe('normalizeModel', () => {
  it.each(cases)('%s', (_title, noisy, canonical) => {
    const input = base();
    noisy(input);
    const expected = base();
    canonical(expected);
    const out = normalizeModel(input);
    expect(out).toEqual(expected);
    expect(normalizeModel(out)).toBe(out);
  });

  it('keeps the identity of a canonical model and of untouched tables', () => {
    const m = base();
    expect(normalizeModel(m)).toBe(m);
    m.tables[0].columns[1].type = { name: 'varchar' };
    const out = normalizeModel(m);
    expect(out.tables[1]).toBe(m.tables[1]);
    expect(out.tables[0]).not.toBe(m.tables[0]);
    expect(out.tables[0].id).toBe(tableId('customers'));
  });

  it('is idempotent on the templates and keeps every id', () => {
    for (const t of templates) {
      const model = t.build().model;
      const once = normalizeModel(model);
      expect(normalizeModel(once)).toBe(once);
      const ids = (m: Model) => m.tables.flatMap((x) => [x.id, ...x.columns.map((c) => c.id), ...x.indexes.map((i) => i.id)]);
      expect(ids(once)).toEqual(ids(model));
    }
  });
});
