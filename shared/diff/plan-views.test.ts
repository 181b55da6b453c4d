import { describe, expect, it } from 'vitest';
import type { Model, View } from '../model/document.ts';
import { buildModel, tableId } from '../model/model-builder.ts';
import { diff } from './diff.ts';
import { plan } from './plan.ts';

/** A table, an updatable view on it with two column defaults, and a view reading that view. */
const base = (): Model => ({
  ...buildModel({ tables: [{ name: 'orders', columns: ['id bigint!', 'status text', 'total numeric'], pk: ['id'] }], enums: [{ name: 'mood', values: ['a', 'b'] }] }),
  views: [
    {
      id: 'v', schema: 'public', name: 'open_orders', materialized: false, definition: 'SELECT id, status, total FROM orders', dependsOn: [tableId('orders')],
      columns: [{ name: 'status', default: "'new'::text" }, { name: 'total', comment: 'sum', default: '0' }],
    },
    { id: 'w', schema: 'public', name: 'big_open_orders', materialized: false, definition: 'SELECT id FROM open_orders WHERE total > 100', dependsOn: ['v'] },
  ],
});
const view = (m: Model, id = 'v'): View => m.views.find((v) => v.id === id)!;
const column = (m: Model, name: string) => view(m).columns!.find((c) => c.name === name)!;
const sqlOf = (before: Model, after: Model) => plan(diff(before, after), { from: before, to: after }).steps.map((s) => s.sql);

const SET = (column: string, expression: string, name = 'open_orders') => `ALTER VIEW public.${name} ALTER COLUMN ${column} SET DEFAULT ${expression};`;
const DROP = (column: string) => `ALTER VIEW public.open_orders ALTER COLUMN ${column} DROP DEFAULT;`;

describe('view column defaults in the plan', () => {
  const cases: Array<[string, (m: Model) => void, string[]]> = [
    ['a default removed (the column stays listed for its comment)', (m) => { column(m, 'total').default = undefined; }, [DROP('total')]],
    ['a default added to a column not listed yet', (m) => { view(m).columns!.push({ name: 'id', default: '1' }); }, [SET('id', '1')]],
    ['a default changed', (m) => { column(m, 'status').default = "'open'::text"; }, [SET('status', "'open'::text")]],
    ['a column no longer listed loses its default', (m) => { view(m).columns = view(m).columns!.filter((c) => c.name !== 'status'); }, [DROP('status')]],
    ['the same default spelled with other spacing plans nothing', (m) => { column(m, 'status').default = " 'new'::text "; }, []],
    ['a default and a comment changed together', (m) => { Object.assign(column(m, 'total'), { default: '1', comment: 'total' }); },
      [SET('total', '1'), "COMMENT ON COLUMN public.open_orders.total IS 'total';"]],
    ['a renamed view gets its new default under the new name', (m) => { view(m).name = 'pending_orders'; column(m, 'status').default = "'x'::text"; }, [
      'ALTER VIEW public.open_orders RENAME TO pending_orders;', SET('status', "'x'::text", 'pending_orders'),
    ]],
    ['a changed definition recreates the view and sets its defaults again (the view reading it too)', (m) => { view(m).definition = 'SELECT id, status, total FROM orders WHERE id > 0'; }, [
      'DROP VIEW public.big_open_orders;', 'DROP VIEW public.open_orders;',
      'CREATE VIEW public.open_orders AS\nSELECT id, status, total FROM orders WHERE id > 0;', 'CREATE VIEW public.big_open_orders AS\nSELECT id FROM open_orders WHERE total > 100;',
      SET('status', "'new'::text"), SET('total', '0'), "COMMENT ON COLUMN public.open_orders.total IS 'sum';",
    ]],
    ['a view becoming materialized is recreated without defaults', (m) => { view(m).materialized = true; }, [
      'DROP VIEW public.big_open_orders;', 'DROP VIEW public.open_orders;',
      'CREATE MATERIALIZED VIEW public.open_orders AS\nSELECT id, status, total FROM orders;', 'CREATE VIEW public.big_open_orders AS\nSELECT id FROM open_orders WHERE total > 100;',
      "COMMENT ON COLUMN public.open_orders.total IS 'sum';",
    ]],
    ['a new view gets its defaults after it is created', (m) => { m.views.push({ ...view(m), id: 'v2', name: 'orders_2', columns: [{ name: 'status', default: "'b'::text" }] }); }, [
      'CREATE VIEW public.orders_2 AS\nSELECT id, status, total FROM orders;', SET('status', "'b'::text", 'orders_2'),
    ]],
  ];
  it.each(cases)('%s', (_name, edit, expected) => {
    const before = base();
    const after = structuredClone(before);
    edit(after);
    const steps = plan(diff(before, after), { from: before, to: after }).steps;
    expect(steps.map((s) => s.sql)).toEqual(expected);
    // Setting a default touches the catalog only: no hazard of its own.
    expect(steps.filter((s) => s.sql.includes(' DEFAULT')).flatMap((s) => s.hazards)).toEqual([]);
    expect(sqlOf(after, after)).toEqual([]);
  });

  it('a column the view reads changing type recreates the view with its defaults', () => {
    const before = base();
    const after = structuredClone(before);
    after.tables[0].columns.find((c) => c.name === 'total')!.type = { name: 'bigint' };
    const sql = sqlOf(before, after);
    const created = sql.indexOf('CREATE VIEW public.open_orders AS\nSELECT id, status, total FROM orders;');
    expect(created).toBeGreaterThan(sql.indexOf('DROP VIEW public.open_orders;'));
    expect(sql.slice(created)).toEqual(expect.arrayContaining([SET('status', "'new'::text"), SET('total', '0')]));
  });

  /** A view over a column of an enum type, its default a value of that enum. */
  const onEnum = (): Model => ({
    ...buildModel({ tables: [{ name: 'tasks', columns: ['id bigint!', 'mood public.mood'], pk: ['id'] }], enums: [{ name: 'mood', values: ['a', 'b'] }] }),
    views: [{ id: 'v', schema: 'public', name: 'my_tasks', materialized: false, definition: 'SELECT id, mood FROM tasks', dependsOn: [tableId('tasks')], columns: [{ name: 'mood', default: "'a'::mood" }] }],
  });

  it.each([
    ['an enum value added and used in the default: the enum is recreated (PostgreSQL refuses a value added in the same transaction)',
      (m: Model) => { m.enums[0].values.push('c'); column(m, 'mood').default = "'c'::mood"; }, "'c'::mood"],
    ['enum values reordered: the view over its column is recreated and its default set again on the new type',
      (m: Model) => { m.enums[0].values.reverse(); }, "'a'::mood"],
  ])('%s', (_name, edit, expression) => {
    const before = onEnum();
    const after = structuredClone(before);
    edit(after);
    const sql = sqlOf(before, after);
    expect(sql.some((s) => s.includes('ADD VALUE'))).toBe(false);
    const [typeCreated, viewCreated] = [sql.findIndex((s) => s.includes('CREATE TYPE public.mood AS ENUM')), sql.indexOf('CREATE VIEW public.my_tasks AS\nSELECT id, mood FROM tasks;')];
    expect([typeCreated >= 0, viewCreated > typeCreated]).toEqual([true, true]);
    expect(sql.indexOf(SET('mood', expression, 'my_tasks'))).toBeGreaterThan(viewCreated);
    expect(sql.indexOf(SET('mood', expression, 'my_tasks'))).toBeLessThan(sql.indexOf('DROP TYPE public.mood__old;'));
  });
});
