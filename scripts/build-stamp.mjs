// When a build is stale: the build writes a stamp file last, and it is fresh while no source it was
// made from is newer than that stamp. Used by build-server.mjs and build-client.mjs (`--if-stale`).
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

/** Newest modification time (ms) under `path` (a file or a whole folder); 0 when it is missing. */
function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when `stamp` exists and no file under `sources` (paths relative to the repository) is newer. */
export function isFresh(stamp, sources) {
  const made = statSync(stamp, { throwIfNoEntry: false });
  return !!made && sources.every((source) => newestMtime(join(ROOT, source)) <= made.mtimeMs);
}

export function writeStamp(stamp) {
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
