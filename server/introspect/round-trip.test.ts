/**
 * Corpus round trip on PostgreSQL 15: schema file → database → introspect → generatePostgres →
 * second database → same catalog (compared by `catalogSnapshot`, independent of the introspector).
 */
import { describe, expect, it } from 'vitest';
import { roundTrip } from '../testing/round-trip.ts';

/** Schemas whose round trip is exact. */
const EXACT = ['chinook', 'northwind', 'adventureworks'];

describe('corpus round trip (PostgreSQL 15)', () => {
  it.each(EXACT)('%s: the database built from the introspected model has the same catalog', async (schema) => {
    const result = await roundTrip(schema);
    expect(result.loadError).toBeUndefined();
    expect(result.differences).toEqual([]);
    expect(result.model.tables.length).toBeGreaterThan(0);
  }, 300_000);
});
