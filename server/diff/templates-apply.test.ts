/**
 * Every template and the every-feature model, as drawn: canonicalized, planned from an empty
 * database, applied, and planned again (must be empty). Catches a CREATE the planner and the DDL
 * generator write differently.
 */
import { describe, expect, it } from 'vitest';
import { featureModel } from '../../shared/ddl/__fixtures__/feature-model.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import type { Model } from '../../shared/model/document.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { resetDatabase } from '../acceptance/harness.ts';
import { introspect } from '../introspect/introspect.ts';
import { canonicalModel } from './canonical.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const MODELS: Array<[string, () => Model]> = [...templates.map((t): [string, () => Model] => [t.name, () => t.build().model]), ['every-feature', featureModel]];

describe('templates applied through the planner on PostgreSQL', () => {
  const { db, client } = useThrowawayDatabase('templates_apply');

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
