/**
 * The import round trip of a corpus schema: the file loaded with psql into one throwaway database;
 * the file imported with `importSql`, the model turned back into DDL by `generatePostgres` and
 * loaded into a second one; both catalogs compared with `catalogSnapshot` (which shares no code
 * with the importer). The first database is also introspected, to check both readers derive the same ids.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePostgres } from '../../shared/ddl/generate.ts';
import type { Model } from '../../shared/model/document.ts';
import { importSql, type ImportReport } from '../../shared/io/sql-import/import-sql.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { catalogSnapshot } from './catalog-snapshot.ts';
import { compareSnapshots, CORPUS_DIR, psqlFile, type CatalogDifference } from './round-trip.ts';
import { createThrowawayDb } from './throwaway-db.ts';

export interface ImportRoundTripResult {
  schema: string;
  model: Model;
  report: ImportReport;
  ddl: string;
  differences: CatalogDifference[];
  /** The model introspected from the psql-built database (unset when the run stopped before). */
  introspected?: Model;
  /** Ids of the imported model and of the model introspected from the psql-built database, where they differ. */
  ids: { onlyImported: string[]; onlyIntrospected: string[] };
  /** Set when the generated DDL did not load. */
  loadError?: string;
}

/** Every `id` in a model (objects, columns, constraints, indexes…). */
function idsOf(model: Model): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && typeof inner === 'string') ids.add(inner);
        else visit(inner);
      }
    }
  };
  visit(model);
  return ids;
}

/** Import and introspection must derive the same ids from the same schema. */
function compareIds(imported: Model, introspected: Model): ImportRoundTripResult['ids'] {
  const a = idsOf(imported);
  const b = idsOf(introspected);
  return { onlyImported: [...a].filter((id) => !b.has(id)).sort(), onlyIntrospected: [...b].filter((id) => !a.has(id)).sort() };
}

/** The round trip of a corpus schema (`../shared/schemas/<schema>/schema.sql`). */
export function importRoundTrip(schema: string): Promise<ImportRoundTripResult> {
  return importRoundTripFile(schema, join(CORPUS_DIR, schema, 'schema.sql'));
}

/** The round trip of SQL text (hand-written cases): written to a file first, so psql reads it as users do. */
export async function importRoundTripText(name: string, sql: string): Promise<ImportRoundTripResult> {
  const dir = await mkdtemp(join(tmpdir(), 'schemata-import-src-'));
  try {
    const file = join(dir, `${name}.sql`);
    await writeFile(file, sql);
    return await importRoundTripFile(name, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importRoundTripFile(schema: string, file: string): Promise<ImportRoundTripResult> {
  const { model, report } = await importSql(await readFile(file, 'utf8'));
  const ddl = generatePostgres(model);
  const original = await createThrowawayDb(`imp_${schema}_a`);
  const copy = await createThrowawayDb(`imp_${schema}_b`);
  const dir = await mkdtemp(join(tmpdir(), 'schemata-import-rt-'));
  const result: ImportRoundTripResult = { schema, model, report, ddl, differences: [], ids: { onlyImported: [], onlyIntrospected: [] } };
  try {
    const generated = join(dir, `${schema}.sql`);
    await writeFile(generated, ddl);
    await psqlFile(original.url, file);
    const live = await openSqlClient(original.url);
    try {
      result.introspected = await introspect(live);
      result.ids = compareIds(model, result.introspected);
    } finally {
      await live.close();
    }
    try {
      await psqlFile(copy.url, generated);
    } catch (error) {
      result.loadError = (error as Error).message;
      return result;
    }
    const a = await openSqlClient(original.url);
    const b = await openSqlClient(copy.url);
    try {
      result.differences = compareSnapshots(await catalogSnapshot(a), await catalogSnapshot(b));
    } finally {
      await a.close();
      await b.close();
    }
    return result;
  } finally {
    await Promise.all([original.drop(), copy.drop(), rm(dir, { recursive: true, force: true })]);
  }
}
