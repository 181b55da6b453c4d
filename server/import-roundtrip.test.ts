/**
 * Corpus round trip of the SQL import: every PostgreSQL schema in ../shared/schemas imported with
 * `importSql`, regenerated with `generatePostgres` and loaded into an empty database must give the
 * same catalog as the file loaded with psql. Each run uses two throwaway databases.
 */
import { describe, expect, it } from 'vitest';
import { importRoundTrip } from './testing/import-round-trip.ts';
import { requirePostgres } from './testing/throwaway-db.ts';

/** Every PostgreSQL schema of the corpus (sakila_mysql is MySQL). lago needs postgresql-15-partman. */
const CORPUS = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];

describe('SQL import corpus round trip (PostgreSQL 15)', () => {
  it.each(CORPUS)('%s: import → generatePostgres → load gives the catalog psql gives', async (schema) => {
    await requirePostgres();
    const result = await importRoundTrip(schema);
    expect(result.loadError).toBeUndefined();
    expect(result.differences).toEqual([]);
    expect(result.model.tables.length).toBeGreaterThan(0);
  }, 300_000);
});
