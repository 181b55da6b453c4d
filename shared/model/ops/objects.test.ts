import { describe, expect, it } from 'vitest';
import type { Model, Table } from '../document.ts';
import { documentZod } from '../document.ts';
import { makeDocument } from '../empty.ts';
import { buildModel, tableId } from '../model-builder.ts';
import * as ops from './index.ts';
import { referenceProblems } from '../references.ts';

const base = (): Model =>
  buildModel({
    tables: [
      { name: 'orders', columns: ['id bigint!', 'total numeric'], pk: ['id'] },
      { name: 'products', columns: ['id integer!', 'name text'], pk: ['id'] },
      { name: 'audit', schema: 'ops', columns: ['id bigint!'], pk: ['id'] },
    ],
  });

const table = (m: Model, name: string): Table => m.tables.find((t) => t.name === name)!;

interface Case {
  title: string;
  run: (m: Model) => Model;
  changes: string[];
  check: (after: Model, before: Model) => void;
}

const cases: Case[] = [
  { title: 'setTableOptions: partitioning, unlogged, storage parameters', changes: ['products'], run: (m) => {
    const t = tableId('products');
    const set = ops.setTableOptions(m, { tableId: t, patch: { partitioning: { strategy: 'hash', key: 'id' }, unlogged: true, with: { fillfactor: '70' } } });
    expect(table(set, 'products')).toMatchObject({ partitioning: { strategy: 'hash', key: 'id' }, unlogged: true, with: { fillfactor: '70' } });
    return ops.setTableOptions(set, { tableId: t, patch: { partitioning: null, unlogged: false, with: {} } });
  }, check: (a) => {
    expect(['partitioning', 'unlogged', 'with'].filter((k) => k in table(a, 'products'))).toEqual([]);
  } },
  { title: 'addView, updateView, removeView', changes: [], run: (m) => {
    const added = ops.addView(m, { id: 'v', schema: 'reporting', name: 'big_orders', definition: 'SELECT * FROM orders' });
    expect(added.schemas.map((s) => s.name)).toContain('reporting');
    const updated = ops.updateView(added, { viewId: 'v', patch: { definition: 'SELECT id FROM orders;\n', materialized: true, comment: 'x' } });
    expect(updated.views[0]).toMatchObject({ definition: 'SELECT id FROM orders', materialized: true, comment: 'x' });
    const cleared = ops.updateView(updated, { viewId: 'v', patch: { comment: '' } });
    expect(cleared.views[0]).not.toHaveProperty('comment');
    return ops.removeView(cleared, { viewId: 'v' });
  }, check: (a) => {
    expect(a.views).toEqual([]);
  } },
  { title: 'addSequence, updateSequence, removeSequence', changes: [], run: (m) => {
    const added = ops.addSequence(m, { id: 's', name: 'invoice_no', start: '1000' });
    const updated = ops.updateSequence(added, { sequenceId: 's', patch: { increment: '10', start: '' } });
    expect(updated.sequences[0]).toEqual({ id: 's', schema: 'public', name: 'invoice_no', increment: '10' });
    return ops.removeSequence(updated, { sequenceId: 's' });
  }, check: (a) => {
    expect(a.sequences).toEqual([]);
  } },
  { title: 'addExtension (once), removeExtension, setSchemaComment', changes: [], run: (m) => {
    const added = ops.addExtension(ops.addExtension(m, { id: 'e', name: 'citext' }), { name: 'citext' });
    expect(added.extensions).toEqual([{ id: 'e', name: 'citext' }]);
    const commented = ops.setSchemaComment(ops.removeExtension(added, { extensionId: 'e' }), { schemaId: 'schema:ops', comment: 'operations' });
    return commented;
  }, check: (a) => {
    expect(a.extensions).toEqual([]);
    expect(a.schemas.find((s) => s.name === 'ops')?.comment).toBe('operations');
  } },
  { title: 'addRawObject, updateRawObject, removeRawObject', changes: [], run: (m) => {
    const added = ops.addRawObject(m, { id: 'r', kind: 'function', schema: 'public', name: 'touch', definition: 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$' });
    expect(added.rawObjects[0].definition.endsWith('$$;')).toBe(true);
    const updated = ops.updateRawObject(added, { rawId: 'r', patch: { name: 'touch_row', schema: '' } });
    expect(updated.rawObjects[0]).not.toHaveProperty('schema');
    expect(updated.rawObjects[0].name).toBe('touch_row');
    return ops.removeRawObject(updated, { rawId: 'r' });
  }, check: (a) => {
    expect(a.rawObjects).toEqual([]);
  } },
];

describe('edit ops on views, sequences, extensions, SQL objects and table options', () => {
  it.each(cases)('$title', ({ run, changes, check }) => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = run(before);
    check(after, before);
    expect(before).toEqual(snapshot);
    for (const t of before.tables) {
      if (!changes.includes(t.name)) expect(after.tables).toContain(t);
    }
    const doc = documentZod.safeParse(makeDocument(after));
    expect(doc.success ? [] : doc.error.issues).toEqual([]);
    expect(referenceProblems(makeDocument(after))).toEqual([]);
  });

  const bad: Array<[string, (m: Model) => Model, RegExp]> = [
    ['a view without a query', (m) => ops.addView(m, { name: 'v', definition: ' ' }), /needs a query/],
    ['a sequence bound that is not a whole number', (m) => ops.addSequence(m, { name: 's', start: '1.5' }), /whole number/],
    ['partitioning without a key', (m) => ops.setTableOptions(m, { tableId: tableId('orders'), patch: { partitioning: { strategy: 'range', key: '' } } }), /partition key/],
  ];
  it.each(bad)('refuses %s', (_title, run, message) => {
    expect(() => run(base())).toThrow(ops.ModelOpError);
    expect(() => run(base())).toThrow(message);
  });
});
