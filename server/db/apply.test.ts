import { describe, expect, it } from 'vitest';
import type { Step } from '../../shared/diff/types.ts';
import { schemaHash } from '../introspect/hash.ts';
import { introspect } from '../introspect/introspect.ts';
import { catalogSnapshot } from '../testing/catalog-snapshot.ts';
import { useThrowawayDatabase, type ThrowawayEngine } from '../testing/throwaway-fixture.ts';
import { applySteps, describeFailure, HazardsNotAccepted, SchemaChanged, StepFailed } from './apply.ts';
import { BUILT_IN_TIMEOUTS, timeoutDefaults } from './timeouts.ts';

const step = (sql: string, hazards: Step['hazards'] = []): Step => ({ sql, hazards, phase: 'tables' });

function describeOn(name: string, on: ThrowawayEngine) {
  describe(`apply on ${name}`, () => {
    const { client } = useThrowawayDatabase('apply', {
      on,
      setup: (c) => c.exec(`CREATE TABLE keep (id int PRIMARY KEY, v text); INSERT INTO keep VALUES (1, 'one'), (2, 'two');
        CREATE TABLE log (who text, what text, at timestamptz DEFAULT clock_timestamp());`),
    });

    it('runs every step and commits', async () => {
      const outcome = await applySteps(client, {
        steps: [step('CREATE TABLE added (id int);'), step('ALTER TABLE keep ADD COLUMN note text;')], acceptedHazards: [],
      });
      expect(outcome.stepsRun).toBe(2);
      const tables = (await introspect(client)).tables.map((t) => t.name).sort();
      expect(tables).toEqual(['added', 'keep', 'log']);
    });

    it('rolls back everything when a step fails midway, and reports step, message and SQLSTATE, never the detail (it quotes rows)', async () => {
      const before = await catalogSnapshot(client);
      const error = await applySteps(client, {
        steps: [
          step('CREATE TABLE half (id int);'),
          step("UPDATE keep SET v = 'changed';"),
          step('ALTER TABLE keep ADD CONSTRAINT keep_v_unique UNIQUE (v);'),
          step('CREATE TABLE never (id int);'),
        ],
        acceptedHazards: [],
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StepFailed);
      const failure = (error as StepFailed).failure;
      expect(failure).toMatchObject({ stepIndex: 2, sqlstate: '23505', sql: 'ALTER TABLE keep ADD CONSTRAINT keep_v_unique UNIQUE (v);' });
      expect(failure.message).toMatch(/could not create unique index "keep_v_unique"/);
      expect(failure.detail).toBeUndefined();
      expect(JSON.stringify(failure)).not.toContain('changed');
      expect(await catalogSnapshot(client)).toEqual(before);
      expect(await client.query('SELECT v FROM keep ORDER BY id')).toEqual([{ v: 'one' }, { v: 'two' }]);
    });

    it('reads string literals with standard quoting even where the session says otherwise', async () => {
      await client.exec("CREATE TABLE quoting (v text); SET standard_conforming_strings = off");
      try {
        await applySteps(client, { steps: [step("INSERT INTO quoting VALUES ('a\\' || 'b');")], acceptedHazards: [] });
      } finally {
        await client.exec('RESET standard_conforming_strings');
      }
      expect(await client.query('SELECT v FROM quoting')).toEqual([{ v: 'a\\b' }]);
    });

    it('reports PostgreSQL hints', async () => {
      const error = await applySteps(client, { steps: [step('SELECT * FROM keep WHERE id = 1 GROUP BY v;')], acceptedHazards: [] }).catch((e: unknown) => e);
      expect((error as StepFailed).failure.sqlstate).toBe('42803');
      const hinted = await applySteps(client, { steps: [step('SELECT lower(1);')], acceptedHazards: [] }).catch((e: unknown) => e);
      expect((hinted as StepFailed).failure.hint).toMatch(/No function matches/);
    });

    it('refuses a plan with hazards not accepted, before running anything', async () => {
      const steps = [step('CREATE TABLE hazard_a (id int);'), step('DROP TABLE keep;', [{ kind: 'deletes-data', message: 'drops table keep' }])];
      const error = await applySteps(client, { steps, acceptedHazards: ['locks-table'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HazardsNotAccepted);
      expect((error as HazardsNotAccepted).hazards).toEqual(['deletes-data']);
      expect((await introspect(client)).tables.some((t) => t.name === 'hazard_a')).toBe(false);
    });

    it('refuses when the database changed since the plan was made', async () => {
      const planned = schemaHash(await introspect(client));
      await client.exec('CREATE TABLE someone_else (id int);');
      const error = await applySteps(client, { steps: [step('CREATE TABLE mine (id int);')], acceptedHazards: [], expectedHash: planned }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaChanged);
      expect((await introspect(client)).tables.some((t) => t.name === 'mine')).toBe(false);
      const fresh = schemaHash(await introspect(client));
      await applySteps(client, { steps: [step('CREATE TABLE mine (id int);')], acceptedHazards: [], expectedHash: fresh });
      expect((await introspect(client)).tables.some((t) => t.name === 'mine')).toBe(true);
    });

    it('dry run executes the steps and changes nothing', async () => {
      const before = await catalogSnapshot(client);
      const outcome = await applySteps(client, { steps: [step('CREATE TABLE dry (id int);'), step('DROP TABLE added;')], acceptedHazards: [], dryRun: true });
      expect(outcome).toMatchObject({ stepsRun: 2, dryRun: true });
      expect(await catalogSnapshot(client)).toEqual(before);
      const failing = await applySteps(client, { steps: [step('DROP TABLE nope;')], acceptedHazards: [], dryRun: true }).catch((e: unknown) => e);
      expect((failing as StepFailed).failure.message).toBe('table "nope" does not exist');
    });

    it('serializes two applies on the same database', async () => {
      const steps = (who: string) => [
        step(`INSERT INTO log (who, what) VALUES ('${who}', 'start');`),
        step('SELECT pg_sleep(0.4);'),
        step(`INSERT INTO log (who, what) VALUES ('${who}', 'end');`),
      ];
      await Promise.all([applySteps(client, { steps: steps('a'), acceptedHazards: [] }), applySteps(client, { steps: steps('b'), acceptedHazards: [] })]);
      const rows = await client.query<{ who: string; what: string }>('SELECT who, what FROM log ORDER BY at');
      const sequence = rows.map((r) => `${r.who}:${r.what}`);
      expect([['a:start', 'a:end', 'b:start', 'b:end'], ['b:start', 'b:end', 'a:start', 'a:end']]).toContainEqual(sequence);
    });

    it('of two applies planned from the same schema, the second is refused once the first changed it', async () => {
      const planned = schemaHash(await introspect(client));
      const results = await Promise.allSettled([
        applySteps(client, { steps: [step('CREATE TABLE race_a (id int);'), step('SELECT pg_sleep(0.3);')], acceptedHazards: [], expectedHash: planned }),
        applySteps(client, { steps: [step('CREATE TABLE race_b (id int);'), step('SELECT pg_sleep(0.3);')], acceptedHazards: [], expectedHash: planned }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(SchemaChanged);
      const names = (await introspect(client)).tables.map((t) => t.name);
      expect(names.filter((n) => n.startsWith('race_'))).toHaveLength(1);
    });
  });
}

describeOn('PostgreSQL 15', 'postgres');

// PGlite has one backend: its own mutex serializes transactions, which the same tests prove.
describeOn('PGlite', 'pglite-memory');

describe('describeFailure: one line for a failed step', () => {
  it.each([
    [{ stepIndex: 0, sql: 's', message: 'relation "t" does not exist', sqlstate: '42P01' }, 'step 1: relation "t" does not exist — SQLSTATE 42P01'],
    [{ stepIndex: 2, sql: 's', message: 'boom' }, 'step 3: boom'],
    [{ stepIndex: 1, sql: 's', message: 'column "n" cannot be cast automatically to type integer', sqlstate: '42804', hint: 'You might need to specify "USING n::integer".' },
      'step 2: column "n" cannot be cast automatically to type integer — hint: You might need to specify "USING n::integer". SQLSTATE 42804'],
    [{ stepIndex: 0, sql: 's', message: 'could not create\nunique index', detail: 'Key (a)=(1)\n is duplicated.', hint: 'h' },
      'step 1: could not create unique index — detail: Key (a)=(1) is duplicated. hint: h'],
  ])('%j → %s', (failure, line) => {
    expect(describeFailure(failure)).toBe(line);
  });
});

describe('timeoutDefaults: the environment gives the defaults', () => {
  it.each([
    [{}, BUILT_IN_TIMEOUTS],
    [{ SCHEMATA_LOCK_TIMEOUT_MS: '250' }, { ...BUILT_IN_TIMEOUTS, lockTimeoutMs: 250 }],
    [{ SCHEMATA_STATEMENT_TIMEOUT_MS: ' 0 ', SCHEMATA_LOCK_TIMEOUT_MS: '' }, { ...BUILT_IN_TIMEOUTS, statementTimeoutMs: 0 }],
  ])('%j', (env, expected) => {
    expect(timeoutDefaults(env)).toEqual(expected);
  });

  it.each([
    [{ SCHEMATA_LOCK_TIMEOUT_MS: '5s' }, /^SCHEMATA_LOCK_TIMEOUT_MS must be a whole number of milliseconds from 0 to 3600000 \(0: no timeout\), not "5s"$/],
    [{ SCHEMATA_STATEMENT_TIMEOUT_MS: '-1' }, /^SCHEMATA_STATEMENT_TIMEOUT_MS must be .*not "-1"$/],
    [{ SCHEMATA_LOCK_TIMEOUT_MS: '3600001' }, /^SCHEMATA_LOCK_TIMEOUT_MS must be/],
  ])('refuses %j', (env, message) => {
    expect(() => timeoutDefaults(env)).toThrow(message);
  });
});
