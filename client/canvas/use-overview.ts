/**
 * Whether the canvas draws the overview (overview.ts) now: a diagram of OVERVIEW_MIN_OBJECTS or
 * more, far away, whose picture at this zoom stays within its size limits, and no image export
 * under way (an export draws the nodes at 1:1). A boolean React Flow store selector: the canvas
 * re-renders when it flips, never per pan or zoom frame.
 */
import type { RefObject } from 'react';
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import type { Rect } from '../../shared/diagram/areas.ts';
import { FAR_ZOOM, labelScale } from './level-of-detail.ts';
import { fitsOverview, OVERVIEW_MIN_OBJECTS } from './overview.ts';

export function useOverview(objects: number, bounds: RefObject<Rect | undefined>, exporting: boolean): boolean {
  const select = (s: ReactFlowState) => {
    const zoom = s.transform[2];
    return objects >= OVERVIEW_MIN_OBJECTS && zoom < FAR_ZOOM && fitsOverview(bounds.current, (window.devicePixelRatio || 1) / labelScale(zoom));
  };
  return useFlowStore(select) && !exporting;
}
