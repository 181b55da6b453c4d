/**
 * The co-editing rooms of one studio instance: one per project being edited, opened on the first
 * connection and closed (after saving) a little after the last one leaves. With a shared
 * PostgreSQL store, every edit and presence change is relayed to the other instances.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.ts';
import { ProjectRoom } from './project-room.ts';
import { listenForRelays, type RelayListener } from './relay.ts';

/** A room whose last peer left stays open this long: a reload rejoins the same history. */
const IDLE_CLOSE_MS = 10_000;
const PRUNE_EVERY_MS = 60_000;

export interface CoEditingRooms {
  /** The project's room, opened if needed; undefined when there is no such project. */
  roomFor(projectId: string): Promise<ProjectRoom | undefined>;
  /** A comment thread of the project changed: everyone in its room reads the threads again. */
  commentsChanged(projectId: string): void;
  /** Saves the project's room now, if it is open here and holds edits not yet saved. */
  flush(projectId: string): Promise<void>;
  /** Saves every room and sends everyone away. */
  close(): Promise<void>;
}

export function coEditingRooms(store: Store, log: (message: string) => void): CoEditingRooms {
  const instance = randomUUID();
  const rooms = new Map<string, Promise<ProjectRoom | undefined>>();
  const idle = new Map<string, ReturnType<typeof setTimeout>>();
  const relayUrl = store.relayUrl;
  const warn = (error: unknown) => log(`co-editing: ${error instanceof Error ? error.message : String(error)}`);

  const relayOut = (projectId: string, kind: 'document' | 'presence', payload: Uint8Array) => {
    if (relayUrl) store.coEditing.relay(projectId, instance, kind, payload).catch(warn);
  };
  const listener: RelayListener | undefined = relayUrl
    ? listenForRelays(relayUrl, (id) => {
      void (async () => {
        const update = await store.coEditing.relayed(id);
        if (!update || update.instance === instance) return;
        (await rooms.get(update.projectId))?.room.applyRelayed(update.kind, update.payload);
      })().catch(warn);
    }, log)
    : undefined;
  const pruning = relayUrl ? setInterval(() => store.coEditing.pruneRelayed().catch(warn), PRUNE_EVERY_MS) : undefined;
  pruning?.unref();

  const drop = async (projectId: string, code: number, reason: string) => {
    const room = await rooms.get(projectId);
    rooms.delete(projectId);
    if (!room) return;
    await room.flush().catch(warn);
    room.room.closeAll(code, reason);
    room.room.destroy();
  };

  const closeWhenIdle = (projectId: string) => {
    clearTimeout(idle.get(projectId));
    const timer = setTimeout(() => {
      idle.delete(projectId);
      void rooms.get(projectId)?.then((room) => {
        if (room && room.room.size === 0) void drop(projectId, 1001, 'idle');
      });
    }, IDLE_CLOSE_MS);
    timer.unref();
    idle.set(projectId, timer);
  };

  const open = (projectId: string) => ProjectRoom.open(store, projectId, {
    relay: (update) => relayOut(projectId, 'document', update),
    presence: (update) => relayOut(projectId, 'presence', update),
    emptied: () => {
      void rooms.get(projectId)?.then((room) => room?.flush()).catch(warn);
      closeWhenIdle(projectId);
    },
    gone: () => void drop(projectId, 4404, 'the project was deleted'),
    log,
  });

  return {
    roomFor(projectId) {
      clearTimeout(idle.get(projectId));
      let room = rooms.get(projectId);
      if (!room) {
        room = open(projectId);
        rooms.set(projectId, room);
        // A failed or missing open is not kept: the next connection tries again.
        room.then((r) => r ?? rooms.delete(projectId), () => rooms.delete(projectId));
      }
      return room;
    },
    commentsChanged(projectId) {
      // Only a room open here is told; its announcement reaches the other instances' rooms through the relay.
      void rooms.get(projectId)?.then((room) => room?.room.announceCommentsChanged()).catch(warn);
    },
    async flush(projectId) {
      await (await rooms.get(projectId))?.flush();
    },
    async close() {
      clearInterval(pruning);
      for (const timer of idle.values()) clearTimeout(timer);
      await Promise.all([...rooms.keys()].map((id) => drop(id, 1001, 'the studio is stopping')));
      await listener?.close();
    },
  };
}
