import { describe, expect, it } from 'vitest';
import type { Sequence } from '../model/document.ts';
import { alterSequence } from '../ddl/postgres-alter.ts';
import { sequenceChange } from './sequence-options.ts';

const seq = (options: Partial<Sequence> = {}): Sequence => ({ id: 'seq:public.s', schema: 'public', name: 's', ...options });

describe('sequenceChange: an option left out is PostgreSQL default', () => {
  it.each([
    ['integer → left out (a standalone CREATE SEQUENCE)', seq({ dataType: 'integer' }), seq(), 'ALTER SEQUENCE public.s AS bigint;'],
    ['left out → integer', seq(), seq({ dataType: 'integer' }), 'ALTER SEQUENCE public.s AS integer;'],
    ['a bound that goes away', seq({ maxValue: '1000' }), seq(), 'ALTER SEQUENCE public.s NO MAXVALUE;'],
    ['increment, cache and cycle back to their defaults', seq({ increment: '5', cache: '20', cycle: true }), seq(), 'ALTER SEQUENCE public.s INCREMENT BY 1 CACHE 1 NO CYCLE;'],
    ['a new minimum moves the default start with it', seq(), seq({ minValue: '10' }), 'ALTER SEQUENCE public.s MINVALUE 10 START WITH 10;'],
    ['a default written out is no change', seq({ dataType: 'bigint', increment: '1' }), seq(), undefined],
  ])('%s', (_, from, to, sql) => {
    expect(alterSequence({ sequence: to, ...sequenceChange(from, to) })).toBe(sql);
  });
});
