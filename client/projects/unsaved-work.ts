/**
 * What would be lost by leaving the open document (another project, a template, a file, a reload),
 * whether a document was edited at all, whether a kept draft holds anything the opened document
 * does not, and how old it is: pure, so the wording and the cases are tested without a browser.
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { sameJson } from '../../shared/model/same-json.ts';
import type { ProjectInfo, SaveState } from '../store/project-slice.ts';

export interface OpenWork {
  project: ProjectInfo;
  saveState: SaveState;
  /** The document differs from what was opened (for a draft: edits that live nowhere else). */
  edited: boolean;
}

const PROJECT_REASON: Record<SaveState, string | undefined> = {
  saved: undefined,
  unsaved: 'a save is still pending',
  saving: 'a save is still running',
  conflict: 'the server refused it: the project was changed elsewhere',
  error: 'the last save failed',
};

/**
 * Why leaving now loses work, or undefined when nothing would be lost.
 * Ex: `unsavedWorkWarning({ project: { name: 'Shop', source: 'template' }, saveState: 'unsaved', edited: true })`
 * → `"Shop" has edits that are saved nowhere …`.
 */
export function unsavedWorkWarning(work: OpenWork): string | undefined {
  const { project, saveState, edited } = work;
  if (project.source === 'project') {
    const reason = PROJECT_REASON[saveState];
    return reason && `The latest changes to "${project.name}" are not saved (${reason}).`;
  }
  if (!edited) return undefined;
  return `"${project.name}" has edits that are saved nowhere (it is not a saved project). Save it as a project first, or discard them?`;
}

/**
 * True when `doc` differs from what was opened. Panning and zooming (the saved viewport) is not an
 * edit: a look around a template leaves nothing to keep. The store replaces what it changes, so
 * references tell.
 */
export function isEdited(doc: ModelDocument, opened: ModelDocument | undefined): boolean {
  if (!opened) return true;
  if (doc === opened) return false;
  const { layout, ...rest } = doc;
  const { layout: openedLayout, ...openedRest } = opened;
  const sameRest = (Object.keys({ ...rest, ...openedRest }) as (keyof typeof rest)[]).every((key) => rest[key] === openedRest[key]);
  const { viewport: _a, ...shapes } = layout;
  const { viewport: _b, ...openedShapes } = openedLayout;
  const sameShapes = (Object.keys({ ...shapes, ...openedShapes }) as (keyof typeof shapes)[]).every((key) => shapes[key] === openedShapes[key]);
  return !(sameRest && sameShapes);
}

/**
 * The same document apart from where the view was: a kept draft like this holds no edit. Member
 * order does not count: a project comes back from the server's store (PostgreSQL jsonb) with its
 * keyed members (`layout.nodes`) in another order than the page wrote them, so comparing JSON text
 * took every draft of an unchanged project for unsaved edits.
 */
export function sameApartFromView(a: ModelDocument, b: ModelDocument): boolean {
  const withoutView = (d: ModelDocument) => ({ ...d, layout: { ...d.layout, viewport: undefined } });
  return sameJson(withoutView(a), withoutView(b));
}

const UNITS: [limit: number, size: number, unit: string][] = [
  [60, 1, 'second'], [3600, 60, 'minute'], [86_400, 3600, 'hour'], [Infinity, 86_400, 'day'],
];

/** How long ago a draft was kept. Ex: `timeAgo(0, 125_000)` → `2 minutes ago`; under 10 s → `just now`. */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 10) return 'just now';
  const [, size, unit] = UNITS.find(([limit]) => seconds < limit)!;
  const count = Math.floor(seconds / size);
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}
