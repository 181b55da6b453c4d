/**
 * The acceptance loop on PostgreSQL (see harness.ts): every case in cases/ is applied to a real
 * database and must end with the catalog of `after.sql`, an empty second plan and its rows kept.
 */
import { describe, expect, it } from 'vitest';
import { expectCaseHolds, loadCases, runCase } from './harness.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const cases = await loadCases();

describe('acceptance on PostgreSQL', () => {
  const { client } = useThrowawayDatabase('acceptance');

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', async (c) => {
    expectCaseHolds(await runCase(client, c));
  });
});
