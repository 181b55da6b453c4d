/**
 * What would be lost by leaving the open document (another project, a template, a file, a reload):
 * pure, so the wording and the cases are tested without a browser.
 */
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
    return reason && `The latest changes to "${project.name}" are not saved (${reason}). Leave and lose them?`;
  }
  if (!edited) return undefined;
  return `"${project.name}" has edits that are saved nowhere (it is not a saved project). Leave and lose them? ` +
    'File → Save as project keeps them.';
}
