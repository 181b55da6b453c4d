import { describe, expect, it } from 'vitest';
import { buildModel } from '../../shared/model/model-builder.ts';
import { POSTGRES_TYPES, parseTypeText } from '../../shared/model/types.ts';
import { searchTypes } from '../../shared/model/type-search.ts';
import { argsText, baseValue, composeType, parseArgs, takesArgs, typeOptions } from './type-picker.ts';

const model = buildModel({
  tables: [],
  enums: [{ name: 'order_status', values: ['a'] }],
  domains: [{ name: 'email', type: 'text', schema: 'crm' }],
});

describe('typeOptions', () => {
  it('offers the built-ins, then the enums and domains of the model', () => {
    const options = typeOptions(model);
    expect(options.filter((o) => o.group === 'Built-in').map((o) => o.value)).toEqual([...POSTGRES_TYPES]);
    expect(options.filter((o) => o.group !== 'Built-in').map((o) => [o.group, o.value])).toEqual([
      ['Enums', 'public.order_status'],
      ['Domains', 'crm.email'],
    ]);
  });

  it('keeps a current type the model does not define', () => {
    const options = typeOptions(model, parseTypeText('postgis.geometry'));
    expect(options.at(-1)).toEqual({ value: 'postgis.geometry', label: 'postgis.geometry', group: 'Other', terms: ['postgis.geometry'] });
  });

  it('offers the serials only where an identity can stand for them, found by every spelling', () => {
    expect(typeOptions(model).some((o) => o.serialOf)).toBe(false);
    const serials = typeOptions(model, undefined, true).filter((o) => o.group === 'Serial');
    expect(serials.map((o) => [o.value, o.serialOf, o.terms])).toEqual([
      ['smallserial', 'smallint', ['smallserial', 'serial2']],
      ['serial', 'integer', ['serial', 'serial4']],
      ['bigserial', 'bigint', ['bigserial', 'serial8']],
    ]);
  });

  it.each([
    ['varchar', 'character varying'],
    ['int8', 'bigint'],
    ['order_st', 'public.order_status'],
    ['crm.email', 'crm.email'],
    ['bigserial', 'bigserial'],
  ])('typing %j finds %s first', (text, value) => {
    expect(searchTypes(text, typeOptions(model, undefined, true))[0].value).toBe(value);
  });
});

describe('picker controls ⇄ column type', () => {
  const cases: Array<[text: string, base: string, args: string, takes: boolean]> = [
    ['character varying(255)', 'character varying', '255', true],
    ['numeric(10,2)', 'numeric', '10,2', true],
    ['timestamp(3) with time zone', 'timestamp with time zone', '3', true],
    ['integer[]', 'integer', '', false],
    ['public.order_status', 'public.order_status', '', false],
  ];
  it.each(cases)('%s', (text, base, args, takes) => {
    const type = parseTypeText(text);
    expect([baseValue(type), argsText(type), takesArgs(type)]).toEqual([base, args, takes]);
    expect(composeType({ base: baseValue(type), args: parseArgs(argsText(type)) ?? undefined, arrayDims: type.arrayDims })).toEqual(type);
  });

  it.each([
    ['', undefined],
    ['12', [12]],
    [' 10 , 2 ', [10, 2]],
    ['abc', null],
    ['1,2,3', null],
  ] as const)('parseArgs(%j)', (text, expected) => {
    expect(parseArgs(text)).toEqual(expected);
  });

  it('drops modifiers a type does not take, and keeps the array', () => {
    expect(composeType({ base: 'integer', args: [4], arrayDims: 1 })).toEqual({ name: 'integer', arrayDims: 1 });
    expect(composeType({ base: 'crm.email', args: [4] })).toEqual({ name: 'email', schema: 'crm' });
  });
});
