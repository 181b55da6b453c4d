import { describe, expect, it } from 'vitest';
import type { ProjectInfo, SaveState } from '../store/project-slice.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { makeDocument, emptyModel } from '../../shared/model/empty.ts';
import { isEdited, sameApartFromView, timeAgo, unsavedWorkWarning } from './unsaved-work.ts';

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
    { name: 'an edited template', project: draft('template'), saveState: 'unsaved', edited: true, says: /"Blank" has edits that are saved nowhere.*Save it as a project first, or discard them\?/ },
    { name: 'an edited file', project: draft('file'), saveState: 'unsaved', edited: true, says: /saved nowhere/ },
    { name: 'a draft left by a deleted project', project: draft('draft'), saveState: 'unsaved', edited: true, says: /saved nowhere/ },
  ];
  it.each(cases)('$name', ({ project: p, saveState, edited, says }) => {
    const warning = unsavedWorkWarning({ project: p, saveState, edited });
    if (says) expect(warning).toMatch(says);
    else expect(warning).toBeUndefined();
  });
});

describe('isEdited', () => {
  const opened = makeDocument(emptyModel(), undefined, 'Shop');
  const cases: { name: string; doc: ModelDocument; from: ModelDocument | undefined; edited: boolean }[] = [
    { name: 'the opened document itself', doc: opened, from: opened, edited: false },
    { name: 'only panned or zoomed', doc: { ...opened, layout: { ...opened.layout, viewport: { x: 10, y: 20, zoom: 0.5 } } }, from: opened, edited: false },
    { name: 'a table moved', doc: { ...opened, layout: { ...opened.layout, nodes: { t1: { x: 1, y: 2 } } } }, from: opened, edited: true },
    { name: 'the model changed', doc: { ...opened, model: { ...opened.model } }, from: opened, edited: true },
    { name: 'renamed', doc: { ...opened, name: 'Store' }, from: opened, edited: true },
    { name: 'nothing was opened (a draft of a deleted project)', doc: opened, from: undefined, edited: true },
  ];
  it.each(cases)('$name', ({ doc, from, edited }) => expect(isEdited(doc, from)).toBe(edited));
});

describe('timeAgo', () => {
  const cases: [ms: number, says: string][] = [
    [0, 'just now'], [9_000, 'just now'], [45_000, '45 seconds ago'], [61_000, '1 minute ago'],
    [125_000, '2 minutes ago'], [3 * 3600_000, '3 hours ago'], [26 * 3600_000, '1 day ago'], [-5_000, 'just now'],
  ];
  it.each(cases)('%i ms → %s', (ms, says) => expect(timeAgo(1_000_000, 1_000_000 + ms)).toBe(says));
});

describe('sameApartFromView', () => {
  const base = makeDocument(emptyModel(), undefined, 'Shop');
  const stored: ModelDocument = { ...base, layout: { ...base.layout, nodes: { 'table:public.customers': { x: 0, y: 0 }, 'table:public.orders': { x: 300, y: 0 } } } };
  const { name: _name, ...unnamed } = stored;
  const cases: { name: string; draft: ModelDocument; to?: ModelDocument; same: boolean }[] = [
    { name: 'the stored document itself', draft: stored, same: true },
    { name: 'only panned or zoomed', draft: { ...stored, layout: { ...stored.layout, viewport: { x: 10, y: 20, zoom: 0.5 } } }, same: true },
    // As a project comes back from the server's jsonb: keys by length, so `orders` first.
    { name: 'its members in another order', draft: { ...stored, layout: { ...stored.layout, nodes: { 'table:public.orders': { y: 0, x: 300 }, 'table:public.customers': { x: 0, y: 0 } } } }, same: true },
    { name: 'a member set to undefined (absent in JSON)', draft: { ...unnamed, name: undefined }, to: unnamed, same: true },
    { name: 'a name where there was none', draft: stored, to: unnamed, same: false },
    { name: 'a table moved', draft: { ...stored, layout: { ...stored.layout, nodes: { ...stored.layout.nodes, 'table:public.orders': { x: 301, y: 0 } } } }, same: false },
    { name: 'a node more', draft: { ...stored, layout: { ...stored.layout, nodes: { ...stored.layout.nodes, 'table:public.items': { x: 0, y: 300 } } } }, same: false },
    { name: 'renamed', draft: { ...stored, name: 'E-commerce' }, same: false },
    { name: 'the model changed', draft: { ...stored, model: { ...stored.model, schemas: [...stored.model.schemas, { ...stored.model.schemas[0], name: 'sales' }] } }, same: false },
  ];
  it.each(cases)('$name', ({ draft, to = stored, same }) => {
    expect(sameApartFromView(draft, to)).toBe(same);
    expect(sameApartFromView(to, draft)).toBe(same);
  });
});
