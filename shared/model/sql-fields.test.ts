import { parseSync } from 'pgsql-parser';
import { describe, expect, it } from 'vitest';
import { generatePostgres } from '../ddl/generate.ts';
import type { ModelDocument } from './document.ts';
import { makeDocument } from './empty.ts';
import { parseDocument } from './upgrade.ts';
import { pendingSqlFieldChecks, sqlFieldProblems } from './sql-fields.ts';

const column = (id: string, name: string, type: string, extra: object = {}) => ({ id, name, type: { name: type }, notNull: false, ...extra });
const table = (id: string, name: string, extra: object = {}) => ({
  id, schema: 'public', name, columns: [column(`${id}.id`, 'id', 'integer')], uniques: [], checks: [], foreignKeys: [], indexes: [], ...extra,
});

/**
 * A model whose every SQL field holds a valid value that looks dangerous (`;` in strings and
 * comments, parentheses in dollar quotes): `sql` gives the value of each field.
 */
function documentWith(sql: { text: string; expression: string; check: string; view: string }): ModelDocument {
  return makeDocument({
    schemas: [{ id: 'schema:public', name: 'public' }],
    extensions: [],
    enums: [],
    domains: [{
      id: 'dom', schema: 'public', name: 'positive', type: { name: 'integer' }, notNull: false, default: sql.expression,
      checks: [{ id: 'dom.ck', expression: `VALUE > 0 AND ${sql.check}` }],
    }],
    sequences: [],
    tables: [
      table('orders', 'orders', {
        columns: [
          column('orders.id', 'id', 'integer'),
          column('orders.note', 'note', 'text', { default: sql.text, collation: '"C"' }),
          column('orders.twice', 'twice', 'integer', { generated: `id * 2 + length(${sql.text})` }),
          column('orders.at', 'at', 'timestamp with time zone'),
        ],
        checks: [{ id: 'orders.ck', expression: sql.check }],
        indexes: [{
          id: 'orders.ix', name: 'orders_note', unique: false, method: 'btree', with: { fillfactor: '70' }, where: sql.check,
          items: [{ expression: `lower(${sql.text})`, collation: '"C"', opclass: 'text_pattern_ops' }, { column: 'orders.id' }],
        }],
      }),
      table('events', 'events', { partitioning: { strategy: 'list', key: 'id' } }),
      table('events_1', 'events_1', { partitionOf: { parentId: 'events', bound: 'FOR VALUES IN (1)' } }),
    ],
    views: [{
      id: 'v', schema: 'public', name: 'order_notes', materialized: false, definition: sql.view,
      columns: [{ name: 'note', default: sql.text }],
    }],
    rawObjects: [
      { id: 'raw:function:public.shout(text)', kind: 'function', schema: 'public', name: 'shout',
        definition: `CREATE FUNCTION public.shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) || ${sql.text} $$;` },
    ],
  });
}

const DANGEROUS_LOOKING = {
  text: "';) DROP TABLE x; --'",
  expression: '1 /* ; DROP TABLE x; */',
  check: "note <> $q$ ); DROP TABLE x; ( $q$",
  view: "SELECT note FROM public.orders WHERE note <> '; DROP TABLE x; --'",
};
const PLAIN = { text: "'x'", expression: '1', check: "note <> 'y'", view: 'SELECT note FROM public.orders' };

function statementKinds(sql: string): string[] {
  return (parseSync(sql).stmts ?? []).map((s) => Object.keys(s.stmt ?? {})[0]);
}

function withField(doc: ModelDocument, path: string, value: unknown): unknown {
  const copy = structuredClone(doc) as unknown as Record<string, unknown>;
  const keys = path.match(/[^.[\]]+/g)!.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let at: Record<string | number, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[keys[keys.length - 1]] = value;
  return copy;
}

/** [field path, attack value, problem fragment]: each is a validation error at exactly its path. */
const ATTACKS: Array<[string, unknown, string]> = [
  ['model.tables[0].columns[0].type', { name: `"text"); COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'; CREATE TABLE t2 (id int, "x" int` }, 'double quote'],
  ['model.tables[0].columns[1].default', '1); DROP TABLE x; SELECT (1', 'closes nothing'],
  ['model.tables[0].columns[1].default', '1 --', 'ends in a -- comment'],
  ['model.tables[0].columns[2].generated', '1) STORED, evil integer GENERATED ALWAYS AS (2', 'closes nothing'],
  ['model.tables[0].columns[1].collation', '"C" NOT NULL', 'not a name'],
  ['model.tables[0].checks[0].expression', "true) ; COPY (SELECT 1) TO PROGRAM 'touch /tmp/x' ; SELECT (1", 'closes nothing'],
  ['model.tables[0].indexes[0].where', 'true; DROP TABLE x', 'holds a ";"'],
  ['model.tables[0].indexes[0].items[0].expression', 'lower(note)) ; DROP TABLE x; --', 'closes nothing'],
  ['model.tables[0].indexes[0].items[0].opclass', 'text_ops); DROP TABLE x; --', 'not a name'],
  ['model.tables[0].indexes[0].method', 'gist (id); DROP TABLE x; --', 'not an access method'],
  ['model.tables[0].indexes[0].with', { fillfactor: "70); DROP TABLE x; --" }, 'not a storage parameter value'],
  ['model.tables[1].partitioning.key', 'id); DROP TABLE x; --', 'closes nothing'],
  ['model.tables[2].partitionOf.bound', 'DEFAULT; DROP TABLE x', 'holds a ";"'],
  ['model.views[0].definition', 'SELECT 1; CREATE ROLE evil', 'holds a ";"'],
  ['model.views[0].definition', 'SELECT 1 -- comment', 'ends in a -- comment'],
  ['model.views[0].columns[0].default', "'x'; DROP TABLE x", 'holds a ";"'],
  ['model.domains[0].default', '1 \\gexec', 'backslash command'],
  ['model.domains[0].checks[0].expression', 'VALUE > 0) ; DROP TABLE x; SELECT (1', 'closes nothing'],
  ['model.rawObjects[0].definition', "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE ROLE evil;", 'CreateRole statement'],
  ['model.rawObjects[0].id', 'raw:function:public.shout(text); DROP TABLE x; --)', 'argument list'],
];

describe('SQL fields of a document', () => {
  it('accepts the model whose fields only look dangerous', () => {
    const parsed = parseDocument(documentWith(DANGEROUS_LOOKING));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('writes exactly the statements of the plain twin model: no field ends one or starts another', () => {
    const doc = documentWith(DANGEROUS_LOOKING);
    const kinds = statementKinds(generatePostgres(doc.model));
    expect(kinds).toEqual(statementKinds(generatePostgres(documentWith(PLAIN).model)));
    expect(kinds.filter((k) => k === 'DropStmt' || k === 'CopyStmt' || k === 'CreateRoleStmt')).toEqual([]);
  });

  it.each(ATTACKS)('%s = %j is refused at its path', (path, value, problem) => {
    const parsed = parseDocument(withField(documentWith(PLAIN), path, value));
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    // A storage parameter's path ends with its key: `….with.fillfactor`.
    expect(problems).toEqual([{ path: expect.stringMatching(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}(\\.\\w+)?$`)), message: expect.stringContaining(problem) }]);
  });

  it('writes a type name that is not a type as one quoted identifier: PostgreSQL refuses it, nothing else runs', () => {
    const doc = withField(documentWith(PLAIN), 'model.domains[0].type', { name: 'integer CHECK (false)' }) as ModelDocument;
    const parsed = parseDocument(doc);
    expect(parsed.ok).toBe(true);
    expect(generatePostgres(doc.model)).toContain('CREATE DOMAIN public.positive AS "integer CHECK (false)"');
  });

  it('lists every bad field of a document, each with its own path', () => {
    let doc = withField(documentWith(PLAIN), 'model.tables[0].columns[1].default', '1 --');
    doc = withField(doc as ModelDocument, 'model.views[0].definition', 'SELECT 1; CREATE ROLE evil');
    const parsed = parseDocument(doc);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['model.tables[0].columns[1].default', 'model.views[0].definition']);
  });

  it('are not checked again in a document read back from the store (sqlFields: false); its shape and references still are', () => {
    const badSql = withField(documentWith(PLAIN), 'model.views[0].definition', 'SELECT 1; CREATE ROLE evil');
    expect(parseDocument(badSql, { sqlFields: false }).ok).toBe(true);
    expect(parseDocument(badSql).ok).toBe(false);
    const badShape = withField(documentWith(PLAIN), 'model.tables[0].name', 42);
    const badReference = withField(documentWith(PLAIN), 'model.tables[2].partitionOf.parentId', 'nowhere');
    for (const doc of [badShape, badReference]) expect(parseDocument(doc, { sqlFields: false }).ok).toBe(false);
  });
});

/**
 * Verdicts are kept for the whole process, so each case here works on texts no other test wrote: a
 * fresh token in every SQL field (`freshDocument`).
 */
let fresh = 0;
function freshDocument(bad: Array<[path: string, value: string]> = []): { doc: ModelDocument; token: string } {
  const token = `t${(fresh += 1)}_${Date.now()}`;
  let doc = documentWith({
    text: `'${token}'`, expression: `length('${token}')`, check: `note <> '${token}'`, view: `SELECT note FROM public.orders WHERE note <> '${token}'`,
  });
  for (const [path, value] of bad) doc = withField(doc, path, value.replaceAll('TOKEN', token)) as ModelDocument;
  return { doc, token };
}

/** Problems with the document's token taken out, to compare two documents' problems. */
const untokened = (problems: object[], token: string) => JSON.parse(JSON.stringify(problems).replaceAll(token, 'TOKEN')) as unknown;

describe('SQL field checks run ahead, in slices (pendingSqlFieldChecks)', () => {
  const BAD: Array<[string, string]> = [
    ['model.tables[0].columns[1].default', "'TOKEN'); DROP TABLE x; SELECT (1"],
    ['model.views[0].definition', "SELECT 'TOKEN'; CREATE ROLE evil"],
    ['model.rawObjects[0].id', 'raw:function:public.shout(text); DROP TABLE TOKEN; --)'],
  ];
  const cases: Array<{ name: string; bad: Array<[string, string]> }> = [
    { name: 'a document without problems', bad: [] },
    { name: 'a bad default, view body and function signature', bad: BAD },
  ];

  it.each(cases)('$name: the same problems whether the checks ran ahead or not', ({ bad }) => {
    const ahead = freshDocument(bad);
    const checks = pendingSqlFieldChecks(ahead.doc.model);
    expect(checks.length).toBeGreaterThan(0);
    checks.forEach((check) => check());
    expect(pendingSqlFieldChecks(ahead.doc.model)).toEqual([]);
    const direct = freshDocument(bad);
    const problems = sqlFieldProblems(direct.doc.model);
    expect(problems).toHaveLength(bad.length);
    expect(untokened(sqlFieldProblems(ahead.doc.model), ahead.token)).toEqual(untokened(problems, direct.token));
  });

  it('lists a text the model repeats once, and nothing a checked model already holds', () => {
    const once = freshDocument();
    const twice = structuredClone(once.doc);
    twice.model.tables[0].columns.push({ ...twice.model.tables[0].columns[1], id: 'orders.note2', name: 'note2' });
    expect(pendingSqlFieldChecks(twice.model)).toHaveLength(pendingSqlFieldChecks(once.doc.model).length);
    sqlFieldProblems(once.doc.model);
    expect(pendingSqlFieldChecks(twice.model)).toEqual([]);
  });
});

describe('a lint reuses the tables it checked (reuseTables)', () => {
  type Tables = ModelDocument['model']['tables'];
  const withDefault = (t: Tables[number], value: string) => ({ ...t, columns: t.columns.map((c, j) => (j === 1 ? { ...c, default: value } : c)) });
  const edits: Array<{ name: string; broken?: boolean; edit: (tables: Tables, token: string) => Tables }> = [
    { name: 'the same model again', edit: (tables) => tables },
    { name: 'one table given a bad default', edit: (tables, token) => [withDefault(tables[0], `'${token}'); SELECT (1`), ...tables.slice(1)] },
    {
      name: 'a broken table put first (every other table moves one place)',
      edit: (tables, token) => [{ ...withDefault(tables[0], `(1 + '${token}'`), id: 'first', name: 'first', columns: tables[0].columns.map((c) => ({ ...c, id: `first.${c.id}` })) }, ...tables],
    },
    { name: 'the broken table mended', broken: true, edit: (tables, token) => [withDefault(tables[0], `'${token}'`), ...tables.slice(1)] },
  ];

  it.each(edits)('$name: the problems a full check finds, at their new paths', ({ broken, edit }) => {
    const { doc, token } = freshDocument(broken ? [['model.tables[0].columns[1].default', "'TOKEN') + (1"]] : []);
    sqlFieldProblems(doc.model, { reuseTables: true });
    const edited = { ...doc.model, tables: edit(doc.model.tables, token) };
    const full = sqlFieldProblems(edited);
    expect(sqlFieldProblems(edited, { reuseTables: true })).toEqual(full);
    expect(pendingSqlFieldChecks(edited)).toEqual([]);
  });

  it('knows a table by its object: what accepts a document (a check without reuse) reads every field', () => {
    const { doc } = freshDocument();
    expect(sqlFieldProblems(doc.model, { reuseTables: true })).toEqual([]);
    // The studio never changes a table in place; doing it shows which check reads the fields again.
    (doc.model.tables[0].columns[1] as { default?: string }).default = '1; DROP TABLE orders';
    expect(sqlFieldProblems(doc.model, { reuseTables: true })).toEqual([]);
    expect(sqlFieldProblems(doc.model).map((p) => p.path)).toEqual(['model.tables[0].columns[1].default']);
    expect(parseDocument(doc).ok).toBe(false);
  });
});
