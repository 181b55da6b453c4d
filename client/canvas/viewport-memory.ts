/**
 * A saved project comes back to where the user was looking: each pan or zoom, once it ends, is kept
 * in `layout.viewport` (saved with the project, not an undo step), and an opened document with a
 * saved viewport is shown there instead of fitted. Templates, files and drafts are not saved, so
 * their panning is not kept (it would count as an unsaved edit).
 */
import { useEffect, useRef } from 'react';
import { useNodesInitialized, useOnViewportChange, useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import type { Viewport } from '../../shared/model/ops/layout.ts';
import type { ProjectInfo } from '../store/project-slice.ts';

/** Whether a pan or zoom of this document is kept: only a saved project has somewhere to keep it. */
export function keepsViewport(project: ProjectInfo): boolean {
  return project.source === 'project';
}

export function useViewportMemory(): void {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const loads = useStore((s) => s.loads);
  // The load whose viewport was put back; until then React Flow's own fit must not be kept.
  const shown = useRef(-1);
  useEffect(() => {
    if (!initialized || shown.current === loads) return;
    shown.current = loads;
    const saved = useStore.getState().doc.layout.viewport;
    if (saved) void flow.setViewport(saved);
  }, [initialized, loads, flow]);
  useOnViewportChange({
    onEnd: (viewport: Viewport) => {
      const state = useStore.getState();
      if (shown.current === state.loads && keepsViewport(state.project)) state.keepViewport(viewport);
    },
  });
}
