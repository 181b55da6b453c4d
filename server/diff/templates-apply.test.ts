/**
 * Every template and the every-feature model, as drawn: canonicalized, planned from an empty
 * database, applied, and planned again (must be empty). Catches a CREATE the planner and the DDL
 * generator write differently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureModel } from '../../shared/ddl/__fixtures__/feature-model.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import type { Model } from '../../shared/model/document.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { resetDatabase } from '../acceptance/harness.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { canonicalModel } from './canonical.ts';

const MODELS: Array<[string, () => Model]> = [...templates.map((t): [string, () => Model] => [t.name, () => t.build().model]), ['every-feature', featureModel]];

describe('templates applied through the planner on PostgreSQL', () => {
  let db: ThrowawayDb;
  let client: SqlClient;
  beforeAll(async () => {
    db = await createThrowawayDb('templates_apply');
    client = await openSqlClient(db.url);
  });
  afterAll(async () => {
    await client?.close();
    await db?.drop();
  });

  it.each(MODELS)('%s', async (_name, build) => {
    await resetDatabase(client);
    const model = await canonicalModel({ shadowUrl: db.url, model: build() });
    const plan = planBetween(matchToBaseline(await introspect(client), model), model);
    await client.transaction(async (tx) => {
      for (const step of plan.steps) await tx.exec(step.sql);
    });
    expect(plan.steps.length).toBeGreaterThan(0);
    const again = planBetween(matchToBaseline(await introspect(client), model), model);
    expect(again.steps.map((s) => s.sql)).toEqual([]);
  }, 120_000);
});
