/**
 * A database's schema for tests that compare it before and after applies: the catalog snapshot
 * without the journal applies leave in `_schemata`, nor column numbers (a column dropped and added
 * again takes a new slot; the schema is the same).
 */
import type { SqlSession } from '../db/sql-client.ts';
import { catalogSnapshot } from './catalog-snapshot.ts';

export async function schemaWithoutJournal(db: Pick<SqlSession, 'query'>): Promise<Record<string, Record<string, unknown>[]>> {
  return Object.fromEntries(Object.entries(await catalogSnapshot(db))
    .map(([kind, rows]) => [kind, rows.filter((row) => !JSON.stringify(row).includes('_schemata')).map(({ num: _num, ...row }) => row)]));
}
