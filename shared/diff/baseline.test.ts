import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/model-builder.ts';
import { matchToBaseline } from './baseline.ts';
import { diff } from './diff.ts';
import { planBetween } from './plan.ts';
import { renameCandidates } from './rename-candidates.ts';

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

/** P1 as the user drew it: random ids, nothing derived from names. */
const p1 = () => {
  const m = buildModel({ tables: [{ name: 'items', columns: ['id bigint!', 'title text'], pk: ['id'] }] });
  const t = m.tables[0];
  t.id = 'table_p1';
  t.columns[0].id = 'col_p1_id';
  t.columns[1].id = 'col_p1_title';
  t.primaryKey = { id: 'pk_p1', columns: ['col_p1_id'] };
  return m;
};
/** The database as introspection reads it: ids derived from names. */
const liveItems = (extra: string[] = []) => buildModel({ tables: [{ name: 'items', columns: ['id bigint!', 'title text', ...extra], pk: ['id'] }] });
const withColumn = (m: ReturnType<typeof p1>, id: string, name: string) => {
  m.tables[0].columns.push({ id, name, type: { name: 'text' }, notNull: false });
  return m;
};
const renamed = (m: ReturnType<typeof p1>, name: string) => {
  m.tables[0].name = name;
  return m;
};

describe('matchToBaseline with the user model: names match whatever the baseline says', () => {
  const cases: { name: string; live: () => ReturnType<typeof p1>; baseline: () => ReturnType<typeof p1> | undefined; model: () => ReturnType<typeof p1>; changes: string[] }[] = [
    {
      name: 'stale baseline (ids of an older model of the same table)',
      live: () => liveItems(), baseline: () => { const b = p1(); b.tables[0].id = 'table_old'; b.tables[0].columns[0].id = 'col_old'; return b; },
      model: () => withColumn(p1(), 'col_p1_note', 'note'), changes: ['column.add'],
    },
    {
      name: 'baseline of another project (an import: ids derived from names)',
      live: () => liveItems(), baseline: () => liveItems(), model: () => withColumn(p1(), 'col_p1_note', 'note'), changes: ['column.add'],
    },
    { name: 'no baseline', live: () => liveItems(), baseline: () => undefined, model: () => withColumn(p1(), 'col_p1_note', 'note'), changes: ['column.add'] },
    {
      name: 'table changed by hand (a column added with psql, and in the model too)',
      live: () => liveItems(['note text']), baseline: p1, model: () => withColumn(p1(), 'col_p1_note', 'note'), changes: [],
    },
    { name: 'rename in the model, with its baseline', live: () => liveItems(), baseline: p1, model: () => renamed(p1(), 'goods'), changes: ['constraint.rename', 'table.rename'] },
    {
      name: 'an import renamed before its first apply, with another project\'s baseline',
      live: () => liveItems(), baseline: p1, model: () => renamed(liveItems(), 'goods'), changes: ['constraint.rename', 'table.rename'],
    },
    {
      name: 'a new model table does not take the id of a live table the baseline already matched',
      live: () => liveItems(), baseline: p1,
      model: () => { const m = renamed(p1(), 'goods'); m.tables.push({ ...liveItems().tables[0], id: 'table_new_items', columns: [], primaryKey: undefined }); return m; },
      changes: ['constraint.rename', 'table.create', 'table.rename'],
    },
  ];
  it.each(cases)('$name → $changes', ({ live, baseline, model, changes: expected }) => {
    const user = model();
    const changes = diff(matchToBaseline(live(), baseline() ?? user, user), user).map((c) => c.kind).sort();
    expect(changes).toEqual(expected);
    expect(changes).not.toContain('table.drop');
  });
});

describe('the recreates-object hazard', () => {
  const asView = (m: ReturnType<typeof p1>) => {
    const { schema, name } = m.tables[0];
    return { ...m, tables: [], views: [{ id: 'view_items', schema, name, definition: 'SELECT 1 AS id', materialized: false }] };
  };
  const cases = [
    { name: 'a table given a new id', to: () => { const m = p1(); m.tables[0].id = 'table_other'; return m; }, message: /table public\.items is a different object \(id table_other\) from the database's table \(id table_p1\)/ },
    { name: 'a table that becomes a view', to: () => asView(p1()), message: /view public\.items is a different object \(id view_items\) from the database's table \(id table_p1\)/ },
  ];
  it.each(cases)('$name: the DROP carries it, with the reason', ({ to, message }) => {
    const steps = planBetween(p1(), to() as ReturnType<typeof p1>).steps;
    const drop = steps.find((s) => s.sql.startsWith('DROP TABLE'))!;
    expect(drop.hazards.map((h) => h.kind)).toEqual(['recreates-object', 'deletes-data']);
    expect(drop.hazards[0].message).toMatch(message);
    expect(steps.filter((s) => s !== drop).flatMap((s) => s.hazards.map((h) => h.kind))).not.toContain('recreates-object');
  });

  it('is not raised for a rename or a plain drop', () => {
    const kinds = (to: ReturnType<typeof p1>) => planBetween(p1(), to).steps.flatMap((s) => s.hazards.map((h) => h.kind));
    expect(kinds(renamed(p1(), 'goods'))).not.toContain('recreates-object');
    expect(kinds({ ...p1(), tables: [] })).toEqual(['deletes-data']);
  });
});

describe('renames by shape, confirmed by the user', () => {
  const goods = () => renamed(p1(), 'goods');
  const cases = [
    { name: 'same columns: offered, and a rename once confirmed', model: goods, candidates: [{ from: 'public.items', toId: 'table_p1', to: 'public.goods' }], changes: ['constraint.rename', 'table.rename'] },
    { name: 'another column: not offered', model: () => withColumn(goods(), 'col_p1_note', 'note'), candidates: [], changes: ['table.create', 'table.drop'] },
    { name: 'another type: not offered', model: () => { const m = goods(); m.tables[0].columns[1].type = { name: 'integer' }; return m; }, candidates: [], changes: ['table.create', 'table.drop'] },
  ];
  it.each(cases)('$name', ({ model, candidates, changes }) => {
    const user = model();
    expect(renameCandidates(matchToBaseline(liveItems(), user, user), user)).toEqual(candidates);
    const confirmed = matchToBaseline(liveItems(), user, user, candidates);
    expect(diff(confirmed, user).map((c) => c.kind).sort()).toEqual(changes);
  });

  it('ignores a confirmed rename whose live table or model id is gone', () => {
    const user = goods();
    const stale = [{ from: 'public.nowhere', toId: 'table_p1' }, { from: 'public.items', toId: 'table_gone' }];
    expect(diff(matchToBaseline(liveItems(), user, user, stale), user).map((c) => c.kind).sort()).toEqual(['table.create', 'table.drop']);
  });
});
