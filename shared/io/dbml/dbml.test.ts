import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Parser } from '@dbml/core';
import { DbmlSyntaxError, exportDbml, exportDbmlWithWarnings, importDbml } from './dbml.ts';
import { DEFAULT_AREA_COLOR } from './import.ts';
import { parseDocument } from '../../model/upgrade.ts';
import { makeDocument } from '../../model/empty.ts';
import { buildModel, colId, tableId } from '../../model/model-builder.ts';
import type { ModelDocument, Table } from '../../model/document.ts';
import { templates } from '../../model/templates/index.ts';

const sample = readFileSync(new URL('./__fixtures__/dbdiagram-sample.dbml', import.meta.url), 'utf8');

const tableOf = (doc: ModelDocument, name: string): Table => {
  const table = doc.model.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
};

/** DBML → model → DBML → model: the two models (and layouts' groups and colors) are equal. */
async function roundTrip(dbml: string): Promise<{ first: ModelDocument; second: ModelDocument; text: string }> {
  const first = (await importDbml(dbml)).document;
  const text = exportDbml(first);
  const second = (await importDbml(text)).document;
  return { first, second, text };
}

describe('importDbml: a dbdiagram.io-style sample', async () => {
  const { document, report } = await importDbml(sample);
  const users = tableOf(document, 'users');
  const posts = tableOf(document, 'posts');
  const follows = tableOf(document, 'follows');

  it('produces a valid document with name-derived ids', () => {
    const parsed = parseDocument(document);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(document.name).toBe('blog');
    expect(users.id).toBe(tableId('users'));
    expect(users.columns.map((c) => c.id)).toContain(colId('users', 'username'));
  });

  it.each([
    ['users', 'id', { name: 'integer' }, true, undefined, true],
    ['users', 'username', { name: 'character varying', args: [50] }, true, undefined, false],
    ['users', 'role', { name: 'character varying' }, false, "'member'", false],
    ['users', 'created_at', { name: 'timestamp without time zone' }, false, 'now()', false],
    ['posts', 'status', { name: 'post_status', schema: 'public' }, false, "'draft'", false],
    ['posts', 'rating', { name: 'numeric', args: [3, 1] }, false, '0', false],
  ])('column %s.%s: type, not null, default, identity', (table, column, type, notNull, dflt, identity) => {
    const c = tableOf(document, table).columns.find((x) => x.name === column)!;
    expect(c.type).toEqual(type);
    expect(c.notNull).toBe(notNull);
    expect(c.default).toBe(dflt);
    expect(Boolean(c.identity)).toBe(identity);
  });

  it('reads keys, uniques, notes, checks and indexes', () => {
    expect(users.primaryKey?.columns).toEqual([colId('users', 'id')]);
    expect(follows.primaryKey?.columns).toEqual([colId('follows', 'following_user_id'), colId('follows', 'followed_user_id')]);
    expect(users.uniques.map((u) => u.columns)).toEqual([[colId('users', 'username')]]);
    expect(users.comment).toBe('People who write and follow');
    expect(posts.columns.find((c) => c.name === 'body')?.comment).toBe('Content of the post');
    expect(posts.checks).toEqual([expect.objectContaining({ name: 'rating_positive', expression: 'rating >= 0' })]);
    expect(posts.indexes.map((i) => [i.name, i.unique, i.method, i.items, i.comment])).toEqual([
      ['posts_by_author', false, undefined, [{ column: colId('posts', 'user_id') }, { column: colId('posts', 'created_at') }], undefined],
      [undefined, true, 'hash', [{ column: colId('posts', 'title') }], undefined],
      [undefined, false, undefined, [{ expression: 'lower(title)' }], 'case-insensitive search'],
    ]);
  });

  it('reads refs: many-to-one, one-to-one and many-to-many with actions', () => {
    expect(posts.foreignKeys).toEqual([expect.objectContaining({
      columns: [colId('posts', 'user_id')], refTableId: tableId('users'), refColumns: [colId('users', 'id')], onDelete: 'no-action',
    })]);
    expect(follows.foreignKeys.map((fk) => [fk.columns, fk.refTableId, fk.onDelete, fk.onUpdate])).toEqual([
      [[colId('follows', 'following_user_id')], tableId('users'), 'cascade', 'no-action'],
      [[colId('follows', 'followed_user_id')], tableId('users'), 'cascade', 'no-action'],
    ]);
    expect(tableOf(document, 'profiles').foreignKeys).toEqual([expect.objectContaining({ name: 'user_profile', refTableId: tableId('users'), onDelete: 'cascade' })]);
    const junction = tableOf(document, 'posts_tags');
    expect(junction.columns.map((c) => c.name)).toEqual(['posts_id', 'tags_id']);
    expect(junction.foreignKeys.map((fk) => fk.refTableId)).toEqual([tableId('posts'), tableId('tags')]);
    expect(report.warnings.map((w) => w.message)).toContain('many-to-many posts <> tags became the junction table posts_tags');
  });

  it('reads enums, table groups, header colors and sticky notes into model and layout', () => {
    expect(document.model.enums).toEqual([{ id: 'enum:public.post_status', schema: 'public', name: 'post_status', values: ['draft', 'published', 'archived'] }]);
    expect(report.warnings.some((w) => w.message.includes('notes on values') && w.line === 7)).toBe(true);
    expect(document.layout.areas).toEqual([
      { id: 'area:people', name: 'people', color: '#24BFA5', note: 'accounts and social graph', tableIds: [tableId('users'), tableId('follows'), tableId('profiles')] },
      { id: 'area:content', name: 'content', color: DEFAULT_AREA_COLOR, tableIds: [tableId('posts'), tableId('tags')] },
    ]);
    expect(document.layout.nodes[users.id].color).toBe('#3498DB');
    expect(Object.keys(document.layout.nodes)).toHaveLength(document.model.tables.length);
    expect(document.layout.notes.map((n) => [n.id, n.text])).toEqual([['note:welcome', 'Start here: users write posts.']]);
  });
});

describe('DBML round trip: DBML → model → DBML → model', () => {
  it.each([
    ['the dbdiagram sample', sample],
    ['schemas, quoted names and escapes', [
      'Enum "billing"."state" {\n  "open"\n  "it\'s closed"\n}',
      'Table "billing"."In voice" [note: \'multi\\nline \\\'note\\\'\'] {\n  "id" bigint [pk]\n  "state" billing.state [not null]',
      '  "we\\"ird" "timestamp with time zone" [default: `now()`]\n  tags "text[]"\n  amount "numeric(10,2)" [default: 12.5]\n}',
      'Table items {\n  a int\n  b int\n  c text [default: \'x\\ny\']\n  indexes {\n    (a, `b + 1`, c) [name: \'mixed\']\n    (a, b) [pk, name: \'items_pk\']\n  }\n}',
      'Ref "fk two": items.(a, b) > "billing"."In voice".(id, id) [update: cascade, delete: set null]',
    ].join('\n')],
  ])('%s', async (_label, dbml) => {
    const { first, second } = await roundTrip(dbml);
    expect(second.model).toEqual(first.model);
    expect(second.layout.areas).toEqual(first.layout.areas);
    expect(second.layout.notes.map((n) => n.text)).toEqual(first.layout.notes.map((n) => n.text));
    expect(second.name).toBe(first.name);
  });

  it('keeps index item order when expressions and columns mix', async () => {
    const { document } = await importDbml('Table t {\n  a int\n  b int\n  indexes {\n    (b, `a + 1`, a)\n  }\n}');
    expect(document.model.tables[0].indexes[0].items).toEqual([{ column: colId('t', 'b') }, { expression: 'a + 1' }, { column: colId('t', 'a') }]);
  });
});

describe('importDbml: partials, aliases and enum arrays', () => {
  it('merges partial fields at their place (own fields win) and resolves refs through aliases', async () => {
    const { document } = await importDbml([
      'Enum app.role {\n  admin\n  member\n}',
      "TablePartial stamps [headercolor: #111111] {\n  id int\n  created_at timestamp [not null, default: `now()`]\n  indexes {\n    created_at\n  }\n}",
      'Table users as U {\n  id bigint [pk]\n  ~stamps\n  name text\n  roles app.role[]\n}',
      'Table posts {\n  author bigint [ref: > U.id]\n}',
    ].join('\n'));
    const users = tableOf(document, 'users');
    expect(users.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', { name: 'bigint' }],
      ['created_at', { name: 'timestamp without time zone' }],
      ['name', { name: 'text' }],
      ['roles', { name: 'role', schema: 'app', arrayDims: 1 }],
    ]);
    expect(users.indexes.map((i) => i.items)).toEqual([[{ column: colId('users', 'created_at') }]]);
    expect(document.layout.nodes[users.id].color).toBe('#111111');
    expect(tableOf(document, 'posts').foreignKeys.map((fk) => fk.refTableId)).toEqual([users.id]);
    expect(document.model.schemas.map((s) => s.name).sort()).toEqual(['app', 'public']);
  });
});

describe('importDbml: the report', () => {
  it('lists sample rows as skipped, with their line', async () => {
    const { report } = await importDbml("Table users {\n  id int [pk]\n  name text\n}\n\nRecords users(id, name) {\n  1, 'Ada'\n}\n");
    expect(report.skipped).toEqual([{ line: 6, statement: 'Records', reason: 'sample rows of users: data is not part of the schema' }]);
  });

  it('notes a project note and a non-PostgreSQL database type', async () => {
    const { report } = await importDbml("Project shop {\n  database_type: 'MySQL'\n  Note: 'the shop'\n}\nTable t {\n  id int\n}\n");
    expect(report.warnings).toEqual([
      { line: 1, message: 'database_type is MySQL: types were read as PostgreSQL types' },
      { line: 3, message: 'the project note is not kept' },
    ]);
  });

  it('gives every warning a line', async () => {
    const { report } = await importDbml('Table users as U {\n  id int [pk]\n  at datetime\n}\n');
    expect(report.warnings).toEqual([
      { line: 1, message: 'users: alias "U" is not kept' },
      { line: 3, message: 'users.at: type "datetime" became timestamp without time zone' },
    ]);
  });
});

describe('importDbml: syntax errors', () => {
  it.each([
    ['an unclosed setting list', 'Table x {\n  id int [pk\n}', 3, 1],
    ['an unknown top-level word', 'Tabel x {\n  id int\n}', 1, 1],
    ['a ref to nothing', 'Table x {\n  id int\n}\nRef: x.id > y.id', 4, 13],
  ])('%s → DbmlSyntaxError at line/column', async (_label, text, line, column) => {
    const error = await importDbml(text).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DbmlSyntaxError);
    expect([(error as DbmlSyntaxError).line, (error as DbmlSyntaxError).column]).toEqual([line, column]);
    expect((error as DbmlSyntaxError).message).toMatch(/line \d+, column \d+/);
  });
});

describe('exportDbml: what DBML cannot hold is listed', () => {
  const model = buildModel({
    tables: [
      { name: 'customers', columns: ['id bigint!', 'email text!'], pk: ['id'], uniques: [['email'], ['id', 'email']] },
      {
        name: 'orders', columns: ['id bigint!', 'customer_id bigint!', 'placed_at timestamptz! = now()'], pk: ['id'],
        fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }],
        indexes: [{ items: ['customer_id'], where: 'placed_at > now()', name: 'orders_recent' }],
      },
    ],
    domains: [{ name: 'email', type: 'text' }],
  });
  const { dbml, warnings } = exportDbmlWithWarnings(makeDocument(model, { nodes: {}, areas: [{ id: 'a', name: 'sales', color: 'blue', tableIds: [tableId('orders')] }], notes: [] }));

  it('parses with @dbml/core', () => {
    expect(() => Parser.parse(dbml, 'dbmlv2')).not.toThrow();
  });

  it.each([
    ['orders: index orders_recent: partial index predicate (WHERE placed_at > now()) dropped'],
    ['customers: unique constraint id, email becomes a unique index'],
    ['1 domain(s) not expressible in DBML were left out'],
    ['subject area sales: color blue is not a hex color and was dropped'],
  ])('%s', (warning) => {
    expect(warnings).toContain(warning);
  });
});

describe('the e-commerce template exports to DBML and back', async () => {
  const template = templates.find((t) => t.name === 'ecommerce')!.build();
  const { dbml, warnings } = exportDbmlWithWarnings(template);
  const back = (await importDbml(dbml)).document;

  it('lists only the partial index predicate as lost', () => {
    expect(warnings).toEqual(['addresses: index addresses_one_default: partial index predicate (WHERE is_default = true) dropped']);
  });

  it('reads back the same model, less that predicate', () => {
    const expected = structuredClone(template.model);
    for (const table of expected.tables) for (const index of table.indexes) delete index.where;
    expect(back.model).toEqual(expected);
  });

  it('writes the same DBML again from what it read', () => {
    expect(exportDbml(back)).toBe(dbml);
  });
});
