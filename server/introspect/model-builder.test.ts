import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/document.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';
import { runCatalogQueries, type CatalogQuery } from './catalog-query.ts';
import { INTROSPECTION_SETUP, introspect, introspectionQueries, serverVersion } from './introspect.ts';
import { modelBuilder } from './model-builder.ts';

const FEATURES = readFileSync(join(import.meta.dirname, '__fixtures__', 'features.sql'), 'utf8');

describe('modelBuilder (the model built as the catalog answers arrive)', () => {
  const { client } = useThrowawayDatabase('model_builder', { setup: (c) => c.exec(FEATURES) });
  let answers: Record<string, unknown[]>;
  let expected: Model;

  beforeAll(async () => {
    answers = await client.transaction(async (tx) => {
      await tx.exec(INTROSPECTION_SETUP);
      const queries = introspectionQueries({}, { version: await serverVersion(tx) });
      return runCatalogQueries(tx, queries as Record<string, CatalogQuery<unknown>>);
    }, { rollback: true });
    expected = await introspect(client);
  });

  /** The model of the answers delivered in this order (copies: the steps build on what they are given). */
  function deliver(order: string[]) {
    const builder = modelBuilder(names());
    for (const name of order) builder.arrived(name, structuredClone(answers[name]));
    return builder;
  }

  const names = () => Object.keys(answers);
  it.each([
    ['in the order the queries run', () => names()],
    ['in reverse', () => [...names()].reverse()],
    ['the columns last', () => [...names().filter((n) => n !== 'columns'), 'columns']],
    ['constraints and indexes before the tables and columns', () => ['constraints', 'indexes', ...names().filter((n) => !['constraints', 'indexes'].includes(n))]],
  ])('gives the same model whatever the order of the answers: %s', async (_label, order) => {
    expect(names().length).toBeGreaterThan(10);
    expect(expected.tables.length).toBeGreaterThan(3);
    expect(await deliver(order()).model()).toEqual(expected);
  });

  it('ignores an answer delivered again (a failed second connection read again on the first)', async () => {
    const builder = deliver(names());
    builder.arrived('tables', []);
    builder.arrived('constraints', []);
    expect(await builder.model()).toEqual(expected);
  });

  it('reports what a step threw, once the model is asked for', async () => {
    const builder = modelBuilder(names());
    const broken = (answers.constraints as Array<Record<string, unknown>>).map((row) => ({ ...row, columns: 'not a list' }));
    for (const name of names()) builder.arrived(name, name === 'constraints' ? broken : structuredClone(answers[name]));
    await expect(builder.model()).rejects.toThrow(TypeError);
  });

  it.each(['indexes', 'schemas'])('says which answer is missing when asked too early: %s', async (missing) => {
    await expect(deliver(names().filter((n) => n !== missing)).model()).rejects.toThrow(`introspection: no answer to "${missing}"`);
  });
});
