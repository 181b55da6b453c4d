/** Shares where this person's pointer is on the diagram, at most every 50 ms. */
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { pointAt } from './live-session.ts';

const EVERY_MS = 50;

export function usePointerSharing(): { onPointerMove: (e: React.PointerEvent) => void; onPointerLeave: () => void } {
  const reactFlow = useReactFlow();
  return useMemo(() => {
    let last = 0;
    return {
      onPointerMove: (e: React.PointerEvent) => {
        const now = performance.now();
        if (now - last < EVERY_MS) return;
        last = now;
        pointAt(reactFlow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      },
      onPointerLeave: () => pointAt(undefined),
    };
  }, [reactFlow]);
}
