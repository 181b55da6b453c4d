/** Statements that name no object (DO blocks, unknown statements) get ids from their text, not their line. */
import { beforeAll, describe, expect, it } from 'vitest';
import { planBetween } from '../../diff/plan.ts';
import { emptyModel } from '../../model/empty.ts';
import { loadSqlParser } from '../parser.ts';
import { model } from './test-kit.ts';

beforeAll(() => loadSqlParser());

const TABLE = 'CREATE TABLE a (id int);';
const DO_FUNCTION = 'DO $$ BEGIN CREATE FUNCTION public.f1() RETURNS int LANGUAGE sql AS $b$ SELECT 1 $b$; END $$;';
const DO_NOTICE = "DO $$ BEGIN RAISE NOTICE 'hi'; END $$;";
const rawIds = (sql: string) => model(sql).rawObjects.map((r) => r.id);

describe('ids of statements that name no object', () => {
  it.each([
    ['blank lines above', `${TABLE}\n${DO_FUNCTION}`, `\n\n\n${TABLE}\n${DO_FUNCTION}`],
    ['other statements above', `${TABLE}\n${DO_NOTICE}`, `${TABLE}\nCREATE TABLE b (x int);\n\n${DO_NOTICE}`],
    ['blanks inside the statement', DO_NOTICE, "DO  $$ BEGIN RAISE NOTICE 'hi'; END $$\n;"],
    ['an unknown statement moved down', 'CREATE TABLESPACE ts LOCATION \'/tmp\';', "-- moved\n\nCREATE TABLESPACE ts LOCATION '/tmp';"],
  ])('stay the same with %s', (_title, a, b) => {
    expect(rawIds(b)).toEqual(rawIds(a));
  });

  it.each([
    ['a different body', DO_NOTICE, "DO $$ BEGIN RAISE NOTICE 'bye'; END $$;"],
    ['another search_path', DO_NOTICE, `CREATE SCHEMA s; SET search_path = s; ${DO_NOTICE}`],
  ])('change with %s', (_title, a, b) => {
    expect(rawIds(b)).not.toEqual(rawIds(a));
  });

  it('are short hashes, and a repeated statement gets its own', () => {
    expect(rawIds(`${DO_NOTICE} ${DO_NOTICE}`)).toEqual([expect.stringMatching(/^raw:other:\.DO@[0-9a-f]{8}$/), expect.stringMatching(/^raw:other:\.DO@[0-9a-f]{8}\.2$/)]);
  });
});

describe('plans with DO blocks', () => {
  it('the same file with lines added above plans nothing', () => {
    expect(planBetween(model(`${TABLE}\n${DO_FUNCTION}`), model(`\n\n\n${TABLE}\n${DO_FUNCTION}`)).steps).toEqual([]);
  });

  it.each([['that creates functions', DO_FUNCTION], ['that creates nothing', DO_NOTICE]])('removing a DO block %s drops nothing', (_title, sql) => {
    const steps = planBetween(model(`${TABLE}\n${sql}`), model(TABLE)).steps;
    expect(steps).toEqual([]);
  });

  it('adding one runs it', () => {
    expect(planBetween(emptyModel(), model(DO_NOTICE)).steps.map((s) => s.sql)).toEqual([DO_NOTICE]);
  });
});
