/**
 * The e-commerce template is exactly `../shared/seed/ecommerce.sql`: the seed goes into one
 * throwaway database, the template's generated DDL into another, and their catalogs must match
 * (tables, columns, types, defaults, constraint and index names and definitions, enums). The same
 * DDL must also load into PGlite (PostgreSQL 18 in WASM) and give the same schema there.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { withEffectiveNames } from '../shared/model/names.ts';
import { templates } from '../shared/model/templates/index.ts';
import { openSqlClient, type SqlClient } from './db/sql-client.ts';
import { catalogSnapshot, type CatalogSnapshot } from './testing/catalog-snapshot.ts';
import { createThrowawayDb, type ThrowawayDb } from './testing/throwaway-db.ts';

const SEED = new URL('../../shared/seed/ecommerce.sql', import.meta.url);
const template = templates.find((t) => t.name === 'ecommerce')!.build();
const ddl = generatePostgres(template.model);

async function loadInto(purpose: string, sql: string): Promise<{ db: ThrowawayDb; client: SqlClient }> {
  const db = await createThrowawayDb(purpose);
  const client = await openSqlClient(db.url);
  await client.exec(sql);
  return { db, client };
}

describe('e-commerce template DDL = seed/ecommerce.sql', () => {
  const opened: { db: ThrowawayDb; client: SqlClient }[] = [];
  let fromSeed: CatalogSnapshot;
  let fromTemplate: CatalogSnapshot;

  beforeAll(async () => {
    const seed = await loadInto('seed_ecommerce', readFileSync(SEED, 'utf8'));
    const template = await loadInto('template_ecommerce', ddl);
    opened.push(seed, template);
    fromSeed = await catalogSnapshot(seed.client);
    fromTemplate = await catalogSnapshot(template.client);
  });

  afterAll(async () => {
    for (const { db, client } of opened) {
      await client.close();
      await db.drop();
    }
  });

  it('builds the same tables, columns, constraints, indexes and enums', () => {
    expect(fromSeed.relations.map((r) => r.name)).toEqual(['addresses', 'categories', 'customers', 'order_items', 'orders', 'products']);
    // The model's effective names (names.ts) are PostgreSQL's own defaults for the seed's unnamed constraints.
    const model = withEffectiveNames(template.model);
    const modelNames = model.tables.flatMap((t) => [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys].map((c) => c?.name));
    expect(fromSeed.constraints.map((c) => c.name).sort()).toEqual(modelNames.sort());
    expect(fromSeed.indexes.map((x) => x.name)).toContain('addresses_one_default');
    expect(fromTemplate).toEqual(fromSeed);
  });

  it('loads into PGlite and gives the same columns, constraints, indexes and enums there', async () => {
    const pglite = await openSqlClient('pglite:memory:');
    try {
      await pglite.exec(ddl);
      const embedded = await catalogSnapshot(pglite);
      for (const part of ['relations', 'columns', 'constraints', 'indexes', 'enums'] as const) {
        expect(embedded[part], part).toEqual(fromSeed[part]);
      }
    } finally {
      await pglite.close();
    }
  });
});
