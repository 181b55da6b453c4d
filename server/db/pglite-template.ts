/**
 * A new embedded database starts as a copy of a freshly initialised cluster instead of running
 * initdb: initdb in WASM costs 3–6 s of CPU, loading the copy under one. The studio makes up to
 * three (its store, the sandbox and the shadow engine), the tests dozens.
 *
 * The copy (an uncompressed tarball, PGlite's own `dumpDataDir` format) is made once and kept in
 * node_modules/.cache/schemata (or `SCHEMATA_CACHE_DIR`), named by PGlite's version, so later
 * processes and worker threads skip initdb too. It is written to a private name and renamed into
 * place, so a reader never sees a half-written copy; one that does not load is deleted and the
 * database is initialised as before.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Where the copy is kept: named by PGlite's version, so an upgrade makes a new one. */
function templatePath(): string | undefined {
  try {
    const cacheDir = process.env.SCHEMATA_CACHE_DIR;
    // Its entry point (the package exports no package.json): <root>/node_modules/@electric-sql/pglite/dist/…
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const marker = `${sep}node_modules${sep}`;
    const nodeModules = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
    const manifest = join(nodeModules, '@electric-sql', 'pglite', 'package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    return join(cacheDir || join(nodeModules, '.cache', 'schemata'), `pglite-${version}-cluster.tar`);
  } catch {
    return undefined;
  }
}

/**
 * A Blob over bytes already in memory, handing PGlite (which reads a tarball with `arrayBuffer()`)
 * those bytes themselves. Node 20's own Blob copies 40 MB twice: into the Blob, then out of it in
 * chunks joined together, ~370 ms of the thread for each database made.
 */
class BytesBlob extends Blob {
  constructor(private readonly content: Uint8Array) {
    super([]);
  }

  override get size(): number {
    return this.content.byteLength;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.content;
    const whole = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer;
    // A copy when the bytes share their buffer (a small file read into Node's pool); `Buffer#slice` would not copy.
    return Promise.resolve(whole ? buffer : new Uint8Array(this.content).buffer);
  }
}

function readTemplate(path: string): Blob | undefined {
  try {
    return new BytesBlob(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** Keeps the dump on disk; false when it cannot (a read-only node_modules). */
function keep(path: string, tar: Uint8Array): boolean {
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(partial, tar);
    renameSync(partial, path);
    return true;
  } catch {
    rmSync(partial, { force: true });
    return false;
  }
}

/** Initialises a cluster in memory and dumps it. */
async function makeTemplate(): Promise<Blob> {
  const db = await PGlite.create();
  try {
    return await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
}

/** This process's copy, while it is being made or when it could not be kept on disk. */
let made: Promise<Blob> | undefined;

/** The tarball of a fresh cluster: from disk, or made now (once per process). */
export function freshCluster(): Promise<Blob> {
  const path = templatePath();
  const onDisk = path && readTemplate(path);
  if (onDisk) return Promise.resolve(onDisk);
  if (!made) {
    const making = makeTemplate().then(async (tar) => {
      // Kept on disk, it is read from there: no 40 MB held for the life of the process.
      if (path && keep(path, new Uint8Array(await tar.arrayBuffer()))) made = undefined;
      return tar;
    });
    making.catch(() => { made = undefined; });
    made = making;
  }
  return made;
}

/** A copy on disk that did not load: dropped, so the next database makes a good one. */
export function forgetFreshCluster(): void {
  made = undefined;
  const path = templatePath();
  if (path) rmSync(path, { force: true });
}
