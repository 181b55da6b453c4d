/**
 * Keeps `--lod-scale` (level-of-detail.ts) on the canvas container in step with the zoom. It
 * writes the style directly, outside React: a zoom tick costs one comparison, and only a new
 * step restyles the labels (no node re-renders).
 */
import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { labelScale } from './level-of-detail.ts';

export function useLabelScale(container: RefObject<HTMLElement | null>): void {
  const flowStore = useStoreApi();
  useEffect(() => {
    let shown = NaN;
    const follow = (zoom: number) => {
      const scale = labelScale(zoom);
      if (scale === shown || !container.current) return;
      shown = scale;
      container.current.style.setProperty('--lod-scale', String(scale));
    };
    follow(flowStore.getState().transform[2]);
    // Every change of React Flow's store, pans and programmatic fits included; most are not a new step.
    return flowStore.subscribe((s) => follow(s.transform[2]));
  }, [flowStore, container]);
}
