import { describe, expect, it } from 'vitest';
import type { Table } from '../../shared/model/document.ts';
import { emptyLayout, emptyModel } from '../../shared/model/empty.ts';
import { compareModels, recompare } from './compare-versions.ts';
import { estimateTableNode } from '../canvas/node-estimate.ts';

const table = (id: string, name: string, comment?: string): Table => ({
  id, schema: 'public', name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [], ...(comment ? { comment } : {}),
});

const layoutOf = (ids: string[]) => ({ ...emptyLayout(), nodes: Object.fromEntries(ids.map((id, i) => [id, { x: i * 300, y: 40 }])) });
const modelOf = (...tables: Table[]) => ({ ...emptyModel(), tables });

describe('compareModels with now', () => {
  const version = modelOf(table('a', 'accounts'), table('b', 'bills'), table('c', 'carts'));
  const from = { label: 'v1', model: version, layout: layoutOf(['a', 'b', 'c']) };

  it.each([
    ['nothing changed', [table('a', 'accounts'), table('b', 'bills'), table('c', 'carts')], [], []],
    ['a rename is a change', [table('a', 'users'), table('b', 'bills'), table('c', 'carts')], [['a', 'changed']], []],
    ['an edit is a change', [table('a', 'accounts', 'who pays'), table('b', 'bills'), table('c', 'carts')], [['a', 'changed']], []],
    ['added and removed', [table('a', 'accounts'), table('b', 'bills'), table('d', 'discounts')], [['d', 'added']], ['public.carts']],
  ])('%s', (_name, tables, status, removed) => {
    const result = compareModels({ from, current: modelOf(...tables) });
    expect([...result.status]).toEqual(status);
    expect(result.removed).toEqual(removed);
    expect(result.from.label).toBe('v1');
  });

  it('draws a removed table as a ghost where the version had it, sized like its node', () => {
    const result = compareModels({ from, current: modelOf(table('a', 'accounts'), table('b', 'bills')) });
    const size = estimateTableNode(table('c', 'carts')).measured;
    expect(result.ghosts).toEqual([{ id: 'c', qualified: 'public.carts', kind: 'table', x: 600, y: 40, width: Math.round(size.width), height: Math.round(size.height) }]);
  });

  it('follows edits of the open model', () => {
    const first = compareModels({ from, current: version });
    expect(recompare(first, modelOf(table('a', 'accounts'))).removed).toEqual(['public.bills', 'public.carts']);
  });
});

describe('compareModels between two versions', () => {
  const v1 = { label: 'v1', model: modelOf(table('a', 'accounts'), table('b', 'bills'), table('c', 'carts')), layout: layoutOf(['a', 'b', 'c']) };
  const v2 = { label: 'v2', model: modelOf(table('a', 'accounts', 'who pays'), table('c', 'carts'), table('d', 'discounts')) };

  it('compares the versions, whatever the canvas holds now', () => {
    const now = modelOf(table('a', 'users'), table('b', 'bills'), table('d', 'discounts'));
    const result = compareModels({ from: v1, to: v2, current: now });
    expect([...result.status].sort()).toEqual([['a', 'changed'], ['b', 'removed'], ['d', 'added']]);
    expect(result.removed).toEqual(['public.bills']);
    // bills is still on the canvas (marked removed there), so it needs no ghost.
    expect(result.ghosts).toEqual([]);
    expect(recompare(result, modelOf(table('a', 'users'))).ghosts.map((g) => g.qualified)).toEqual(['public.bills']);
    expect(result.to?.label).toBe('v2');
  });
});
