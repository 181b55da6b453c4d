import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION } from './document.ts';
import { emptyModel, makeDocument } from './empty.ts';
import { parseDocument, upgradeDocument, upgradeSteps } from './upgrade.ts';

const table = (over: object = {}) => ({
  id: 't1', schema: 'public', name: 'orders', uniques: [], checks: [], foreignKeys: [], indexes: [],
  columns: [{ id: 'c1', name: 'id', type: { name: 'integer' }, notNull: true }], ...over,
});

describe('upgradeDocument', () => {
  it('has one named step per old version, ending at the current one', () => {
    expect(upgradeSteps.map((s) => s.from)).toEqual([...Array(DOCUMENT_VERSION).keys()]);
    upgradeSteps.forEach((s) => expect(s.name.length).toBeGreaterThan(10));
  });

  it('upgrades a version-0 bare model into a valid current document', () => {
    const result = parseDocument({ tables: [table()] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.document.version).toBe(DOCUMENT_VERSION);
      expect(result.document.model.tables[0].name).toBe('orders');
      expect(result.document.layout).toEqual({ nodes: {}, areas: [], notes: [] });
    }
  });

  it('leaves a current document as it is', () => {
    const doc = makeDocument(emptyModel());
    expect(upgradeDocument(doc)).toEqual(doc);
  });
});

describe('parseDocument problems carry JSON paths', () => {
  const withTables = (tables: object[]) => ({ ...makeDocument(emptyModel()), model: { ...emptyModel(), tables } });
  const cases: Array<[label: string, input: unknown, path: string, message: RegExp]> = [
    ['not an object', 42, '(document)', /expected object/],
    ['newer version', { ...makeDocument(emptyModel()), version: 99 }, 'version', /newer/],
    ['missing column type', withTables([table({ columns: [{ id: 'c1', name: 'id', notNull: true }] })]), 'model.tables[0].columns[0].type', /expected object/],
    ['name too long', withTables([table({ name: 'x'.repeat(64) })]), 'model.tables[0].name', /63/],
    ['pk on unknown column', withTables([table({ primaryKey: { id: 'pk', columns: ['nope'] } })]), 'model.tables[0].primaryKey.columns[0]', /no column/],
    ['fk to unknown table', withTables([table({ foreignKeys: [{ id: 'f', columns: ['c1'], refTableId: 'zz', refColumns: ['c1'], onDelete: 'cascade', onUpdate: 'no-action', match: 'simple' }] })]), 'model.tables[0].foreignKeys[0].refTableId', /no table/],
    ['duplicate ids', withTables([table(), table({ name: 'other' })]), 'model.tables[1].id', /duplicate id/],
    ['index item with neither column nor expression', withTables([table({ indexes: [{ id: 'i', unique: false, items: [{}] }] })]), 'model.tables[0].indexes[0].items[0]', /either a column or an expression/],
  ];
  it.each(cases)('%s', (_label, input, path, message) => {
    const result = parseDocument(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const problem = result.problems.find((p) => p.path === path);
      expect(problem, JSON.stringify(result.problems)).toBeDefined();
      expect(problem!.message).toMatch(message);
    }
  });
});
