/**
 * A room bound to a stored project. The stored document and its versions stay the truth: the room
 * opens from them (continuing the Yjs history kept beside them), and saves what the room holds a
 * moment after each edit, checked like any save. A state that is not a valid document (only a
 * misbehaving client can send one) is put back to the last valid one instead of being saved. A
 * save that finds the project changed by someone outside the room (a plain save through the API)
 * merges that change into the room, so nobody's edit is lost.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { ModelDocument } from '../../shared/model/document.ts';
import { parseDocument, upgradeDocument } from '../../shared/model/upgrade.ts';
import { lastViewport, readDocument, sharedRoot, writeDocument } from '../../shared/live/shared-document.ts';
import { withMissingPositions } from '../../shared/model/initial-layout.ts';
import { touchedTypes } from '../../shared/live/y-json.ts';
import type { Store } from '../store/index.ts';
import { FROM_RELAY, FROM_SERVER, Room, type RoomHooks } from './room.ts';

/** How long after the last edit the room saves: edits in a burst become one version. */
export const SAVE_DELAY_MS = 500;

/** A room's document built from the stored one, for a project opened together for the first time. */
function firstDoc(document: ModelDocument): Y.Doc {
  const doc = new Y.Doc();
  writeDocument(doc, undefined, document, FROM_SERVER);
  return doc;
}

/** Edits other instances hold and may not have saved yet (a shared store only). */
async function applyRecentUpdates(store: Store, projectId: string, doc: Y.Doc): Promise<void> {
  for (const update of await store.coEditing.recentUpdates(projectId, 'document')) Y.applyUpdate(doc, update.payload, FROM_RELAY);
}

/**
 * Who is present on other instances (a shared store only). Their presence was relayed when they
 * came, before this instance had the room open; without it, someone joining here would see them
 * only at their next renewal (up to 15 s later). Presence older than the time after which Yjs
 * forgets a silent editor is left out.
 */
async function applyRecentPresence(store: Store, projectId: string, room: Room): Promise<void> {
  const withinSeconds = awarenessProtocol.outdatedTimeout / 1000;
  for (const update of await store.coEditing.recentUpdates(projectId, 'presence', withinSeconds)) room.applyRelayed('presence', update.payload);
}

export type RoomEvents = Pick<RoomHooks, 'presence' | 'emptied'> & {
  /** A document update to relay to other instances. */
  relay(update: Uint8Array): void;
  /** The project is gone: the owner drops the room. */
  gone(): void;
  log(message: string): void;
};

export class ProjectRoom {
  readonly room: Room;
  private version: number;
  /** What the store holds (as the room last saved or read it). */
  private saved: ModelDocument;
  /** The room's document as last read, and the Y types changed since (to read only those again). */
  private read: ModelDocument;
  private readonly changed = new Set<unknown>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();

  /** `held`: the room's document as already read, with the Y types changed since (read again only those). */
  private constructor(
    private readonly store: Store, readonly projectId: string, doc: Y.Doc, stored: { version: number; document: ModelDocument },
    private readonly events: RoomEvents, held?: { document: ModelDocument; changed: ReadonlySet<unknown> },
  ) {
    this.version = stored.version;
    this.saved = stored.document;
    this.read = readDocument(doc, stored.document.layout.viewport, held?.document, held?.changed);
    const root = sharedRoot(doc);
    root.observeDeep((batch) => touchedTypes(batch, root, this.changed));
    this.room = new Room(doc, {
      edited: (update, origin) => {
        events.relay(update);
        if (origin !== FROM_SERVER) this.scheduleSave();
      },
      presence: events.presence,
      emptied: events.emptied,
    });
  }

  /** Undefined when there is no such project. */
  static async open(store: Store, projectId: string, events: RoomEvents): Promise<ProjectRoom | undefined> {
    const stored = await store.projects.get(projectId);
    if (!stored) return undefined;
    const document = upgradeDocument(stored.document) as ModelDocument;
    let state = await store.coEditing.loadState(projectId);
    let doc: Y.Doc | undefined;
    let held: { document: ModelDocument; changed: Set<unknown> } | undefined;
    if (!state) {
      const built = firstDoc(document);
      const ours = Y.encodeStateAsUpdate(built);
      state = await store.coEditing.firstState(projectId, ours);
      // Kept as the first state: the document is the stored one already, nothing to merge, and
      // nothing to read (it was written from that document: 0.1 s of the thread on 2,000 tables).
      if (state === ours) {
        doc = built;
        held = { document, changed: new Set() };
      }
    }
    if (!state) return undefined;
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, state, FROM_SERVER);
      // Saved through the API since the room last kept its state: merge those edits in. The room
      // reads its document once; what the merge and the relayed edits touch is read again, not the
      // rest (on 2,000 tables a whole read is ~0.1 s of the server's single thread).
      held = { document: readDocument(doc, undefined), changed: new Set() };
      const root = sharedRoot(doc);
      const touched = (batch: Y.YEvent<Y.AbstractType<unknown>>[]) => touchedTypes(batch, root, held!.changed);
      root.observeDeep(touched);
      writeDocument(doc, held.document, document, FROM_SERVER);
      if (store.relayUrl) await applyRecentUpdates(store, projectId, doc);
      root.unobserveDeep(touched);
    } else if (store.relayUrl) await applyRecentUpdates(store, projectId, doc);
    const opened = new ProjectRoom(store, projectId, doc, { version: stored.version, document }, events, held);
    opened.placeMissing();
    if (store.relayUrl) await applyRecentPresence(store, projectId, opened.room);
    return opened;
  }

  /** Waits for pending saves (the last peer left, the studio stops). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.saving = this.saving.then(() => this.save());
    }
    await this.saving;
  }

  private scheduleSave(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saving = this.saving.then(() => this.save());
    }, SAVE_DELAY_MS);
  }

  private currentDocument(): ModelDocument {
    this.read = readDocument(this.room.doc, lastViewport(this.room.doc) ?? this.saved.layout.viewport, this.read, this.changed);
    this.changed.clear();
    return this.read;
  }

  private async save(): Promise<void> {
    try {
      const stateVector = Y.encodeStateVector(this.room.doc);
      const current = this.currentDocument();
      if (JSON.stringify(current) === JSON.stringify(this.saved)) return this.room.announceSaved(stateVector);
      const parsed = parseDocument(current);
      if (!parsed.ok) {
        this.events.log(`co-editing: project ${this.projectId}: refused an invalid state (${parsed.problems[0].path}: ${parsed.problems[0].message}); put back the last valid one`);
        writeDocument(this.room.doc, current, this.saved, FROM_SERVER);
        return;
      }
      const result = await this.store.projects.save(this.projectId, parsed.document, this.version);
      if (result.status === 'missing') return this.events.gone();
      if (result.status === 'stale') return await this.mergeStored();
      this.version = result.version;
      this.saved = parsed.document;
      this.room.announceSaved(stateVector);
      if (!(await this.store.coEditing.saveState(this.projectId, Y.encodeStateAsUpdate(this.room.doc)))) this.events.gone();
    } catch (error) {
      this.events.log(`co-editing: project ${this.projectId}: could not save: ${error instanceof Error ? error.message : String(error)}`);
      this.scheduleSave();
    }
  }

  /** The store moved on without the room: bring its change in (a three-way merge), then save again. */
  private async mergeStored(): Promise<void> {
    const stored = await this.store.projects.get(this.projectId);
    if (!stored) return this.events.gone();
    const document = upgradeDocument(stored.document) as ModelDocument;
    writeDocument(this.room.doc, this.saved, document, FROM_SERVER);
    this.placeMissing();
    this.saved = document;
    this.version = stored.version;
    this.scheduleSave();
  }

  /**
   * Gives a place to every table, view and enum the room's document has none for (a project saved
   * through the API without positions, or a table such a save added), below what is placed. The
   * room does it, once for everyone: each page would otherwise draw them on its own fallback grid,
   * where tall tables overlap. The same function places them on a page that opens the project, so
   * joining moves nothing. Saved with the next edit.
   */
  private placeMissing(): void {
    const current = this.currentDocument();
    const layout = withMissingPositions(current.model, current.layout);
    if (layout !== current.layout) writeDocument(this.room.doc, current, { ...current, layout }, FROM_SERVER);
  }
}
