import { beforeAll, describe, expect, it } from 'vitest';
import { keepArrayLevelCasts, loadViewParser, mayHaveUnnamedTargets, nameUnnamedTargets } from './reparse-safe.ts';

beforeAll(() => loadViewParser());

describe('keepArrayLevelCasts', () => {
  it.each([
    ['a varchar IN list', "((e)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
      "((e)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::character varying[]::text[]))"],
    ['integers cast to bigint[]', '(n = ANY ((ARRAY[1, -2])::bigint[]))', '(n = ANY ((ARRAY[1, -2])::integer[]::bigint[]))'],
    ['two arrays in one text', "(a = ANY ((ARRAY['x'::bpchar])::text[])) AND (b = ANY ((ARRAY['y'::bpchar])::text[]))",
      "(a = ANY ((ARRAY['x'::bpchar])::bpchar[]::text[])) AND (b = ANY ((ARRAY['y'::bpchar])::bpchar[]::text[]))"],
    ['quotes doubled inside a literal', "(e = ANY ((ARRAY['it''s'::character varying])::text[]))",
      "(e = ANY ((ARRAY['it''s'::character varying])::character varying[]::text[]))"],
  ])('%s', (_label, printed, safe) => {
    expect(keepArrayLevelCasts(printed)).toBe(safe);
  });

  it.each([
    ['elements of different types', "(e = ANY ((ARRAY['a'::character varying, 'b'::text])::text[]))"],
    ['elements that are not literals', '(e = ANY ((ARRAY[a, b])::text[]))'],
    ['no array at all', "((price > (0)::numeric) AND (note <> ''::text))"],
    ['no array-level cast', "(e = ANY (ARRAY['a'::text, 'b'::text]))"],
    ['a cast to the elements\' own type', "(e = ANY ((ARRAY['a'::text])::text[]))"],
    ['the pattern inside a string literal', "(note = '(ARRAY[''a''::character varying])::text[]')"],
    ['an identifier that looks like it', '("(ARRAY[1])::text[]" IS NULL)'],
  ])('leaves %s alone', (_label, text) => {
    expect(keepArrayLevelCasts(text)).toBe(text);
  });
});

describe('nameUnnamedTargets', () => {
  it.each([
    ['a NULL in a UNION branch',
      ' SELECT u.a,\n    u.b\n   FROM u\nUNION ALL\n SELECT u.a,\n    NULL::integer\n   FROM u;',
      ' SELECT u.a,\n    u.b\n   FROM u\nUNION ALL\n SELECT u.a,\n    NULL::integer AS "?column?"\n   FROM u;'],
    ['a function call followed by more targets', ' SELECT 1 AS x, 2 AS y\nUNION\n SELECT lower(\'É\'::text),\n    2', ' SELECT 1 AS x, 2 AS y\nUNION\n SELECT lower(\'É\'::text) AS "?column?",\n    2 AS "?column?"'],
    ['a target ending the branch before a parenthesis', ' SELECT q.a FROM ( SELECT 1 AS a UNION SELECT (1 + 2)) q',
      ' SELECT q.a FROM ( SELECT 1 AS a UNION SELECT (1 + 2) AS "?column?") q'],
  ])('%s', (_label, printed, safe) => {
    expect(nameUnnamedTargets(printed)).toBe(safe);
  });

  it.each([
    ['named and column targets', ' SELECT t.a,\n    t.b AS c,\n    (t.a + 1) AS d\n   FROM t;'],
  ])('leaves %s alone', (_label, text) => {
    expect(nameUnnamedTargets(text)).toBe(text);
  });
});

describe('mayHaveUnnamedTargets (which view bodies are parsed at all)', () => {
  it.each([
    [' SELECT t.a\n   FROM t\nUNION ALL\n SELECT NULL::integer\n   FROM u;', true],
    [' SELECT t.a FROM t\nINTERSECT\n SELECT u.a FROM u;', true],
    [' SELECT t.a FROM t\nexcept\n SELECT u.a FROM u;', true],
    [' SELECT t.a,\n    NULL::integer AS b\n   FROM t;', false],
    [' SELECT t.reunion_id FROM t;', false],
  ])('%j → %s', (text, expected) => {
    expect(mayHaveUnnamedTargets(text)).toBe(expected);
  });
});
