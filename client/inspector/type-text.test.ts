import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../shared/model/document.ts';
import { buildModel } from '../../shared/model/model-builder.ts';
import { readTypeText } from './type-text.ts';

const model = buildModel({
  tables: [],
  enums: [{ name: 'order_status', values: ['a'] }, { name: 'mood', values: ['ok'], schema: 'a' }, { name: 'mood', values: ['ok'], schema: 'b' }],
  domains: [{ name: 'email', type: 'text', schema: 'crm' }],
});

describe('readTypeText accepts', () => {
  const cases: Array<[text: string, type: ColumnType]> = [
    ['hstore', { name: 'hstore' }],
    ['vector(3)', { name: 'vector', args: [3] }],
    ['geometry', { name: 'geometry' }],
    ['ltree[]', { name: 'ltree', arrayDims: 1 }],
    ['integer[][]', { name: 'integer', arrayDims: 2 }],
    ['int[3][3]', { name: 'integer', arrayDims: 2 }],
    ['varchar(40)', { name: 'character varying', args: [40] }],
    ['timestamp(3) with time zone', { name: 'timestamp with time zone', args: [3] }],
    ['jsonpath', { name: 'jsonpath' }],
    ['order_status', { name: 'order_status', schema: 'public' }],
    ['email[]', { name: 'email', schema: 'crm', arrayDims: 1 }],
    ['postgis.geometry', { name: 'geometry', schema: 'postgis' }],
    ['myext.widget(5)', { name: 'widget', schema: 'myext', args: [5] }],
    ['"My Schema"."My Type"', { name: 'My Type', schema: 'My Schema' }],
  ];
  it.each(cases)('%s', (text, type) => {
    expect(readTypeText(text, model)).toEqual({ ok: true, type });
  });
});

describe('readTypeText refuses, saying why', () => {
  const cases: Array<[text: string, says: RegExp]> = [
    ['', /Type a type/],
    ['   ', /Type a type/],
    ['flarb', /Unknown type "flarb".*schema-qualified/],
    ['int eger', /Unknown type "int eger"/],
    ['integer(5)', /integer takes no modifiers/],
    ['geometry(Point, 4326)', /modifiers are one or two whole numbers/],
    ['text((', /modifiers are one or two whole numbers/],
    ['numeric(10,2,3)', /modifiers are one or two whole numbers/],
    ['1abc', /is not a type name/],
    ['a.b.c', /is not a type name/],
    ['text;drop', /is not a type name/],
    ['serial', /serial is not a type.*integer with an identity/],
    ['mood', /several schemas.*a\.mood/],
    ['order_status(3)', /public\.order_status is an enum or domain of this model: it takes no modifiers/],
  ];
  it.each(cases)('%j', (text, says) => {
    const result = readTypeText(text, model);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(says);
  });
});
