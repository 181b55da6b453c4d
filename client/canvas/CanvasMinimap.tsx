/**
 * The minimap, drawn on a <canvas>. React Flow's own minimap is an SVG with one rectangle (and one
 * store subscription) per node, repainted on every frame of a pan: with 2,000 tables that alone
 * cost a third of the frame budget. Here the nodes are drawn once per change of the node list, and
 * only the viewport rectangle (a div) moves while panning. Drag on it to pan, wheel to zoom.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Panel, useReactFlow, useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import type { FlowNode } from './to-flow.ts';
import { boundsOf, fitMap, fromMap, toMap, visibleFlowBox, type Box } from './minimap-geometry.ts';
import './minimap.css';

const SIZE = { width: 200, height: 150 };
/** Fill per node type, as CSS variables (theme aware); the same colors as the .mm-* classes had. */
const FILL: Record<string, string> = { table: '--edge', enum: '--badge-pk', view: '--ok', area: '--accent-soft' };
const NOTE_FILL = '#e8d77c';

const selectNodes = (s: ReactFlowState) => s.nodes as FlowNode[];
const selectTransform = (s: ReactFlowState) => s.transform;
const selectPane = (s: ReactFlowState) => `${s.width}x${s.height}`;

function boxOf(node: FlowNode): Box {
  const width = node.measured?.width ?? node.width ?? 0;
  const height = node.measured?.height ?? node.height ?? 0;
  return { x: node.position.x, y: node.position.y, width, height };
}

function draw(canvas: HTMLCanvasElement, nodes: FlowNode[], fit: ReturnType<typeof fitMap>): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = SIZE.width * ratio;
  canvas.height = SIZE.height * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // Each variable read once per drawing: a style lookup per node cost 50 ms on a 500-table model.
  const css = getComputedStyle(canvas);
  const fills = new Map<string, string>();
  const variable = (name: string) => fills.get(name) ?? fills.set(name, css.getPropertyValue(name)).get(name)!;
  const color = (type: string | undefined, selected: boolean | undefined) =>
    selected ? variable('--accent') : type === 'note' ? NOTE_FILL : variable(FILL[type ?? 'table'] ?? '--edge');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, SIZE.width, SIZE.height);
  // Areas first, beneath the tables, as on the canvas.
  for (const pass of ['area', 'rest']) {
    for (const node of nodes) {
      if ((node.type === 'area') !== (pass === 'area')) continue;
      const r = toMap(boxOf(node), fit);
      ctx.fillStyle = color(node.type, node.selected);
      ctx.fillRect(r.x, r.y, Math.max(r.width, 1), Math.max(r.height, 1));
    }
  }
}

export function CanvasMinimap({ theme }: { theme: string }) {
  const nodes = useFlowStore(selectNodes);
  const transform = useFlowStore(selectTransform);
  const pane = useFlowStore(selectPane);
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const fit = useMemo(() => {
    const bounds = boundsOf(nodes.map(boxOf));
    return bounds ? fitMap(bounds, SIZE.width, SIZE.height) : undefined;
  }, [nodes]);

  useEffect(() => {
    // After the frame is painted: an edit made by a key or a click runs its effects before the paint,
    // and drawing 2,000 tables here held each rename's repaint back by ~10 ms.
    const timer = setTimeout(() => {
      // No nodes (a blank model): clear, or the last document's picture would stay.
      if (canvas.current) draw(canvas.current, nodes, fit ?? { scale: 1, offsetX: 0, offsetY: 0 });
    });
    return () => clearTimeout(timer);
  }, [nodes, fit, theme]);

  const [paneWidth, paneHeight] = pane.split('x').map(Number);
  const view = fit ? toMap(visibleFlowBox(transform, paneWidth, paneHeight), fit) : undefined;
  const centerAt = (e: React.PointerEvent) => {
    if (!fit) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const point = fromMap(e.clientX - rect.left, e.clientY - rect.top, fit);
    void flow.setCenter(point.x, point.y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap canvas-minimap nowheel" data-testid="minimap">
      <div
        className="canvas-minimap-body"
        style={SIZE}
        onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); centerAt(e); }}
        onPointerMove={(e) => { if (e.currentTarget.hasPointerCapture(e.pointerId)) centerAt(e); }}
        onWheel={(e) => void flow.zoomTo(flow.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2))}
      >
        <canvas ref={canvas} style={SIZE} />
        {view && <div className="canvas-minimap-view" style={{ left: view.x, top: view.y, width: view.width, height: view.height }} />}
      </div>
    </Panel>
  );
}
