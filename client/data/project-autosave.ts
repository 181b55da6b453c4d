/**
 * Projects on the server: "Save" creates one and moves the page to `/p/:id`; from then on every
 * change is saved automatically with the version last read. A stale version is refused by the
 * server (409): the change is kept here, nothing is overwritten, and the user is told why.
 * Opening another document first saves what is pending and asks Save / Discard / Cancel when
 * something would still be lost (`readyToLeave`); opening never counts as an edit (`showOpened`).
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { useStore } from '../store/index.ts';
import type { ProjectInfo } from '../store/project-slice.ts';
import { isEdited, unsavedWorkWarning } from '../projects/unsaved-work.ts';
import { askAboutUnsaved, askProjectName } from '../projects/ask.ts';
import { RequestError } from './http.ts';
import { projectsApi } from './projects.ts';

const AUTOSAVE_DELAY_MS = 600;

export const CONFLICT_MESSAGE =
  'This project was changed elsewhere (another tab or person) since you opened it, so your latest ' +
  'changes were not saved. Reload to see the current version, or use "Save as new" to keep yours.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * File → Save as project: asks for the name (the current one filled in, none for "Untitled"),
 * then saves. Undefined when the user cancelled or the save failed.
 */
export async function saveWithName(): Promise<string | undefined> {
  const { project } = useStore.getState();
  const initial = project.source === 'project' ? `${project.name} (copy)` : project.name === 'Untitled' ? '' : project.name;
  const name = await askProjectName(initial, project.source === 'project' ? 'Save as new project' : 'Save as project');
  return name ? saveAsProject(name) : undefined;
}

/**
 * The page becomes the project just created, its document under the name it was stored with (the
 * project's, for exports): with its old name the page differed from the project until the next save,
 * and a draft kept meanwhile (projects/draft-keeper.ts) was offered back after a reload as unsaved
 * edits. One change of the store, not an undo step: the new name is no edit of the project being
 * left (its autosave, its room) nor of the new one.
 */
function showCreated(project: ProjectInfo): void {
  const history = useStore.temporal.getState();
  const tracking = history.isTracking;
  history.pause();
  useStore.setState(({ doc }) => ({ doc: doc.name === project.name ? doc : { ...doc, name: project.name }, project, saveState: 'saved' }));
  if (tracking) history.resume();
}

/** Creates a project from the open document and switches the page to it. */
export async function saveAsProject(name?: string): Promise<string | undefined> {
  const state = useStore.getState();
  const projectName = (name ?? state.project.name).trim() || 'Untitled';
  state.setSaveState('saving');
  try {
    const document: ModelDocument = { ...state.doc, name: projectName };
    const created = await projectsApi.create(projectName, document);
    showCreated({ id: created.id, name: projectName, version: created.version, source: 'project' });
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
/** True while an opened document is put on the page: loading it is not an edit to save. */
let opening = false;
/** The document as last opened; a draft that differs from it has edits that live nowhere else. */
let openedDoc: ModelDocument | undefined;

/** While a co-editing room saves the open project (client/together), this page saves nothing itself. */
let room = { active: () => false, flush: () => Promise.resolve() };
const savedByRoom = () => room.active();
export function letRoomSave(saver: typeof room): void {
  room = saver;
}

async function saveNow(): Promise<void> {
  if (savedByRoom()) return;
  const state = useStore.getState();
  const { project } = state;
  if (project.source !== 'project' || !project.id || project.version === undefined) return;
  if (state.saveState === 'conflict') return;
  const doc = state.doc;
  state.setSaveState('saving');
  try {
    const saved = await projectsApi.save(project.id, doc, project.version);
    const now = useStore.getState();
    if (now.project.id !== project.id) return;
    now.setProject({ ...now.project, version: saved.version });
    now.setSaveState(now.doc === doc ? 'saved' : 'unsaved');
    if (now.doc !== doc) schedule();
  } catch (error) {
    if (useStore.getState().project.id !== project.id) return; // the page moved on meanwhile
    if (error instanceof RequestError && error.status === 404) return becomeDraft(project.name);
    const conflict = error instanceof RequestError && error.status === 409;
    useStore.getState().setSaveState(conflict ? 'conflict' : 'error');
    useStore.getState().notify({ kind: 'error', message: conflict ? CONFLICT_MESSAGE : `Autosave failed: ${describe(error)}` });
  }
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    inFlight = (inFlight ?? Promise.resolve()).then(saveNow);
  }, AUTOSAVE_DELAY_MS);
}

/**
 * The open project no longer exists on the server (deleted here or elsewhere): keep what is on the
 * page as an unsaved draft, stop autosaving it, and say how to keep it.
 */
export function becomeDraft(name: string): void {
  clearTimeout(timer);
  timer = undefined;
  openedDoc = undefined; // its content is now saved nowhere
  const state = useStore.getState();
  state.setProject({ name, source: 'draft' });
  state.setSaveState('unsaved');
  state.setComparison(null);
  state.notify({ kind: 'error', message: `The project "${name}" was deleted, so this page is now an unsaved draft. Use File → Save as project to keep it.` });
  if (window.location.pathname !== '/') window.history.replaceState(null, '', '/');
}

/**
 * Puts an opened document (project, template, file) on the page. Loading is not an edit: nothing is
 * scheduled for saving, and the document counts as unedited. Call `readyToLeave()` first.
 */
export function showOpened(load: () => void): void {
  clearTimeout(timer);
  timer = undefined;
  opening = true;
  try {
    load();
  } finally {
    opening = false;
  }
  openedDoc = useStore.getState().doc;
}

/** What leaving now would lose, in words; undefined when nothing would be lost. */
export function currentWarning(): string | undefined {
  const { project, saveState, doc } = useStore.getState();
  return unsavedWorkWarning({ project, saveState, edited: isEdited(doc, openedDoc) });
}

/**
 * Before another document replaces the open one: saves what is pending, then, if something would
 * still be lost (a refused save, an edited draft), asks Save / Discard / Cancel in the studio's
 * dialog. Save keeps the work as a project (asking its name) and goes on; true to go on.
 */
export async function readyToLeave(): Promise<boolean> {
  await flushAutosave();
  const warning = currentWarning();
  if (!warning) return true;
  const choice = await askAboutUnsaved(warning);
  if (choice === 'discard') return true;
  if (choice === 'cancel') return false;
  const { saveState, project } = useStore.getState();
  if (project.source === 'project' && saveState === 'error') {
    schedule(); // the server may answer now
    await flushAutosave();
    return !currentWarning();
  }
  return (await saveWithName()) !== undefined;
}

/**
 * A kept draft was put back on the page (projects/draft-keeper.ts): its edits live nowhere else yet,
 * so they count as edits, and a project's are saved again.
 */
export function markRestored(): void {
  openedDoc = undefined;
  const state = useStore.getState();
  if (state.project.source !== 'project') return;
  state.setSaveState('unsaved');
  schedule();
}

/** Leaving while a save is pending or refused, or with an edited draft, would lose edits: let the browser ask first. */
function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  if (currentWarning()) event.preventDefault();
}

/** Starts autosaving; returns the unsubscribe function. */
export function startAutosave(): () => void {
  window.addEventListener('beforeunload', warnBeforeLeaving);
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (opening || state.doc === previous.doc || state.project.source !== 'project') return;
    if (state.project.id !== previous.project.id) return; // a project was just opened, not edited
    if (savedByRoom()) return;
    if (state.saveState !== 'conflict') state.setSaveState('unsaved');
    schedule();
  });
  return () => {
    unsubscribe();
    window.removeEventListener('beforeunload', warnBeforeLeaving);
  };
}

/** Waits for pending saves (before another document replaces this one, before a version is taken). */
export async function flushAutosave(): Promise<void> {
  if (savedByRoom()) return room.flush();
  if (timer) {
    clearTimeout(timer);
    timer = undefined;
    inFlight = (inFlight ?? Promise.resolve()).then(saveNow);
  }
  await inFlight;
}
