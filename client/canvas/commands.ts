/**
 * The editor's verbs, shared by the toolbar, keyboard shortcuts and the command palette. Each one
 * is a single undoable step made of pure ops (shared/model/ops) and layout edits.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { addManyToMany, addTable, duplicateTable, ModelOpError } from '../../shared/model/ops/index.ts';
import { newId } from '../../shared/model/ids.ts';
import { addArea, addTablesToArea } from '../../shared/model/ops/layout.ts';
import { useStore } from '../store/index.ts';
import { copyTables, pasteTables, type Clip } from './clipboard.ts';
import { autoLayout, type Size } from './auto-layout.ts';
import { drawnSizes } from './node-sizes.ts';
import { useLayoutRun } from './layout-run.ts';
import type { LayoutMode } from '../../shared/model/arrange.ts';
import { AREA_COLORS } from './areas.ts';
import { freeSpot } from '../../shared/model/initial-layout.ts';
import { withoutSelection } from './delete-selection.ts';
import { FIT_OPTIONS } from './level-of-detail.ts';

type Flow = Pick<ReactFlowInstance, 'getInternalNode' | 'fitView' | 'screenToFlowPosition' | 'getViewport' | 'getNodes'>;

let clip: Clip | undefined;
const state = () => useStore.getState();

/** Adds a table at a point of the diagram (default: the middle of the view) and selects it. */
export function addTableAt(flow: Flow, at?: { x: number; y: number }): string {
  const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  const wanted = at ?? flow.screenToFlowPosition({ x: (canvas?.left ?? 0) + (canvas?.width ?? 800) / 2 - 110, y: (canvas?.top ?? 0) + (canvas?.height ?? 600) / 3 });
  const measured = new Map(flow.getNodes().flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
  return addTableNear(wanted, measured);
}

/** The DOM-free part of `addTableAt`: a new table at the free spot nearest `wanted`, selected, its name ready to type. */
export function addTableNear(wanted: { x: number; y: number }, measured: ReadonlyMap<string, Size> = new Map()): string {
  const id = newId('table');
  state().editDocument((doc) => ({
    ...doc,
    model: addTable(doc.model, { id, withIdColumn: true }),
    layout: { ...doc.layout, nodes: { ...doc.layout.nodes, [id]: freeSpot(doc.model, doc.layout, wanted, measured) } },
  }));
  state().select([id]);
  state().setRightTab('inspector');
  state().focusName(id);
  return id;
}

function selectedTableIds(): string[] {
  const { selection, doc } = state();
  return doc.model.tables.filter((t) => selection.has(t.id)).map((t) => t.id);
}

/** Deletes the selected tables (with the foreign keys pointing at them), views, enums, relationships, areas and notes. */
export function deleteSelection(): void {
  const selection = state().selection;
  state().editDocument((doc) => withoutSelection(doc, selection));
  state().select([]);
}

export function duplicateSelection(): void {
  const ids = selectedTableIds();
  if (!ids.length) return;
  const copies = ids.map(() => newId('table'));
  state().editDocument((doc) => {
    let model = doc.model;
    const nodes = { ...doc.layout.nodes };
    ids.forEach((tableId, i) => {
      model = duplicateTable(model, { tableId, id: copies[i] });
      const at = doc.layout.nodes[tableId];
      if (at) nodes[copies[i]] = { x: at.x + 40, y: at.y + 40 };
    });
    return { ...doc, model, layout: { ...doc.layout, nodes } };
  });
  state().select(copies);
}

export function copySelection(): boolean {
  const { doc, selection } = state();
  clip = copyTables(doc.model, doc.layout, selection);
  return !!clip;
}

export function paste(): void {
  if (!clip) return;
  const pastedClip = clip;
  let ids: string[] = [];
  state().editDocument((doc) => {
    const result = pasteTables(doc.model, doc.layout, pastedClip);
    ids = result.ids;
    return { ...doc, model: result.model, layout: result.layout };
  });
  state().select(ids);
  // Each paste lands a step further, like every drawing tool.
  clip = { ...pastedClip, positions: Object.fromEntries(Object.entries(pastedClip.positions).map(([k, p]) => [k, { x: p.x + 40, y: p.y + 40 }])) };
}

export function selectAll(): void {
  const { doc } = state();
  state().select([...doc.model.tables, ...doc.model.views, ...doc.model.enums].map((o) => o.id));
}

/**
 * Auto-layout of the selection (2+ nodes) or the whole model in the chosen mode (layered or compact),
 * in a worker with progress and Cancel (layout-run.ts); one undoable step. Sizes: measured, else estimated.
 */
export async function runAutoLayout(flow: Flow, mode: LayoutMode = useLayoutRun.getState().mode): Promise<void> {
  const { doc, selection } = state();
  useLayoutRun.getState().cancel();
  const sizes = drawnSizes(doc.model, doc.layout, (id) => {
    const m = flow.getInternalNode(id)?.measured;
    return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
  });
  const only = selection.size > 1 ? selection : undefined;
  const origin = only ? topLeft(doc.layout.nodes, only) : { x: 0, y: 0 };
  const controller = new AbortController();
  const run = useLayoutRun.setState;
  run({ controller, progress: { done: 0, total: 0 } });
  let positions;
  try {
    positions = await autoLayout(doc.model, sizes, only, origin, {
      mode, areas: doc.layout.areas, signal: controller.signal,
      onProgress: (done, total) => { if (useLayoutRun.getState().controller === controller) run({ progress: { done, total } }); },
    });
  } finally {
    if (useLayoutRun.getState().controller === controller) run({ controller: null, progress: null });
  }
  // Cancelled, or the model changed meanwhile: the positions would be for another model.
  if (!positions || state().doc.model !== doc.model) return;
  state().moveNodes(positions);
  if (!only) window.setTimeout(() => void flow.fitView({ ...FIT_OPTIONS, duration: 300 }), 50);
}

function topLeft(nodes: Record<string, { x: number; y: number }>, ids: ReadonlySet<string>) {
  const points = [...ids].map((id) => nodes[id]).filter(Boolean);
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}

/** Centers the view on a table and selects it (command palette, lint jump). */
export function focusNode(flow: Flow, id: string): void {
  state().select([id]);
  void flow.fitView({ nodes: [{ id }], padding: 0.6, duration: 300, maxZoom: 1, includeHiddenNodes: true });
}

/** A sticky note in the middle of the view; layout only, never part of the schema. */
export function addNote(flow: Flow): string {
  const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  return addNoteAt(flow.screenToFlowPosition({ x: (canvas?.left ?? 0) + (canvas?.width ?? 800) / 2, y: (canvas?.top ?? 0) + 120 }));
}

/** The DOM-free part of `addNote`: an empty note at a point of the diagram, selected. */
export function addNoteAt(at: { x: number; y: number }): string {
  const id = newId('note');
  state().editLayout((layout) => ({
    ...layout,
    notes: [...layout.notes, { id, text: '', x: Math.round(at.x), y: Math.round(at.y), width: 200, height: 120 }],
  }));
  state().select([id]);
  return id;
}

export function escape(): void {
  if (state().dialog) state().openDialog(null);
  else state().select([]);
}

/**
 * A subject area around the selected tables, named `Area N`, in the next color; with one area
 * selected as well, the tables join that area instead.
 */
export function addAreaFromSelection(): string | undefined {
  const tableIds = selectedTableIds();
  const { selection, doc } = state();
  const chosen = doc.layout.areas.filter((a) => selection.has(a.id));
  if (chosen.length === 1 && tableIds.length) {
    const areaId = chosen[0].id;
    state().editLayout((layout) => addTablesToArea(layout, { areaId, tableIds }));
    return areaId;
  }
  if (!tableIds.length) {
    state().notify({ kind: 'info', message: 'Select the tables of the subject area first (Shift-click or drag a box).' });
    return undefined;
  }
  const id = newId('area');
  state().editLayout((layout) => addArea(layout, {
    id, name: `Area ${layout.areas.length + 1}`, color: AREA_COLORS[layout.areas.length % AREA_COLORS.length], tableIds,
  }));
  state().select([id]);
  return id;
}

/** Two selected tables → a junction table between them (composite key, two foreign keys). */
export function addJunctionForSelection(): string | undefined {
  // In click order: the first table names the junction (products × categories → product_category).
  const tables = new Set(state().doc.model.tables.map((t) => t.id));
  const ids = [...state().selection].filter((id) => tables.has(id));
  if (ids.length !== 2) {
    state().notify({ kind: 'info', message: 'Select exactly two tables to link them many-to-many.' });
    return undefined;
  }
  const id = newId('table');
  const [left, right] = ids.map((t) => state().doc.layout.nodes[t]);
  try {
    state().editDocument((doc) => ({
      ...doc,
      model: addManyToMany(doc.model, { leftTableId: ids[0], rightTableId: ids[1], id }),
      layout: {
        ...doc.layout,
        nodes: { ...doc.layout.nodes, [id]: freeSpot(doc.model, doc.layout, { x: ((left?.x ?? 0) + (right?.x ?? 0)) / 2, y: Math.max(left?.y ?? 0, right?.y ?? 0) + 120 }) },
      },
    }));
  } catch (error) {
    if (!(error instanceof ModelOpError)) throw error;
    state().notify({ kind: 'error', message: error.message });
    return undefined;
  }
  state().select([id]);
  return id;
}
