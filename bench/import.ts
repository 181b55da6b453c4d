// `npm run bench -- import`: for each PostgreSQL corpus schema, the time `importSql` takes (parse with
// PostgreSQL's parser in WebAssembly, build the model) against loading the same file with psql into
// a fresh database, in the same run. Needs PostgreSQL 15 at SCHEMATA_TEST_PG (default
// postgres://postgres@127.0.0.1:5432/postgres) and psql; lago needs postgresql-15-partman.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importSqlSync } from '../shared/io/sql-import/import-sql.ts';
import { loadSqlParser } from '../shared/io/parser.ts';
import { CORPUS_DIR, psqlFile } from '../server/testing/round-trip.ts';
import { createThrowawayDb } from '../server/testing/throwaway-db.ts';

const CORPUS = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];
const IMPORT_RUNS = 5;
const PSQL_RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

interface Row {
  schema: string;
  kb: number;
  statements: string;
  importMs: number;
  psqlMs: number;
}

async function measure(schema: string): Promise<Row> {
  const file = join(CORPUS_DIR, schema, 'schema.sql');
  const text = await readFile(file, 'utf8');
  const { model, report } = importSqlSync(text); // warm-up
  const importMs: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) importMs.push(await time(() => importSqlSync(text)));
  const psqlMs: number[] = [];
  for (let i = 0; i < PSQL_RUNS; i++) {
    const db = await createThrowawayDb(`bench_import_${schema}`);
    try {
      psqlMs.push(await time(() => psqlFile(db.url, file)));
    } finally {
      await db.drop();
    }
  }
  const objects = model.tables.length + model.views.length + model.rawObjects.length;
  return {
    schema, kb: Math.round(Buffer.byteLength(text) / 1024),
    statements: `${objects} objects, ${report.skipped.length} skipped`,
    importMs: median(importMs), psqlMs: median(psqlMs),
  };
}

async function main(): Promise<void> {
  const loadMs = await time(() => loadSqlParser());
  console.log(`parser load (WebAssembly, once per process): ${loadMs.toFixed(0)} ms`);
  console.log(`medians: importSql over ${IMPORT_RUNS} runs, psql into a fresh database over ${PSQL_RUNS} runs\n`);
  const header = ['schema', 'size', 'model', 'importSql', 'psql load', 'import/psql'];
  const rows: string[][] = [];
  for (const schema of CORPUS) {
    const r = await measure(schema);
    rows.push([r.schema, `${r.kb} KB`, r.statements, `${r.importMs.toFixed(0)} ms`, `${r.psqlMs.toFixed(0)} ms`, `${(r.importMs / r.psqlMs).toFixed(2)}×`]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
