/**
 * The panels rendered to HTML (no DOM is installed: interactions are covered by the Playwright
 * journeys). Checks that every section shows the model's values through its test ids.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildModel, tableId } from '../../shared/model/model-builder.ts';
import { lintModel } from '../../shared/lint/lint.ts';
import { lintFix } from '../../shared/lint/fixes.ts';
import * as ops from '../../shared/model/ops/index.ts';
import { DomainEditor } from './DomainEditor.tsx';
import { EnumEditor } from './EnumEditor.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { LintPanel, groupIssues } from './LintPanel.tsx';
import { RawObjectEditor } from './RawObjectEditor.tsx';
import { SchemaEditor } from './SchemaEditor.tsx';
import { ViewEditor } from './ViewEditor.tsx';

const base = buildModel({
  tables: [
    { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'], uniques: [['email']] },
    {
      name: 'orders',
      columns: ['id bigint!', 'customer_id bigint!', "status public.order_status! = 'pending'::order_status", 'placed_at timestamp'],
      pk: ['id'],
      checks: ['id > 0'],
      fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }],
      indexes: [{ items: ['customer_id', '(lower(status::text))'], where: 'id > 10', name: 'orders_customer' }],
    },
    { name: 'Events', columns: ['payload jsonb'] },
  ],
  enums: [{ name: 'order_status', values: ['pending', 'paid'] }],
  domains: [{ name: 'email_address', type: 'text' }],
});
const model = ops.updateForeignKey(base, { tableId: tableId('orders'), foreignKeyId: base.tables[1].foreignKeys[0].id, patch: { onDelete: 'cascade', initiallyDeferred: true } });
const noop = () => undefined;
const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);
const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

describe('Inspector', () => {
  const html = render(createElement(Inspector, { model, tableId: tableId('orders'), onEdit: noop, color: '#2f8f5b', onColorChange: noop, onDelete: noop, onDuplicate: noop }));

  it.each([
    ['inspector-table-name', 1], ['inspector-table-schema', 1], ['inspector-table-comment', 1], ['inspector-delete', 1],
    ['inspector-column', 4], ['column-name', 4], ['column-type', 4], ['column-type-args', 1], ['column-not-null', 4],
    ['column-pk', 4], ['column-unique', 4], ['column-default', 4], ['fk-item', 1], ['fk-on-delete', 1], ['fk-deferrable', 1],
    ['index-item-editor', 1], ['index-item-column', 1], ['index-item-expression', 1], ['index-where', 1],
    ['index-include', 1], ['check-item', 1], ['unique-item', 0], ['pk-columns', 1], ['inspector-color-none', 1],
  ])('renders %s ×%i', (testId, n) => {
    expect(count(html, testId)).toBe(n);
  });

  it('shows the values of the model', () => {
    expect(html).toContain('data-table="public.orders"');
    expect(html).toContain('value="orders_customer"');
    expect(html).toContain('value="id &gt; 10"');
    expect(html).toContain("value=\"&#x27;pending&#x27;::order_status\"");
    expect(html).toMatch(/<option value="cascade" selected="">CASCADE<\/option>/);
    expect(html).toMatch(/role="combobox"[^>]*data-testid="column-type" value="public.order_status"/);
    expect(html).toMatch(/aria-checked="true"[^>]*data-testid="inspector-color-2f8f5b"/);
  });

  it('highlights the focused object (a lint jump)', () => {
    const orders = model.tables[1];
    const focusedHtml = (focusId: string) => render(createElement(Inspector, { model, tableId: orders.id, onEdit: noop, focusId }));
    expect(focusedHtml(orders.columns[2].id)).toMatch(/class="col-edit focused" data-testid="inspector-column" data-column="status"/);
    expect(focusedHtml(orders.foreignKeys[0].id)).toMatch(/class="item focused" data-testid="fk-item"/);
    expect(focusedHtml(orders.indexes[0].id)).toMatch(/class="item focused" data-testid="index-item-editor"/);
    expect(focusedHtml(orders.checks[0].id)).toMatch(/class="item focused" data-testid="check-item"/);
    expect(focusedHtml(orders.primaryKey!.id)).toMatch(/class="inspector-section focused" data-testid="inspector-primary-key"/);
    expect(html).not.toContain('focused');
  });

  it('says so when the table is gone', () => {
    expect(render(createElement(Inspector, { model, tableId: 'nope', onEdit: noop }))).toContain('data-testid="inspector-empty"');
  });
});

describe('LintPanel', () => {
  it('groups issues by severity with one button per issue, and a Fix button where a fix exists', () => {
    const html = render(createElement(LintPanel, { model, onSelect: noop, onFix: noop }));
    const issues = lintModel(model);
    expect(count(html, 'lint-issue')).toBe(issues.length);
    const fixable = issues.filter((i) => lintFix(model, i));
    expect(fixable.length).toBeGreaterThan(0);
    expect(count(html, 'lint-fix')).toBe(fixable.length);
    for (const [severity] of groupIssues(issues)) expect(html).toContain(`data-testid="lint-group-${severity}"`);
    expect(html).toContain('data-code="no-primary-key"');
    expect(html).toContain('data-code="timestamp-without-time-zone"');
  });

  it('orders groups error → warning → info and leaves out empty ones', () => {
    const groups = groupIssues(lintModel(model)).map(([s]) => s);
    expect(groups).toEqual(['warning', 'info']);
  });

  it('reports a clean model', () => {
    const orders = tableId('orders');
    let clean = ops.deleteTable(model, { tableId: tableId('Events') });
    clean = ops.updateColumn(clean, { tableId: orders, columnId: model.tables[1].columns[3].id, patch: { type: { name: 'timestamp with time zone' } } });
    // The partial index cannot serve the foreign key: a plain one can.
    clean = ops.addIndex(clean, { tableId: orders, columns: [model.tables[1].columns[1].id] });
    expect(render(createElement(LintPanel, { model: clean, onSelect: noop, onFix: noop }))).toContain('No design issues found.');
  });
});

describe('EnumEditor and DomainEditor', () => {
  it('list the enums with their values', () => {
    const html = render(createElement(EnumEditor, { model, onEdit: noop, selectedId: model.enums[0].id }));
    expect(count(html, 'enum-item')).toBe(1);
    expect(count(html, 'enum-value')).toBe(2);
    expect(html).toContain('class="item focused" data-testid="enum-item" data-enum="public.order_status"');
  });

  it('list the domains with their type', () => {
    const html = render(createElement(DomainEditor, { model, onEdit: noop }));
    expect(count(html, 'domain-item')).toBe(1);
    expect(html).toMatch(/role="combobox"[^>]*data-testid="domain-type" value="text"/);
  });
});

describe('ViewEditor and SchemaEditor', () => {
  const withObjects = ops.addSequence(ops.addExtension(ops.addView(model, { id: 'v', name: 'big_orders', definition: 'SELECT * FROM orders', materialized: true }), { name: 'citext' }), { name: 'invoice_no', start: '1000' });

  it('list the views with their query', () => {
    const html = render(createElement(ViewEditor, { model: withObjects, onEdit: noop, selectedId: 'v' }));
    expect(count(html, 'view-item')).toBe(1);
    expect(html).toContain('SELECT * FROM orders</textarea>');
    expect(html).toContain('class="item focused"');
  });

  it('show a default field per column of a plain view, none on a materialized one', () => {
    const plain = ops.setViewColumnComment(ops.setViewColumnDefault(ops.addView(withObjects, { id: 'p', name: 'open_orders', definition: 'SELECT id, status FROM orders' }),
      { viewId: 'p', column: 'status', expression: "'pending'::order_status" }), { viewId: 'p', column: 'id', comment: 'key' });
    const html = render(createElement(ViewEditor, { model: ops.setViewColumnComment(plain, { viewId: 'v', column: 'id', comment: 'x' }), onEdit: noop }));
    expect(html).toMatch(/data-column="status".*?data-testid="view-column-default"/s);
    expect(html).toContain('value="&#x27;pending&#x27;::order_status"');
    // Two listed columns on the plain view, one on the materialized view (which takes no default).
    expect([count(html, 'view-column'), count(html, 'view-column-default')]).toEqual([3, 2]);
  });

  it.each([
    ['a populated materialized view: unchecked', (m: typeof withObjects) => m, [false]],
    ['a materialized view created WITH NO DATA: checked', (m: typeof withObjects) => ops.setViewWithNoData(m, { viewId: 'v', withNoData: true }), [true]],
    ['a plain view: not shown', (m: typeof withObjects) => ops.updateView(m, { viewId: 'v', patch: { materialized: false } }), []],
  ])('show the WITH NO DATA checkbox for %s', (_title, edit, expected) => {
    const html = render(createElement(ViewEditor, { model: edit(withObjects), onEdit: noop }));
    const checked = [...html.matchAll(/<input[^>]*data-testid="view-with-no-data"[^>]*>/g)].map(([tag]) => tag.includes(' checked=""'));
    expect(checked).toEqual(expected);
    if (expected.length) expect(html).toContain('create without data (WITH NO DATA)');
  });

  it('say when a materialized view\'s rows are left as the database has them (a pg_dump import)', () => {
    const unsaid = ops.updateView(withObjects, { viewId: 'v', patch: { populationUnspecified: true } });
    expect(render(createElement(ViewEditor, { model: unsaid, onEdit: noop }))).toContain('data-testid="view-population-unspecified"');
    expect(render(createElement(ViewEditor, { model: withObjects, onEdit: noop }))).not.toContain('view-population-unspecified');
  });

  it('list schemas, extensions and sequences', () => {
    const html = render(createElement(SchemaEditor, { model: withObjects, onEdit: noop }));
    expect([count(html, 'schema-item'), count(html, 'extension-item'), count(html, 'sequence-item')]).toEqual([1, 1, 1]);
    expect(html).toContain('value="1000"');
  });

  it('list the SQL objects with their definition and table', () => {
    const withRaw = ops.addRawObject(model, { id: 'r', kind: 'trigger', name: 'touch', tableId: tableId('orders'), definition: 'CREATE TRIGGER touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()' });
    const html = render(createElement(RawObjectEditor, { model: withRaw, onEdit: noop, selectedId: 'r' }));
    expect(html).toContain('data-raw="trigger:touch"');
    expect(html).toContain('EXECUTE FUNCTION touch();</textarea>');
    expect(html).toMatch(/<option value="table:public.orders" selected="">public.orders<\/option>/);
  });

  it('the inspector shows table options', () => {
    const partitioned = ops.setTableOptions(model, { tableId: tableId('orders'), patch: { partitioning: { strategy: 'range', key: 'id' }, with: { fillfactor: '70' } } });
    const html = render(createElement(Inspector, { model: partitioned, tableId: tableId('orders'), onEdit: noop }));
    expect(html).toMatch(/<option value="range" selected="">/);
    expect(html).toContain('value="fillfactor=70"');
    expect(count(html, 'table-partition-key')).toBe(1);
  });
});
