import { describe, expect, it } from 'vitest';
import type { Model, View } from './document.ts';
import { modelZod } from './document.ts';
import { buildModel } from './model-builder.ts';
import * as ops from './ops.ts';

const base = (): Model => {
  const model = buildModel({ tables: [{ name: 'orders', columns: ['id bigint!', 'total numeric'], pk: ['id'] }] });
  const withView = ops.addView(model, { id: 'v', name: 'big_orders', definition: 'SELECT id, total FROM orders WHERE total > 100' });
  return ops.addView(withView, { id: 'mv', name: 'totals', definition: 'SELECT sum(total) AS total FROM orders', materialized: true });
};
const view = (m: Model, id = 'v'): View => m.views.find((v) => v.id === id)!;

describe('view ops', () => {
  const cases: Array<[string, (m: Model) => Model, (m: Model) => unknown, unknown]> = [
    ['check_option', (m) => ops.setViewOption(m, { viewId: 'v', option: 'check_option', value: 'cascaded' }), (m) => view(m).with, { check_option: 'cascaded' }],
    ['security_barrier, case-folded', (m) => ops.setViewOption(m, { viewId: 'v', option: 'security_barrier', value: ' TRUE ' }), (m) => view(m).with, { security_barrier: 'true' }],
    ['two options, then one removed', (m) => ops.setViewOption(
      ops.setViewOption(ops.setViewOption(m, { viewId: 'v', option: 'security_barrier', value: 'true' }), { viewId: 'v', option: 'check_option', value: 'local' }),
      { viewId: 'v', option: 'security_barrier', value: '' },
    ), (m) => view(m).with, { check_option: 'local' }],
    ['the last option removed drops `with`', (m) => ops.setViewOption(ops.setViewOption(m, { viewId: 'v', option: 'security_invoker', value: 'true' }), { viewId: 'v', option: 'security_invoker', value: '' }),
      (m) => 'with' in view(m), false],
    ['a column comment on a column not listed yet', (m) => ops.setViewColumnComment(m, { viewId: 'v', column: ' total ', comment: 'incl. tax' }), (m) => view(m).columns, [{ name: 'total', comment: 'incl. tax' }]],
    ['a column comment changed, then cleared (the column stays listed)', (m) => ops.setViewColumnComment(
      ops.setViewColumnComment(ops.setViewColumnComment(m, { viewId: 'v', column: 'id', comment: 'a' }), { viewId: 'v', column: 'id', comment: 'b' }),
      { viewId: 'v', column: 'id', comment: '' },
    ), (m) => view(m).columns, [{ name: 'id' }]],
    ['removing the last listed column drops `columns`', (m) => ops.removeViewColumn(ops.setViewColumnComment(m, { viewId: 'v', column: 'id', comment: 'a' }), { viewId: 'v', column: 'id' }),
      (m) => 'columns' in view(m), false],
    ['making a view materialized drops its plain-view options', (m) => ops.updateView(ops.setViewOption(m, { viewId: 'v', option: 'check_option', value: 'local' }), { viewId: 'v', patch: { materialized: true } }),
      (m) => [view(m).materialized, 'with' in view(m)], [true, false]],
  ];
  it.each(cases)('%s', (_, run, read, expected) => {
    const before = base();
    const after = run(before);
    expect(read(after)).toEqual(expected);
    expect(modelZod.safeParse(after).success).toBe(true);
    expect(view(after, 'mv')).toBe(view(before, 'mv'));
    expect(after.tables).toBe(before.tables);
  });

  const refused: Array<[string, (m: Model) => Model, string]> = [
    ['a check_option that is not local or cascaded', (m) => ops.setViewOption(m, { viewId: 'v', option: 'check_option', value: 'strict' }), 'View public.big_orders: check_option is local or cascaded, not "strict".'],
    ['security_barrier that is not a boolean', (m) => ops.setViewOption(m, { viewId: 'v', option: 'security_barrier', value: 'yes' }), 'View public.big_orders: security_barrier is true or false, not "yes".'],
    ['a plain-view option on a materialized view', (m) => ops.setViewOption(m, { viewId: 'mv', option: 'security_barrier', value: 'true' }), 'View public.totals: security_barrier is for plain views; a materialized view does not take it.'],
    ['a column comment without a column name', (m) => ops.setViewColumnComment(m, { viewId: 'v', column: ' ', comment: 'x' }), "A view column comment needs the column's name."],
  ];
  it.each(refused)('refuses %s', (_, run, message) => {
    expect(() => run(base())).toThrow(new ops.ModelOpError(message));
  });

  it.each([
    ['the same option value', (m: Model) => ops.setViewOption(m, { viewId: 'v', option: 'check_option', value: '' })],
    ['an unknown view', (m: Model) => ops.setViewColumnComment(m, { viewId: 'nope', column: 'id', comment: 'x' })],
    ['removing a column that is not listed', (m: Model) => ops.removeViewColumn(m, { viewId: 'v', column: 'id' })],
  ])('%s returns the same model', (_, run) => {
    const before = base();
    expect(run(before)).toBe(before);
  });
});
