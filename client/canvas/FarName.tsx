/**
 * A node's name as drawn far away: lines laid out by `fitLabel` inside the node's box, in a font
 * multiplied by `labelScale(zoom)` so it reads at ~13px on screen. It re-renders only when the
 * scale moves to its next step (a few times per zoom gesture), never per pan or zoom frame.
 */
import { memo } from 'react';
import { useStore as useFlowStore } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { FAR_LABEL, fitLabel, selectLabelScale } from './level-of-detail.ts';
import { measureLabel } from './label-measure.ts';
import './far.css';

interface FarNameProps {
  name: string;
  /** The node's box in flow units (its measured size). */
  width: number;
  height: number;
  /** Rendered at every zoom and shown by CSS only when the canvas is far (views, enums: few nodes). */
  always?: boolean;
}

function FarNameView({ name, width, height, always = false }: FarNameProps) {
  // An image export draws nodes at 1:1 whatever the zoom: labels at their own size then.
  const exporting = useStore((s) => s.exporting);
  const zoomed = useFlowStore(selectLabelScale);
  const scale = exporting ? 1 : zoomed;
  const lines = fitLabel(name, { width, height }, scale, measureLabel);
  // Nothing fits (a box a few pixels wide): nothing drawn; the node's title tells the name on hover.
  if (!lines.length) return null;
  const style = {
    fontSize: FAR_LABEL.fontPx * scale,
    padding: `${FAR_LABEL.padY * scale}px ${FAR_LABEL.padX * scale}px`,
    top: FAR_LABEL.top,
  };
  return (
    <div className={`far-name${always ? ' far-only' : ''}`} data-testid="far-name" style={style}>
      {lines.map((line, i) => <div key={i} className="far-line">{line}</div>)}
    </div>
  );
}

export const FarName = memo(FarNameView);
