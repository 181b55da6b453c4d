/**
 * names.ts against PostgreSQL itself: a model whose constraints and indexes have no names is written
 * WITHOUT names (per-object functions, model as is), PostgreSQL picks the names, and they must be
 * the ones `resolveNames` predicts: labels, expression parts, 63-byte truncation, collision suffixes.
 */
import { describe, expect, it } from 'vitest';
import { addForeignKey, createIndex, createTable } from '../shared/ddl/postgres.ts';
import type { Model } from '../shared/model/document.ts';
import { emptyModel } from '../shared/model/empty.ts';
import { resolveNames } from '../shared/model/names.ts';
import { table } from '../shared/model/templates/build.ts';
import { useThrowawayDatabase } from './testing/throwaway-fixture.ts';

const long = 'a_table_name_that_is_long_enough_to_need_cutting_somewhere';
function unnamedModel(): Model {
  const model = emptyModel();
  model.tables.push(
    table({
      name: 'order_items',
      columns: {
        order_id: { type: 'integer' }, product_id: { type: 'integer' }, qty: { type: 'integer' }, price: { type: 'numeric' },
        note: { type: 'text' }, data: { type: 'jsonb' },
      },
      primaryKey: ['order_id', 'product_id'],
      // (Two identical UNIQUE clauses in one CREATE TABLE are merged by PostgreSQL, so only one here.)
      uniques: [{ columns: ['order_id', 'note'] }, { columns: ['note'] }],
      checks: [{ expression: 'qty > 0' }, { expression: 'qty * price > 0' }, { expression: 'qty < 1000' }],
      foreignKeys: [{ columns: ['order_id'], references: 'orders' }],
      indexes: [
        { items: ['qty'] }, { items: ['qty'] },
        { items: [{ expression: 'lower(note)' }, { expression: 'upper(note)' }, { expression: 'lower(note)' }] },
        { items: [{ expression: "(note || 'x')" }], include: ['price'], unique: true },
        { items: [{ expression: 'note::varchar' }] },
        { items: [{ expression: "(data->>'k')::int" }, { expression: "CAST(data->>'k' AS bigint)" }] },
        { items: [{ expression: "(data->>'k')::character varying(20)" }, { expression: "(data->>'k')::double precision" }] },
        { items: [{ expression: 'note COLLATE "C"' }, { expression: "data->'a'->>'b'" }] },
      ],
    }),
    table({ name: 'orders', columns: { id: { type: 'integer', notNull: true } }, primaryKey: ['id'] }),
    // `a_b` checking `c` and `a` checking `b_c` both want a_b_c_check: the second gets a_b_c_check1.
    table({ name: 'a_b', columns: { c: { type: 'integer' } }, checks: [{ expression: 'c > 0' }] }),
    table({ name: 'a', columns: { b_c: { type: 'integer' } }, checks: [{ expression: 'b_c > 0' }] }),
    table({
      name: long,
      columns: { [`${long}_id`]: { type: 'integer', notNull: true }, [`${long}_ref`]: { type: 'integer' }, 'émile_ünïcode_column_name_with_accents_ça_va': { type: 'integer' } },
      primaryKey: [`${long}_id`],
      uniques: [{ columns: [`${long}_ref`] }],
      foreignKeys: [{ columns: [`${long}_ref`], references: long, refColumns: [`${long}_id`] }],
      indexes: [{ items: [`${long}_ref`, 'émile_ünïcode_column_name_with_accents_ça_va'] }],
    }),
  );
  return model;
}

describe('default names: names.ts predicts what PostgreSQL 15 chooses', () => {
  const { client } = useThrowawayDatabase('ddl_default_names');

  it('every unnamed constraint and index', async () => {
    const model = unnamedModel();
    const tables = new Map(model.tables.map((t) => [t.id, t]));
    // Tables, then foreign keys, then indexes (foreign key and index names never compete: constraint vs relation names).
    const script = [
      ...model.tables.map((t) => createTable({ table: t, tables })),
      ...model.tables.flatMap((t) => t.foreignKeys.map((foreignKey) => addForeignKey({ table: t, foreignKey, refTable: tables.get(foreignKey.refTableId)! }))),
      ...model.tables.flatMap((t) => t.indexes.map((index) => createIndex({ owner: t, index }))),
    ];
    expect(script.join('\n')).not.toContain('CONSTRAINT ');
    await client.exec(script.join('\n'));
    const rows = await client.query<{ owner: string; name: string }>(`
      SELECT c.relname AS owner, co.conname AS name FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid
        WHERE c.relnamespace = 'public'::regnamespace
      UNION SELECT t.relname, i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = 'public'::regnamespace
      ORDER BY 1, 2`);
    const names = resolveNames(model);
    const predicted = model.tables.flatMap((t) => [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys, ...t.indexes]
      .filter((o) => o !== undefined).map((o) => ({ owner: t.name, name: names.get(o.id)! })));
    const sort = (list: { owner: string; name: string }[]) => [...list].sort((x, y) => (`${x.owner} ${x.name}` < `${y.owner} ${y.name}` ? -1 : 1));
    expect(sort(rows)).toEqual(sort(predicted));
    expect(predicted.map((p) => p.name)).toContain('a_b_c_check1');
  });
});
