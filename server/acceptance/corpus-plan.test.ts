/**
 * The planner on real schemas (../shared/schemas): plan an empty database up to the corpus model,
 * apply, compare catalogs with the original (catalog-snapshot), plan again (empty); then plan back
 * down to an empty database and apply (every drop in a working order).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import { emptyModel } from '../../shared/model/empty.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { catalogSnapshot } from '../testing/catalog-snapshot.ts';
import { compareSnapshots, CORPUS_DIR, psqlFile } from '../testing/round-trip.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';

const SCHEMAS = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];

async function run(client: SqlClient, steps: { sql: string }[]): Promise<void> {
  await client.transaction(async (tx) => {
    for (const step of steps) await tx.exec(step.sql);
  });
}

describe.each(SCHEMAS)('corpus %s through the planner', (schema) => {
  let original: ThrowawayDb;
  let copy: ThrowawayDb;
  let a: SqlClient;
  let b: SqlClient;
  beforeAll(async () => {
    [original, copy] = await Promise.all([createThrowawayDb(`cp_${schema}_a`), createThrowawayDb(`cp_${schema}_b`)]);
    [a, b] = await Promise.all([openSqlClient(original.url), openSqlClient(copy.url)]);
    await psqlFile(original.url, join(CORPUS_DIR, schema, 'schema.sql'));
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([original?.drop(), copy?.drop()]);
  });

  it('plans up from empty, applies to the same catalog, replans to nothing, and plans back down', async () => {
    const model = await introspect(a);
    const up = planBetween(matchToBaseline(await introspect(b), model), model);
    await run(b, up.steps);
    expect(compareSnapshots(await catalogSnapshot(a), await catalogSnapshot(b))).toEqual([]);
    const live = matchToBaseline(await introspect(b), model);
    expect(planBetween(live, model).steps.map((s) => s.sql)).toEqual([]);

    const empty = matchToBaseline(emptyModel(), live);
    const down = planBetween(live, empty);
    expect(down.steps.some((s) => s.hazards.some((h) => h.kind === 'deletes-data'))).toBe(true);
    await run(b, down.steps);
    const after = await introspect(b);
    expect([after.tables.length, after.views.length, after.enums.length, after.rawObjects.length]).toEqual([0, 0, 0, 0]);
  }, 300_000);
});
