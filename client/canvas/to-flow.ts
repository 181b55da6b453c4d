/**
 * Model + layout → React Flow nodes and edges. React Flow re-measures every node whose object
 * changed, so a node object is reused (===) whenever the things it is drawn from are the same
 * objects as last time; an edit to one table then costs one node, not the whole diagram.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Enum, ForeignKey, Layout, Model, Table, View } from '../../shared/model/document.ts';
import { fanLanes, NO_LANES, type FanEdge, type Lanes } from '../../shared/diagram/edge-route.ts';
import { isUniqueSet } from './badges.ts';
import { areaRect, type Area, type Rect } from './areas.ts';
import { estimateTableNode, TABLE_HANDLE } from './node-estimate.ts';

export type NodeLook = Layout['nodes'][string] | undefined;
export type Note = Layout['notes'][number];

export type TableNodeData = { table: Table; look: NodeLook };
export type EnumNodeData = { enumType: Enum; look: NodeLook };
export type ViewNodeData = { view: View; look: NodeLook };
export type NoteNodeData = { note: Note };
export type AreaNodeData = { area: Area; rect: Rect };
export type TableFlowNode = Node<TableNodeData, 'table'>;
export type EnumFlowNode = Node<EnumNodeData, 'enum'>;
export type ViewFlowNode = Node<ViewNodeData, 'view'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;
export type AreaFlowNode = Node<AreaNodeData, 'area'>;
export type FlowNode = TableFlowNode | EnumFlowNode | ViewFlowNode | NoteFlowNode | AreaFlowNode;

export interface RelationEdgeData extends Record<string, unknown> {
  fk: ForeignKey;
  /** The referencing columns may be NULL: a child row need not have a parent. */
  parentOptional: boolean;
  /** The referencing columns are unique: at most one child per parent (one-to-one). */
  childUnique: boolean;
  /** Where this line runs beside others at the same column (shared/diagram/edge-route.ts). */
  lanes: Lanes;
}
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

export interface FlowInput {
  model: Model;
  layout: Layout;
  selected: ReadonlySet<string>;
  /**
   * Last measured size per node, copied onto the node objects: React Flow hides a node until it is
   * measured, never re-measures a node whose size did not change, and the minimap reads it.
   */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
  /**
   * Zoomed out past FAR_ZOOM (level-of-detail.ts `selectFar`, false while exporting): tables draw
   * no column rows (TableNode), so edges join the tables' own handles. Required: a canvas that
   * draws TableNode and leaves it out loses its edges far away.
   */
  far: boolean;
  /**
   * Drawn as one picture (overview.ts, OverviewLayer), or not drawn yet (a large document whose view
   * is not in place): tables, views and enums are kept in React Flow (its fit, minimap and lookups
   * see them) but hidden, so none is mounted; their edges go too.
   */
  overview?: boolean;
}

export interface FlowOutput {
  nodes: FlowNode[];
  edges: RelationFlowEdge[];
  /** The level of detail the edges were built for (FlowInput.far). */
  far: boolean;
  /** What the edges were drawn from, so the next call recomputes only the lines that changed. */
  drawn?: DrawnEdges;
}

const GRID = { columns: 6, width: 320, height: 300 };

/** Where an object without a stored position goes: a plain grid in model order. */
export function fallbackPosition(index: number): { x: number; y: number } {
  return { x: (index % GRID.columns) * GRID.width, y: Math.floor(index / GRID.columns) * GRID.height };
}

/**
 * The previous call's objects by id, looked up by position first: an edit keeps the order of
 * tables and relationships, so the object at the same index is nearly always the one, and the map
 * (thousands of entries on a large model) is built only when one is not.
 */
class Previous<T extends { id: string }> {
  private byId: Map<string, T> | undefined;
  constructor(private readonly list: readonly T[]) {}

  get(id: string, index: number): T | undefined {
    const at = this.list[index];
    if (at?.id === id) return at;
    this.byId ??= new Map(this.list.map((item) => [item.id, item]));
    return this.byId.get(id);
  }
}

/**
 * `detailChanged`: the zoom crossed FAR_ZOOM. React Flow keeps the handles it measured on a node
 * (at the previous level: the table's own pair only when far) until it mounts the node again, so
 * every table gets a new node object carrying all its handles, estimated for its measured width
 * (node-estimate.ts); mounted tables are measured again as they resize.
 */
function buildNodes(input: FlowInput, prev: Previous<FlowNode>, detailChanged: boolean): FlowNode[] {
  const { model, layout, selected } = input;
  const out: FlowNode[] = [];
  let index = 0;
  /**
   * The node of `object` (its data under `key`, with its `look`), the previous one when it would be
   * drawn the same. Compared before anything is allocated: on a large model most nodes are reused.
   */
  const add = (id: string, type: FlowNode['type'], key: string, object: unknown, look: NodeLook, x: number, y: number) => {
    const isSelected = selected.has(id);
    const old = prev.get(id, out.length);
    const size = input.measured?.get(id);
    const sameSize = !size || (old?.measured?.width === size.width && old?.measured?.height === size.height);
    const fresh = detailChanged && type === 'table';
    const hidden = !!input.overview && type !== 'note';
    const data = old?.data as Record<string, unknown> | undefined;
    if (old && !fresh && sameSize && old.type === type && old.selected === isSelected && data![key] === object && data!.look === look &&
        old.position.x === x && old.position.y === y && !!old.hidden === hidden) {
      out.push(old);
    } else {
      // Unmeasured tables carry an estimate, so React Flow mounts only those in view; tables
      // crossing a level of detail carry their handles (node-estimate.ts).
      const estimate = type === 'table' && (fresh || !size) ? estimateTableNode(object as Table, look?.collapsed, size?.width) : {};
      out.push({
        id, type, position: { x, y }, data: type === 'note' ? { [key]: object } : { [key]: object, look }, selected: isSelected,
        ...estimate, ...(size ? { measured: size } : {}),
        ...(type === 'note' ? { zIndex: -1 } : {}), ...(hidden ? { hidden } : {}),
      } as FlowNode);
    }
    index += 1;
  };
  const place = (id: string, type: FlowNode['type'], key: string, object: unknown) => {
    const look = layout.nodes[id];
    const at = look ?? fallbackPosition(index);
    add(id, type, key, object, look, at.x, at.y);
  };
  addAreas(input, prev, out);
  for (const table of model.tables) place(table.id, 'table', 'table', table);
  for (const view of model.views) place(view.id, 'view', 'view', view);
  for (const enumType of model.enums) place(enumType.id, 'enum', 'enumType', enumType);
  for (const note of layout.notes) add(note.id, 'note', 'note', note, undefined, note.x, note.y);
  return out;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Area rectangles go first so they are drawn beneath the tables. */
function addAreas(input: FlowInput, prev: Previous<FlowNode>, out: FlowNode[]): void {
  const counts = new Map(input.model.tables.map((t) => [t.id, t.columns.length]));
  for (const area of input.layout.areas) {
    const rect = areaRect(area, input.layout.nodes, input.measured, counts);
    if (!rect) continue;
    const selected = input.selected.has(area.id);
    const old = prev.get(area.id, out.length);
    if (old?.type === 'area' && old.data.area === area && sameRect(old.data.rect, rect) && !!old.selected === selected) {
      out.push(old);
      continue;
    }
    out.push({
      id: area.id, type: 'area', position: { x: rect.x, y: rect.y }, data: { area, rect },
      width: rect.width, height: rect.height, measured: { width: rect.width, height: rect.height },
      selected, draggable: false, zIndex: -2,
    });
  }
}

/** Which side of each node an edge leaves from, so lines do not cross the tables they join. */
function handleSides(from: { x: number }, to: { x: number }, self: boolean): ['l' | 'r', 'l' | 'r'] {
  if (self) return ['r', 'r'];
  if (to.x > from.x + 60) return ['r', 'l'];
  if (to.x < from.x - 60) return ['l', 'r'];
  return ['r', 'r'];
}

/** What one relationship's line is drawn from, kept between calls (FlowOutput.drawn). */
interface DrawnEdge {
  /** The foreign key's id. */
  id: string;
  fk: ForeignKey;
  table: Table;
  target: Table;
  from: { x: number; y: number };
  to: { x: number; y: number };
  far: boolean;
  sourceHandle: string;
  targetHandle: string;
  fan: FanEdge;
  parentOptional: boolean;
  childUnique: boolean;
}

/** The relationships' lines and the lanes they run in, as last computed. */
export interface DrawnEdges {
  /** In the model's order (tables, then each table's foreign keys). */
  lines: DrawnEdge[];
  fans: FanEdge[];
  lanes: Map<string, Lanes>;
}

/** Rows are 24px apart: close enough to order the lines that fan out of one column. */
const rowY = (t: Table, y: number, columnId: string) => y + 24 * t.columns.findIndex((c) => c.id === columnId);

function drawEdge(fk: ForeignKey, table: Table, target: Table, from: { x: number; y: number }, to: { x: number; y: number }, far: boolean): DrawnEdge {
  const [out1, in1] = handleSides(from, to, table.id === target.id);
  const sourceHandle = far ? TABLE_HANDLE[out1] : `${fk.columns[0]}:${out1}`;
  const targetHandle = far ? TABLE_HANDLE[in1] : `${fk.refColumns[0]}:${in1}`;
  const fan = { id: fk.id, sourceKey: `${table.id}/${sourceHandle}`, targetKey: `${target.id}/${targetHandle}`, sourceY: rowY(table, from.y, fk.columns[0]), targetY: rowY(target, to.y, fk.refColumns[0]) };
  const parentOptional = table.columns.some((c) => fk.columns.includes(c.id) && !c.notNull);
  return { id: fk.id, fk, table, target, from, to, far, sourceHandle, targetHandle, fan, parentOptional, childUnique: isUniqueSet(table, fk.columns) };
}

const samePoint = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x === b.x && a.y === b.y;
const sameFan = (a: FanEdge, b: FanEdge) =>
  a.id === b.id && a.sourceKey === b.sourceKey && a.targetKey === b.targetKey && a.sourceY === b.sourceY && a.targetY === b.targetY;

/**
 * Each relationship's line is computed again only when its table, the table it references, either
 * position or the level of detail changed; the lanes only when some line moved. A rename then costs
 * the renamed table's own lines, not all of them (thousands on a large model).
 */
function buildEdges(input: FlowInput, nodes: FlowNode[], prev: Previous<RelationFlowEdge>, before: DrawnEdges | undefined): { edges: RelationFlowEdge[]; drawn: DrawnEdges } {
  const positions = new Map(nodes.map((n) => [n.id, n.position]));
  const tables = new Map(input.model.tables.map((t) => [t.id, t]));
  const previous = new Previous(before?.lines ?? []);
  const lines: DrawnEdge[] = [];
  const fans: FanEdge[] = [];
  for (const table of input.model.tables) {
    for (const fk of table.foreignKeys) {
      const target = tables.get(fk.refTableId);
      const from = positions.get(table.id);
      const to = positions.get(fk.refTableId);
      if (!target || !from || !to || !fk.columns.length) continue;
      const old = previous.get(fk.id, lines.length);
      const drawn = old && old.fk === fk && old.table === table && old.target === target && old.far === input.far && samePoint(old.from, from) && samePoint(old.to, to)
        ? old : drawEdge(fk, table, target, from, to, input.far);
      lines.push(drawn);
      fans.push(drawn.fan);
    }
  }
  const lanes = before && before.fans.length === fans.length && fans.every((fan, i) => sameFan(fan, before.fans[i])) ? before.lanes : fanLanes(fans);
  const out: RelationFlowEdge[] = [];
  for (const { fk, table, target, sourceHandle, targetHandle, parentOptional, childUnique } of lines) {
    const selected = input.selected.has(fk.id);
    const lane = lanes.get(fk.id) ?? NO_LANES;
    const old = prev.get(fk.id, out.length);
    // Compared by what the edge draws, not by table identity: renaming a table (or editing an
    // unrelated column) keeps its edges, so React Flow does not re-index all of them.
    if (old && old.data?.fk === fk && old.data.parentOptional === parentOptional && old.data.childUnique === childUnique &&
        old.data.lanes.source === lane.source && old.data.lanes.target === lane.target &&
        old.sourceHandle === sourceHandle && old.targetHandle === targetHandle && old.target === target.id &&
        !!old.selected === selected) {
      out.push(old);
      continue;
    }
    out.push({
      id: fk.id,
      type: 'relation',
      source: table.id,
      target: target.id,
      sourceHandle,
      targetHandle,
      selected,
      data: { fk, parentOptional, childUnique, lanes: lane },
    });
  }
  return { edges: out, drawn: { lines, fans, lanes } };
}

/**
 * Maps the model to React Flow elements, reusing objects from `previous` where nothing changed.
 * Example: `const flow = toFlow({ model, layout, selected }, lastFlow)`.
 */
export function toFlow(input: FlowInput, previous?: FlowOutput): FlowOutput {
  const prevNodes = new Previous(previous?.nodes ?? []);
  const prevEdges = new Previous(previous?.edges ?? []);
  const far = input.far;
  const nodes = buildNodes(input, prevNodes, !!previous && previous.far !== far);
  const { edges, drawn } = buildEdges(input, nodes, prevEdges, previous?.drawn);
  const unchanged = (a: readonly unknown[], b: readonly unknown[] | undefined) =>
    !!b && a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    nodes: previous && unchanged(nodes, previous.nodes) ? previous.nodes : nodes,
    edges: previous && unchanged(edges, previous.edges) ? previous.edges : edges,
    far,
    drawn,
  };
}
