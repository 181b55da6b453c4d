import { describe, expect, it } from 'vitest';
import type { ForeignKey, Model } from '../model/document.ts';
import { buildModel, colId, tableId } from '../model/model-builder.ts';
import { diff } from './diff.ts';
import { plan, reversePlan } from './plan.ts';
import { hazardKinds, type HazardKind } from './hazards.ts';

const base = (): Model => buildModel({
  tables: [
    { name: 'users', columns: ['id bigint!', 'email text', 'age text', 'score integer', 'nick text!'], pk: ['id'] },
    { name: 'posts', columns: ['id bigint!', 'user_id bigint', 'title varchar(100)'], pk: ['id'], fks: [{ columns: ['user_id'], ref: 'users', refColumns: ['id'] }] },
  ],
  enums: [{ name: 'mood', values: ['a', 'b'] }],
});
const users = (m: Model) => m.tables[0];
const col = (m: Model, name: string) => users(m).columns.find((c) => c.name === name)!;

/** Each edit and exactly the hazard kinds its plan must carry. */
const CASES: Array<{ name: string; edit: (m: Model) => void; hazards: HazardKind[] }> = [
  { name: 'drop table', edit: (m) => { m.tables = m.tables.filter((t) => t.name !== 'posts'); }, hazards: ['deletes-data'] },
  { name: 'drop column', edit: (m) => { users(m).columns.pop(); }, hazards: ['deletes-data'] },
  { name: 'rename column', edit: (m) => { col(m, 'email').name = 'mail'; }, hazards: ['breaks-dependents'] },
  { name: 'widen integer', edit: (m) => { col(m, 'score').type = { name: 'bigint' }; }, hazards: ['rewrites-table', 'locks-table'] },
  { name: 'narrowing cast', edit: (m) => { col(m, 'age').type = { name: 'integer' }; }, hazards: ['rewrites-table', 'may-fail-on-existing-data', 'locks-table'] },
  { name: 'widen varchar', edit: (m) => { m.tables[1].columns[2].type = { name: 'character varying', args: [200] }; }, hazards: ['locks-table'] },
  { name: 'set not null', edit: (m) => { col(m, 'email').notNull = true; }, hazards: ['may-fail-on-existing-data', 'locks-table'] },
  { name: 'drop not null', edit: (m) => { col(m, 'nick').notNull = false; }, hazards: [] },
  { name: 'new check', edit: (m) => { users(m).checks.push({ id: 'ck', expression: 'score > 0' }); }, hazards: ['may-fail-on-existing-data', 'locks-table'] },
  { name: 'new NOT VALID check', edit: (m) => { users(m).checks.push({ id: 'ck', expression: 'score > 0', notValid: true }); }, hazards: ['locks-table'] },
  { name: 'new unique', edit: (m) => { users(m).uniques.push({ id: 'uq', columns: [colId('users', 'email')] }); }, hazards: ['may-fail-on-existing-data', 'locks-table', 'index-build'] },
  { name: 'new index', edit: (m) => { users(m).indexes.push({ id: 'ix', unique: false, items: [{ column: colId('users', 'email') }] }); }, hazards: ['locks-table', 'index-build'] },
  { name: 'new foreign key', edit: (m) => { m.tables[1].foreignKeys.push({ id: 'fk2', columns: [colId('posts', 'id')], refTableId: tableId('users'), refColumns: [colId('users', 'id')], onDelete: 'cascade', onUpdate: 'no-action', match: 'simple' }); }, hazards: ['may-fail-on-existing-data', 'locks-table'] },
  { name: 'new NOT NULL column without default', edit: (m) => { users(m).columns.push({ id: 'n', name: 'n', type: { name: 'text' }, notNull: true }); }, hazards: ['may-fail-on-existing-data'] },
  { name: 'new nullable column', edit: (m) => { users(m).columns.push({ id: 'n', name: 'n', type: { name: 'text' }, notNull: false }); }, hazards: [] },
  { name: 'enum value added', edit: (m) => { m.enums[0].values.push('c'); }, hazards: [] },
  { name: 'enum value removed (no column uses it)', edit: (m) => { m.enums[0].values = ['a']; }, hazards: [] },
  { name: 'new table with everything', edit: (m) => { m.tables.push({ ...structuredClone(users(m)), id: 't2', name: 'users2', columns: users(m).columns.map((c) => ({ ...c, id: `${c.id}2` })), primaryKey: { id: 'pk2', columns: [`${colId('users', 'id')}2`] } }); }, hazards: [] },
];

/** What each kind of step is labelled in a plan (issue 12: foreign keys were listed as INDEXES). */
describe('plan phases say what a step does', () => {
  const fk = (): ForeignKey => ({ id: 'fk2', columns: [colId('posts', 'id')], refTableId: tableId('users'), refColumns: [colId('users', 'id')], onDelete: 'cascade', onUpdate: 'no-action', match: 'simple' });
  const cases: Array<{ name: string; edit: (m: Model) => void; phases: string[] }> = [
    { name: 'a new foreign key', edit: (m) => { m.tables[1].foreignKeys.push(fk()); }, phases: ['foreign-keys'] },
    { name: 'a new foreign key with a comment', edit: (m) => { m.tables[1].foreignKeys.push({ ...fk(), name: 'posts_id_fk', comment: 'why' }); }, phases: ['foreign-keys', 'foreign-keys'] },
    { name: 'a new index', edit: (m) => { users(m).indexes.push({ id: 'ix', unique: false, items: [{ column: colId('users', 'email') }] }); }, phases: ['indexes'] },
    { name: 'a new table: its index before the foreign key', edit: (m) => {
      m.tables.push({ ...structuredClone(m.tables[1]), id: 't3', name: 'posts3', columns: m.tables[1].columns.map((c) => ({ ...c, id: `${c.id}3` })),
        primaryKey: { id: 'pk3', columns: [`${colId('posts', 'id')}3`] }, indexes: [{ id: 'ix3', unique: false, items: [{ column: `${colId('posts', 'user_id')}3` }] }],
        foreignKeys: [{ ...fk(), id: 'fk3', columns: [`${colId('posts', 'user_id')}3`] }] });
    }, phases: ['tables', 'indexes', 'foreign-keys'] },
  ];
  it.each(cases)('$name', ({ edit, phases }) => {
    const before = base();
    const after = structuredClone(before);
    edit(after);
    expect(plan(diff(before, after), { from: before, to: after }).steps.map((s) => s.phase)).toEqual(phases);
  });
});

describe('plan hazards, attached where each step is made', () => {
  it.each(CASES)('$name', ({ edit, hazards }) => {
    const before = base();
    const after = structuredClone(before);
    edit(after);
    const p = plan(diff(before, after), { from: before, to: after });
    expect(p.steps.length).toBeGreaterThan(0);
    expect(new Set(hazardKinds(p.steps))).toEqual(new Set(hazards));
  });
});

describe('reversePlan', () => {
  it('flags a way back that loses data (undoing an added column drops it)', () => {
    const before = base();
    const after = structuredClone(before);
    users(after).columns.push({ id: 'n', name: 'nickname', type: { name: 'text' }, notNull: false });
    expect(reversePlan(before, after).losesData).toBe(true);
    expect(reversePlan(after, before).losesData).toBe(false);
  });
});
