/**
 * Pure edit ops on the layout (subject areas, sticky notes, the saved viewport):
 * `op(layout, params) → layout`. Like the model ops they keep structural sharing and return the very
 * same layout when nothing changes, so callers can skip an undo step with `===`. Layout is never
 * read by DDL or diff: none of these is a schema change.
 */
import type { Layout } from '../document.ts';
import { ModelOpError } from './model-op-error.ts';

type Area = Layout['areas'][number];
type Note = Layout['notes'][number];
export type Viewport = NonNullable<Layout['viewport']>;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function checkColor(color: string, what: string): void {
  if (!HEX_COLOR.test(color)) throw new ModelOpError(`${what}: the colour "${color}" is not of the form #rrggbb.`);
}

/** Applies `fn` to the item with the id; the list (and the layout) keep their identity when nothing changed. */
function updateById<T extends { id: string }>(list: T[], id: string, fn: (item: T) => T): T[] {
  let changed = false;
  const out = list.map((item) => {
    if (item.id !== id) return item;
    const next = fn(item);
    changed ||= next !== item;
    return next;
  });
  return changed ? out : list;
}

function updateArea(layout: Layout, areaId: string, fn: (area: Area) => Area): Layout {
  const areas = updateById(layout.areas, areaId, fn);
  return areas === layout.areas ? layout : { ...layout, areas };
}

function mapNote(layout: Layout, noteId: string, fn: (note: Note) => Note): Layout {
  const notes = updateById(layout.notes, noteId, fn);
  return notes === layout.notes ? layout : { ...layout, notes };
}

/** A new subject area around tables. Ex: `addArea(l, { id, name: 'Billing', color: '#2f6fed', tableIds })`. */
export function addArea(layout: Layout, p: { id: string; name: string; color: string; tableIds: string[] }): Layout {
  if (!p.name.trim()) throw new ModelOpError('A subject area needs a name.');
  checkColor(p.color, `Subject area "${p.name}"`);
  return { ...layout, areas: [...layout.areas, { id: p.id, name: p.name.trim(), color: p.color, tableIds: [...new Set(p.tableIds)] }] };
}

/** Tables join an area (those already in it stay where they are). */
export function addTablesToArea(layout: Layout, p: { areaId: string; tableIds: string[] }): Layout {
  return updateArea(layout, p.areaId, (a) => {
    const added = p.tableIds.filter((t) => !a.tableIds.includes(t));
    return added.length ? { ...a, tableIds: [...a.tableIds, ...new Set(added)] } : a;
  });
}

/** Takes tables out of an area; the tables themselves stay on the diagram. */
export function removeTablesFromArea(layout: Layout, p: { areaId: string; tableIds: string[] }): Layout {
  return updateArea(layout, p.areaId, (a) => {
    const kept = a.tableIds.filter((t) => !p.tableIds.includes(t));
    return kept.length === a.tableIds.length ? a : { ...a, tableIds: kept };
  });
}

/** Renames an area; an empty name is refused (the label would vanish). */
export function renameArea(layout: Layout, p: { areaId: string; name: string }): Layout {
  const name = p.name.trim();
  if (!name) throw new ModelOpError('A subject area needs a name.');
  return updateArea(layout, p.areaId, (a) => (a.name === name ? a : { ...a, name }));
}

/** Ex: `setAreaColor(l, { areaId, color: '#2f8f5b' })`. */
export function setAreaColor(layout: Layout, p: { areaId: string; color: string }): Layout {
  return updateArea(layout, p.areaId, (a) => {
    if (a.color === p.color) return a;
    checkColor(p.color, `Subject area "${a.name}"`);
    return { ...a, color: p.color };
  });
}

/** The area's description (shown in the inspector); an empty text removes it. */
export function setAreaNote(layout: Layout, p: { areaId: string; note: string }): Layout {
  return updateArea(layout, p.areaId, (a) => {
    if ((a.note ?? '') === p.note) return a;
    const { note: _old, ...rest } = a;
    return p.note ? { ...rest, note: p.note } : rest;
  });
}

/** A sticky note's colour; `undefined` gives it back the theme's colour. */
export function setNoteColor(layout: Layout, p: { noteId: string; color: string | undefined }): Layout {
  return mapNote(layout, p.noteId, (n) => {
    if (n.color === p.color) return n;
    const { color: _old, ...rest } = n;
    if (p.color === undefined) return rest;
    checkColor(p.color, 'Sticky note');
    return { ...rest, color: p.color };
  });
}

/** Text and size of a sticky note. */
export function updateNote(layout: Layout, p: { noteId: string; patch: Partial<Pick<Note, 'text' | 'width' | 'height'>> }): Layout {
  return mapNote(layout, p.noteId, (n) => {
    const same = Object.entries(p.patch).every(([k, v]) => n[k as keyof Note] === v);
    return same ? n : { ...n, ...p.patch };
  });
}

/** A drawn object's colour (table, view, enum); `undefined` removes it. */
export function setNodeColor(layout: Layout, p: { nodeId: string; color: string | undefined }): Layout {
  const node = layout.nodes[p.nodeId] ?? { x: 0, y: 0 };
  if (node.color === p.color && layout.nodes[p.nodeId]) return layout;
  const { color: _old, ...rest } = node;
  if (p.color !== undefined) checkColor(p.color, 'Colour');
  return { ...layout, nodes: { ...layout.nodes, [p.nodeId]: p.color === undefined ? rest : { ...rest, color: p.color } } };
}

/** Where the user was looking (pan and zoom), so a reload comes back to it. Rounded to keep files tidy. */
export function setViewport(layout: Layout, viewport: Viewport): Layout {
  if (![viewport.x, viewport.y, viewport.zoom].every(Number.isFinite) || viewport.zoom <= 0) {
    throw new ModelOpError(`The viewport ${JSON.stringify(viewport)} is not a finite pan with a positive zoom.`);
  }
  const next = { x: Math.round(viewport.x), y: Math.round(viewport.y), zoom: Math.round(viewport.zoom * 1000) / 1000 };
  const old = layout.viewport;
  if (old && old.x === next.x && old.y === next.y && old.zoom === next.zoom) return layout;
  return { ...layout, viewport: next };
}
