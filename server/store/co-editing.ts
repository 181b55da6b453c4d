/**
 * What co-editing keeps in the store (steps 6 and 7 of `migrations.ts`): each room's Yjs state, so a
 * reopened room continues one history, and the updates studio instances relay to each other
 * through a shared store (the NOTIFY that announces a row carries only its id: NOTIFY payloads stop
 * at 8,000 bytes, an edit may not).
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { SqlClient } from '../db/sql-client.ts';

export type RelayKind = 'document' | 'presence';
export interface RelayedUpdate {
  id: number;
  projectId: string;
  instance: string;
  kind: RelayKind;
  payload: Uint8Array;
}

/** The NOTIFY channel the instances listen on; the payload is `<row id>`. */
export const RELAY_CHANNEL = 'schemata_live';
/** Relayed rows are read within moments; older ones only matter to a room opening meanwhile. */
const RELAY_KEEP_SECONDS = 600;

type UpdateRow = { id: string | number; project_id: string; instance: string; kind: RelayKind; payload: Uint8Array };
const toUpdate = (row: UpdateRow): RelayedUpdate => ({
  id: Number(row.id), projectId: row.project_id, instance: row.instance, kind: row.kind, payload: new Uint8Array(row.payload),
});

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * States are kept deflated (raw DEFLATE, level 1): a 2,000-table project's 9 MB state becomes
 * 1.7 MB, and the store writes and reads that much less. zlib runs on Node's thread pool, not the
 * server's thread: a room saves its state after every burst of edits (fflate, in JavaScript, held
 * the thread 110–250 ms per save of that project; zlib takes 30–40 ms).
 */
async function encodeState(state: Uint8Array): Promise<Buffer> {
  return deflate(state, { level: 1 });
}

/** A kept state as Yjs reads it (`encoding` 'raw': kept before states were deflated). */
async function decodeState(row: { state: Uint8Array; encoding: string }): Promise<Uint8Array> {
  const bytes = new Uint8Array(row.state);
  return row.encoding === 'deflate' ? new Uint8Array(await inflate(bytes)) : bytes;
}

export function coEditingStore(db: SqlClient) {
  return {
    async loadState(projectId: string): Promise<Uint8Array | undefined> {
      const [row] = await db.query<{ state: Uint8Array; encoding: string }>('SELECT state, encoding FROM schemata.live_documents WHERE project_id = $1', [projectId]);
      return row ? decodeState(row) : undefined;
    },

    /**
     * Keeps `state` as the room's first state unless another instance kept one first; returns the
     * one kept (`state` itself when it was this one). Every instance so starts from one history
     * (two built apart would not merge).
     */
    async firstState(projectId: string, state: Uint8Array): Promise<Uint8Array | undefined> {
      const kept = await db.query(
        `INSERT INTO schemata.live_documents (project_id, state, encoding)
           SELECT id, $2, 'deflate' FROM schemata.projects WHERE id = $1
         ON CONFLICT (project_id) DO NOTHING
         RETURNING project_id`,
        [projectId, await encodeState(state)],
      );
      return kept.length ? state : this.loadState(projectId);
    },

    /** False when the project no longer exists. */
    async saveState(projectId: string, state: Uint8Array): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO schemata.live_documents (project_id, state, encoding)
           SELECT id, $2, 'deflate' FROM schemata.projects WHERE id = $1
         ON CONFLICT (project_id) DO UPDATE SET state = excluded.state, encoding = excluded.encoding, updated_at = now()
         RETURNING project_id`,
        [projectId, await encodeState(state)],
      );
      return rows.length > 0;
    },

    /** Stores an update for the other instances and announces it; undefined when the project is gone. */
    async relay(projectId: string, instance: string, kind: RelayKind, payload: Uint8Array): Promise<number | undefined> {
      const [row] = await db.query<{ id: string }>(
        `WITH added AS (
           INSERT INTO schemata.live_updates (project_id, instance, kind, payload)
             SELECT id, $2, $3, $4 FROM schemata.projects WHERE id = $1
           RETURNING id
         )
         SELECT id, pg_catalog.pg_notify('${RELAY_CHANNEL}', id::text) FROM added`,
        [projectId, instance, kind, Buffer.from(payload)],
      );
      return row ? Number(row.id) : undefined;
    },

    async relayed(id: number): Promise<RelayedUpdate | undefined> {
      const [row] = await db.query<UpdateRow>('SELECT id, project_id, instance, kind, payload FROM schemata.live_updates WHERE id = $1', [id]);
      return row ? toUpdate(row) : undefined;
    },

    /**
     * What a room opening now catches up with, oldest first: the document updates other instances
     * made since their last save (all kept rows), or who is present there (the presence updates
     * of the last `withinSeconds`: every present editor renews its presence well within that window,
     * so older rows only speak for people who have left).
     */
    async recentUpdates(projectId: string, kind: RelayKind, withinSeconds = RELAY_KEEP_SECONDS): Promise<RelayedUpdate[]> {
      const rows = await db.query<UpdateRow>(
        `SELECT id, project_id, instance, kind, payload FROM schemata.live_updates
          WHERE project_id = $1 AND kind = $2 AND created_at > now() - make_interval(secs => $3) ORDER BY id`,
        [projectId, kind, withinSeconds],
      );
      return rows.map(toUpdate);
    },

    async pruneRelayed(): Promise<void> {
      await db.query(`DELETE FROM schemata.live_updates WHERE created_at < now() - interval '${RELAY_KEEP_SECONDS} seconds'`);
    },
  };
}

export type CoEditingStore = ReturnType<typeof coEditingStore>;
