import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../parser.ts';
import { sameSqlMeaning } from './compare-sql.ts';

beforeAll(() => loadSqlParser());

describe('sameSqlMeaning', () => {
  it.each([
    ['parentheses PostgreSQL adds', '((a >= 0) AND (b IS NOT NULL))', 'a >= 0 AND b IS NOT NULL', 'expression', true],
    ['spacing and keyword case', "lower( name )  LIKE 'x%'", "LOWER(name) like 'x%'", 'expression', true],
    ["E'' and plain literals of the same string", "regexp_replace(n, 'a', E'\\\\1')", "regexp_replace(n, 'a', '\\1')", 'expression', true],
    ['a different constant', 'a >= 0', 'a >= 1', 'expression', false],
    ['an implicit cast PostgreSQL printed', "(name)::text <> ''::text", "name <> ''", 'expression', false],
    ['pg_get_viewdef layout against one line', 'SELECT c.name AS category,\n    sum(p.amount) AS total\n   FROM (public.payment p\n     JOIN public.category c ON ((p.id = c.id)))\n  GROUP BY c.name;',
      'SELECT c.name AS category, sum(p.amount) AS total FROM public.payment AS p JOIN public.category AS c ON p.id = c.id GROUP BY c.name', 'query', true],
    ['text that does not parse is compared as text', 'a >=', 'a >= ', 'expression', false],
  ] as const)('%s', (_title, a, b, kind, expected) => {
    expect(sameSqlMeaning(a, b, kind)).toBe(expected);
  });
});
