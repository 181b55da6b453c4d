import { describe, expect, it } from 'vitest';
import { parseTypeText } from '../model/types.ts';
import { typeChangeCost } from './casts.ts';

describe('typeChangeCost', () => {
  it.each([
    ['integer', 'bigint', { rewrites: true, mayFail: false }],
    ['bigint', 'integer', { rewrites: true, mayFail: true }],
    ['varchar(20)', 'varchar(40)', { rewrites: false, mayFail: false }],
    ['varchar(40)', 'varchar(20)', { rewrites: true, mayFail: true }],
    ['varchar(40)', 'text', { rewrites: false, mayFail: false }],
    ['text', 'integer', { using: 'cast', rewrites: true, mayFail: true }],
    ['integer', 'text', { rewrites: true, mayFail: false }],
    ['numeric(10,2)', 'numeric(12,2)', { rewrites: false, mayFail: false }],
    ['numeric(10,2)', 'numeric(8,2)', { rewrites: true, mayFail: true }],
    ['text', 'public.mood', { using: 'cast', rewrites: true, mayFail: true }],
    ['public.a', 'public.b', { using: 'via-text', rewrites: true, mayFail: true }],
    ['json', 'jsonb', { using: 'cast', rewrites: true, mayFail: false }],
    ['timestamp', 'timestamptz', { rewrites: true, mayFail: false }],
    ['integer', 'integer[]', { using: 'cast', rewrites: true, mayFail: true }],
  ])('%s → %s', (from, to, expected) => {
    expect(typeChangeCost(parseTypeText(from), parseTypeText(to))).toEqual(expected);
  });
});
