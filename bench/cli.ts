// `npm run bench -- cli`: the compiled CLI as whole processes, as a user starts it (`bin/schemata`,
// the launcher): `templates` (start-up alone) and `introspect --db` of three databases, each side by
// side with `pg_dump --schema-only` of the same database: the largest corpus schema (musicbrainz, 519
// tables), the same without its one UNION view (so without loading the SQL parser, see
// server/introspect/reparse-safe.ts), and the seeded generated model at 4,000 tables
// (bench/_generate-model.ts, built from its own DDL). On a machine that sets NODE_EXTRA_CA_CERTS,
// musicbrainz is also read by `node dist/server/cli.js`, which Node starts by loading that file (the
// launcher's reason to be). Each database is vacuumed and analyzed once loaded. Medians of 15 runs
// each, interleaved so a busy machine slows all alike, every output written to a file. Builds
// dist/server/ when stale; needs PostgreSQL 15 at SCHEMATA_TEST_PG (default
// postgres://postgres@127.0.0.1:5432/postgres), psql and pg_dump.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { CORPUS_DIR, psqlFile } from '../server/testing/round-trip.ts';
import { ADMIN_URL, createThrowawayDb, type ThrowawayDb } from '../server/testing/throwaway-db.ts';
import { generateModel } from './_generate-model.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'server', 'cli.js');
const LAUNCHER = join(ROOT, 'bin', 'schemata');
const GENERATED_TABLES = 4000;
const RUNS = 15;
const OUTPUT_FILE = join(tmpdir(), `schemata-bench-cli-${process.pid}.out`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Wall-clock time of one process, from spawn to exit, its output written to a file as a user would
 * (`> model.json`). Read through a pipe by this process instead, the output cost each side in
 * proportion to its size (ours 2.2 MB, pg_dump's 1.2 MB on musicbrainz), on the cores both share.
 */
async function timeProcess(command: string, args: string[]): Promise<number> {
  const out = openSync(OUTPUT_FILE, 'w');
  try {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const [code] = (await once(child, 'close')) as [number | null];
    const elapsed = performance.now() - started;
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
    return elapsed;
  } finally {
    closeSync(out);
  }
}

/** The generated model's DDL loaded into a throwaway database. */
async function generatedDatabase(): Promise<ThrowawayDb> {
  const db = await createThrowawayDb('bench_cli_generated');
  const dir = mkdtempSync(join(tmpdir(), 'schemata-bench-cli-'));
  try {
    const file = join(dir, 'generated.sql');
    writeFileSync(file, generatePostgres(generateModel({ tables: GENERATED_TABLES })));
    await psqlFile(db.url, file);
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A copy of musicbrainz without `release_event`, its one view in a set operation (nothing depends on
 * it): the only view whose body needs the SQL parser, whose load is the largest single cost left.
 */
async function withoutUnionView(musicbrainz: ThrowawayDb): Promise<ThrowawayDb> {
  const db = await createThrowawayDb('bench_cli_no_union', ADMIN_URL, musicbrainz.name);
  try {
    await run('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-c', 'DROP VIEW musicbrainz.release_event']);
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/**
 * VACUUM ANALYZE of a database just loaded, system catalogs included: otherwise autovacuum works
 * through the thousands of new catalog rows while the first commands are timed, and slows them by a
 * different amount each run (seen: the same build at 1.02× and 1.13× of pg_dump).
 */
async function settle(db: ThrowawayDb): Promise<void> {
  await run('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-c', 'VACUUM (ANALYZE)']);
}

async function measure(cases: [label: string, command: string, args: string[]][]): Promise<number[]> {
  const times = cases.map(() => [] as number[]);
  for (const [, command, args] of cases) await timeProcess(command, args); // warm-up: file and plan caches
  for (let r = 0; r < RUNS; r++) {
    for (const [i, [, command, args]] of cases.entries()) times[i].push(await timeProcess(command, args));
  }
  const width = Math.max(...cases.map(([label]) => label.length));
  for (const [i, [label]] of cases.entries()) {
    console.log(`${label.padEnd(width)}  median ${median(times[i]).toFixed(0).padStart(5)} ms over ${RUNS} runs`);
  }
  return times.map(median);
}

/** `introspect --db` against pg_dump on one database, with the ratio. */
async function compare(name: string, url: string, extra: [label: string, command: string, args: string[]][] = []): Promise<void> {
  console.log(`\n${name}`);
  const [introspectMs, dumpMs] = await measure([
    [`bin/schemata introspect --db <${name}>`, LAUNCHER, ['introspect', '--db', url]],
    [`pg_dump --schema-only <${name}>`, 'pg_dump', ['--schema-only', '-d', url]],
    ...extra,
  ]);
  console.log(`ratio: bin/schemata introspect --db takes ${(introspectMs / dumpMs).toFixed(2)}× the time of pg_dump --schema-only`);
}

/**
 * Node started straight on these arguments, when this machine sets NODE_EXTRA_CA_CERTS: Node 20 then
 * reads that file at start, before any of our code (the launcher keeps it from doing so).
 */
function withExtraCerts(label: string, args: string[]): [label: string, command: string, args: string[]][] {
  if (!process.env.NODE_EXTRA_CA_CERTS) return [];
  return [[`${label} (Node loads NODE_EXTRA_CA_CERTS, set here)`, process.execPath, args]];
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const musicbrainz = await createThrowawayDb('bench_cli');
  let noUnion: ThrowawayDb | undefined;
  let generated: ThrowawayDb | undefined;
  try {
    await psqlFile(musicbrainz.url, join(CORPUS_DIR, 'musicbrainz', 'schema.sql'));
    noUnion = await withoutUnionView(musicbrainz);
    generated = await generatedDatabase();
    await Promise.all([musicbrainz, noUnion, generated].map(settle));
    await compare('musicbrainz', musicbrainz.url, [
      ...withExtraCerts('node dist/server/cli.js introspect --db <musicbrainz>', [CLI, 'introspect', '--db', musicbrainz.url]),
      ['bin/schemata templates', LAUNCHER, ['templates']],
      ['env -u NODE_EXTRA_CA_CERTS node -e 0 (Node start-up, for scale)', 'env', ['-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0']],
      ...withExtraCerts('node -e 0', ['-e', '0']),
    ]);
    console.log('\n(musicbrainz-no-union: musicbrainz without release_event, so no view needs the SQL parser)');
    await compare('musicbrainz-no-union', noUnion.url);
    await compare(`generated-${GENERATED_TABLES}`, generated.url);
  } finally {
    await musicbrainz.drop();
    await noUnion?.drop();
    await generated?.drop();
    rmSync(OUTPUT_FILE, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench cli: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
