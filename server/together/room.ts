/**
 * One project edited together: a Y.Doc and an awareness (presence) that every connected browser
 * syncs with through the Yjs sync and awareness protocols (y-protocols, as y-websocket speaks them).
 * The room knows nothing of the store: `RoomHooks` are told of each update so the owner can save
 * it (debounced) and relay it to other studio instances.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** The socket side a room needs (a `ws` WebSocket satisfies it; tests may pass their own). */
export interface Peer {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Where an update came from, besides a peer. */
export const FROM_RELAY = Symbol('relayed from another studio');
export const FROM_SERVER = Symbol('the studio itself (load, merge, revert)');

export interface RoomHooks {
  /** A document update from a peer or the server (not from the relay). */
  edited(update: Uint8Array, origin: unknown): void;
  /** A presence update from a peer of this instance. */
  presence(update: Uint8Array): void;
  /** The last peer left. */
  emptied(): void;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer and the awareness client ids it speaks for (removed when it leaves). */
  private readonly peers = new Map<Peer, Set<number>>();
  private commentsRevision = 0;

  constructor(doc: Y.Doc, private readonly hooks: RoomHooks) {
    this.doc = doc;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is no one: it has no presence of its own.
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.broadcast(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
      if (origin !== FROM_RELAY) this.hooks.edited(update, origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const ids = origin instanceof Object ? this.peers.get(origin as Peer) : undefined;
      if (ids) {
        for (const id of added) ids.add(id);
        for (const id of removed) ids.delete(id);
      }
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.broadcast(awarenessMessage(update));
      if (origin !== FROM_RELAY) this.hooks.presence(update);
    });
  }

  get size(): number {
    return this.peers.size;
  }

  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    peer.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** A message from `peer`; false when it was not understood (the caller closes the connection). */
  receive(peer: Peer, data: Uint8Array): boolean {
    if (!this.peers.has(peer)) return false;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, this.doc, peer);
        if (encoding.length(encoder) > 1) peer.send(encoding.toUint8Array(encoder));
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), peer);
      } else if (type === MESSAGE_QUERY_AWARENESS) {
        peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
      } else return false;
      return true;
    } catch {
      return false;
    }
  }

  leave(peer: Peer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    if (this.peers.size === 0) this.hooks.emptied();
  }

  /**
   * Tells everyone which of their edits are saved: the document's state vector as it was saved,
   * kept to the clients present (a client compares its own clock with it: together/save-state.ts).
   */
  announceSaved(stateVector: Uint8Array): void {
    const present = this.awareness.getStates();
    const clocks: Record<string, number> = {};
    for (const [client, clock] of Y.decodeStateVector(stateVector)) if (present.has(client)) clocks[client] = clock;
    this.announce('saved', clocks);
  }

  /** Tells everyone (here and, through the relay, on other instances) that the project's comments changed. */
  announceCommentsChanged(): void {
    this.commentsRevision += 1;
    this.announce('comments', this.commentsRevision);
  }

  /** The server's own awareness state carries what it announces (it has no presence): one field changes, the others stay. */
  private announce(field: string, value: unknown): void {
    this.awareness.setLocalState({ ...(this.awareness.getLocalState() ?? {}), [field]: value });
  }

  /** Applies what another studio instance relayed. */
  applyRelayed(kind: 'document' | 'presence', payload: Uint8Array): void {
    if (kind === 'document') Y.applyUpdate(this.doc, payload, FROM_RELAY);
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, FROM_RELAY);
  }

  /** Sends everyone away (the project was deleted, the studio stops). */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) {
      this.peers.delete(peer);
      peer.close(code, reason);
    }
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private broadcast(message: Uint8Array): void {
    for (const peer of this.peers.keys()) peer.send(message);
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
