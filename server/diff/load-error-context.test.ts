import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFailingStatement } from './load-error-context.ts';

let db: PGlite;
beforeAll(async () => { db = new PGlite(); });
afterAll(async () => { await db.close(); });

/** PostgreSQL's error for `sql`, run as one script in a transaction rolled back. */
async function errorOf(sql: string): Promise<Error & { position?: string }> {
  try {
    await db.exec(`BEGIN;\n${sql}`);
  } catch (error) {
    return error as Error & { position?: string };
  } finally {
    await db.exec('ROLLBACK');
  }
  throw new Error('the script ran');
}

describe('withFailingStatement: the statement a load error points into', () => {
  const cases: Array<{ name: string; sql: string; shown: string }> = [
    {
      name: 'a function an index calls that nothing defines',
      sql: 'CREATE TABLE public.artist (name text);\nCREATE INDEX artist_idx ON public.artist (lower(unaccent_name(name)));',
      shown: 'function unaccent_name(text) does not exist, in CREATE INDEX artist_idx ON public.artist (lower(unaccent_name(name)))',
    },
    {
      name: 'a check on a missing column, in a statement over several lines',
      sql: 'CREATE TABLE public.a (id integer);\nCREATE TABLE public.b (\n    id integer,\n    CHECK (missing > 0)\n);',
      shown: 'column "missing" does not exist, in CREATE TABLE public.b ( id integer, CHECK (missing > 0) )',
    },
    {
      name: 'characters outside the BMP before the cursor (PostgreSQL counts code points)',
      sql: "COMMENT ON SCHEMA public IS '🐘🐘🐘';\nCREATE VIEW public.v AS SELECT no_such_column;",
      shown: 'column "no_such_column" does not exist, in CREATE VIEW public.v AS SELECT no_such_column',
    },
    {
      name: 'a long statement: its opening, clipped',
      sql: `CREATE TABLE public.wide (${Array.from({ length: 30 }, (_, i) => `c${i} integer`).join(', ')}, CHECK (nope > 0));`,
      shown: `column "nope" does not exist, in CREATE TABLE public.wide (${Array.from({ length: 30 }, (_, i) => `c${i} integer`).join(', ')}`.slice(0, 99 + 'column "nope" does not exist, in '.length) + '…',
    },
  ];
  it.each(cases)('$name', async ({ sql, shown }) => {
    const error = await errorOf(sql);
    const full = `BEGIN;\n${sql}`;
    expect(await withFailingStatement(error.message, error, full)).toBe(shown);
  });

  it('leaves a message without a cursor as it is', async () => {
    const error = await errorOf('CREATE TABLE public.t (id integer);\nCREATE TABLE public.t (id integer);');
    expect(error.position).toBeUndefined();
    expect(await withFailingStatement(error.message, error, 'CREATE TABLE public.t (id integer);')).toBe('relation "t" already exists');
  });
});
