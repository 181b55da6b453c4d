/**
 * The diagram: wires the store to React Flow. Logic lives in to-flow.ts and flow-handlers.ts.
 * The studio's canvas is editable; a share link's page draws the same diagram with `editable={false}`:
 * pan, zoom, select and search, but no toolbar, no drag (of a table or to connect), no double-click
 * to add, no editing shortcuts, no minimap and no viewport kept.
 */
import { useEffect, useMemo, useReducer, useRef } from 'react';
import {
  ConnectionMode, Controls, ReactFlow, useNodesInitialized, useReactFlow, useStore as useFlowStore, ViewportPortal,
  type EdgeTypes, type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useStore } from '../store/index.ts';
import { selectLayout, selectModel, selectSelection } from '../store/selectors.ts';
import { useResolvedTheme } from '../shell/theme.ts';
import { CrowsFootMarkers } from './CrowsFootMarkers.tsx';
import { TableNode } from './TableNode.tsx';
import { FIT_OPTIONS, MAX_ZOOM, MIN_ZOOM, selectFar } from './level-of-detail.ts';
import { useLabelScale } from './use-label-scale.ts';
import { EnumNode, ViewNode } from './ObjectNodes.tsx';
import { NoteNode } from './NoteNode.tsx';
import { AreaNode } from './AreaNode.tsx';
import { GhostNode, ghostNodes, withoutGhosts } from './GhostNode.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { Shortcuts } from '../shell/shortcuts.ts';
import { addTableAt } from './commands.ts';
import { RelationEdge } from './RelationEdge.tsx';
import { CanvasMinimap } from './CanvasMinimap.tsx';
import { DotGrid } from './DotGrid.tsx';
import { markCanvasDrawn } from './canvas-drawn.ts';
import { OverviewLayer } from './OverviewLayer.tsx';
import { boxAt, overviewBoxes, OVERVIEW_MIN_OBJECTS } from './overview.ts';
import { boundsOf } from './minimap-geometry.ts';
import { useOverview } from './use-overview.ts';
import type { Rect } from '../../shared/diagram/areas.ts';
import { ViewportMemory } from './viewport-memory.ts';
import { toFlow, type FlowOutput, type RelationFlowEdge } from './to-flow.ts';
import * as handlers from './flow-handlers.ts';
import { PresenceLayer } from '../together/PresenceLayer.tsx';
import { NamePrompt } from '../together/NamePrompt.tsx';
import { usePointerSharing } from '../together/use-pointer-sharing.ts';

const nodeTypes: NodeTypes = { table: TableNode, enum: EnumNode, view: ViewNode, note: NoteNode, area: AreaNode, ghost: GhostNode };
const edgeTypes: EdgeTypes = { relation: RelationEdge };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const NO_EDGES: RelationFlowEdge[] = [];
/** What only an editable canvas listens to: a drag that moves tables, one that draws a relationship. */
const editing = {
  // Undo takes a whole drag as one step.
  onNodeDragStart: () => useStore.getState().beginDrag(),
  onNodeDragStop: () => useStore.getState().endDrag(),
  onConnect: handlers.onConnect,
  onConnectEnd: handlers.onConnectEnd,
};

export function Canvas({ editable = true }: { editable?: boolean }) {
  const model = useStore(selectModel);
  const layout = useStore(selectLayout);
  const selection = useStore(selectSelection);
  const theme = useResolvedTheme();
  const exporting = useStore((s) => s.exporting);
  // Far away the crow's feet are specks that cost a fifth of a pan frame (far.css drops them), and
  // edges join the tables' own handles: far tables draw no column rows (TableNode).
  const far = useFlowStore(selectFar) && !exporting;
  const measured = useRef<handlers.Measured>(new Map());
  const [sizes, resized] = useReducer((n: number) => n + 1, 0);
  const last = useRef<FlowOutput | undefined>(undefined);
  // A large diagram far away is one picture (overview.ts): its objects are hidden from React Flow.
  const bounds = useRef<Rect | undefined>(undefined);
  const objects = model.tables.length + model.views.length + model.enums.length;
  const overview = useOverview(objects, bounds, exporting);
  // An opened document is drawn once its view is in place (viewport-memory.ts): before that React
  // Flow stands at the last zoom, and a large diagram's tables would all mount there, only to be
  // unmounted a moment later by the overview (1,785 tables and 2,985 lines for 2,000 tables).
  const placing = useStore((s) => s.viewPlaced !== s.loads) && editable && objects >= OVERVIEW_MIN_OBJECTS;
  const hidden = overview || placing;
  const flow = useMemo(() => {
    last.current = toFlow({ model, layout, selected: selection, measured: measured.current, far, overview: hidden }, last.current);
    return last.current;
  }, [model, layout, selection, sizes, far, hidden]);
  const boxes = useMemo(() => overviewBoxes(flow.nodes), [flow.nodes]);
  const boxBounds = useMemo(() => boundsOf(boxes), [boxes]);
  bounds.current = boxBounds;
  // Comparing: removed objects as outlines, appended so the model's nodes keep their identity.
  const ghosts = useStore((s) => s.comparison?.ghosts);
  const nodes = useMemo(() => (ghosts?.length ? [...flow.nodes, ...ghostNodes(ghosts)] : flow.nodes), [flow.nodes, ghosts]);
  const reactFlow = useReactFlow();
  const initialized = useNodesInitialized();
  const nothingToDraw = flow.nodes.length === 0;
  useEffect(() => {
    if (initialized || nothingToDraw) markCanvasDrawn();
  }, [initialized, nothingToDraw]);
  const container = useRef<HTMLDivElement>(null);
  useLabelScale(container);
  const pointer = usePointerSharing();
  const onPane = (e: React.MouseEvent) => (e.target as HTMLElement).classList.contains('react-flow__pane');
  const pictured = (e: React.MouseEvent) => (overview ? boxAt(boxes, reactFlow.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : undefined);
  // In the overview a click selects the table under it, a double-click goes to it (between tables it does nothing).
  const onPaneClick = (e: React.MouseEvent) => {
    if (!overview) return;
    const hit = pictured(e);
    useStore.getState().select(hit ? [hit.id] : []);
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    if (!onPane(e)) return;
    const hit = pictured(e);
    if (hit) void reactFlow.setCenter(hit.x + hit.width / 2, hit.y + hit.height / 2, { zoom: 1, duration: 300 });
    // Not in the overview: a table added there would be a speck the user cannot see or edit.
    else if (editable && !overview) addTableAt(reactFlow, reactFlow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  return (
    <div
      ref={container}
      className={`canvas${far ? ' far' : ''}${exporting ? ' exporting' : ''}${editable ? '' : ' read-only'}`}
      data-testid="canvas"
      onDoubleClick={onDoubleClick}
      {...(editable ? pointer : {})}
    >
      {editable && <CanvasToolbar />}
      {editable && <Shortcuts />}
      {/* Over the diagram's corner, not the details pane: its tabs stay usable until it is answered. */}
      {editable && <NamePrompt />}
      {editable && model.tables.length + model.views.length + model.enums.length === 0 && (
        <div className="canvas-empty" data-testid="canvas-empty">
          An empty model. Double-click the canvas or press <kbd>N</kbd> to add a table; File → Import reads SQL or DBML.
        </div>
      )}
      <ReactFlow
        nodes={nodes}
        // The overview draws the relationships itself (React Flow would still draw those between hidden tables).
        edges={hidden ? NO_EDGES : flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={(changes) => handlers.onNodesChange(withoutGhosts(changes), measured.current) && resized()}
        onEdgesChange={handlers.onEdgesChange}
        nodesDraggable={editable}
        nodesConnectable={editable}
        edgesFocusable={editable}
        {...(editable ? editing : {})}
        onEdgeMouseEnter={(_, edge) => handlers.onEdgeHover(edge)}
        onEdgeMouseLeave={() => handlers.onEdgeHover(null)}
        connectionMode={ConnectionMode.Loose}
        colorMode={theme}
        onlyRenderVisibleElements={!exporting}
        onPaneClick={onPaneClick}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        // The studio places each opened document itself (viewport-memory.ts); a share link's page is fitted.
        fitView={!editable}
        fitViewOptions={FIT_OPTIONS}
        proOptions={{ hideAttribution: true }}
      >
        {/* Inside the viewport, so an exported image carries the relationship ends. */}
        <ViewportPortal><CrowsFootMarkers /></ViewportPortal>
        {overview && boxBounds && <OverviewLayer flow={flow} boxes={boxes} bounds={boxBounds} theme={theme} />}
        {/* Far away the dots are specks: none are drawn. */}
        {!far && <DotGrid gap={20} size={1} />}
        {editable && <CanvasMinimap theme={theme} />}
        {editable && <ViewportMemory />}
        {editable && <PresenceLayer />}
        <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
      </ReactFlow>
    </div>
  );
}
