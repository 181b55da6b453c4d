/**
 * What the page opens on: `/p/:id` opens a saved project; `/` the project this browser had open
 * last (projects/last-project.ts); otherwise a template (`?template=name`, the e-commerce model by
 * default; `?template=blank` an empty model). Templates are built in the browser: they are pure.
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { sqlParserReady } from '../sql/sql-parser-ready.ts';
import { templates, type Template } from '../../shared/model/templates/index.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { flushAutosave, showOpened } from '../data/project-autosave.ts';
import { projectsApi } from '../data/projects.ts';
import type { ProjectInfo } from '../store/project-slice.ts';
import { useStore } from '../store/index.ts';
import { withMissingPositions } from '../../shared/model/initial-layout.ts';
import { forgetLastProject, lastProjectId } from '../projects/last-project.ts';

export const DEFAULT_TEMPLATE = 'ecommerce';

export function projectIdFromPath(pathname: string): string | undefined {
  const match = pathname.match(/^\/p\/([^/]+)\/?$/);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** An empty model (only `public`) to draw from scratch: File → New → Blank model, `?template=blank`. */
export const BLANK_TEMPLATE: Template = {
  name: 'blank',
  title: 'Blank model',
  description: 'Nothing yet: only the public schema.',
  build: () => makeDocument(emptyModel(), undefined, 'Untitled'),
};

/** Puts an opened document on the page (the project first, so loading it is never taken for an edit). */
export function showDocument(doc: ModelDocument, project: ProjectInfo): void {
  showOpened(() => {
    const state = useStore.getState();
    state.setProject(project);
    state.setSaveState(project.source === 'project' ? 'saved' : 'unsaved');
    state.loadDocument({ ...doc, layout: withMissingPositions(doc.model, doc.layout) });
    state.select([]);
    state.setComparison(null);
  });
}

export function openTemplate(name: string): void {
  const known = [BLANK_TEMPLATE, ...templates];
  const template = known.find((t) => t.name === name) ?? known.find((t) => t.name === DEFAULT_TEMPLATE) ?? templates[0];
  if (!template) return;
  showDocument(template.build(), { name: template.name === 'blank' ? 'Untitled' : template.title, source: 'template' });
}

/** Opens saved project `id` (its document upgraded and checked by `projectsApi.get`). */
export async function openProject(id: string): Promise<void> {
  const project = await projectsApi.get(id);
  showDocument(project.document, { id: project.id, name: project.name, version: project.version, source: 'project' });
}

/** At start, `/` reopens the last project; gone (deleted), it is forgotten and the template opens. */
async function reopenedLastProject(location: Location): Promise<boolean> {
  const id = location.pathname === '/' && !location.search ? lastProjectId() : undefined;
  if (!id) return false;
  try {
    await openProject(id);
  } catch {
    forgetLastProject();
    return false;
  }
  window.history.replaceState(null, '', `/p/${encodeURIComponent(id)}`);
  return true;
}

/**
 * Opens what the URL names; a failure opens the default template and says why. `reopenLast`
 * (the first open, not back/forward): a bare `/` reopens the project this browser had open last.
 */
export async function openFromLocation(location: Location = window.location, { reopenLast = false } = {}): Promise<void> {
  await flushAutosave(); // back/forward: the project being left keeps its last edits
  // Loaded early so the lint panel checks SQL fields too; a failure shows where a document is opened.
  sqlParserReady().catch(() => undefined);
  const id = projectIdFromPath(location.pathname);
  if (!id) {
    if (reopenLast && (await reopenedLastProject(location))) return;
    openTemplate(new URLSearchParams(location.search).get('template') ?? DEFAULT_TEMPLATE);
    return;
  }
  try {
    await openProject(id);
  } catch (error) {
    openTemplate(DEFAULT_TEMPLATE);
    useStore.getState().notify({ kind: 'error', message: `Could not open project ${id}: ${error instanceof Error ? error.message : error}` });
  }
}
