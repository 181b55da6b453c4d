import { describe, expect, it } from 'vitest';
import type { ColumnType, Model } from './document.ts';
import { typeDoesNotExist, unknownTypes } from './known-types.ts';

const model = (types: ColumnType[], extra: Partial<Model> = {}): Model => ({
  schemas: [{ id: 's', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [],
  tables: [{ id: 't', schema: 'public', name: 'note', uniques: [], checks: [], foreignKeys: [], indexes: [],
    columns: types.map((type, i) => ({ id: `c${i}`, name: `c${i}`, type, notNull: false })) }],
  ...extra,
});
const found = (m: Model) => unknownTypes(m).map(typeDoesNotExist);

describe('unknownTypes', () => {
  it.each<[string, Model, string[]]>([
    ['built-ins under any spelling', model([{ name: 'text' }, { name: 'character varying', args: [20] }, { name: 'timestamptz' }, { name: 'interval day to second' }, { name: '"char"' }, { name: 'int4multirange' }, { name: 'integer', arrayDims: 2 }]), []],
    ['a typo', model([{ name: 'txet' }, { name: 'txet', arrayDims: 1 }]), ['public.note.c0: type "txet" does not exist', 'public.note.c1: type "txet" does not exist']],
    ['a qualified type the model does not define', model([{ name: 'mood', schema: 'public' }]), ['public.note.c0: type "public.mood" does not exist']],
    ['an enum, a domain, a row type and a carried CREATE TYPE the model defines', model([{ name: 'mood', schema: 'public' }, { name: 'd', schema: 'public' }, { name: 'note', schema: 'public' }, { name: 'pair', schema: 'public' }], {
      enums: [{ id: 'e', schema: 'public', name: 'mood', values: ['a'] }],
      domains: [{ id: 'd', schema: 'public', name: 'd', type: { name: 'text' }, notNull: false, checks: [] }],
      rawObjects: [{ id: 'r', kind: 'type', schema: 'public', name: 'pair', definition: 'CREATE TYPE public.pair AS (a int);' }],
    }), []],
    ['a carried range type, and the multirange it brings', model([{ name: 'floatrange', schema: 'public' }, { name: 'floatmultirange', schema: 'public' }], {
      rawObjects: [{ id: 'r', kind: 'type', schema: 'public', name: 'floatrange', definition: 'CREATE TYPE public.floatrange AS RANGE (subtype = float8);' }],
    }), []],
    ['a domain over a typo', model([], { domains: [{ id: 'd', schema: 'public', name: 'd', type: { name: 'txet' }, notNull: false, checks: [] }] }), ['domain public.d: type "txet" does not exist']],
    ['an extension listed brings its types, and only those', model([{ name: 'citext', schema: 'public' }, { name: 'txet' }], { extensions: [{ id: 'x', name: 'citext' }] }), ['public.note.c1: type "txet" does not exist']],
    ['an extension not listed may define anything', model([{ name: 'txet' }], { extensions: [{ id: 'x', name: 'some_extension' }] }), []],
  ])('%s', (_, m, expected) => {
    expect(found(m)).toEqual(expected);
  });
});

describe('unknownTypes across edits (a table object keeps its columns of model-defined types)', () => {
  const mood: ColumnType = { name: 'mood', schema: 'public' };
  const withMood = model([{ name: 'text' }, mood], { enums: [{ id: 'e', schema: 'public', name: 'mood', values: ['a'] }] });
  it.each<[string, (m: Model) => Model, string[]]>([
    ['the same tables, the enum removed: the type is unknown now', (m) => ({ ...m, enums: [] }), ['public.note.c1: type "public.mood" does not exist']],
    ['the same tables, the enum renamed', (m) => ({ ...m, enums: [{ ...m.enums[0], name: 'feeling' }] }), ['public.note.c1: type "public.mood" does not exist']],
    ['a built-in column given a typo', (m) => ({ ...m, tables: [{ ...m.tables[0], columns: [{ ...m.tables[0].columns[0], type: { name: 'txet' } }, m.tables[0].columns[1]] }] }), ['public.note.c0: type "txet" does not exist']],
    ['unchanged', (m) => ({ ...m }), []],
  ])('%s', (_, edit, expected) => {
    expect(found(withMood)).toEqual([]);
    expect(found(edit(withMood))).toEqual(expected);
  });
});
