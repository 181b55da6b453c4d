import { describe, expect, it } from 'vitest';
import type { Column, Table } from '../../shared/model/document.ts';
import { estimateTableNode } from './node-estimate.ts';

const column = (id: string, name: string, extra: Partial<Column> = {}): Column => ({
  id, name, type: { name: 'integer' }, notNull: false, ...extra,
});

function table(name: string, columns: Column[], keyIds: string[] = []): Table {
  return {
    id: `t_${name}`, schema: 'public', name, columns, uniques: [], checks: [], foreignKeys: [], indexes: [],
    ...(keyIds.length ? { primaryKey: { id: `pk_${name}`, columns: keyIds } } : {}),
  };
}

const three = [column('a', 'id', { notNull: true }), column('b', 'name'), column('c', 'note')];

describe('estimateTableNode', () => {
  it.each([
    ['three columns', table('t', three, ['a']), false, 2 + 35 + 3 * 24, 2 + 6],
    ['collapsed to its key, with the "more" line', table('t', three, ['a']), true, 2 + 35 + 24 + 22, 2 + 2],
    ['no columns: the "no columns" line', table('t', []), false, 2 + 35 + 22, 2],
  ])('%s', (_label, t, collapsed, height, handles) => {
    const estimate = estimateTableNode(t, collapsed);
    expect(estimate.measured.height).toBe(height);
    expect(estimate.handles).toHaveLength(handles);
  });

  it('stays within the node CSS widths and is never a whole pixel', () => {
    const narrow = estimateTableNode(table('t', three)).measured.width;
    const wide = estimateTableNode(table('a_table_with_a_really_long_name_for_a_node', [column('x', 'a_column_with_a_long_name_too', { type: { name: 'character varying', args: [300] } })])).measured.width;
    expect(narrow).toBe(220.5);
    expect(wide).toBe(360.5);
  });

  it('puts each row\'s handles on both sides at the row\'s middle, one row apart', () => {
    const { handles, measured } = estimateTableNode(table('t', three));
    expect(handles.slice(0, 6).map((h) => [h.id, h.position, h.x, h.y])).toEqual([
      [':l', 'left', -7, 14.3], [':r', 'right', measured.width - 1.5, 14.3],
      ['a:l', 'left', -7, 43.3], ['a:r', 'right', measured.width - 1.5, 43.3],
      ['b:l', 'left', -7, 67.3], ['b:r', 'right', measured.width - 1.5, 67.3],
    ]);
  });
});
