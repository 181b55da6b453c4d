import { describe, expect, it } from 'vitest';
import type { Model, View } from '../model/document.ts';
import { buildModel, tableId } from '../model/model-builder.ts';
import { diff } from './diff.ts';
import { plan } from './plan.ts';

/**
 * A materialized view with an index, a materialized view reading it (listed first, so order comes
 * from dependencies, not from the list) and a plain view reading it.
 */
const base = (): Model => ({
  ...buildModel({ tables: [{ name: 'orders', columns: ['id bigint!', 'customer bigint', 'total numeric'], pk: ['id'] }] }),
  views: [
    { id: 'top', schema: 'public', name: 'top_customers', materialized: true, definition: 'SELECT customer FROM totals ORDER BY total DESC LIMIT 10', dependsOn: ['mv'] },
    {
      id: 'mv', schema: 'public', name: 'totals', materialized: true, definition: 'SELECT customer, sum(total) AS total FROM orders GROUP BY customer',
      dependsOn: [tableId('orders')], indexes: [{ id: 'ix', name: 'totals_customer', unique: true, items: [{ expression: 'customer' }] }],
    },
    { id: 'v', schema: 'public', name: 'big_totals', materialized: false, definition: 'SELECT customer FROM totals WHERE total > 100', dependsOn: ['mv'] },
  ],
});
const view = (m: Model, id: string): View => m.views.find((v) => v.id === id)!;
const empty = (...ids: string[]) => (m: Model) => { for (const id of ids) view(m, id).withNoData = true; };
const filled = (...ids: string[]) => (m: Model) => { for (const id of ids) delete view(m, id).withNoData; };
/** As a pg_dump file leaves it: created WITH NO DATA, `populationUnspecified`. */
const unsaid = (...ids: string[]) => (m: Model) => { for (const id of ids) Object.assign(view(m, id), { withNoData: true, populationUnspecified: true }); };
const both = (...edits: Array<(m: Model) => void>) => (m: Model) => { for (const e of edits) e(m); };

const REFRESH = (name: string, noData = false) => `REFRESH MATERIALIZED VIEW public.${name}${noData ? ' WITH NO DATA' : ''};`;
const CREATE_TOTALS = 'CREATE MATERIALIZED VIEW public.totals AS\nSELECT customer, sum(total) AS total FROM orders GROUP BY customer';
const CREATE_TOP = 'CREATE MATERIALIZED VIEW public.top_customers AS\nSELECT customer FROM totals ORDER BY total DESC LIMIT 10';
const RECREATE_ALL = (totals: string, top: string) => [
  'DROP VIEW public.big_totals;', 'DROP MATERIALIZED VIEW public.top_customers;', 'DROP MATERIALIZED VIEW public.totals;',
  totals, top, 'CREATE VIEW public.big_totals AS\nSELECT customer FROM totals WHERE total > 100;',
  'CREATE UNIQUE INDEX totals_customer ON public.totals (customer);',
];

interface Case {
  title: string;
  before?: (m: Model) => void;
  after: (m: Model) => void;
  sql: string[];
  /** Hazard kinds per step, for the REFRESH steps only. */
  hazards?: string[][];
}

const cases: Case[] = [
  { title: 'populated → WITH NO DATA: emptied in place; its readers fail until a refresh', after: empty('mv'), sql: [REFRESH('totals', true)],
    hazards: [['breaks-dependents', 'locks-table']] },
  { title: 'WITH NO DATA → populated: refreshed in place, under lock, building its index', before: empty('mv'), after: filled('mv'), sql: [REFRESH('totals')],
    hazards: [['locks-table', 'index-build']] },
  { title: 'a view without indexes populated: no index-build', before: empty('top'), after: filled('top'), sql: [REFRESH('top_customers')], hazards: [['locks-table']] },
  { title: 'two populated: the view read first, whatever the list order', before: empty('mv', 'top'), after: filled('mv', 'top'),
    sql: [REFRESH('totals'), REFRESH('top_customers')] },
  { title: 'renamed and emptied: refreshed under its new name', after: both(empty('mv'), (m) => { view(m, 'mv').name = 'sums'; }),
    sql: ['ALTER MATERIALIZED VIEW public.totals RENAME TO sums;', REFRESH('sums', true)] },
  { title: 'recreated for its query: created WITH NO DATA, no refresh', before: empty('mv'), after: (m) => { view(m, 'mv').definition += ' HAVING count(*) > 1'; },
    sql: RECREATE_ALL(`${CREATE_TOTALS} HAVING count(*) > 1\nWITH NO DATA;`, `${CREATE_TOP};`) },
  { title: 'recreated for its query and populated at once: created populated, no refresh', before: empty('mv'),
    after: both(filled('mv'), (m) => { view(m, 'mv').definition += ' HAVING count(*) > 1'; }), sql: RECREATE_ALL(`${CREATE_TOTALS} HAVING count(*) > 1;`, `${CREATE_TOP};`) },
  { title: 'recreated over a retyped column and emptied at once: the CREATE says WITH NO DATA, each view keeps its own setting',
    before: empty('top'), after: both(empty('mv'), (m) => { m.tables[0].columns[2].type = { name: 'bigint' }; }),
    sql: ['ALTER TABLE public.orders ALTER COLUMN total TYPE bigint;', ...RECREATE_ALL(`${CREATE_TOTALS}\nWITH NO DATA;`, `${CREATE_TOP}\nWITH NO DATA;`)] },
  { title: 'an empty materialized view made plain is recreated as a plain view', before: empty('top'), after: (m) => { view(m, 'top').materialized = false; delete view(m, 'top').withNoData; },
    sql: ['DROP MATERIALIZED VIEW public.top_customers;', 'CREATE VIEW public.top_customers AS\nSELECT customer FROM totals ORDER BY total DESC LIMIT 10;'] },
  { title: 'withNoData on a plain view (a hand-edited document) is no change', after: (m) => { view(m, 'v').withNoData = true; }, sql: [] },
  { title: 'population unspecified (a pg_dump file) against an empty view: nothing planned', before: empty('mv'), after: unsaid('mv'), sql: [] },
  { title: 'population unspecified against a populated view: nothing planned', after: unsaid('mv'), sql: [] },
  { title: 'population unspecified, recreated for its query: created as the database had it (populated)',
    after: both(unsaid('mv'), (m) => { view(m, 'mv').definition += ' HAVING count(*) > 1'; }), sql: RECREATE_ALL(`${CREATE_TOTALS} HAVING count(*) > 1;`, `${CREATE_TOP};`) },
  { title: 'population unspecified, recreated for its query: created as the database had it (empty)', before: empty('mv'),
    after: both(unsaid('mv'), (m) => { view(m, 'mv').definition += ' HAVING count(*) > 1'; }), sql: RECREATE_ALL(`${CREATE_TOTALS} HAVING count(*) > 1\nWITH NO DATA;`, `${CREATE_TOP};`) },
];

describe('materialized views WITH NO DATA in the plan', () => {
  it.each(cases)('$title', ({ before: prepare, after: edit, sql, hazards }) => {
    const before = base();
    prepare?.(before);
    const after = structuredClone(before);
    edit(after);
    const steps = plan(diff(before, after), { from: before, to: after }).steps;
    // Drops of equal rank keep the order of the changes: compared as a set, then drops before creates.
    expect(steps.map((s) => s.sql).sort()).toEqual([...sql].sort());
    const lastDrop = steps.findLastIndex((s) => s.sql.startsWith('DROP'));
    expect(steps.findIndex((s) => s.sql.startsWith('CREATE'))).toBeGreaterThanOrEqual(lastDrop);
    const refreshes = steps.filter((s) => s.sql.startsWith('REFRESH'));
    expect(refreshes.map((s) => s.sql)).toEqual(sql.filter((s) => s.startsWith('REFRESH')));
    if (hazards) expect(refreshes.map((s) => s.hazards.map((h) => h.kind))).toEqual(hazards);
    expect(refreshes.every((s) => s.phase === 'views')).toBe(true);
    expect(plan(diff(after, after), { from: after, to: after }).steps).toEqual([]);
  });

  it('a view created over a table the plan creates is created as the model says, refreshed never', () => {
    const before = buildModel({ tables: [] });
    const after = base();
    empty('mv')(after);
    const sql = plan(diff(before, after), { from: before, to: after }).steps.map((s) => s.sql);
    expect(sql).toContain(`${CREATE_TOTALS}\nWITH NO DATA;`);
    expect(sql).toContain(`${CREATE_TOP};`);
    expect(sql.filter((s) => s.startsWith('REFRESH'))).toEqual([]);
  });
});
