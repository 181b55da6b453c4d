import { describe, expect, it } from 'vitest';
import { buildModel, tableId } from '../../model/model-builder.ts';
import { makeDocument } from '../../model/empty.ts';
import type { ModelDocument } from '../../model/document.ts';
import { buildDictionary } from './dictionary.ts';
import { docsHtml } from './html.ts';
import { createSlugger, docsMarkdown, mdText } from './markdown.ts';

const HOSTILE = '</script><script>alert(1)</script> <img src=x onerror=alert(2)> | `tick` **bold** [link](javascript:x)';

function shop(): ModelDocument {
  const model = buildModel({
    tables: [
      { name: 'customers', columns: ['id bigint!', 'email text!', 'note text'], pk: ['id'], uniques: [['email']] },
      {
        name: 'orders', columns: ['id bigint!', 'customer_id bigint!', 'total numeric(10,2)! = 0'], pk: ['id'],
        checks: ['total >= 0'], fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'], name: 'orders_customer_fk' }],
        indexes: [{ items: ['customer_id'], name: 'orders_customer_idx' }],
      },
      { name: 'audit', columns: ['at timestamptz!'] },
    ],
    enums: [{ name: 'order_status', values: ['pending', 'paid'] }],
  });
  const customers = model.tables.find((t) => t.name === 'customers')!;
  customers.comment = HOSTILE;
  customers.columns.find((c) => c.name === 'note')!.comment = `multi\nline ${HOSTILE}`;
  model.views.push({ id: 'v1', schema: 'public', name: 'big_orders', materialized: false, definition: ' SELECT orders.id\n   FROM orders\n  WHERE orders.total > 100 -- ```', comment: HOSTILE });
  const doc = makeDocument(model, undefined, 'Shop <b>docs</b>');
  doc.layout.areas.push({ id: 'area-sales', name: 'Sales', color: '#2f6fed', tableIds: [tableId('customers'), tableId('orders')], note: HOSTILE });
  doc.layout.nodes[tableId('customers')] = { x: 0, y: 0 };
  doc.layout.nodes[tableId('orders')] = { x: 400, y: 0 };
  return doc;
}

describe('buildDictionary', () => {
  const dict = buildDictionary(shop());
  const customers = dict.tables.get(tableId('customers'))!;
  const orders = dict.tables.get(tableId('orders'))!;
  it.each([
    ['areas first, the rest after', dict.sections.map((s) => `${s.title}:${s.tableIds.length}`), ['Sales:2', 'Other tables:1']],
    ['column types as PostgreSQL spells them', orders.columns.map((c) => c.type), ['bigint', 'bigint', 'numeric(10,2)']],
    ['nullability (a key column is never nullable)', customers.columns.map((c) => c.nullable), [false, false, true]],
    ['defaults', orders.columns.map((c) => c.default ?? null), [null, null, '0']],
    ['key badges', orders.columns.map((c) => c.keys.join(' ')), ['PK', 'FK', '']],
    ['a referencing column names its table', orders.columns[1].references, [tableId('customers')]],
    ['references out', orders.referencesOut.map((r) => `${r.columns}→${r.tableId}(${r.refColumns}) ${r.name}`), [`customer_id→${tableId('customers')}(id) orders_customer_fk`]],
    ['references in', customers.referencesIn.map((r) => `${r.tableId}(${r.columns})→(${r.refColumns})`), [`${tableId('orders')}(customer_id)→(id)`]],
    ['uniques', customers.uniques, ['(email)']],
    ['checks', orders.checks.map((c) => c.expression), ['total >= 0']],
    ['indexes as their statement', orders.indexes, ['CREATE INDEX orders_customer_idx ON public.orders (customer_id)']],
    ['enums', dict.enums.map((e) => `${e.name}=${e.values.join(',')}`), ['order_status=pending,paid']],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('puts every table in one "Tables" section when there are no areas', () => {
    const doc = shop();
    doc.layout.areas = [];
    expect(buildDictionary(doc).sections.map((s) => `${s.title}:${s.tableIds.length}`)).toEqual(['Tables:3']);
  });
});

describe('docsHtml', () => {
  const html = docsHtml(shop());
  it.each([
    ['a hostile comment stays text', '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;'],
    ['the title is escaped', '<title>Shop &lt;b&gt;docs&lt;/b&gt;</title>'],
    ['a table links the table it references', `<a href="#table-public.customers">public.customers</a>`],
    ['a column row shows its default', '<td><code>0</code></td>'],
    ['each table is an entry the search reads', 'data-search="public.orders id customer_id total"'],
    ['the area diagram is real SVG, in both themes', '<svg class="light" role="img" aria-label="Diagram of Sales"'],
    ['the index statement', '<code>CREATE INDEX orders_customer_idx ON public.orders (customer_id)</code>'],
    ['the search box', '<input id="docs-search" type="search"'],
  ])('%s', (_label, fragment) => {
    expect(html).toContain(fragment);
  });

  it('holds exactly one script (its own) and loads nothing from elsewhere', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('<link');
  });

  it('draws no diagram when asked not to', () => {
    expect(docsHtml(shop(), { diagrams: false })).not.toContain('<svg');
  });
});

describe('docsMarkdown', () => {
  const md = docsMarkdown(shop());
  it.each([
    ['HTML in a comment is entities', '&lt;/script&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['a pipe cannot split a table cell', 'multi<br>line &lt;/script&gt;'],
    ['links go to GitHub heading slugs', '[public\\.customers](#publiccustomers)'],
    ['a column table', '| <code>customer\\_id</code> | <code>bigint</code> | no |  | FK [public\\.customers](#publiccustomers) |  |'],
    ['references in', '- [public\\.orders](#publicorders) (customer\\_id) → (id)'],
    ['a view body is fenced past its own backticks', '````sql\n SELECT orders.id'],
  ])('%s', (_label, fragment) => {
    expect(md).toContain(fragment);
  });

  it('leaves no raw tag or unescaped pipe from the model', () => {
    const comments = md.split('\n').filter((line) => line.includes('alert'));
    for (const line of comments) {
      expect(line).not.toMatch(/<(script|img)/);
      expect(line.replace(/^\|.*\|$/, '')).not.toContain('|');
    }
  });
});

describe('markdown helpers', () => {
  it.each([
    ['a_b*c', 'a\\_b\\*c'],
    ['x | y', 'x &#124; y'],
    ['<b>', '&lt;b&gt;'],
    ['two\nlines', 'two<br>lines'],
  ])('mdText(%j) → %j', (text, expected) => {
    expect(mdText(text)).toBe(expected);
  });

  it.each([
    [['public.film', 'public.film', 'Sales & Marketing', 'Émile'], ['publicfilm', 'publicfilm-1', 'sales--marketing', 'émile']],
  ])('slugs %j', (headings, expected) => {
    const slug = createSlugger();
    expect(headings.map(slug)).toEqual(expected);
  });

});
