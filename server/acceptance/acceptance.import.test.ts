/**
 * The acceptance loop on PostgreSQL with the target as a user gets it: `after.sql` imported with the
 * SQL importer (text as written), then put in PostgreSQL's own spelling through a shadow database
 * (`canonicalModel`, what the studio's plan and apply do). Must end exactly where the introspected
 * target of acceptance.test.ts does.
 */
import { describe, it } from 'vitest';
import { importSql } from '../../shared/io/sql-import/import-sql.ts';
import { canonicalModel } from '../diff/canonical.ts';
import { expectCaseHolds, loadCases, runCase, type TargetOf } from './harness.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const cases = await loadCases();

describe('acceptance on PostgreSQL, target imported from after.sql', () => {
  const { db, client } = useThrowawayDatabase('acceptance_import');

  const imported: TargetOf = async ({ afterSql }) => canonicalModel({ shadowUrl: db.url, model: (await importSql(afterSql)).model });

  it.each(cases)('$name', async (c) => {
    expectCaseHolds(await runCase(client, c, imported));
  });
});
