import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model, RawObject, Table, View } from '../model/document.ts';
import { emptyModel, makeDocument } from '../model/empty.ts';
import { parseDocument } from '../model/upgrade.ts';
import { templates } from '../model/templates/index.ts';
import { featureModel } from './__fixtures__/feature-model.ts';
import { generatePostgres, generatePostgresStatements } from './generate.ts';
import { stableTopoSort } from './order.ts';

/** Golden files: `UPDATE_GOLDEN=1 npx vitest run shared/ddl/generate.test.ts` rewrites them after a deliberate change. */
function expectGolden(name: string, sql: string): void {
  const file = new URL(`./__fixtures__/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, sql);
  expect(sql).toBe(readFileSync(file, 'utf8'));
}

describe('generatePostgres golden scripts', () => {
  it.each([
    ['ecommerce.sql', () => templates.find((t) => t.name === 'ecommerce')!.build().model],
    ['features.sql', featureModel],
  ])('%s', (file, build) => {
    const sql = generatePostgres(build());
    expectGolden(file, sql);
    expect(generatePostgres(build())).toBe(sql); // deterministic
  });

  it('the every-feature fixture is a valid document', () => {
    const parsed = parseDocument(JSON.parse(JSON.stringify(makeDocument(featureModel()))));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('an empty model gives an empty script', () => {
    expect(generatePostgres(emptyModel())).toBe('');
  });
});

const table = (name: string, extra: Partial<Table> = {}): Table => ({
  id: `t.${name}`, schema: 'public', name, columns: [{ id: `c.${name}.id`, name: 'id', type: { name: 'integer' }, notNull: true }],
  uniques: [], checks: [], foreignKeys: [], indexes: [], ...extra,
});
const view = (name: string, definition: string, extra: Partial<View> = {}): View => ({ id: `v.${name}`, schema: 'public', name, materialized: false, definition, ...extra });
const raw = (kind: RawObject['kind'], name: string, definition: string): RawObject => ({ id: `r.${name}`, kind, name, definition });
const model = (parts: Partial<Model>): Model => ({ ...emptyModel(), ...parts });
/** Position of the first statement containing `text`. */
const at = (statements: string[], text: string) => statements.findIndex((s) => s.includes(text));

describe('statement order', () => {
  it.each([
    ['inheritance parent before child', model({ tables: [table('child', { inherits: ['t.parent'] }), table('parent')] }), 'TABLE public.parent', 'TABLE public.child'],
    ['partition parent before partition', model({ tables: [table('p1', { partitionOf: { parentId: 't.p', bound: 'DEFAULT' } }), table('p', { partitioning: { strategy: 'list', key: 'id' } })] }), 'TABLE public.p ', 'TABLE public.p1'],
    ['view after the view it reads (found in the text)', model({ views: [view('b', 'SELECT * FROM a'), view('a', 'SELECT 1 AS x')] }), 'VIEW public.a', 'VIEW public.b'],
    ['view after the view it reads (dependsOn)', model({ views: [view('b', 'SELECT 2', { dependsOn: ['v.a'] }), view('a', 'SELECT 1 AS x')] }), 'VIEW public.a', 'VIEW public.b'],
    ['domain after the domain it is built on', model({ domains: [
      { id: 'd2', schema: 'public', name: 'd2', type: { name: 'd1', schema: 'public' }, notNull: false, checks: [] },
      { id: 'd1', schema: 'public', name: 'd1', type: { name: 'integer' }, notNull: false, checks: [] },
    ] }), 'DOMAIN public.d1', 'DOMAIN public.d2'],
    ['plain functions before tables', model({ tables: [table('t')], rawObjects: [raw('function', 'f', 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT count(*) FROM t $$;')] }), 'FUNCTION f', 'TABLE public.t'],
    ['a table named like a keyword of the signature does not delay a function', model({ tables: [table('language')], rawObjects: [raw('function', 'f', 'CREATE FUNCTION public.f(text) RETURNS text LANGUAGE sql IMMUTABLE AS $function$ SELECT $1 $function$;')] }), 'FUNCTION public.f', 'TABLE public.language'],
    ['functions returning a table row after tables', model({ tables: [table('t')], rawObjects: [raw('function', 'f', 'CREATE FUNCTION f() RETURNS SETOF t LANGUAGE sql AS $$ SELECT * FROM t $$;')] }), 'TABLE public.t', 'FUNCTION f'],
    ['functions returning view rows after views', model({ views: [view('v', 'SELECT 1 AS x')], rawObjects: [raw('function', 'f', 'CREATE FUNCTION f() RETURNS SETOF v LANGUAGE sql AS $$ SELECT * FROM v $$;')] }), 'VIEW public.v', 'FUNCTION f'],
    ['collations before the domains that use them', model({
      domains: [{ id: 'd', schema: 'public', name: 'd', type: { name: 'text' }, collation: 'public.nocase', notNull: false, checks: [] }],
      rawObjects: [raw('collation', 'nocase', "CREATE COLLATION public.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);")],
    }), 'COLLATION public.nocase', 'DOMAIN public.d'],
    ['triggers after tables and views', model({ tables: [table('t')], views: [view('v', 'SELECT 1 AS x')], rawObjects: [raw('trigger', 'tg', 'CREATE TRIGGER tg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();')] }), 'VIEW public.v', 'TRIGGER tg'],
    ['foreign keys after every table', model({ tables: [
      table('a', { foreignKeys: [{ id: 'fk', columns: ['c.a.id'], refTableId: 't.b', refColumns: ['c.b.id'], onDelete: 'no-action', onUpdate: 'no-action', match: 'simple' }] }), table('b'),
    ] }), 'TABLE public.b', 'FOREIGN KEY'],
    ['a view column default right after its view, before the view reading it', model({ views: [
      view('b', 'SELECT x FROM a'), view('a', 'SELECT 1 AS x', { columns: [{ name: 'x', default: '2' }] }),
    ] }), 'ALTER VIEW public.a ALTER COLUMN x SET DEFAULT 2;', 'VIEW public.b'],
    ['functions settings first', model({ rawObjects: [raw('function', 'f', 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;')] }), 'check_function_bodies', 'FUNCTION f'],
  ])('%s', (_name, m, first, second) => {
    const statements = generatePostgresStatements(m);
    expect(at(statements, first)).toBeGreaterThanOrEqual(0);
    expect(at(statements, second)).toBeGreaterThan(at(statements, first));
  });

  it('creates schemas other than public, and names every constraint', () => {
    const statements = generatePostgresStatements(model({ tables: [table('t', { schema: 'sales', primaryKey: { id: 'pk', columns: ['c.t.id'] } })] }));
    expect(statements[0]).toBe('CREATE SCHEMA sales;');
    expect(statements[1]).toContain('CONSTRAINT t_pkey PRIMARY KEY (id)');
  });
});

describe('stableTopoSort', () => {
  it.each([
    [['b', 'a'], { b: ['a'] }, ['a', 'b']],
    [['a', 'b', 'c'], {}, ['a', 'b', 'c']],
    [['c', 'b', 'a'], { c: ['b'], b: ['a'] }, ['a', 'b', 'c']],
    [['x', 'a', 'b'], { a: ['b'], b: ['a'] }, ['x', 'a', 'b']], // a cycle keeps model order
    [['a', 'b'], { a: ['missing', 'a'] }, ['a', 'b']],
    [['d', 'c', 'b', 'a'], { d: ['a'], c: ['a'] }, ['b', 'a', 'd', 'c']],
  ] as [string[], Record<string, string[]>, string[]][])('%j with %j → %j', (items, deps, expected) => {
    expect(stableTopoSort(items, (x) => x, (x) => deps[x] ?? [])).toEqual(expected);
  });
});
