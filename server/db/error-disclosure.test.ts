import { describe, expect, it } from 'vitest';
import { applySteps, StepFailed } from './apply.ts';
import { disclosedHint, disclosedMessage, raisedByUserCode, type PgErrorFields } from './error-disclosure.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const WITHHELD = /^the step raised an exception \(SQLSTATE (\w{5})\); its message is not shown/;

describe('disclosedMessage', () => {
  it.each<[string, PgErrorFields, string | undefined, string | RegExp]>([
    ['a RAISE: replaced whatever it says', { code: 'P0001', message: 'root:x:0:0:root:/root:/bin/bash' }, 'DO $$ … $$;', WITHHELD],
    ['an ASSERT', { code: 'P0004', message: 'secret' }, undefined, WITHHELD],
    ['an error inside a function (it has a context), any SQLSTATE', { code: '42P01', message: 'relation "secret" does not exist', where: 'PL/pgSQL function f() line 3 at EXECUTE' }, 'SELECT f();', WITHHELD],
    ['PostgreSQL\'s own message naming the statement\'s objects', { code: '42P01', message: 'relation "public.nope" does not exist' }, 'SELECT * FROM public.nope;', 'relation "public.nope" does not exist'],
    ['a value read from a row or a file, quoted', { code: '22P02', message: 'invalid input syntax for type integer: "hunter2"' }, "ALTER TABLE t ALTER COLUMN v TYPE integer USING v::integer;", 'invalid input syntax for type integer: "…"'],
    ['a value with quotes inside: masked from the first quote to the last', { code: '22P02', message: 'invalid input syntax for type integer: "a"b"c"' }, 'SELECT a, c;', 'invalid input syntax for type integer: "…"'],
    ['a row cast to a name, JSON inside', { code: '42P01', message: 'relation "{"key": "hunter2"}" does not exist' }, 'SELECT v::regclass FROM t;', 'relation "…" does not exist'],
    ['a span that is only part of a word of the SQL', { code: '42P01', message: 'relation "hunter" does not exist' }, 'SELECT hunter2 FROM t;', 'relation "…" does not exist'],
    ['a quoted identifier of the SQL', { code: '42P01', message: 'relation "My t" does not exist' }, 'SELECT * FROM "My t";', 'relation "My t" does not exist'],
    ['a name in the middle, a value outside the SQL', { code: '22003', message: 'value "99999999999" is out of range for type integer' }, 'ALTER TABLE t ALTER v TYPE integer;', 'value "…" is out of range for type integer'],
    ['no SQL known: the message as PostgreSQL wrote it (names only it can know)', { code: '42P01', message: 'relation "x" does not exist' }, undefined, 'relation "x" does not exist'],
    ['no quotes at all', { code: '22012', message: 'division by zero' }, 'SELECT 1/0;', 'division by zero'],
  ])('%s', (_name, error, sql, expected) => {
    const shown = disclosedMessage(error, sql);
    if (typeof expected === 'string') expect(shown).toBe(expected);
    else expect(shown).toMatch(expected);
  });

  it('drops a hint user code chose, keeps PostgreSQL\'s', () => {
    expect(disclosedHint({ code: 'P0001', message: 'm', hint: 'secret' })).toBeUndefined();
    expect(disclosedHint({ code: '42883', message: 'm', hint: 'No function matches the given name and argument types.' }, 'SELECT lower(1);'))
      .toBe('No function matches the given name and argument types.');
    expect(raisedByUserCode({ code: '42601', message: 'm', where: '' })).toBe(false);
  });
});

describe('a failed step on PostgreSQL reads no data back to the user', () => {
  const { client } = useThrowawayDatabase('disclosure', {
    setup: (c) => c.exec("CREATE TABLE secrets (v text); INSERT INTO secrets VALUES ('hunter2');"),
  });

  const failureOf = async (sql: string) => {
    const error = await applySteps(client, { steps: [{ sql, hazards: [], phase: 'tables' }], acceptedHazards: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailed);
    return (error as StepFailed).failure;
  };

  it.each([
    ['a DO block raising a file\'s content', "DO $$ BEGIN RAISE EXCEPTION '%', pg_read_file('/etc/passwd'); END $$;", 'root:'],
    ['a DO block raising a row', "DO $$ BEGIN RAISE EXCEPTION 'got %', (SELECT v FROM secrets); END $$;", 'hunter2'],
    ['a cast of a file\'s content', "SELECT pg_read_file('/etc/passwd')::integer;", 'root:'],
    ['a cast of a row to a relation name', 'SELECT (SELECT v FROM secrets)::regclass;', 'hunter2'],
    ['a unique index over a row (its detail)', "CREATE UNIQUE INDEX s_u ON secrets ((1)); INSERT INTO secrets VALUES ('hunter2');", 'hunter2'],
  ])('%s', async (_name, sql, secret) => {
    const failure = await failureOf(sql);
    expect(failure.sqlstate).toMatch(/^[0-9A-Z]{5}$/);
    expect(JSON.stringify(failure).replace(sql, '')).not.toContain(secret);
  });

  it('keeps PostgreSQL\'s own message about the statement', async () => {
    const failure = await failureOf('ALTER TABLE secrets ADD COLUMN v text;');
    expect(failure).toMatchObject({ sqlstate: '42701', message: 'column "v" of relation "secrets" already exists' });
  });
});
