import { describe, expect, it } from 'vitest';
import type { ProjectInfo, SaveState } from '../store/project-slice.ts';
import { unsavedWorkWarning } from './unsaved-work.ts';

const project: ProjectInfo = { id: 'p1', name: 'Shop', version: 3, source: 'project' };
const draft = (source: ProjectInfo['source']): ProjectInfo => ({ name: 'Blank', source });

describe('unsavedWorkWarning', () => {
  const cases: { name: string; project: ProjectInfo; saveState: SaveState; edited: boolean; says?: RegExp }[] = [
    { name: 'a saved project loses nothing', project, saveState: 'saved', edited: true },
    { name: 'a pending save', project, saveState: 'unsaved', edited: true, says: /"Shop" are not saved \(a save is still pending\)/ },
    { name: 'a running save', project, saveState: 'saving', edited: true, says: /still running/ },
    { name: 'a refused save', project, saveState: 'conflict', edited: true, says: /changed elsewhere/ },
    { name: 'a failed save', project, saveState: 'error', edited: false, says: /last save failed/ },
    { name: 'an untouched template', project: draft('template'), saveState: 'unsaved', edited: false },
    { name: 'an edited template', project: draft('template'), saveState: 'unsaved', edited: true, says: /"Blank" has edits that are saved nowhere.*Save as project/ },
    { name: 'an edited file', project: draft('file'), saveState: 'unsaved', edited: true, says: /saved nowhere/ },
    { name: 'a draft left by a deleted project', project: draft('draft'), saveState: 'unsaved', edited: true, says: /saved nowhere/ },
  ];
  it.each(cases)('$name', ({ project: p, saveState, edited, says }) => {
    const warning = unsavedWorkWarning({ project: p, saveState, edited });
    if (says) expect(warning).toMatch(says);
    else expect(warning).toBeUndefined();
  });
});
