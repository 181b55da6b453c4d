/**
 * The import round trip of a corpus schema: the file loaded with psql into one throwaway database;
 * the file imported with `importSql`, the model turned back into DDL by `generatePostgres` and
 * loaded into a second one; both catalogs compared with `catalogSnapshot` (which shares no code
 * with the importer).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePostgres } from '../../shared/ddl/generate.ts';
import type { Model } from '../../shared/model/document.ts';
import { importSql, type ImportReport } from '../../shared/io/sql-import.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { catalogSnapshot } from './catalog-snapshot.ts';
import { compareSnapshots, CORPUS_DIR, psqlFile, type CatalogDifference } from './round-trip.ts';
import { createThrowawayDb } from './throwaway-db.ts';

export interface ImportRoundTripResult {
  schema: string;
  model: Model;
  report: ImportReport;
  ddl: string;
  differences: CatalogDifference[];
  /** Set when the generated DDL did not load. */
  loadError?: string;
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
  const result: ImportRoundTripResult = { schema, model, report, ddl, differences: [] };
  try {
    const generated = join(dir, `${schema}.sql`);
    await writeFile(generated, ddl);
    await psqlFile(original.url, file);
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
