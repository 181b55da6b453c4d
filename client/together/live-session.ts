/**
 * Co-editing of the open project: while a saved project is open, the page joins its room on the
 * server (`/api/projects/:id/live`, y-websocket). The room saves the project; this page's own
 * autosave stands aside. Offline, edits stay here (and in the kept draft) and merge when the
 * connection comes back. Presence (name, colour, pointer, selection) travels as Yjs awareness.
 */
import * as Y from 'yjs';
import type { ModelDocument } from '../../shared/model/document.ts';
import { WebsocketProvider } from 'y-websocket';
import { letRoomSave } from '../data/project-autosave.ts';
import { getUserName, onUserNameChange } from '../shell/user-name.ts';
import { routeHistory, useStore } from '../store/index.ts';
import { whenCanvasDrawn } from '../canvas/canvas-drawn.ts';
import { bindStore } from './store-binding.ts';
import { commentsRevisionOf, editsSaved, whenSaved } from './room-saves.ts';
import { collaboratorOf, colorOf, OFF, useLive, type Collaborator } from './live-state.ts';

interface Session {
  projectId: string;
  /** Resolves once the room has saved this browser's edits. */
  flush(): Promise<void>;
  /** Where this person's pointer is on the diagram; undefined when it left the canvas. */
  point(cursor: { x: number; y: number } | undefined): void;
  stop(): void;
}

let session: Session | undefined;

export const pointAt = (cursor: { x: number; y: number } | undefined): void => session?.point(cursor);

function liveUrl(projectId: string): string {
  const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${window.location.host}/api/projects/${encodeURIComponent(projectId)}`;
}

/** `openedDoc`: the document the room is known to hold; edits on top of it are written to the room once synced. */
function openSession(projectId: string, openedDoc = useStore.getState().doc): Session {
  const ydoc = new Y.Doc();
  // Joined once the diagram is drawn: applying a large project's room state would delay its first paint.
  const provider = new WebsocketProvider(liveUrl(projectId), 'live', ydoc, { connect: false });
  const cancelJoin = whenCanvasDrawn(() => navigator.onLine && provider.connect());
  const awareness = provider.awareness;
  let synced = false;
  /** Saved by the room, being saved (sent), or waiting here for the connection. */
  const showSaveState = () => {
    const state = editsSaved(ydoc, awareness) ? 'saved' : provider.wsconnected && synced ? 'saving' : 'unsaved';
    if (useStore.getState().saveState !== state) useStore.getState().setSaveState(state);
  };
  const binding = bindStore(ydoc, showSaveState);
  /** Live once the room's document is here; offline when the browser is, or when a joined room is lost. */
  const showStatus = () => {
    const status = !navigator.onLine ? 'offline' : provider.wsconnected && synced ? 'live' : synced ? 'offline' : 'connecting';
    if (useLive.getState().status !== status) useLive.setState({ status });
  };
  provider.on('sync', (isSynced: boolean) => {
    if (!isSynced) return;
    if (!synced) binding.start(openedDoc);
    synced = true;
    showStatus();
    showSaveState();
  });
  provider.on('status', () => {
    showStatus();
    if (synced) showSaveState();
  });

  const me = () => ({ name: getUserName() ?? 'Anonymous', color: colorOf(ydoc.clientID) });
  awareness.setLocalState({ user: me(), selection: [...useStore.getState().selection], cursor: null });
  const renamed = onUserNameChange(() => awareness.setLocalStateField('user', me()));
  const showOthers = () => {
    const others: Collaborator[] = [];
    awareness.getStates().forEach((state, clientId) => {
      const other = clientId === ydoc.clientID ? undefined : collaboratorOf(clientId, state);
      if (other) others.push(other);
    });
    useLive.setState({ others: others.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId) });
  };
  awareness.on('change', showOthers);
  awareness.on('change', () => synced && showSaveState());
  // Someone commented (here or through another instance): read the threads again. Joining a room
  // that announced comments before reads them once more, which costs one request.
  let commentsRevision = '';
  awareness.on('change', () => {
    const revision = commentsRevisionOf(awareness);
    if (revision === commentsRevision) return;
    commentsRevision = revision;
    void useStore.getState().loadComments(projectId);
  });
  const unselect = useStore.subscribe((state, previous) => {
    if (state.selection !== previous.selection) awareness.setLocalStateField('selection', [...state.selection]);
  });

  const undoable = () => useLive.setState({ canUndo: binding.undoManager.canUndo(), canRedo: binding.undoManager.canRedo() });
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) binding.undoManager.on(event, undoable);
  const unroute = routeHistory({ undo: binding.undo, redo: binding.redo });
  // The browser knows before the socket does (which may take its keep-alive's half minute).
  const offline = () => {
    provider.disconnect();
    showStatus();
  };
  const online = () => {
    provider.connect();
    showStatus();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  showStatus();

  return {
    projectId,
    flush: () => whenSaved(ydoc, awareness),
    point: (cursor) => awareness.setLocalStateField('cursor', cursor ?? null),
    stop() {
      cancelJoin();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      unroute();
      unselect();
      renamed();
      binding.stop();
      provider.destroy();
      ydoc.destroy();
      useLive.setState(OFF);
    },
  };
}

/** The open project, when there is one to edit together (not a template, file or draft). */
function projectToJoin(): string | undefined {
  const { project } = useStore.getState();
  return project.source === 'project' && project.id ? project.id : undefined;
}

function follow(openedDoc?: ModelDocument): void {
  const projectId = projectToJoin();
  if (session?.projectId === projectId) return;
  session?.stop();
  session = projectId ? openSession(projectId, openedDoc) : undefined;
}

/** Joins the open project's room, and follows the page from project to project; returns the stop function. */
export function startCoEditing(): () => void {
  letRoomSave({ active: () => session !== undefined, flush: () => session?.flush() ?? Promise.resolve() });
  follow();
  const unsubscribe = useStore.subscribe((state, previous) => {
    const otherProject = state.project.id !== previous.project.id || state.project.source !== previous.project.source;
    const loaded = state.loads !== previous.loads;
    if (!otherProject && !loaded) return;
    // At once: the room must never receive the next document as an edit of this one.
    session?.stop();
    session = undefined;
    // Once the page has it all (a project is set before its document is loaded). The same project
    // loaded again (a kept draft restored) joins with what it replaced as the room's document.
    const roomHeld = otherProject ? undefined : previous.doc;
    queueMicrotask(() => follow(roomHeld));
  });
  return () => {
    unsubscribe();
    session?.stop();
    session = undefined;
  };
}
