/**
 * The overview (overview.ts): the tables, views, enums and relationships of a large diagram far
 * away, drawn on one <canvas> inside the viewport, so a pan moves one picture. Redrawn when what it
 * shows changes, the theme changes, or the zoom reaches its next label step (a few times per zoom
 * gesture); labels are laid out as the nodes' own far labels are (fitLabel).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import type { Rect } from '../../shared/diagram/areas.ts';
import type { FlowOutput } from './to-flow.ts';
import { FAR_LABEL, fitLabel, selectLabelScale } from './level-of-detail.ts';
import { labelFontFamily, measureLabel } from './label-measure.ts';
import { overviewEdges, type OverviewBox } from './overview.ts';

interface Picture {
  boxes: readonly OverviewBox[];
  edges: ReturnType<typeof overviewEdges>;
  bounds: Rect;
  /** Device pixels per flow unit. */
  pixels: number;
  /** labelScale at this zoom. */
  scale: number;
}

const HEADER_STRIP = 4;

function draw(canvas: HTMLCanvasElement, { boxes, edges, bounds, pixels, scale }: Picture): void {
  canvas.width = Math.max(1, Math.ceil(bounds.width * pixels));
  canvas.height = Math.max(1, Math.ceil(bounds.height * pixels));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const css = getComputedStyle(canvas);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const [panel, border, accent, text, edge] = ['--panel', '--border', '--accent', '--text', '--edge'].map(color);
  const header: Record<OverviewBox['kind'], string> = { table: accent, view: color('--ok'), enum: color('--badge-pk') };
  const devicePixel = 1 / pixels;
  ctx.setTransform(pixels, 0, 0, pixels, -bounds.x * pixels, -bounds.y * pixels);

  for (const e of edges) {
    ctx.strokeStyle = e.selected ? accent : edge;
    ctx.lineWidth = (e.selected ? 2 : 1) * devicePixel;
    ctx.stroke(new Path2D(e.path));
  }
  for (const b of boxes) {
    ctx.fillStyle = panel;
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.fillStyle = b.color ?? header[b.kind];
    ctx.fillRect(b.x, b.y, b.width, Math.max(HEADER_STRIP, 2 * devicePixel));
    ctx.strokeStyle = b.selected ? accent : border;
    ctx.lineWidth = (b.selected ? 3 : 1) * devicePixel;
    ctx.strokeRect(b.x, b.y, b.width, b.height);
  }
  ctx.fillStyle = text;
  ctx.textBaseline = 'top';
  ctx.font = `650 ${FAR_LABEL.fontPx * scale}px ${labelFontFamily()}`;
  const line = FAR_LABEL.fontPx * FAR_LABEL.lineHeight * scale;
  for (const b of boxes) {
    fitLabel(b.name, b, scale, measureLabel).forEach((label, i) => {
      ctx.fillText(label, b.x + FAR_LABEL.padX * scale, b.y + FAR_LABEL.top + FAR_LABEL.padY * scale + i * line);
    });
  }
}

interface OverviewLayerProps {
  flow: FlowOutput;
  boxes: readonly OverviewBox[];
  /** The boxes' bounds (Canvas has them already, to decide whether the picture fits). */
  bounds: Rect;
  theme: string;
}

export function OverviewLayer({ flow, boxes, bounds, theme }: OverviewLayerProps) {
  const scale = useFlowStore(selectLabelScale);
  const canvas = useRef<HTMLCanvasElement>(null);
  const edges = useMemo(() => overviewEdges(flow.edges, new Map(boxes.map((b) => [b.id, b]))), [flow.edges, boxes]);
  // At this label step the zoom is about 1/scale: the picture is drawn at the screen's resolution.
  const pixels = (window.devicePixelRatio || 1) / scale;
  useEffect(() => {
    if (canvas.current) draw(canvas.current, { boxes, edges, bounds, pixels, scale });
  }, [boxes, edges, bounds, pixels, scale, theme]);
  return (
    <ViewportPortal>
      <canvas
        ref={canvas}
        className="canvas-overview"
        data-testid="canvas-overview"
        style={{ left: bounds.x, top: bounds.y, width: bounds.width, height: bounds.height }}
      />
    </ViewportPortal>
  );
}
