import { describe, expect, it } from 'vitest';
import type { Thread } from '../api/comments.ts';
import { emptyModel } from '../model/empty.ts';
import { lastActivity, openThreadsByTable, orderThreads, REMOVED_TABLE, targetLabel } from './threads.ts';

const model = emptyModel();
model.tables = [{
  id: 't_orders', schema: 'public', name: 'orders', uniques: [], checks: [], foreignKeys: [], indexes: [],
  columns: [{ id: 'c_total', name: 'total', type: { name: 'numeric' }, notNull: false }],
}];

function thread(id: string, status: Thread['status'], times: string[], tableId = 't_orders', resolvedAt: string | null = null): Thread {
  return {
    id, status, target: { kind: 'table', tableId }, createdAt: times[0], resolvedAt, resolvedBy: resolvedAt ? 'Ann' : null,
    comments: times.map((createdAt, i) => ({ id: `${id}-${i}`, author: 'Ann', body: 'x', createdAt })),
  };
}

describe('targetLabel', () => {
  const cases: Array<[string, Parameters<typeof targetLabel>[1], ReturnType<typeof targetLabel>]> = [
    ['a table', { kind: 'table', tableId: 't_orders' }, { text: 'public.orders', tableId: 't_orders', removed: undefined }],
    ['a column', { kind: 'column', tableId: 't_orders', columnId: 'c_total' }, { text: 'public.orders.total', tableId: 't_orders', removed: undefined }],
    ['a removed column', { kind: 'column', tableId: 't_orders', columnId: 'gone' }, { text: 'public.orders (a removed column)', tableId: 't_orders', removed: 'column' }],
    ['a removed table', { kind: 'table', tableId: 'gone' }, { text: REMOVED_TABLE, tableId: undefined, removed: 'table' }],
    ['a column of a removed table', { kind: 'column', tableId: 'gone', columnId: 'c_total' }, { text: REMOVED_TABLE, tableId: undefined, removed: 'table' }],
  ];
  it.each(cases)('%s', (_name, target, expected) => {
    expect(targetLabel(model, target)).toEqual(expected);
  });
});

describe('orderThreads', () => {
  const old = thread('a', 'open', ['2026-01-01T00:00:00Z']);
  const busy = thread('b', 'open', ['2025-12-01T00:00:00Z', '2026-02-01T00:00:00Z']);
  const done = thread('c', 'resolved', ['2026-03-01T00:00:00Z'], 't_orders', '2026-03-02T00:00:00Z');
  const tie = thread('d', 'open', ['2026-01-01T00:00:00Z']);
  const cases: Array<[string, Thread[], boolean, string[]]> = [
    ['open only, most recently active first', [old, done, busy], false, ['b', 'a']],
    ['open first, then resolved', [done, old, busy], true, ['b', 'a', 'c']],
    ['ties by id', [tie, old], false, ['a', 'd']],
    ['nothing', [], true, []],
  ];
  it.each(cases)('%s', (_name, threads, showResolved, ids) => {
    expect(orderThreads(threads, showResolved).map((t) => t.id)).toEqual(ids);
  });

  it('a resolution counts as activity', () => {
    expect(lastActivity(done)).toBe('2026-03-02T00:00:00Z');
    expect(lastActivity(busy)).toBe('2026-02-01T00:00:00Z');
  });
});

describe('openThreadsByTable', () => {
  const cases: Array<[string, Thread[], Record<string, number>]> = [
    ['counts open threads per table, columns included', [
      thread('a', 'open', ['1']), { ...thread('b', 'open', ['1']), target: { kind: 'column', tableId: 't_orders', columnId: 'c_total' } },
      thread('c', 'open', ['1'], 't_other'),
    ], { t_orders: 2, t_other: 1 }],
    ['resolved threads do not count', [thread('a', 'resolved', ['1'], 't_orders', '2')], {}],
  ];
  it.each(cases)('%s', (_name, threads, expected) => {
    expect(Object.fromEntries(openThreadsByTable(threads))).toEqual(expected);
  });
});
