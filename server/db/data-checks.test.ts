import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { DataCheck, DataCheckResult, LiveTable } from '../../shared/diff/data-checks.ts';
import type { Step } from '../../shared/diff/types.ts';
import { runDataChecks, type DataCheckOptions } from './data-checks.ts';
import { openSqlClient } from './sql-client.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const SETUP = `
CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
CREATE TABLE users (id int PRIMARY KEY, email text, age text, score bigint, mood mood, moods mood[], flag text);
INSERT INTO users VALUES
  (1, 'a@x', '12', 5, 'happy', '{happy}', 'yes'),
  (2, NULL, 'abc', 3000000000, 'sad', '{sad,meh}', 'maybe'),
  (3, 'a@x', ' 7 ', -1, 'meh', '{happy}', 'F'),
  (4, NULL, '99999999999', 8, 'happy', NULL, NULL);
CREATE TABLE posts (user_id int, title varchar(20));
INSERT INTO posts VALUES (1, 'hi'), (9, 'a long title'), (NULL, 'ok');
CREATE TABLE big (id int PRIMARY KEY, note text);
INSERT INTO big SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'n' END FROM generate_series(1, 2000) g;
CREATE SEQUENCE counter;
ANALYZE;`;

const USERS: LiveTable = { schema: 'public', name: 'users', key: ['id'] };
const POSTS: LiveTable = { schema: 'public', name: 'posts', key: [] };
const BIG: LiveTable = { schema: 'public', name: 'big', key: ['id'] };
const fails = (count: number, samples: string[]): DataCheckResult => ({ status: 'fails', count, samples });
const OK: DataCheckResult = { status: 'ok' };
const step = (checks: DataCheck[]): Step => ({ sql: 'SELECT 1;', hazards: [], phase: 'columns', checks });

/** Every check kind with rows that fail and rows that pass, on PostgreSQL 15 (no pg_input_is_valid). */
const CASES: Array<{ name: string; check: DataCheck; result: DataCheckResult }> = [
  { name: 'NULLs for SET NOT NULL', check: { kind: 'not-null', table: USERS, column: 'email' }, result: fails(2, ['id=2', 'id=4']) },
  { name: 'no NULL', check: { kind: 'not-null', table: USERS, column: 'score' }, result: OK },
  { name: 'duplicate groups for a new UNIQUE', check: { kind: 'unique', table: USERS, columns: ['email'] }, result: fails(1, ['email=a@x (2 rows)']) },
  { name: 'NULLs are not duplicates', check: { kind: 'unique', table: POSTS, columns: ['user_id'] }, result: OK },
  { name: 'NULLS NOT DISTINCT: NULLs are', check: { kind: 'unique', table: USERS, columns: ['email'], nullsNotDistinct: true }, result: fails(2, ['email=a@x (2 rows)', 'email=NULL (2 rows)']) },
  { name: 'CHECK under a renamed column', check: { kind: 'check', table: USERS, expression: 'points > 0', columns: [{ live: 'score', as: 'points' }] }, result: fails(1, ['id=3']) },
  { name: 'domain check reads VALUE', check: { kind: 'check', table: USERS, expression: 'VALUE < 10', columns: [{ live: 'score', as: 'value' }] }, result: fails(1, ['id=2']) },
  { name: 'FK orphans (NULL passes), named by ctid without a key', check: { kind: 'foreign-key', table: POSTS, columns: ['user_id'], refTable: { schema: 'public', name: 'users' }, refColumns: ['id'] }, result: fails(1, ['ctid=(0,2)']) },
  { name: "text -> integer: 'abc' and out of range", check: { kind: 'cast', table: USERS, column: 'age', fromType: { name: 'text' }, toType: { name: 'integer' } }, result: fails(2, ['id=2', 'id=4']) },
  { name: 'bigint -> integer out of range', check: { kind: 'cast', table: USERS, column: 'score', fromType: { name: 'bigint' }, toType: { name: 'integer' } }, result: fails(1, ['id=2']) },
  { name: 'text -> boolean', check: { kind: 'cast', table: USERS, column: 'flag', fromType: { name: 'text' }, toType: { name: 'boolean' } }, result: fails(1, ['id=2']) },
  { name: 'longer than varchar(5)', check: { kind: 'cast', table: POSTS, column: 'title', fromType: { name: 'character varying', args: [20] }, toType: { name: 'character varying', args: [5] } }, result: fails(1, ['ctid=(0,2)']) },
  { name: 'numeric(3,1) range', check: { kind: 'cast', table: USERS, column: 'score', fromType: { name: 'bigint' }, toType: { name: 'numeric', args: [3, 1] } }, result: fails(1, ['id=2']) },
  {
    name: 'text -> date cannot be told before PostgreSQL 16', check: { kind: 'cast', table: USERS, column: 'age', fromType: { name: 'text' }, toType: { name: 'date' } },
    result: { status: 'skipped', reason: 'PostgreSQL before 16 cannot test a conversion to date without running it' },
  },
  { name: 'rows of a removed enum value', check: { kind: 'enum-values', table: USERS, column: 'mood', values: ['sad'], array: false }, result: fails(1, ['id=2']) },
  { name: 'arrays holding a removed enum value', check: { kind: 'enum-values', table: USERS, column: 'moods', values: ['meh', 'gone'], array: true }, result: fails(1, ['id=2']) },
  { name: 'no value removed', check: { kind: 'enum-values', table: USERS, column: 'mood', values: [], array: false }, result: OK },
  { name: 'drop table: its rows', check: { kind: 'row-count', table: USERS, effect: 'deletes' }, result: fails(4, []) },
  { name: 'drop column: rows holding a value', check: { kind: 'row-count', table: USERS, column: 'email', effect: 'deletes' }, result: fails(2, []) },
  { name: 'unavailable says why', check: { kind: 'unavailable', reason: 'because' }, result: { status: 'skipped', reason: 'because' } },
  {
    name: 'the transaction is read only: a check that writes is skipped', check: { kind: 'check', table: USERS, expression: "nextval('counter') > 0", columns: [] },
    result: { status: 'skipped', reason: 'the check query failed: cannot execute nextval() in a read-only transaction' },
  },
];

const { db, client } = useThrowawayDatabase('data_checks', { setup: (c) => c.exec(SETUP) });

const runOne = async (check: DataCheck, options?: DataCheckOptions) => (await runDataChecks(client, [step([check])], options))[0].result;

describe('data checks against PostgreSQL 15', () => {
  it('all kinds in one read-only transaction, each with its step', async () => {
    const results = await runDataChecks(client, [step([]), ...CASES.map((c) => step([c.check]))]);
    expect(results.map((r) => r.step)).toEqual(CASES.map((_, i) => i + 1));
    // Duplicate groups come in no particular order.
    const sorted = (r: DataCheckResult) => ('samples' in r ? { ...r, samples: [...r.samples].sort() } : r);
    CASES.forEach((c, i) => expect({ name: c.name, result: sorted(results[i].result) }).toEqual({ name: c.name, result: sorted(c.result) }));
  });

  it('samples a table estimated above the bound, and estimates a huge drop', async () => {
    const options = { sampleAboveRows: 500, sampleRows: 400 };
    const nulls = await runOne({ kind: 'not-null', table: BIG, column: 'note' }, options);
    expect(nulls).toMatchObject({ status: 'sampled', estimatedRows: 2000 });
    const sampled = nulls as Extract<DataCheckResult, { status: 'sampled' }>;
    expect(sampled.sampledRows).toBeGreaterThan(0);
    expect(sampled.sampledRows).toBeLessThan(2000);
    expect(sampled.count).toBeLessThanOrEqual(sampled.sampledRows);
    expect(await runOne({ kind: 'row-count', table: BIG, effect: 'deletes' }, options)).toEqual({ status: 'sampled', count: 2000, samples: [], sampledRows: 0, estimatedRows: 2000 });
  });

  it('a locked table is skipped after the time limit, and the next check still runs', async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const results = await runDataChecks(client, [step([{ kind: 'not-null', table: USERS, column: 'email' }, { kind: 'not-null', table: POSTS, column: 'title' }])], { timeoutMs: 150 });
      expect(results.map((r) => r.result)).toEqual([{ status: 'skipped', reason: 'the table is locked by another session (waited 75 ms)' }, OK]);
    } finally {
      await holder.end();
    }
  });

  it('checks past the budget are skipped; a plan without checks runs no query', async () => {
    expect(await runOne({ kind: 'not-null', table: USERS, column: 'email' }, { budgetMs: -1 })).toEqual({ status: 'skipped', reason: 'the checks of this plan used up their -1 ms' });
    expect(await runDataChecks(client, [{ sql: 'SELECT 1;', hazards: [], phase: 'columns' }])).toEqual([]);
  });

  it('a target that cannot be read leaves every check skipped with why, never an error for the plan', async () => {
    const gone = await openSqlClient(db.url);
    await gone.close();
    const results = await runDataChecks(gone, [step([{ kind: 'not-null', table: USERS, column: 'email' }, { kind: 'row-count', table: USERS, effect: 'deletes' }])]);
    expect(results.map((r) => r.result.status)).toEqual(['skipped', 'skipped']);
    expect(results[0].result).toMatchObject({ reason: expect.stringMatching(/^the checks could not run: /) });
  });
});
