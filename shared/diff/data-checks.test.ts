import { describe, expect, it } from 'vitest';
import type { Model } from '../model/document.ts';
import { buildModel, colId, tableId } from '../model/model-builder.ts';
import { DIFF_CASES } from './cases.ts';
import { planDataChecks, type DataCheck } from './data-checks.ts';
import { diff } from './diff.ts';
import { plan } from './plan.ts';

const base = (): Model => buildModel({
  tables: [
    { name: 'users', columns: ['id bigint!', 'email text', 'age text', 'score bigint', 'mood public.mood', 'price public.amount'], pk: ['id'] },
    { name: 'posts', columns: ['id bigint!', 'user_id bigint', 'title varchar(100)'], fks: [{ columns: ['user_id'], ref: 'users', refColumns: ['id'] }] },
  ],
  enums: [{ name: 'mood', values: ['happy', 'sad', 'meh'] }],
  domains: [{ name: 'amount', type: 'numeric' }],
});
const users = (m: Model) => m.tables[0];
const posts = (m: Model) => m.tables[1];
const col = (m: Model, name: string) => users(m).columns.find((c) => c.name === name)!;
const USERS = { schema: 'public', name: 'users', key: ['id'] };
const POSTS = { schema: 'public', name: 'posts', key: [] };

/** Each edit and exactly the checks its plan carries (old names: the checks run before the plan). */
const CASES: Array<{ name: string; edit: (m: Model) => void; checks: DataCheck[] }> = [
  { name: 'SET NOT NULL', edit: (m) => { col(m, 'email').notNull = true; }, checks: [{ kind: 'not-null', table: USERS, column: 'email' }] },
  {
    name: 'SET NOT NULL of a column renamed in the same plan reads the old name',
    edit: (m) => { col(m, 'email').notNull = true; col(m, 'email').name = 'mail'; users(m).name = 'people'; },
    checks: [{ kind: 'not-null', table: USERS, column: 'email' }],
  },
  { name: 'new NOT NULL column without default', edit: (m) => { users(m).columns.push({ id: 'n', name: 'n', type: { name: 'text' }, notNull: true }); }, checks: [{ kind: 'row-count', table: USERS, effect: 'fails' }] },
  { name: 'new NOT NULL column with a default', edit: (m) => { users(m).columns.push({ id: 'n', name: 'n', type: { name: 'text' }, notNull: true, default: "''" }); }, checks: [] },
  { name: 'text to integer', edit: (m) => { col(m, 'age').type = { name: 'integer' }; }, checks: [{ kind: 'cast', table: USERS, column: 'age', fromType: { name: 'text' }, toType: { name: 'integer' } }] },
  { name: 'bigint to integer', edit: (m) => { col(m, 'score').type = { name: 'integer' }; }, checks: [{ kind: 'cast', table: USERS, column: 'score', fromType: { name: 'bigint' }, toType: { name: 'integer' } }] },
  { name: 'widening needs no check', edit: (m) => { col(m, 'age').type = { name: 'text' }; col(m, 'score').type = { name: 'numeric' }; }, checks: [] },
  { name: 'new unique', edit: (m) => { users(m).uniques.push({ id: 'uq', columns: [colId('users', 'email')] }); }, checks: [{ kind: 'unique', table: USERS, columns: ['email'] }] },
  {
    name: 'new primary key: duplicates and NULLs', edit: (m) => { posts(m).primaryKey = { id: 'pk', columns: [colId('posts', 'user_id')] }; },
    checks: [{ kind: 'unique', table: POSTS, columns: ['user_id'] }, { kind: 'not-null', table: POSTS, column: 'user_id' }],
  },
  { name: 'new unique index', edit: (m) => { users(m).indexes.push({ id: 'ix', unique: true, items: [{ column: colId('users', 'email') }], nullsNotDistinct: true }); }, checks: [{ kind: 'unique', table: USERS, columns: ['email'], nullsNotDistinct: true }] },
  {
    name: 'new unique index on an expression', edit: (m) => { users(m).indexes.push({ id: 'ix', unique: true, items: [{ expression: 'lower(email)' }] }); },
    checks: [{ kind: 'unavailable', reason: 'a unique index on expressions, with a WHERE or on a materialized view is not checked ahead' }],
  },
  {
    name: 'new check sees renamed columns under their new names', edit: (m) => { col(m, 'score').name = 'points'; users(m).checks.push({ id: 'ck', expression: 'points > 0' }); },
    checks: [{
      kind: 'check', table: USERS, expression: 'points > 0',
      columns: [['id', 'id'], ['email', 'email'], ['age', 'age'], ['score', 'points'], ['mood', 'mood'], ['price', 'price']].map(([live, as]) => ({ live, as })),
    }],
  },
  { name: 'new NOT VALID check is not checked', edit: (m) => { users(m).checks.push({ id: 'ck', expression: 'score > 0', notValid: true }); }, checks: [] },
  {
    name: 'new foreign key', edit: (m) => { posts(m).foreignKeys.push({ id: 'fk2', columns: [colId('posts', 'id')], refTableId: tableId('users'), refColumns: [colId('users', 'id')], onDelete: 'cascade', onUpdate: 'no-action', match: 'simple' }); },
    checks: [{ kind: 'foreign-key', table: POSTS, columns: ['id'], refTable: { schema: 'public', name: 'users' }, refColumns: ['id'] }],
  },
  { name: 'enum value removed', edit: (m) => { m.enums[0].values = ['happy', 'meh']; }, checks: [{ kind: 'enum-values', table: USERS, column: 'mood', values: ['sad'], array: false }] },
  { name: 'enum values reordered: nothing can fail', edit: (m) => { m.enums[0].values = ['meh', 'sad', 'happy']; }, checks: [{ kind: 'enum-values', table: USERS, column: 'mood', values: [], array: false }] },
  { name: 'domain becomes NOT NULL', edit: (m) => { m.domains[0].notNull = true; }, checks: [{ kind: 'not-null', table: USERS, column: 'price' }] },
  {
    name: 'domain gains a check: VALUE reads the column', edit: (m) => { m.domains[0].checks.push({ id: 'dk', expression: 'VALUE > 0' }); },
    checks: [{ kind: 'check', table: USERS, expression: 'VALUE > 0', columns: [{ live: 'price', as: 'value' }] }],
  },
  {
    name: 'domain base type narrowed', edit: (m) => { m.domains[0].type = { name: 'integer' }; },
    checks: [{ kind: 'cast', table: USERS, column: 'price', fromType: { schema: 'public', name: 'amount' }, toType: { name: 'integer' } }],
  },
  { name: 'drop table', edit: (m) => { m.tables = [users(m)]; users(m).columns.pop(); }, checks: [{ kind: 'row-count', table: USERS, column: 'price', effect: 'deletes' }, { kind: 'row-count', table: POSTS, effect: 'deletes' }] },
  { name: 'a new table carries no checks', edit: (m) => { m.tables.push({ ...structuredClone(posts(m)), id: 't3', name: 'posts3', columns: [{ id: 'c3', name: 'a', type: { name: 'text' }, notNull: true }], foreignKeys: [], checks: [{ id: 'k3', expression: 'a <> \'\'' }] }); }, checks: [] },
];

describe('data checks the planner attaches', () => {
  it.each(CASES)('$name', ({ edit, checks }) => {
    const before = base();
    const after = structuredClone(before);
    edit(after);
    const found = planDataChecks(plan(diff(before, after), { from: before, to: after }).steps).map((c) => c.check);
    expect(found).toEqual(checks);
  });

  it('every step that may fail on rows or deletes them carries a check (all cases, golden ones too)', () => {
    const cases = [...CASES.map((c) => ({ before: base(), edit: c.edit })), ...DIFF_CASES];
    let risky = 0;
    for (const c of cases) {
      const after = structuredClone(c.before);
      c.edit(after);
      for (const step of plan(diff(c.before, after), { from: c.before, to: after }).steps) {
        if (!step.hazards.some((h) => h.kind === 'may-fail-on-existing-data' || h.kind === 'deletes-data')) continue;
        risky += 1;
        expect(step.checks?.length, step.sql).toBeGreaterThan(0);
      }
    }
    expect(risky).toBeGreaterThan(20);
  });
});
