/**
 * The live-migration use case against a real PostgreSQL 15 target: what one reviewed plan and its
 * apply cost. Before the use case had one home, a plan and its apply loaded the model into a shadow
 * twice (once per request) and read the live schema four times (the plan, the apply's re-plan, the
 * hash under the lock, the verification). Now the apply reuses the plan's canonical model and plans
 * from the one read under the lock: one shadow build, three reads; a changed database still gets 409.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SchemaChanged } from '../db/apply.ts';
import { BUILT_IN_TIMEOUTS } from '../db/timeouts.ts';
import { ModelDoesNotLoad } from '../diff/shadow-load.ts';
import { introspect } from '../introspect/introspect.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';
import { liveCost, resetLiveCost } from './cost.ts';
import { liveMigrations, type LiveMigrations } from './migration.ts';

const { db, targets: service } = useTestStudio({ purpose: 'live_cost' });
let live: LiveMigrations;
let id: string;

beforeAll(async () => {
  id = (await service.add({ name: 'cost', url: db.url })).id;
  await (await service.client(id)).exec('CREATE TABLE author (id int PRIMARY KEY, name text)');
  live = liveMigrations({ targets: service, timeouts: BUILT_IN_TIMEOUTS });
});

describe('one reviewed plan and its apply', () => {
  it('load the model into a shadow once and read the live schema three times (was: twice and four times)', async () => {
    const model = await introspect(await service.client(id));
    model.tables[0].columns.push({ id: 'col_born', name: 'born', type: { name: 'integer' }, notNull: false });
    resetLiveCost();
    const plan = await live.plan(id, model);
    expect(liveCost).toEqual({ shadowBuilds: 1, introspections: 1 });
    const result = await live.apply(id, model, { hash: plan.hash, acceptedHazards: plan.hazards });
    expect(result).toMatchObject({ status: 'applied', verified: true });
    expect(result.steps.map((s) => s.sql)).toEqual(plan.steps.map((s) => s.sql));
    // The apply: one read under the lock (plan and hash), one to verify after commit.
    expect(liveCost).toEqual({ shadowBuilds: 1, introspections: 3 });
  });

  it('still refuses a plan whose database changed, from the read under the lock', async () => {
    const model = await introspect(await service.client(id));
    const plan = await live.plan(id, { ...model, tables: [] });
    await (await service.client(id)).exec('CREATE TABLE sneaked_in (id int)');
    await expect(live.apply(id, { ...model, tables: [] }, { hash: plan.hash, acceptedHazards: plan.hazards })).rejects.toBeInstanceOf(SchemaChanged);
    expect((await service.journal.list(id))[0]).toMatchObject({ status: 'refused', error: { kind: 'schema-changed' } });
  });

  it('journals a model that does not load as refused, with the one error class', async () => {
    const model = await introspect(await service.client(id));
    model.tables[0].checks.push({ id: 'ck_bad', name: 'bad', expression: 'no_such_column > 0' });
    await expect(live.apply(id, model, { hash: 'sha256:any', acceptedHazards: [] })).rejects.toBeInstanceOf(ModelDoesNotLoad);
    expect((await service.journal.list(id))[0]).toMatchObject({ status: 'refused', error: { kind: 'model-does-not-load' } });
  });
});
