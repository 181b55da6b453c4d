/**
 * A saved project comes back to where the user was looking: each pan or zoom, once it ends, is kept
 * in `layout.viewport` (saved with the project, not an undo step), and an opened document with a
 * saved viewport is shown there. Templates, files and drafts are not saved, so their panning is not
 * kept (it would count as an unsaved edit).
 * Every other opened document (a template, an import from a file or a database) is fitted in view
 * (FIT_OPTIONS), and an empty one opens at the working zoom: never at the zoom of the model before.
 */
import { useEffect, useRef } from 'react';
import { getViewportForBounds, useNodesInitialized, useOnViewportChange, useReactFlow, useStoreApi } from '@xyflow/react';
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

/** Whether two views are the same to the eye (a fit's arithmetic may differ in the last digits). */
function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;
}

export function useViewportMemory(): void {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const loads = useStore((s) => s.loads);
  // The load whose view was put in place; until then React Flow's own fit must not be kept.
  const shown = useRef(-1);
  /*
   * Where this load's view was put (saved, fitted or working). Putting it there is not an edit: its
   * end event, and any later end at that same view, is not kept (a kept view is saved, so a fit
   * on opening would save the project again).
   */
  const placed = useRef<Viewport | undefined>(undefined);
  const flowStore = useStoreApi();
  useEffect(() => {
    if (shown.current === loads) return;
    const { doc } = useStore.getState();
    const empty = !hasNodes(doc);
    // Nodes are placed once measured (or estimated); React Flow's first fit would undo an earlier move.
    if (!initialized && !empty) return;
    shown.current = loads;
    // The fit computed here rather than by fitView: its promise is not kept when no node changes after it.
    const { width, height } = flowStore.getState();
    const fitted = () => getViewportForBounds(flow.getNodesBounds(flow.getNodes()), width, height, FIT_OPTIONS.minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
    placed.current = doc.layout.viewport ?? (empty ? WORKING_VIEWPORT : fitted());
    void flow.setViewport(placed.current);
  }, [initialized, loads, flow, flowStore]);
  useOnViewportChange({
    onEnd: (viewport: Viewport) => {
      const state = useStore.getState();
      if (shown.current !== state.loads || (placed.current && sameView(viewport, placed.current))) return;
      if (keepsViewport(state.project)) state.keepViewport(viewport);
    },
  });
}
