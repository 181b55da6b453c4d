import { describe, expect, it } from 'vitest';
import type { Model, View } from '../document.ts';
import { modelZod } from '../document.ts';
import { buildModel } from '../model-builder.ts';
import * as ops from './index.ts';

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
    ['a column default on a column not listed yet (trimmed, trailing semicolon dropped)', (m) => ops.setViewColumnDefault(m, { viewId: 'v', column: 'total', expression: ' 0; ' }),
      (m) => view(m).columns, [{ name: 'total', default: '0' }]],
    ['a column default beside its comment, changed, then cleared (the comment stays)', (m) => ops.setViewColumnDefault(
      ops.setViewColumnDefault(ops.setViewColumnComment(ops.setViewColumnDefault(m, { viewId: 'v', column: 'total', expression: '0' }), { viewId: 'v', column: 'total', comment: 'c' }),
        { viewId: 'v', column: 'total', expression: '1 + 1' }),
      { viewId: 'v', column: 'total', expression: '' },
    ), (m) => view(m).columns, [{ name: 'total', comment: 'c' }]],
    ['a comment change keeps the default', (m) => ops.setViewColumnComment(ops.setViewColumnDefault(m, { viewId: 'v', column: 'id', expression: '1' }), { viewId: 'v', column: 'id', comment: 'x' }),
      (m) => view(m).columns, [{ name: 'id', default: '1', comment: 'x' }]],
    ['clearing a default never set keeps the column and its comment', (m) => ops.setViewColumnDefault(ops.setViewColumnComment(m, { viewId: 'v', column: 'id', comment: 'a' }), { viewId: 'v', column: 'id', expression: '' }),
      (m) => view(m).columns, [{ name: 'id', comment: 'a' }]],
    ['making a view materialized drops its column defaults, keeps its comments', (m) => ops.updateView(
      ops.setViewColumnComment(ops.setViewColumnDefault(m, { viewId: 'v', column: 'id', expression: '1' }), { viewId: 'v', column: 'total', comment: 't' }),
      { viewId: 'v', patch: { materialized: true } },
    ), (m) => view(m).columns, [{ name: 'id' }, { name: 'total', comment: 't' }]],
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
    ['a column default on a materialized view', (m) => ops.setViewColumnDefault(m, { viewId: 'mv', column: 'total', expression: '0' }), "View public.totals: a materialized view's columns take no default (PostgreSQL refuses it)."],
    ['a column default without a column name', (m) => ops.setViewColumnDefault(m, { viewId: 'v', column: '', expression: '0' }), "A view column default needs the column's name."],
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

  it('setting the default a column has returns the same model', () => {
    const before = ops.setViewColumnDefault(base(), { viewId: 'v', column: 'id', expression: '1' });
    expect(ops.setViewColumnDefault(before, { viewId: 'v', column: 'id', expression: ' 1;' })).toBe(before);
  });

  describe('WITH NO DATA', () => {
    const noData = (m: Model, id: string) => ('withNoData' in view(m, id) ? view(m, id).withNoData : 'populated');
    const cases: Array<[string, (m: Model) => Model, id: string, expected: true | 'populated']> = [
      ['set on a materialized view', (m) => ops.setViewWithNoData(m, { viewId: 'mv', withNoData: true }), 'mv', true],
      ['set, then cleared (the field goes)', (m) => ops.setViewWithNoData(ops.setViewWithNoData(m, { viewId: 'mv', withNoData: true }), { viewId: 'mv', withNoData: false }), 'mv', 'populated'],
      ['through updateView', (m) => ops.updateView(m, { viewId: 'mv', patch: { withNoData: true } }), 'mv', true],
      ['a plain view made materialized and empty in one patch', (m) => ops.updateView(m, { viewId: 'v', patch: { materialized: true, withNoData: true } }), 'v', true],
      ['dropped when the view becomes plain', (m) => ops.updateView(ops.setViewWithNoData(m, { viewId: 'mv', withNoData: true }), { viewId: 'mv', patch: { materialized: false } }), 'mv', 'populated'],
      ['kept by an edit of the query', (m) => ops.updateView(ops.setViewWithNoData(m, { viewId: 'mv', withNoData: true }), { viewId: 'mv', patch: { definition: 'SELECT 1 AS one' } }), 'mv', true],
    ];
    it.each(cases)('%s', (_, run, id, expected) => {
      const after = run(base());
      expect(noData(after, id)).toEqual(expected);
      expect(modelZod.safeParse(after).success).toBe(true);
    });

    it.each([true, false])('a choice (%s) replaces the unspecified population of a pg_dump import', (withNoData) => {
      const unsaid = ops.updateView(base(), { viewId: 'mv', patch: { populationUnspecified: true } });
      const after = view(ops.setViewWithNoData(unsaid, { viewId: 'mv', withNoData }), 'mv');
      expect([after.withNoData, 'populationUnspecified' in after]).toEqual([withNoData || undefined, false]);
    });

    it.each([
      ['setViewWithNoData', (m: Model) => ops.setViewWithNoData(m, { viewId: 'v', withNoData: true })],
      ['updateView', (m: Model) => ops.updateView(m, { viewId: 'v', patch: { withNoData: true } })],
    ])('%s refuses it on a plain view', (_, run) => {
      expect(() => run(base())).toThrow(new ops.ModelOpError('View public.big_orders: WITH NO DATA is for materialized views; a plain view stores no rows.'));
    });

    it('setting what the view has returns the same model', () => {
      const before = ops.setViewWithNoData(base(), { viewId: 'mv', withNoData: true });
      expect(ops.setViewWithNoData(before, { viewId: 'mv', withNoData: true })).toBe(before);
      const plain = base();
      expect(ops.setViewWithNoData(plain, { viewId: 'v', withNoData: false })).toBe(plain);
    });
  });

  it.each([
    ['renaming the enum a default casts to', "'a'::mood", (m: Model) => ops.updateEnum(m, { enumId: m.enums[0].id, patch: { name: 'feeling' } }), "'a'::feeling"],
    ['renaming the schema a default qualifies', "'a'::public.mood", (m: Model) => ops.renameSchema(m, { schemaId: 'schema:public', name: 'app' }), "'a'::app.mood"],
  ])('%s rewrites the view column default', (_name, expression, run, expected) => {
    const before = ops.setViewColumnDefault(ops.addEnum(base(), { name: 'mood', values: ['a'] }), { viewId: 'v', column: 'id', expression });
    expect(view(run(before)).columns).toEqual([{ name: 'id', default: expected }]);
  });
});
