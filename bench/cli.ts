// `npm run bench -- cli`: the compiled CLI as whole processes, as a user starts it: `templates`
// (start-up alone) and `introspect --db` of the largest corpus database (musicbrainz, 519 tables),
// side by side with `pg_dump --schema-only` of the same database. Medians of 5 runs each, interleaved
// so a busy machine slows all three alike. Builds dist/server/ when stale; needs PostgreSQL 15 at
// SCHEMATA_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres), psql and pg_dump.
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_DIR, psqlFile } from '../server/testing/round-trip.ts';
import { createThrowawayDb } from '../server/testing/throwaway-db.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'server', 'cli.js');
const SCHEMA = 'musicbrainz';
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall-clock time of one process, from spawn to exit (its output read and dropped). */
async function timeProcess(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  await run(command, args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  return performance.now() - started;
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const db = await createThrowawayDb('bench_cli');
  try {
    await psqlFile(db.url, join(CORPUS_DIR, SCHEMA, 'schema.sql'));
    const cases: [label: string, command: string, args: string[]][] = [
      ['node dist/server/cli.js templates', process.execPath, [CLI, 'templates']],
      [`node dist/server/cli.js introspect --db <${SCHEMA}>`, process.execPath, [CLI, 'introspect', '--db', db.url]],
      [`pg_dump --schema-only <${SCHEMA}>`, 'pg_dump', ['--schema-only', '-d', db.url]],
      ['node -e 0 (Node start-up, for scale)', process.execPath, ['-e', '0']],
    ];
    const times = cases.map(() => [] as number[]);
    for (const [, command, args] of cases) await timeProcess(command, args); // warm-up: file and plan caches
    for (let r = 0; r < RUNS; r++) {
      for (const [i, [, command, args]] of cases.entries()) times[i].push(await timeProcess(command, args));
    }
    const width = Math.max(...cases.map(([label]) => label.length));
    for (const [i, [label]] of cases.entries()) {
      console.log(`${label.padEnd(width)}  median ${median(times[i]).toFixed(0).padStart(5)} ms over ${RUNS} runs`);
    }
    const [, introspectMs, dumpMs] = times.map(median);
    console.log(`ratio: introspect --db takes ${(introspectMs / dumpMs).toFixed(2)}× the time of pg_dump --schema-only`);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench cli: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
