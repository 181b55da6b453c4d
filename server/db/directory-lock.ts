/**
 * An exclusive, cross-process lock on a PGlite data directory. PGlite has no lock of its own: two
 * processes opening one directory (the CLI on `data/sandbox` while the studio runs) each think they
 * own the files, and one's writes are lost or the files corrupted. So the opener creates
 * `<dir>/schemata.lock` atomically (a hard link of a fully written file: it appears complete or not
 * at all) holding its pid; a second opener is refused with who holds it. A lock whose process is gone
 * (a crash, a kill -9) is stale and taken over.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const LOCK_FILE = 'schemata.lock';

interface LockContent {
  pid: number;
  /** Unique per acquisition: tells our lock from another one with the same pid. */
  token: string;
  /** When the holding process started (ms since epoch): a reused pid is not the same process. */
  processStartedAt: number;
  since: string;
  command: string;
}

export class DirectoryInUse extends Error {
  constructor(readonly directory: string, readonly holder: LockContent) {
    super(`${directory} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}): `
      + 'a data directory can be opened by one process at a time; stop that process or use the studio it belongs to');
  }
}

export interface DirectoryLock {
  release(): void;
}

const processStartedAt = Math.round(Date.now() - process.uptime() * 1000);
const held = new Map<string, string>(); // lock path → our token

// A process that exits without closing (Ctrl-C in the CLI) leaves no lock behind.
process.once('exit', () => {
  for (const [path, token] of held) releaseIfOurs(path, token);
});

/** What this process is, in a few words, without arguments that could hold a password. */
function commandOf(): string {
  const script = process.argv[1] ? basename(process.argv[1]) : 'node';
  const sub = process.argv[2] && /^[a-z-]+$/.test(process.argv[2]) ? ` ${process.argv[2]}` : '';
  return `${script}${sub}`;
}

function readLock(path: string): LockContent | undefined {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as LockContent;
    return typeof content.pid === 'number' ? content : undefined;
  } catch {
    return undefined; // gone meanwhile, or not ours to understand: treated as stale
  }
}

function isAlive(holder: LockContent): boolean {
  if (holder.pid === process.pid) {
    // Our pid: another module instance or worker thread of this very process holds it, unless the
    // lock was left by an earlier process that had the same pid (containers reuse pid 1).
    return Math.abs(holder.processStartedAt - processStartedAt) < 2_000;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

function releaseIfOurs(path: string, token: string): void {
  if (readLock(path)?.token === token) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  held.delete(path);
}

/**
 * Moves a stale lock aside. The move is atomic, so of several processes taking over at once only one
 * moves the stale file; one that finds it moved a fresh lock instead puts it back.
 */
function removeStale(path: string, stale: LockContent | undefined): void {
  const aside = `${path}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readLock(aside);
  if (moved && moved.token !== stale?.token) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process got in: its lock stands
    }
  }
  unlinkSync(aside);
}

/** Takes the lock on `directory` (which must exist) or throws `DirectoryInUse`. */
export function lockDirectory(directory: string): DirectoryLock {
  const path = join(directory, LOCK_FILE);
  const content: LockContent = { pid: process.pid, token: randomUUID(), processStartedAt, since: new Date().toISOString(), command: commandOf() };
  const draft = `${path}.${content.token}`;
  writeFileSync(draft, JSON.stringify(content));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(path);
      if (holder && isAlive(holder)) throw new DirectoryInUse(directory, holder);
      if (attempt >= 5) throw new Error(`cannot take the lock ${path}: it keeps changing`);
      removeStale(path, holder);
    }
  } finally {
    unlinkSync(draft);
  }
  held.set(path, content.token);
  return { release: () => releaseIfOurs(path, content.token) };
}
