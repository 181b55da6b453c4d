/**
 * No statement of a plan is written twice. Two changes that both own one piece of SQL (a recreated
 * enum converting a column, and that column's own ALTER, both setting its default) once wrote the
 * same `SET DEFAULT` twice; every case here, and every golden case, must say each statement once.
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/document.ts';
import { buildModel } from '../model/model-builder.ts';
import { DIFF_CASES } from './cases.ts';
import { planBetween } from './plan.ts';

const moods = (column: string, domains: Array<{ name: string; type: string }> = []) => buildModel({
  tables: [{ name: 't', columns: ['id integer!', column], pk: ['id'] }],
  enums: [{ name: 'mood', values: ['a', 'b'] }],
  domains,
});
const m = (model: Model) => model.tables[0].columns[1];
const mood = (model: Model) => model.enums[0];

/** Each case: a starting model and an edit whose plan recreates a type under a column. */
const CASES: Array<{ name: string; before: Model; edit: (to: Model) => void; mentions: string }> = [
  {
    name: 'new enum value used as the new default (the audit case)', before: moods('m public.mood'),
    edit: (to) => { mood(to).values.push('c'); m(to).default = "'c'"; }, mentions: "SET DEFAULT 'c'",
  },
  {
    name: 'enum value removed while the default changes', before: moods("m public.mood = 'a'"),
    edit: (to) => { mood(to).values = ['b']; m(to).default = "'b'"; }, mentions: "SET DEFAULT 'b'",
  },
  {
    name: 'enum reordered while the default is dropped', before: moods("m public.mood = 'a'"),
    edit: (to) => { mood(to).values = ['b', 'a']; delete m(to).default; }, mentions: 'DROP DEFAULT',
  },
  {
    name: 'enum reordered, default kept', before: moods("m public.mood = 'a'"),
    edit: (to) => { mood(to).values = ['b', 'a']; }, mentions: "SET DEFAULT 'a'",
  },
  {
    name: 'domain over the enum recreated with it while the default changes',
    before: moods("m public.feeling = 'a'", [{ name: 'feeling', type: 'public.mood' }]),
    edit: (to) => { mood(to).values = ['b', 'a', 'c']; m(to).default = "'c'"; }, mentions: "SET DEFAULT 'c'",
  },
];

/** Every statement of the plan (a step may hold several, each ending a line with `;`). */
function statements(from: Model, to: Model): string[] {
  return planBetween(from, to).steps.flatMap((s) => s.sql.split(/(?<=;)\n/)).filter((sql) => sql.trim() && !sql.startsWith('--'));
}

function repeated(list: string[]): string[] {
  return list.filter((s, i) => list.indexOf(s) !== i);
}

describe('every statement of a plan is written once', () => {
  it.each(CASES)('$name', ({ before, edit, mentions }) => {
    const after = structuredClone(before);
    edit(after);
    const sql = statements(before, after);
    expect(sql.filter((s) => s.includes(mentions))).toHaveLength(1);
    expect(repeated(sql)).toEqual([]);
  });

  it.each(DIFF_CASES)('golden case $name', ({ before, edit }) => {
    const after = structuredClone(before);
    edit(after);
    expect(repeated(statements(before, after))).toEqual([]);
  });
});
