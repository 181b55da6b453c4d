/**
 * The constraint and index options the inspector edits, rendered to HTML (no DOM here; the
 * journeys click them): each field shows what the model holds.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildModel, tableId } from '../../shared/model/model-builder.ts';
import * as ops from '../../shared/model/ops/index.ts';
import { Inspector } from './Inspector.tsx';

const base = buildModel({
  tables: [
    { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'], uniques: [['email']] },
    {
      name: 'orders', columns: ['id bigint!', 'customer_id bigint!'], pk: ['id'], checks: ['id > 0'],
      fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }], indexes: [{ items: ['customer_id'], name: 'orders_customer' }],
    },
  ],
});
const orders = base.tables[1];
const customers = base.tables[0];
const t = tableId('orders');
const edited = [
  (m: typeof base) => ops.updateForeignKey(m, { tableId: t, foreignKeyId: orders.foreignKeys[0].id, patch: { notValid: true, comment: 'who ordered' } }),
  (m: typeof base) => ops.updateCheck(m, { tableId: t, checkId: orders.checks[0].id, patch: { noInherit: true, comment: 'ids are positive' } }),
  (m: typeof base) => ops.setPrimaryKey(m, { tableId: t, columns: orders.primaryKey!.columns, initiallyDeferred: true, deferrable: true, comment: 'the order' }),
  (m: typeof base) => ops.updateIndex(m, { tableId: t, indexId: orders.indexes[0].id, patch: { comment: 'by customer' } }),
  (m: typeof base) => ops.updateUnique(m, { tableId: customers.id, uniqueId: customers.uniques[0].id, patch: { comment: 'one account per email', initiallyDeferred: true, deferrable: true } }),
].reduce((m, op) => op(m), base);

const render = (model: typeof base, table: string) => renderToStaticMarkup(createElement(Inspector, { model, tableId: table, onEdit: () => undefined }));
/** The `<input>` carrying `data-testid`, as rendered. */
const input = (html: string, testId: string) => html.match(new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? '';

describe('Inspector constraint and index options', () => {
  const cases: Array<[table: string, testId: string, shows: RegExp]> = [
    [t, 'fk-not-valid', /checked=""/],
    [t, 'fk-comment', /value="who ordered"/],
    [t, 'check-no-inherit', /checked=""/],
    [t, 'check-comment', /value="ids are positive"/],
    [t, 'pk-initially-deferred', /checked=""/],
    [t, 'pk-deferrable', /checked=""/],
    [t, 'pk-comment', /value="the order"/],
    [t, 'index-comment', /value="by customer"/],
    [customers.id, 'unique-comment', /value="one account per email"/],
    [customers.id, 'unique-initially-deferred', /checked=""/],
  ];
  it.each(cases)('%s %s', (table, testId, shows) => {
    expect(input(render(edited, table), testId)).toMatch(shows);
    // And unset on the model as built.
    expect(input(render(base, table), testId)).not.toMatch(shows);
  });
});
