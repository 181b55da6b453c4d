import { describe, expect, it } from 'vitest';
import type { ColumnType } from './document.ts';
import {
  expressionProblem, methodProblem, nameProblem, partitionBoundProblem, partitionKeyProblem, storageProblems, typeProblem,
  viewQueryProblem,
} from './sql-fragments.ts';
import { formatType } from './types.ts';

/** [case, text, problem fragment or undefined when the text is fine]. */
const EXPRESSIONS: Array<[string, string, string | undefined]> = [
  ['a call', 'now()', undefined],
  ['a cast literal', "'pending'::order_status", undefined],
  ['a sequence default', "nextval('public.orders_id_seq'::regclass)", undefined],
  ['a regex check with backslashes', "email ~ '^[^@]+@[^@]+\\.[a-z]+$'", undefined],
  ['a ";" inside a string', "';'", undefined],
  ['a ";" inside a comment', '1 /* ; */', undefined],
  ['a dollar-quoted string', '$$a ) b$$', undefined],
  ['an ANY over an array', 'status = ANY (ARRAY[1, 2])', undefined],
  ['a scalar subquery', '(SELECT 1)', undefined],
  ['an E string with an escaped quote', "E'it\\'s'", undefined],
  ['a statement after the value', '1); DROP TABLE x; SELECT (1', 'closes nothing'],
  ['a COPY TO PROGRAM', "true) ; COPY (SELECT 1) TO PROGRAM 'touch /tmp/x' ; SELECT (1", 'closes nothing'],
  ['a bare ";"', "1; DROP TABLE x", 'holds a ";"'],
  ['a trailing -- comment', '1 --', 'ends in a -- comment'],
  ['a trailing -- comment and a newline', '1 -- why\n', 'ends in a -- comment'],
  ['parentheses that close the writer\'s', '1) + (2', 'closes nothing'],
  ['a second subcommand', 'true) NOT VALID, ADD CHECK (true', 'closes nothing'],
  ['an open parenthesis', 'lower((name)', 'leaves a "(" open'],
  ['an open bracket', 'a[1', 'leaves a "[" open'],
  ['a psql meta-command', '\\! touch /tmp/x', 'backslash command'],
  ['a psql command after a value', '1 \\gexec', 'backslash command'],
  ['a string that ends elsewhere without standard_conforming_strings', "'x\\' || '; DROP TABLE t; --'", 'standard_conforming_strings'],
  ['an unterminated string', "'abc", 'unterminated'],
  ['an unterminated comment', '1 /* abc', 'unterminated'],
  ['an alias', '1 AS x', 'not valid SQL'],
  ['a FROM clause', '1 FROM t', 'not valid SQL'],
  ['a UNION', '(1) UNION (SELECT 2)', 'not valid SQL'],
  ['two values', '1, 2', 'comma-separated list'],
  ['a row in its own parentheses', '(1, 2)', undefined],
  ['empty text', '  ', 'is empty'],
  ['a control character inside a string', "'a\u0001b'", undefined],
  ['a vertical tab inside a dollar-quoted string', '$$a\u000bb$$', undefined],
  ['a control character inside a quoted name', '"a\u0013b" > 0', undefined],
  ['a control character outside any string', '1 \u0001 2', 'not valid SQL'],
];

const VIEWS: Array<[string, string, string | undefined]> = [
  ['a SELECT as pg_get_viewdef prints it', ' SELECT a.id,\n    a.name\n   FROM a\n  ORDER BY a.id', undefined],
  ['VALUES', 'VALUES (1), (2)', undefined],
  ['WITH', 'WITH x AS (SELECT 1 AS a) SELECT a FROM x', undefined],
  ['a UNION', 'SELECT 1 UNION ALL SELECT 2', undefined],
  ['a second statement', 'SELECT 1; CREATE ROLE evil', 'holds a ";"'],
  ['a trailing comment', 'SELECT 1 -- swallows the ;', 'ends in a -- comment'],
  ['unbalanced parentheses', 'SELECT 1) x, (SELECT 2', 'closes nothing'],
  ['not a query', 'DELETE FROM t', 'not one SELECT'],
  ['SELECT INTO', 'SELECT 1 INTO t', 'SELECT INTO'],
];

const BOUNDS: Array<[string, string, string | undefined]> = [
  ['a range', "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')", undefined],
  ['a list', "FOR VALUES IN ('a', 'b')", undefined],
  ['a hash', 'FOR VALUES WITH (modulus 4, remainder 1)', undefined],
  ['the default partition', 'DEFAULT', undefined],
  ['a bound and a partitioning', 'FOR VALUES IN (1) PARTITION BY LIST (a)', 'not one partition bound'],
  ['a bound and a statement', 'DEFAULT; DROP TABLE x', 'holds a ";"'],
  ['an expression', '1 + 1', 'not one partition bound'],
];

const KEYS: Array<[string, string, string | undefined]> = [
  ['a column', 'payment_date', undefined],
  ['expressions and columns', 'lower(name), id', undefined],
  ['a collation and an operator class', 'name COLLATE "C" text_pattern_ops', undefined],
  ['an escape into storage options', 'a) WITH (fillfactor=1', 'closes nothing'],
];

const TYPES: Array<[string, ColumnType, string | undefined]> = [
  ['character varying(20)', { name: 'character varying', args: [20] }, 'character varying(20)'],
  ['timestamp with time zone[]', { name: 'timestamp with time zone', arrayDims: 1 }, 'timestamp with time zone[]'],
  ['timestamp(3) without time zone', { name: 'timestamp without time zone', args: [3] }, 'timestamp(3) without time zone'],
  ['double precision', { name: 'double precision' }, 'double precision'],
  ['interval day to second(3)', { name: 'interval day to second', args: [3] }, 'interval day to second(3)'],
  ['"char" (the one-byte type)', { name: '"char"' }, '"char"'],
  ['integer', { name: 'integer' }, 'integer'],
  ['a user type named like a keyword', { name: 'user' }, '"user"'],
  ['a user type with spaces', { name: 'text primary key' }, '"text primary key"'],
  ['a qualified type', { name: 'My Type', schema: 'app' }, 'app."My Type"'],
];

describe('one expression', () => {
  it.each(EXPRESSIONS)('%s', (_case, text, problem) => {
    if (problem === undefined) expect(expressionProblem(text)).toBeUndefined();
    else expect(expressionProblem(text)).toContain(problem);
  });
});

describe('one view query', () => {
  it.each(VIEWS)('%s', (_case, text, problem) => {
    if (problem === undefined) expect(viewQueryProblem(text)).toBeUndefined();
    else expect(viewQueryProblem(text)).toContain(problem);
  });
});

describe('one partition bound, one partition key list', () => {
  it.each(BOUNDS)('bound: %s', (_case, text, problem) => {
    if (problem === undefined) expect(partitionBoundProblem(text)).toBeUndefined();
    else expect(partitionBoundProblem(text)).toContain(problem);
  });
  it.each(KEYS)('key: %s', (_case, text, problem) => {
    if (problem === undefined) expect(partitionKeyProblem(text)).toBeUndefined();
    else expect(partitionKeyProblem(text)).toContain(problem);
  });
});

describe('type names are identifiers, never raw SQL', () => {
  it.each(TYPES)('%s is written %s and is one type', (_case, type, written) => {
    expect(formatType(type)).toBe(written);
    expect(typeProblem(type)).toBeUndefined();
  });

  it('refuses a name that carries its own quotes (the injected type), and would write it as one identifier anyway', () => {
    const type = { name: `"text"); COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'; CREATE TABLE t2 (id int, "x" int` };
    expect(typeProblem(type)).toContain('double quote');
    expect(formatType(type)).toBe(`"""text""); COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'; CREATE TABLE t2 (id int, ""x"" int"`);
  });
});

describe('names and storage parameters', () => {
  it.each([
    ['"C"', undefined], ['pg_catalog."default"', undefined], ['en_US', undefined], ['text_pattern_ops', undefined],
    ['"C" ; DROP TABLE x', 'not a name'], ['a b', 'not a name'], ['x)', 'not a name'],
  ])('name %s', (text, problem) => {
    if (problem === undefined) expect(nameProblem(text)).toBeUndefined();
    else expect(nameProblem(text)).toContain(problem);
  });

  it.each([['gist', undefined], ['btree', undefined], ['gist (a); DROP TABLE x; --', 'not an access method']])('method %s', (text, problem) => {
    if (problem === undefined) expect(methodProblem(text)).toBeUndefined();
    else expect(methodProblem(text)).toContain(problem);
  });

  it('accepts words and numbers, refuses SQL in keys and values', () => {
    expect(storageProblems({ fillfactor: '70', 'toast.autovacuum_enabled': 'false', check_option: 'local', threshold: '-1' })).toEqual([]);
    expect(storageProblems({ 'fillfactor=1) ; DROP TABLE x; --': '1', fillfactor: "70'); DROP TABLE x; --" })).toEqual([
      { key: 'fillfactor=1) ; DROP TABLE x; --', message: 'is not a storage parameter name' },
      { key: 'fillfactor', message: 'is not a storage parameter value (a word or a number)' },
    ]);
  });
});
