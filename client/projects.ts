/**
 * Projects on the server: "Save" creates one and moves the page to `/p/:id`; from then on every
 * change is saved automatically with the version last read. A stale version is refused by the
 * server (409): the change is kept here, nothing is overwritten, and the user is told why.
 */
import type { ModelDocument } from '../shared/model/document.ts';
import { api, RequestError } from './api.ts';
import { useStore } from './store/index.ts';

const AUTOSAVE_DELAY_MS = 600;

export const CONFLICT_MESSAGE =
  'This project was changed elsewhere (another tab or person) since you opened it, so your latest ' +
  'changes were not saved. Reload to see the current version, or use "Save as new" to keep yours.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates a project from the open document and switches the page to it. */
export async function saveAsProject(name?: string): Promise<string | undefined> {
  const state = useStore.getState();
  const projectName = (name ?? state.project.name).trim() || 'Untitled';
  state.setSaveState('saving');
  try {
    const document: ModelDocument = { ...state.doc, name: projectName };
    const created = await api.post<{ id: string; version: number }>('/api/projects', { name: projectName, document });
    state.setProject({ id: created.id, name: projectName, version: created.version, source: 'project' });
    state.setSaveState('saved');
    window.history.pushState(null, '', `/p/${encodeURIComponent(created.id)}`);
    return created.id;
  } catch (error) {
    state.setSaveState('error');
    state.notify({ kind: 'error', message: `Could not save the project: ${describe(error)}` });
    return undefined;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | undefined;

async function saveNow(): Promise<void> {
  const state = useStore.getState();
  const { project } = state;
  if (project.source !== 'project' || !project.id || project.version === undefined) return;
  if (state.saveState === 'conflict') return;
  const doc = state.doc;
  state.setSaveState('saving');
  try {
    const saved = await api.put<{ version: number }>(`/api/projects/${encodeURIComponent(project.id)}`, { document: doc, version: project.version });
    const now = useStore.getState();
    if (now.project.id !== project.id) return;
    now.setProject({ ...now.project, version: saved.version });
    now.setSaveState(now.doc === doc ? 'saved' : 'unsaved');
    if (now.doc !== doc) schedule();
  } catch (error) {
    const conflict = error instanceof RequestError && error.status === 409;
    useStore.getState().setSaveState(conflict ? 'conflict' : 'error');
    useStore.getState().notify({ kind: 'error', message: conflict ? CONFLICT_MESSAGE : `Autosave failed: ${describe(error)}` });
  }
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    inFlight = (inFlight ?? Promise.resolve()).then(saveNow);
  }, AUTOSAVE_DELAY_MS);
}

/** Leaving while a save is pending or refused would lose edits: let the browser ask first. */
function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  const { project, saveState } = useStore.getState();
  if (project.source === 'project' && saveState !== 'saved') event.preventDefault();
}

/** Starts autosaving; returns the unsubscribe function. */
export function startAutosave(): () => void {
  window.addEventListener('beforeunload', warnBeforeLeaving);
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.doc === previous.doc || state.project.source !== 'project') return;
    if (state.project.id !== previous.project.id) return; // a project was just opened, not edited
    if (state.saveState !== 'conflict') state.setSaveState('unsaved');
    schedule();
  });
  return () => {
    unsubscribe();
    window.removeEventListener('beforeunload', warnBeforeLeaving);
  };
}

/** Waits for pending saves (tests, and before leaving the page). */
export async function flushAutosave(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = undefined;
    await saveNow();
  }
  await inFlight;
}
