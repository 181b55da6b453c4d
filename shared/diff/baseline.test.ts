import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/model-builder.ts';
import { matchToBaseline } from './baseline.ts';
import { diff } from './diff.ts';

const live = () => buildModel({
  tables: [
    { name: 'clients', columns: ['id bigint!', 'mail text'], pk: ['id'], uniques: [['mail']] },
    { name: 'orders', columns: ['id bigint!', 'client_id bigint'], pk: ['id'], fks: [{ columns: ['client_id'], ref: 'clients', refColumns: ['id'], name: 'orders_client_fk' }] },
  ],
});

describe('matchToBaseline', () => {
  it('carries baseline ids by name, references included', () => {
    const baseline = structuredClone(live());
    baseline.tables[0].id = 'T1';
    baseline.tables[0].columns[0].id = 'C1';
    baseline.tables[0].primaryKey!.columns = ['C1'];
    Object.assign(baseline.tables[1].foreignKeys[0], { refTableId: 'T1', refColumns: ['C1'] });
    const matched = matchToBaseline(live(), baseline);
    expect(matched.tables[0].id).toBe('T1');
    expect(matched.tables[0].primaryKey!.columns).toEqual(['C1']);
    expect(matched.tables[1].foreignKeys[0].refTableId).toBe('T1');
    expect(matched.tables[1].foreignKeys[0].refColumns).toEqual(['C1']);
    expect(diff(matched, baseline)).toEqual([]);
  });

  it('lets a model rename diff as a rename against the live database', () => {
    const baseline = live();
    baseline.tables[0].id = 'T1';
    const model = structuredClone(baseline);
    model.tables[0].name = 'customers';
    const changes = diff(matchToBaseline(live(), baseline), model);
    expect(changes.map((c) => c.kind)).toContain('table.rename');
    expect(changes.map((c) => c.kind)).not.toContain('table.drop');
  });

  it('keeps unmatched live objects apart from baseline ids they collide with', () => {
    const baseline = live();
    // The baseline's `clients` was created from a table once called `orders`: it holds orders' derived id.
    const ordersId = baseline.tables[1].id;
    baseline.tables = [{ ...baseline.tables[0], id: ordersId }];
    const matched = matchToBaseline(live(), baseline);
    const ids = matched.tables.map((t) => t.id);
    expect(new Set(ids).size).toBe(2);
    expect(matched.tables[0].id).toBe(ordersId);
  });
});
