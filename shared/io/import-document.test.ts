import { describe, expect, it } from 'vitest';
import type { Model } from '../model/document.ts';
import { emptyModel } from '../model/empty.ts';
import { gridLayout, importDocument, ImportSyntaxError } from './import-document.ts';

function modelWith(tables: Array<[name: string, columns: number]>, views: string[] = []): Model {
  const model = emptyModel();
  model.tables = tables.map(([name, n]) => ({
    id: `table:public.${name}`, schema: 'public', name, uniques: [], checks: [], foreignKeys: [], indexes: [],
    columns: Array.from({ length: n }, (_, i) => ({ id: `col:public.${name}.c${i}`, name: `c${i}`, type: { name: 'integer' }, notNull: false })),
  }));
  model.views = views.map((name) => ({ id: `view:public.${name}`, schema: 'public', name, materialized: false, definition: 'SELECT 1' }));
  return model;
}

describe('gridLayout', () => {
  it.each([
    ['no objects', modelWith([]), {}],
    ['one table at the origin', modelWith([['a', 3]]), { 'table:public.a': { x: 0, y: 0 } }],
    ['name order, ⌈√n⌉ per row, a row as tall as its tallest table', modelWith([['d', 1], ['c', 10], ['b', 1], ['a', 2]]), {
      'table:public.a': { x: 0, y: 0 }, 'table:public.b': { x: 320, y: 0 },
      'table:public.c': { x: 0, y: 36 + 24 * 2 + 80 }, 'table:public.d': { x: 320, y: 36 + 24 * 2 + 80 },
    }],
    ['views after tables', modelWith([['t', 1]], ['v']), { 'table:public.t': { x: 0, y: 0 }, 'view:public.v': { x: 320, y: 0 } }],
  ])('%s', (_title, model, nodes) => {
    expect(gridLayout(model).nodes).toEqual(nodes);
  });
});

describe('importDocument', () => {
  it('SQL becomes a named document with a layout for every table', async () => {
    const { document } = await importDocument('CREATE TABLE a (id int); CREATE TABLE b (id int);', 'sql', 'Two');
    expect([document.name, Object.keys(document.layout.nodes)]).toEqual(['Two', ['table:public.a', 'table:public.b']]);
  });

  it.each([
    ['sql', 'CREATE TABLE t (a int,);', 1, 23],
    ['dbml', 'Table t {\n  a int [pk\n}', 3, 1],
  ] as const)('a %s syntax error becomes ImportSyntaxError with line %i, column %i', async (format, text, line, column) => {
    const error = await importDocument(text, format).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportSyntaxError);
    expect(error).toMatchObject({ line, column, format });
  });
});
