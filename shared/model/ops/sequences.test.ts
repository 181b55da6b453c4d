import { describe, expect, it } from 'vitest';
import type { Model, SequenceOptions } from '../document.ts';
import { modelZod } from '../document.ts';
import { buildModel, colId, tableId } from '../model-builder.ts';
import * as ops from './index.ts';
import { withSequenceOption, type SequenceOptionChange } from './sequences.ts';

const W = 'Sequence public.s';

describe('withSequenceOption', () => {
  const cases: Array<[string, SequenceOptions, SequenceOptionChange, SequenceOptions]> = [
    ['sets start', {}, { key: 'start', text: ' 1000 ' }, { start: '1000' }],
    ['writes a number the canonical way', {}, { key: 'increment', text: '-005' }, { increment: '-5' }],
    ['an empty text removes the option', { start: '5', cache: '10' }, { key: 'start', text: '' }, { cache: '10' }],
    ['sets the data type', {}, { key: 'dataType', value: 'smallint' }, { dataType: 'smallint' }],
    ['removes the data type', { dataType: 'integer' }, { key: 'dataType', value: undefined }, {}],
    ['sets cycle', { maxValue: '10' }, { key: 'cycle', value: true }, { maxValue: '10', cycle: true }],
    ['NO CYCLE is kept as false', {}, { key: 'cycle', value: false }, { cycle: false }],
    ['a descending sequence starts at its max by default', { maxValue: '-10' }, { key: 'increment', text: '-1' }, { maxValue: '-10', increment: '-1' }],
    ['bigint bounds (as text)', {}, { key: 'maxValue', text: '9223372036854775807' }, { maxValue: '9223372036854775807' }],
    ['min, max and start inside them', { minValue: '10', maxValue: '20' }, { key: 'start', text: '15' }, { minValue: '10', maxValue: '20', start: '15' }],
  ];
  it.each(cases)('%s', (_, before, change, after) => {
    expect(withSequenceOption(before, change, W)).toEqual(after);
  });

  it('returns the same options when nothing changes', () => {
    const options = { start: '5' };
    expect(withSequenceOption(options, { key: 'start', text: '5' }, W)).toBe(options);
  });

  const refused: Array<[SequenceOptions, SequenceOptionChange, string]> = [
    [{}, { key: 'start', text: 'ten' }, 'Sequence public.s: START must be a whole number, not "ten".'],
    [{}, { key: 'increment', text: '1.5' }, 'Sequence public.s: INCREMENT must be a whole number, not "1.5".'],
    [{}, { key: 'increment', text: '0' }, 'Sequence public.s: INCREMENT must not be zero.'],
    [{ minValue: '10' }, { key: 'maxValue', text: '5' }, 'Sequence public.s: MINVALUE (10) must be less than MAXVALUE (5).'],
    [{ minValue: '10' }, { key: 'start', text: '3' }, 'Sequence public.s: START value (3) cannot be less than MINVALUE (10).'],
    [{ maxValue: '10' }, { key: 'start', text: '11' }, 'Sequence public.s: START value (11) cannot be greater than MAXVALUE (10).'],
    [{}, { key: 'cache', text: '0' }, 'Sequence public.s: CACHE (0) must be at least 1.'],
    [{ maxValue: '40000' }, { key: 'dataType', value: 'smallint' }, 'Sequence public.s: MAXVALUE 40000 is out of range for the data type smallint (-32768 to 32767).'],
    [{ dataType: 'integer' }, { key: 'start', text: '3000000000' }, 'Sequence public.s: START 3000000000 is out of range for the data type integer (-2147483648 to 2147483647).'],
  ];
  it.each(refused)('refuses %j + %j', (before, change, message) => {
    expect(() => withSequenceOption(before, change, W)).toThrow(new ops.ModelOpError(message));
  });
});

const base = (): Model => {
  const model = buildModel({
    tables: [
      { name: 'orders', columns: ['id bigint!', 'total numeric'], pk: ['id'] },
      { name: 'audit', schema: 'ops', columns: ['id bigint!'], pk: ['id'] },
    ],
  });
  const withIdentity = ops.updateColumn(model, { tableId: tableId('orders'), columnId: colId('orders', 'id'), patch: { identity: { kind: 'always' } } });
  return ops.addSequence(withIdentity, { id: 's', name: 's' });
};

describe('identity, sequence and extension ops', () => {
  const ids = { tableId: tableId('orders'), columnId: colId('orders', 'id') };
  const identity = (m: Model) => m.tables[0].columns[0].identity;
  const cases: Array<[string, (m: Model) => Model, (m: Model) => unknown, unknown]> = [
    ['identity start and cycle', (m) => ops.setIdentityOption(ops.setIdentityOption(m, { ...ids, change: { key: 'start', text: '100' } }), { ...ids, change: { key: 'cycle', value: true } }),
      identity, { kind: 'always', options: { start: '100', cycle: true } }],
    ['identity min, max, cache', (m) => [
      { key: 'minValue', text: '10' }, { key: 'maxValue', text: '1000' }, { key: 'cache', text: '20' },
    ].reduce((acc, change) => ops.setIdentityOption(acc, { ...ids, change: change as SequenceOptionChange }), m),
    identity, { kind: 'always', options: { minValue: '10', maxValue: '1000', cache: '20' } }],
    ['clearing the last identity option drops `options`', (m) => ops.setIdentityOption(ops.setIdentityOption(m, { ...ids, change: { key: 'start', text: '7' } }), { ...ids, change: { key: 'start', text: '' } }),
      identity, { kind: 'always' }],
    ['sequence data type, cycle and increment', (m) => ops.setSequenceOption(ops.setSequenceOption(ops.setSequenceOption(m, { sequenceId: 's', change: { key: 'dataType', value: 'smallint' } }), { sequenceId: 's', change: { key: 'cycle', value: true } }), { sequenceId: 's', change: { key: 'increment', text: '2' } }),
      (m) => m.sequences[0], { id: 's', schema: 'public', name: 's', dataType: 'smallint', cycle: true, increment: '2' }],
    ['sequence owned by a column, then by none', (m) => ops.setSequenceOwner(ops.setSequenceOwner(m, { sequenceId: 's', owner: ids }), { sequenceId: 's', owner: null }),
      (m) => 'ownedBy' in m.sequences[0], false],
    ['sequence owned by a column', (m) => ops.setSequenceOwner(m, { sequenceId: 's', owner: ids }), (m) => m.sequences[0].ownedBy, ids],
    ['extension schema and version', (m) => ops.updateExtension(ops.addExtension(m, { id: 'e', name: 'citext' }), { extensionId: 'e', patch: { schema: 'extensions', version: '1.6' } }),
      (m) => [m.extensions[0], m.schemas.map((s) => s.name)], [{ id: 'e', name: 'citext', schema: 'extensions', version: '1.6' }, ['public', 'ops', 'extensions']]],
    ['extension schema and version cleared', (m) => ops.updateExtension(ops.addExtension(m, { id: 'e', name: 'citext', schema: 'ops', version: '1.6' }), { extensionId: 'e', patch: { schema: '', version: ' ' } }),
      (m) => m.extensions[0], { id: 'e', name: 'citext' }],
  ];
  it.each(cases)('%s', (_, run, read, expected) => {
    const before = base();
    const after = run(before);
    expect(read(after)).toEqual(expected);
    expect(modelZod.safeParse(after).success).toBe(true);
    expect(after.tables[1]).toBe(before.tables[1]); // untouched tables keep their identity
  });

  const refused: Array<[string, (m: Model) => Model, RegExp]> = [
    ['an option on a column without identity', (m) => ops.setIdentityOption(m, { tableId: tableId('orders'), columnId: colId('orders', 'total'), change: { key: 'start', text: '1' } }), /Column total is not an identity column/],
    ['a bad identity option names the column', (m) => ops.setIdentityOption(m, { ...ids, change: { key: 'increment', text: '0' } }), /^Identity of id: INCREMENT must not be zero/],
    ['a data type for an identity (PostgreSQL: conflicting options)', (m) => ops.setIdentityOption(m, { ...ids, change: { key: 'dataType', value: 'smallint' } }), /takes the column's type \(bigint\)/],
    ['an identity value out of the column type', (m) => ops.setIdentityOption(ops.updateColumn(m, { ...ids, patch: { type: { name: 'smallint' } } }), { ...ids, change: { key: 'start', text: '40000' } }),
      /START 40000 is out of range for the data type smallint/],
    ['an owner in another schema', (m) => ops.setSequenceOwner(m, { sequenceId: 's', owner: { tableId: tableId('audit', 'ops'), columnId: colId('audit', 'id', 'ops') } }), /only be owned by a table in schema public, not ops.audit/],
    ['an owner that does not exist', (m) => ops.setSequenceOwner(m, { sequenceId: 's', owner: { tableId: 'nope', columnId: 'nope' } }), /owning column does not exist/],
    ['an extension version with a quote', (m) => ops.updateExtension(ops.addExtension(m, { id: 'e', name: 'citext' }), { extensionId: 'e', patch: { version: "1'6" } }), /version "1'6"/],
  ];
  it.each(refused)('refuses %s', (_, run, message) => {
    const before = base();
    expect(() => run(before)).toThrow(message);
  });

  it.each([['int2', 'smallint'], ['INTEGER', 'integer'], ['int8', 'bigint'], ['numeric', 'bigint']])('identityDataType(%s) is %s', (name, type) => {
    expect(ops.identityDataType(name)).toBe(type);
  });

  it('a change to nothing returns the same model', () => {
    const before = ops.setSequenceOwner(base(), { sequenceId: 's', owner: ids });
    expect(ops.setSequenceOwner(before, { sequenceId: 's', owner: ids })).toBe(before);
    expect(ops.setSequenceOption(before, { sequenceId: 's', change: { key: 'start', text: '' } })).toBe(before);
    expect(ops.setIdentityOption(before, { ...ids, change: { key: 'cycle', value: undefined } })).toBe(before);
  });
});
