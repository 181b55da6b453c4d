/**
 * Corpus round trip on PostgreSQL 15: schema file → database → introspect → generatePostgres →
 * second database → same catalog (compared by `catalogSnapshot`, independent of the introspector).
 * lago needs Debian's postgresql-15-partman (installed by .ci/run).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgDumpRoundTrip, roundTrip } from '../testing/round-trip.ts';

/**
 * Every corpus schema, and `features.sql` (every object kind introspection reads): the round trip is
 * exact. musicbrainz holds the two kinds of text PostgreSQL prints but parses back differently (see
 * `reparse-safe.ts`); introspection rewrites them, where `pg_dump --schema-only` and restore keep
 * three differences, which the last test shows.
 */
const EXACT = [join(import.meta.dirname, '__fixtures__', 'features.sql'), 'chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];

describe('corpus round trip (PostgreSQL 15)', () => {
  it.each(EXACT)('%s: the database built from the introspected model has the same catalog', async (schema) => {
    const result = await roundTrip(schema);
    expect(result.loadError).toBeUndefined();
    expect(result.differences).toEqual([]);
    expect(result.model.tables.length).toBeGreaterThan(0);
  }, 900_000);

  it('musicbrainz: pg_dump --schema-only and restore differ where introspection does not', async () => {
    const parts = (await pgDumpRoundTrip('musicbrainz')).map((d) => [d.part, d.original.length, d.generated.length]);
    expect(parts).toEqual([['relations', 1, 1], ['constraints', 2, 2]]);
  }, 900_000);
});
