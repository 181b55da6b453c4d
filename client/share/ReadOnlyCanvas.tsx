/**
 * The diagram of a share link's page: the same nodes and edges as the studio's canvas (`to-flow.ts`),
 * fitted in view, to pan, zoom, select and search, with nothing that edits: no toolbar, no drag (of
 * a table or to connect), no double-click to add, no editing shortcuts, no viewport kept.
 */
import { useMemo, useReducer, useRef } from 'react';
import {
  Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, useStore as useFlowStore, ViewportPortal, type EdgeTypes, type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import { useStore } from '../store/index.ts';
import { selectLayout, selectModel, selectSelection } from '../store/selectors.ts';
import { useResolvedTheme } from '../shell/theme.ts';
import { CrowsFootMarkers } from '../canvas/CrowsFootMarkers.tsx';
import { TableNode } from '../canvas/TableNode.tsx';
import { EnumNode, ViewNode } from '../canvas/ObjectNodes.tsx';
import { NoteNode } from '../canvas/NoteNode.tsx';
import { AreaNode } from '../canvas/AreaNode.tsx';
import { RelationEdge } from '../canvas/RelationEdge.tsx';
import { FIT_OPTIONS, MAX_ZOOM, MIN_ZOOM, selectFar } from '../canvas/level-of-detail.ts';
import { useLabelScale } from '../canvas/use-label-scale.ts';
import { toFlow, type FlowOutput } from '../canvas/to-flow.ts';
import * as handlers from '../canvas/flow-handlers.ts';

const nodeTypes: NodeTypes = { table: TableNode, enum: EnumNode, view: ViewNode, note: NoteNode, area: AreaNode };
const edgeTypes: EdgeTypes = { relation: RelationEdge };

export function ReadOnlyCanvas() {
  const model = useStore(selectModel);
  const layout = useStore(selectLayout);
  const selection = useStore(selectSelection);
  const theme = useResolvedTheme();
  const measured = useRef<handlers.Measured>(new Map());
  const [sizes, resized] = useReducer((n: number) => n + 1, 0);
  const last = useRef<FlowOutput | undefined>(undefined);
  // Far away tables draw no column rows, as on the studio's canvas (to-flow.ts).
  const far = useFlowStore(selectFar);
  const flow = useMemo(() => {
    last.current = toFlow({ model, layout, selected: selection, measured: measured.current, far }, last.current);
    return last.current;
  }, [model, layout, selection, sizes, far]);
  const container = useRef<HTMLDivElement>(null);
  useLabelScale(container);
  return (
    <div ref={container} className={`canvas read-only${far ? ' far' : ''}`} data-testid="canvas">
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        // Sizes and selection only: without dragging there is no move to report.
        onNodesChange={(changes) => handlers.onNodesChange(changes, measured.current) && resized()}
        onEdgeMouseEnter={(_, edge) => handlers.onEdgeHover(edge)}
        onEdgeMouseLeave={() => handlers.onEdgeHover(null)}
        // As the studio's canvas: a relationship joins column handles whichever side they are on.
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        colorMode={theme}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        fitView
        fitViewOptions={FIT_OPTIONS}
        proOptions={{ hideAttribution: true }}
      >
        <ViewportPortal><CrowsFootMarkers /></ViewportPortal>
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
      </ReactFlow>
    </div>
  );
}
