/**
 * What the page opens on: `/p/:id` opens a saved project; otherwise a template (`?template=name`,
 * the e-commerce model by default). Templates are built in the browser: they are pure.
 */
import type { ModelDocument } from '../shared/model/document.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import { templates } from '../shared/model/templates/index.ts';
import { api } from './api.ts';
import { useStore } from './store/index.ts';
import { withMissingPositions } from './canvas/initial-layout.ts';

export const DEFAULT_TEMPLATE = 'ecommerce';

export function projectIdFromPath(pathname: string): string | undefined {
  const match = pathname.match(/^\/p\/([^/]+)\/?$/);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function open(doc: ModelDocument, project: ReturnType<typeof useStore.getState>['project']) {
  const state = useStore.getState();
  state.loadDocument({ ...doc, layout: withMissingPositions(doc.model, doc.layout) });
  state.setProject(project);
  state.setSaveState(project.source === 'project' ? 'saved' : 'unsaved');
  state.select([]);
  state.setComparison(null);
}

export function openTemplate(name: string): void {
  const template = templates.find((t) => t.name === name) ?? templates.find((t) => t.name === DEFAULT_TEMPLATE) ?? templates[0];
  if (!template) return;
  open(template.build(), { name: template.title, source: 'template' });
}

interface ProjectResponse { id: string; name: string; version: number; document: unknown }

export async function openProject(id: string): Promise<void> {
  const project = await api.get<ProjectResponse>(`/api/projects/${encodeURIComponent(id)}`);
  const parsed = parseDocument(project.document);
  if (!parsed.ok) throw new Error(`project ${project.name} holds an invalid document: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`);
  open(parsed.document, { id: project.id, name: project.name, version: project.version, source: 'project' });
}

/** Opens what the URL names; a failure opens the default template and says why. */
export async function openFromLocation(location: Location = window.location): Promise<void> {
  const id = projectIdFromPath(location.pathname);
  if (!id) {
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
