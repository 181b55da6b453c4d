/**
 * Who owns a `running` journal entry, and whether it is still alive.
 *
 * An apply is journaled `running` (and committed) before its first statement, then updated when it
 * ends. A studio killed in between leaves the entry `running`; the next studio to open the store must
 * mark it `interrupted`, but a store may be shared (`SCHEMATA_STORE_URL`), so `running` can also mean
 * another studio is applying right now. Time is no proof (timeouts differ per apply, and 0 is none).
 *
 * The proof of life is a lock: each journal store (one per studio process) gets a fresh instance id,
 * stamps it on the entries it writes, and holds for its whole life a session-level advisory lock on
 * the store keyed by that id, on a session of its own. PostgreSQL releases the lock when that session
 * ends, which it does when the process dies (its socket closes; TCP keepalives catch a host that
 * vanished). So a `running` entry whose owner's lock can be taken has no live owner. The lock is taken
 * with `pg_try_advisory_lock` only: sweeping never waits, and a live owner is never touched.
 *
 * PGlite has one session per process (and its directory lock admits one process), so there the
 * in-process set of live owners is what keeps a second store opened in the same process from
 * marking the first one's applies.
 */
import { randomUUID } from 'node:crypto';
import { OWNER_LOCK_CLASS } from './advisory-locks.ts';
import type { SqlClient, SqlSession } from './sql-client.ts';

/** Owners alive in this process (their locks are on a shared PGlite session, which re-enters). */
const liveInProcess = new Set<string>();

export interface JournalOwner {
  readonly instanceId: string;
  /** Entries `running` whose owner is gone become `interrupted`; returns how many. */
  sweep(): Promise<number>;
  release(): Promise<void>;
}

const OWNER_LOCKED = 'SELECT pg_catalog.pg_try_advisory_lock($1, pg_catalog.hashtext($2)) AS locked';

export const INTERRUPTED_MESSAGE = 'the studio stopped before this apply finished (killed or cut off): PostgreSQL rolled back an '
  + "uncommitted apply; the target's own journal (_schemata.journal) lists it if it had committed";

/** Takes a fresh instance id and its lock on `client`'s store. */
export async function claimJournalOwner(client: SqlClient): Promise<JournalOwner> {
  const session: SqlSession = await client.reserveSession();
  let instanceId = '';
  // A fresh random id is free unless its 32-bit hash collides with a live owner's: take another.
  for (let attempt = 0; !instanceId; attempt++) {
    const candidate = `studio_${randomUUID()}`;
    const [{ locked }] = await session.query<{ locked: boolean }>(OWNER_LOCKED, [OWNER_LOCK_CLASS, candidate]);
    if (locked) instanceId = candidate;
    else if (attempt > 5) throw new Error('cannot take a journal owner lock on the store');
  }
  liveInProcess.add(instanceId);

  const ownerIsGone = async (owner: string | null): Promise<boolean> => {
    if (owner === null) return true;
    if (owner === instanceId || liveInProcess.has(owner)) return false;
    const [{ locked }] = await session.query<{ locked: boolean }>(OWNER_LOCKED, [OWNER_LOCK_CLASS, owner]);
    if (locked) await session.query('SELECT pg_catalog.pg_advisory_unlock($1, pg_catalog.hashtext($2))', [OWNER_LOCK_CLASS, owner]);
    return locked;
  };

  return {
    instanceId,
    async sweep() {
      const owners = await session.query<{ owner: string | null }>(
        "SELECT DISTINCT owner FROM schemata.apply_journal WHERE status = 'running'");
      let marked = 0;
      for (const { owner } of owners) {
        if (!(await ownerIsGone(owner))) continue;
        const noticedAt = new Date().toISOString();
        const rows = await session.query(
          `UPDATE schemata.apply_journal SET status = 'interrupted',
             error = pg_catalog.jsonb_build_object('kind', 'interrupted', 'message', $2::text, 'noticedAt', $3::text)
           WHERE status = 'running' AND owner IS NOT DISTINCT FROM $1 RETURNING id`,
          [owner, INTERRUPTED_MESSAGE, noticedAt]);
        marked += rows.length;
      }
      return marked;
    },
    async release() {
      if (!liveInProcess.delete(instanceId)) return;
      await session.query('SELECT pg_catalog.pg_advisory_unlock($1, pg_catalog.hashtext($2))', [OWNER_LOCK_CLASS, instanceId]).catch(() => undefined);
    },
  };
}
