/**
 * Migration files from a real plan run in PostgreSQL: the up file takes a database built from the
 * "before" model to the catalog of one built from "after", and the down file takes it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../shared/model/document.ts';
import { derivedId } from '../shared/model/ids.ts';
import { templates } from '../shared/model/templates/index.ts';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { planBetween, reversePlan } from '../shared/diff/plan.ts';
import { MIGRATION_LAYOUTS, migrationFiles, type MigrationFile, type MigrationLayout } from '../shared/io/migration-files.ts';
import { openSqlClient, type SqlClient } from './db/sql-client.ts';
import { catalogSnapshot } from './testing/catalog-snapshot.ts';
import { createThrowawayDb, type ThrowawayDb } from './testing/throwaway-db.ts';

const before = (): Model => templates.find((t) => t.name === 'ecommerce')!.build().model;

/** The template plus a table, a column, an index and a check: every change reverses cleanly. */
function after(): Model {
  const model = before();
  const orders = model.tables.find((t) => t.name === 'orders')!;
  const customers = model.tables.find((t) => t.name === 'customers')!;
  const memo = { id: derivedId.column('public', 'orders', 'memo'), name: 'memo', type: { name: 'text' }, notNull: false };
  orders.columns.push(memo);
  orders.checks.push({ id: derivedId.constraint('ck', 'public', 'orders', 'memo_short'), name: 'memo_short', expression: 'length(memo) < 500' });
  orders.indexes.push({ id: derivedId.index('public', 'orders_memo_idx'), name: 'orders_memo_idx', unique: false, items: [{ column: memo.id }] });
  const notes = {
    id: derivedId.table('public', 'customer_notes'), schema: 'public', name: 'customer_notes',
    columns: [
      { id: derivedId.column('public', 'customer_notes', 'id'), name: 'id', type: { name: 'bigint' }, notNull: true, identity: { kind: 'always' as const } },
      { id: derivedId.column('public', 'customer_notes', 'customer_id'), name: 'customer_id', type: customers.columns[0].type, notNull: true },
      { id: derivedId.column('public', 'customer_notes', 'body'), name: 'body', type: { name: 'text' }, notNull: true },
    ],
    primaryKey: { id: derivedId.primaryKey('public', 'customer_notes'), columns: [derivedId.column('public', 'customer_notes', 'id')] },
    uniques: [], checks: [], indexes: [],
    foreignKeys: [{
      id: derivedId.constraint('fk', 'public', 'customer_notes', 'customer_notes_customer_id_fkey'),
      columns: [derivedId.column('public', 'customer_notes', 'customer_id')], refTableId: customers.id, refColumns: [customers.columns[0].id],
      onDelete: 'cascade' as const, onUpdate: 'no-action' as const, match: 'simple' as const,
    }],
  };
  model.tables.push(notes);
  return model;
}

/**
 * The up and down SQL a migration tool runs from the files: dbmate reads one file, split at its
 * `-- migrate:up` / `-- migrate:down` marker lines (what comes before the first is not run); the
 * other layouts keep each direction in a file of its own.
 */
function directions(layout: MigrationLayout, files: MigrationFile[]): { up: string; down: string } {
  if (layout !== 'dbmate') {
    expect(files).toHaveLength(2);
    return { up: files[0].content, down: files[1].content };
  }
  expect(files).toHaveLength(1);
  const parts = files[0].content.split(/^--\s*migrate:(up|down)\b.*$/m);
  // ['', 'up', <up sql>, 'down', <down sql>]: each marker once, up first.
  expect(parts.filter((_, i) => i % 2 === 1)).toEqual(['up', 'down']);
  return { up: parts[2], down: parts[4] };
}

describe.each(MIGRATION_LAYOUTS)('%s migration files run up and down in PostgreSQL', (layout) => {
  let dbs: ThrowawayDb[] = [];
  let migrated: SqlClient;
  let target: SqlClient;
  beforeAll(async () => {
    dbs = [await createThrowawayDb(`migfiles_${layout}`), await createThrowawayDb(`migfiles_${layout}_target`)];
    [migrated, target] = await Promise.all(dbs.map((d) => openSqlClient(d.url)));
    await migrated.exec(generatePostgres(before()));
    await target.exec(generatePostgres(after()));
  });
  afterAll(async () => {
    await Promise.all([migrated, target].map((c) => c?.close()));
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('up reaches the after catalog; down returns to the before catalog', async () => {
    const original = await catalogSnapshot(migrated);
    expect(await catalogSnapshot(target)).not.toEqual(original);
    const files = migrationFiles({ plan: planBetween(before(), after()), reverse: reversePlan(before(), after()).plan, name: 'customer notes', layout, at: new Date('2026-11-25T12:00:00Z') });
    const { up, down } = directions(layout, files);
    expect(up.trim()).not.toBe('');
    expect(down.trim()).not.toBe('');
    await migrated.exec(up);
    expect(await catalogSnapshot(migrated)).toEqual(await catalogSnapshot(target));
    await migrated.exec(down);
    expect(await catalogSnapshot(migrated)).toEqual(original);
  });
});
