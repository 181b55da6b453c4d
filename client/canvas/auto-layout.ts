/**
 * Auto-layout with ELK's layered algorithm, run in a web worker so a large model does not freeze
 * the page. Parents go left of the tables that reference them; unrelated groups sit apart.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js';
import ElkWorker from 'elkjs/lib/elk-worker.min.js?worker';
import type { Model } from '../../shared/model/document.ts';
import type { Point } from '../store/document-slice.ts';

export type Size = { width: number; height: number };

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '80',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** The ELK graph of the given nodes (all tables, views and enums when `ids` is absent). Pure. */
export function elkGraph(model: Model, sizes: ReadonlyMap<string, Size>, ids?: ReadonlySet<string>): ElkNode {
  const all = [...model.tables.map((t) => t.id), ...model.views.map((v) => v.id), ...model.enums.map((e) => e.id)];
  const chosen = all.filter((id) => !ids || ids.has(id));
  const inGraph = new Set(chosen);
  const children = chosen.map((id) => ({ id, width: sizes.get(id)?.width ?? 240, height: sizes.get(id)?.height ?? 120 }));
  const edges = model.tables.flatMap((t) => t.foreignKeys
    .filter((fk) => inGraph.has(t.id) && inGraph.has(fk.refTableId) && fk.refTableId !== t.id)
    .map((fk) => ({ id: fk.id, sources: [fk.refTableId], targets: [t.id] })));
  return { id: 'root', layoutOptions: OPTIONS, children, edges };
}

/** Positions from ELK's answer, shifted so the top-left node lands on `origin`. */
export function positionsFrom(result: ElkNode, origin: Point = { x: 0, y: 0 }): Record<string, Point> {
  const children = result.children ?? [];
  const minX = Math.min(...children.map((c) => c.x ?? 0));
  const minY = Math.min(...children.map((c) => c.y ?? 0));
  const out: Record<string, Point> = {};
  for (const c of children) out[c.id] = { x: Math.round((c.x ?? 0) - minX + origin.x), y: Math.round((c.y ?? 0) - minY + origin.y) };
  return out;
}

let elk: InstanceType<typeof ELK> | undefined;

/** Lays out the graph in the worker; resolves to a position per node id. */
export async function autoLayout(model: Model, sizes: ReadonlyMap<string, Size>, ids?: ReadonlySet<string>, origin?: Point): Promise<Record<string, Point>> {
  elk ??= new ELK({ workerFactory: () => new ElkWorker() });
  const graph = elkGraph(model, sizes, ids);
  if (!graph.children?.length) return {};
  return positionsFrom(await elk.layout(graph), origin);
}
