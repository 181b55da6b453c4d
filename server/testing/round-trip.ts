/**
 * The corpus round trip: load a schema file into a throwaway database with psql, introspect it,
 * generate DDL from the model, load that into a second empty database, and compare both catalogs
 * with `catalogSnapshot` (which does not share code with the introspector).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Model } from '../../shared/model/document.ts';
import { generatePostgres } from '../../shared/ddl/generate.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { catalogSnapshot, type CatalogSnapshot } from './catalog-snapshot.ts';
import { createThrowawayDb } from './throwaway-db.ts';

const run = promisify(execFile);
export const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'schemas');

/** Runs a SQL file with psql, stopping at the first error (whose message is thrown). */
export async function psqlFile(url: string, file: string): Promise<void> {
  try {
    await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`psql failed on ${file}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

export interface CatalogDifference {
  part: string;
  /** Rows only in the original database. */
  original: unknown[];
  /** Rows only in the database built from the generated DDL. */
  generated: unknown[];
}

/**
 * Column numbers count dropped columns too (`attisdropped`), which DDL cannot recreate: compare a
 * column's position among the live columns of its table instead.
 */
function withPositions(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const table = `${row.schema}.${row.table}`;
    const position = (seen.get(table) ?? 0) + 1;
    seen.set(table, position);
    return { ...row, num: position };
  });
}

/** Row-by-row difference of two snapshots (rows compared as JSON), per part. */
export function compareSnapshots(a: CatalogSnapshot, b: CatalogSnapshot): CatalogDifference[] {
  const out: CatalogDifference[] = [];
  for (const part of Object.keys(a) as (keyof CatalogSnapshot)[]) {
    const rows = (s: CatalogSnapshot) => (part === 'columns' ? withPositions(s[part]) : s[part]);
    const left = new Set(rows(a).map((r) => JSON.stringify(r)));
    const right = new Set(rows(b).map((r) => JSON.stringify(r)));
    const original = [...left].filter((r) => !right.has(r)).map((r) => JSON.parse(r));
    const generated = [...right].filter((r) => !left.has(r)).map((r) => JSON.parse(r));
    if (original.length || generated.length) out.push({ part, original, generated });
  }
  return out;
}

export interface RoundTripResult {
  schema: string;
  model: Model;
  ddl: string;
  introspectMs: number;
  differences: CatalogDifference[];
  /** Set when the generated DDL did not load. */
  loadError?: string;
}

/**
 * The same round trip through `pg_dump --schema-only` instead of Schemata: what PostgreSQL's own tool
 * cannot reproduce either (deparsed view and check text that parses back differently).
 */
export async function pgDumpRoundTrip(schema: string): Promise<CatalogDifference[]> {
  const original = await createThrowawayDb(`dump_${schema}_a`);
  const copy = await createThrowawayDb(`dump_${schema}_b`);
  const dir = await mkdtemp(join(tmpdir(), 'schemata-dump-'));
  try {
    await psqlFile(original.url, join(CORPUS_DIR, schema, 'schema.sql'));
    const file = join(dir, 'dump.sql');
    await run('pg_dump', ['--schema-only', '-f', file, '-d', original.url]);
    await psqlFile(copy.url, file);
    const [a, b] = await Promise.all([openSqlClient(original.url), openSqlClient(copy.url)]);
    try {
      return compareSnapshots(await catalogSnapshot(a), await catalogSnapshot(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } finally {
    await Promise.all([original.drop(), copy.drop(), rm(dir, { recursive: true, force: true })]);
  }
}

/**
 * `schema` names a corpus folder, or is a path to a `.sql` file; `adminUrl` picks the server
 * (Debian's PostgreSQL 15 by default, or a cluster of another major from `pg-majors.ts`).
 */
export async function roundTrip(schema: string, adminUrl?: string): Promise<RoundTripResult> {
  const label = schema.replace(/^.*\//, '').replace(/\.sql$/, '');
  const original = await createThrowawayDb(`rt_${label}_a`, adminUrl);
  const copy = await createThrowawayDb(`rt_${label}_b`, adminUrl);
  const dir = await mkdtemp(join(tmpdir(), 'schemata-rt-'));
  const a = await openSqlClient(original.url);
  const b = await openSqlClient(copy.url);
  try {
    await psqlFile(original.url, schema.endsWith('.sql') ? schema : join(CORPUS_DIR, schema, 'schema.sql'));
    const started = performance.now();
    const model = await introspect(a);
    const introspectMs = performance.now() - started;
    const ddl = generatePostgres(model);
    const file = join(dir, `${label}.sql`);
    await writeFile(file, ddl);
    const result: RoundTripResult = { schema, model, ddl, introspectMs, differences: [] };
    try {
      await psqlFile(copy.url, file);
    } catch (error) {
      result.loadError = (error as Error).message;
      return result;
    }
    result.differences = compareSnapshots(await catalogSnapshot(a), await catalogSnapshot(b));
    return result;
  } finally {
    await a.close();
    await b.close();
    await Promise.all([original.drop(), copy.drop(), rm(dir, { recursive: true, force: true })]);
  }
}
