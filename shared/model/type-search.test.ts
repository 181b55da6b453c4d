import { describe, expect, it } from 'vitest';
import { POSTGRES_TYPES, canonicalTypeName } from './types.ts';
import { searchTypes, typeAliases, typeQuery, typeRank } from './type-search.ts';

const builtIns = POSTGRES_TYPES.map((name) => ({ name, terms: [name, ...typeAliases(name)] }));
const first = (text: string) => searchTypes(text, builtIns)[0]?.name;

describe('typeAliases', () => {
  it('lists every alias that folds to the type, and no serial', () => {
    for (const { name, terms } of builtIns) {
      for (const alias of terms.slice(1)) expect(canonicalTypeName(alias)).toBe(name);
      expect(terms.some((t) => t.includes('serial'))).toBe(false);
    }
  });
});

describe('searchTypes: what people type finds the canonical type first', () => {
  it.each([
    ['varchar', 'character varying'],
    ['VARCHAR(40)', 'character varying'],
    ['int', 'integer'],
    ['int4', 'integer'],
    ['int8', 'bigint'],
    ['int2', 'smallint'],
    ['timestamptz', 'timestamp with time zone'],
    ['timestamp', 'timestamp without time zone'],
    ['timestamp(3) with time zone', 'timestamp with time zone'],
    ['bool', 'boolean'],
    ['float8', 'double precision'],
    ['double', 'double precision'],
    ['float4', 'real'],
    ['decimal', 'numeric'],
    ['numeric(10,2)', 'numeric'],
    ['char', 'character'],
    ['varbit', 'bit varying'],
    ['timetz', 'time with time zone'],
    ['uuid', 'uuid'],
    ['json', 'json'],
    ['text[]', 'text'],
    ['jso', 'json'],
  ])('%s → %s', (text, expected) => {
    expect(first(text)).toBe(expected);
  });

  it('ranks exact, then prefix, then substring, keeping the given order within a rank', () => {
    const items = [{ id: 'a', terms: ['my_int'] }, { id: 'b', terms: ['integer', 'int'] }, { id: 'c', terms: ['int4range'] }, { id: 'd', terms: ['point'] }];
    expect(searchTypes('int', items).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(searchTypes('in', items).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(searchTypes('zzz', items)).toEqual([]);
    expect(searchTypes('  ', items)).toEqual(items);
  });

  it.each([
    ['int', ['integer', 'int'], 0],
    ['inte', ['integer', 'int'], 1],
    ['teg', ['integer'], 2],
    ['x', ['integer'], undefined],
  ] as const)('typeRank(%j, %j) = %j', (query, terms, rank) => {
    expect(typeRank(query, { terms })).toBe(rank);
  });

  it.each([
    ['VarChar(40)[]', 'varchar'],
    ['timestamp(3) with time zone', 'timestamp with time zone'],
    ['integer array', 'integer'],
    ['"Order Status"', 'order status'],
    ['varchar(4', 'varchar'],
  ])('typeQuery(%j) = %j', (text, query) => {
    expect(typeQuery(text)).toBe(query);
  });
});
