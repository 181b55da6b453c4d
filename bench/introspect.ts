// `npm run bench -- introspect`: introspection time of the largest corpus database (musicbrainz,
// 519 tables) against `pg_dump --schema-only` of the same database, in the same run. Needs
// PostgreSQL 15 at SCHEMATA_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres) and psql/pg_dump.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { openSqlClient } from '../server/db/sql-client.ts';
import { introspect } from '../server/introspect/introspect.ts';
import { CORPUS_DIR, psqlFile } from '../server/testing/round-trip.ts';
import { createThrowawayDb } from '../server/testing/throwaway-db.ts';

const run = promisify(execFile);
const SCHEMA = 'musicbrainz';
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const db = await createThrowawayDb('bench_introspect');
  const client = await openSqlClient(db.url);
  try {
    await psqlFile(db.url, join(CORPUS_DIR, SCHEMA, 'schema.sql'));
    const model = await introspect(client); // warm-up: connection, plan caches
    const introspectMs: number[] = [];
    const dumpMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      introspectMs.push(await time(() => introspect(client)));
      dumpMs.push(await time(() => run('pg_dump', ['--schema-only', '-d', db.url], { maxBuffer: 256 * 1024 * 1024 })));
    }
    const objects = `${model.tables.length} tables, ${model.views.length} views, ${model.rawObjects.length} raw objects`;
    console.log(`corpus database: ${SCHEMA} (${objects})`);
    console.log(`introspect (Schemata):  median ${median(introspectMs).toFixed(0)} ms over ${RUNS} runs`);
    console.log(`pg_dump --schema-only:  median ${median(dumpMs).toFixed(0)} ms over ${RUNS} runs`);
    console.log(`ratio: introspection takes ${(median(introspectMs) / median(dumpMs)).toFixed(2)}× the time of pg_dump`);
  } finally {
    await client.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench introspect: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
