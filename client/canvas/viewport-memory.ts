/**
 * A saved project comes back to where the user was looking: each pan or zoom, once it ends, is kept
 * in `layout.viewport` (saved with the project, not an undo step), and an opened document with a
 * saved viewport is shown there. Templates, files and drafts are not saved, so their panning is not
 * kept (it would count as an unsaved edit).
 * Every other opened document (a template, an import from a file or a database) is fitted in view
 * (FIT_OPTIONS), and an empty one opens at the working zoom: never at the zoom of the model before.
 */
import { useCallback, useEffect, useRef } from 'react';
import {
  getViewportForBounds, useNodesInitialized, useOnViewportChange, useReactFlow, useStore as useFlowStore, useStoreApi,
  type Node, type ReactFlowState,
} from '@xyflow/react';
import { useStore } from '../store/index.ts';
import type { Viewport } from '../../shared/model/ops/layout.ts';
import type { ProjectInfo } from '../store/project-slice.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { FIT_OPTIONS, WORKING_VIEWPORT } from './level-of-detail.ts';

/** Whether a pan or zoom of this document is kept: only a saved project has somewhere to keep it. */
export function keepsViewport(project: ProjectInfo): boolean {
  return project.source === 'project';
}

/** Whether the canvas draws anything for this document (tables, views, enums or notes). */
function hasNodes({ model, layout }: ModelDocument): boolean {
  return model.tables.length + model.views.length + model.enums.length + layout.notes.length > 0;
}

/**
 * Whether React Flow holds this document's nodes yet. Right after a load it still holds the previous
 * document's (its store is updated by an effect that runs after ours), and a fit computed from them
 * puts the new model off screen. Every node is built from the document's own objects
 * (to-flow.ts), so identity tells.
 */
function flowShows({ model, layout }: ModelDocument, lookup: ReactFlowState['nodeLookup']): boolean {
  const holds = (id: string, key: string, object: unknown) => (lookup.get(id)?.internals.userNode as Node | undefined)?.data[key] === object;
  return model.tables.every((t) => holds(t.id, 'table', t)) && model.views.every((v) => holds(v.id, 'view', v))
    && model.enums.every((e) => holds(e.id, 'enumType', e)) && layout.notes.every((n) => holds(n.id, 'note', n));
}

const selectNodes = (s: ReactFlowState) => s.nodes;

/** Whether two views are the same to the eye (a fit's arithmetic may differ in the last digits). */
function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;
}

/** Renders nothing: a component of its own so that following React Flow's nodes re-renders only it. */
export function ViewportMemory(): null {
  useViewportMemory();
  return null;
}

function useViewportMemory(): void {
  const flow = useReactFlow();
  const flowNodes = useFlowStore(selectNodes);
  const loads = useStore((s) => s.loads);
  // The load whose view was put in place; until then React Flow's own fit must not be kept.
  const shown = useRef(-1);
  /*
   * Where this load's view was put (saved, fitted or working). Putting it there is not an edit: its
   * end event, and any later end at that same view, is not kept (a kept view is saved, so a fit
   * on opening would save the project again).
   */
  const placed = useRef<Viewport | undefined>(undefined);
  // Every view this load was put at (a fit, then its refit): an end event at any of them is not an edit.
  const placements = useRef<Viewport[]>([]);
  // The load whose view was a fit, made again once every node was measured (views, enums and notes carry no estimate).
  const fittedLoad = useRef(-1);
  const refittedLoad = useRef(-1);
  const initialized = useNodesInitialized();
  const flowStore = useStoreApi();
  // The fit computed here rather than by fitView: its promise is not kept when no node changes after it.
  const fitted = () => {
    const { width, height } = flowStore.getState();
    return getViewportForBounds(flow.getNodesBounds(flow.getNodes()), width, height, FIT_OPTIONS.minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
  };
  useEffect(() => {
    if (shown.current === loads) return;
    const { doc } = useStore.getState();
    const empty = !hasNodes(doc);
    /*
     * Placed as soon as React Flow holds the document's nodes, before it has measured them (tables
     * carry estimated sizes): the first render is then at the final view, instead of a render at the
     * last zoom, a measure, and a second render (on a 500-table model, once near and once far).
     */
    if (!empty && !flowShows(doc, flowStore.getState().nodeLookup)) return;
    shown.current = loads;
    if (!doc.layout.viewport && !empty) fittedLoad.current = loads;
    placed.current = doc.layout.viewport ?? (empty ? WORKING_VIEWPORT : fitted());
    placements.current = [placed.current];
    void flow.setViewport(placed.current);
    useStore.getState().setViewPlaced(loads);
  }, [loads, flow, flowStore, flowNodes]);
  useEffect(() => {
    if (!initialized || fittedLoad.current !== loads || refittedLoad.current === loads || !placed.current) return;
    refittedLoad.current = loads;
    // Moved meanwhile (by the user, or a jump): their view stands.
    if (!sameView(flow.getViewport(), placed.current)) return;
    // Estimates a few pixels off do not move the view again (a click may be on its way to a table).
    const measured = fitted();
    const { x, y, zoom } = placed.current;
    if (Math.abs(measured.zoom / zoom - 1) < 0.02 && Math.abs(measured.x - x) < 8 && Math.abs(measured.y - y) < 8) return;
    placed.current = measured;
    placements.current.push(measured);
    void flow.setViewport(measured);
  }, [initialized, loads, flow, flowNodes]);
  // One callback for the page's life (it reads only refs and the store): a new one each render made
  // React Flow's store change, and every node's subscription run again, on every edit.
  const onEnd = useCallback((viewport: Viewport) => {
    const state = useStore.getState();
    if (shown.current !== state.loads || placements.current.some((view) => sameView(viewport, view))) return;
    if (keepsViewport(state.project)) state.keepViewport(viewport);
  }, []);
  useOnViewportChange({ onEnd });
}
