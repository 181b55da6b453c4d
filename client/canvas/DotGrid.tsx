/**
 * The canvas's dot grid (in place of React Flow's `<Background>`, see dot-grid.ts): redrawn when the
 * zoom changes, moved, not redrawn, when the view pans. The move is written straight to the layer's
 * style from React Flow's store, so a pan frame renders no React component for it.
 */
import { useId, useLayoutEffect, useRef } from 'react';
import { useStore as useFlowStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { dotGridScale, dotGridShift } from './dot-grid.ts';

const selectZoom = (state: ReactFlowState) => state.transform[2];

export function DotGrid({ gap = 20, size = 1 }: { gap?: number; size?: number }) {
  const { period, radius } = dotGridScale(useFlowStore(selectZoom), gap, size);
  const store = useStoreApi();
  const layer = useRef<SVGSVGElement>(null);
  const patternId = `dot-grid-${useId()}`;

  useLayoutEffect(() => {
    const place = ({ transform: [x, y] }: ReactFlowState) => {
      const shift = dotGridShift(x, y, { period, radius });
      if (layer.current) layer.current.style.transform = `translate3d(${shift.x}px, ${shift.y}px, 0)`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, period, radius]);

  return (
    <div className="react-flow__background dot-grid" data-testid="dot-grid">
      <svg
        ref={layer}
        className="dot-grid-layer"
        style={{ left: -period, top: -period, width: `calc(100% + ${2 * period}px)`, height: `calc(100% + ${2 * period}px)` }}
      >
        <pattern id={patternId} width={period} height={period} patternUnits="userSpaceOnUse">
          <circle cx={period / 2} cy={period / 2} r={radius} className="react-flow__background-pattern dots" />
        </pattern>
        <rect width="100%" height="100%" fill={`url(#${patternId})`} />
      </svg>
    </div>
  );
}
