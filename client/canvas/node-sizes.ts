/**
 * The size each table, view and enum takes on the diagram, for placing them without overlap:
 * React Flow's measurement when the node was drawn, else the estimate (node-estimate.ts). A table
 * takes the larger of the two, so a node drawn small (a level of detail at low zoom) still gets
 * the room it needs at working zoom.
 */
import type { Layout, Model } from '../../shared/model/document.ts';
import { estimatedHeight } from '../../shared/model/initial-layout.ts';
import { estimateTableNode } from './node-estimate.ts';

export type Size = { width: number; height: number };

/** Views and enums have no width estimate: the widest a node is drawn (canvas.css max-width). */
const OTHER_WIDTH = 360;

export function drawnSizes(model: Model, layout: Pick<Layout, 'nodes'> | undefined, measured: (id: string) => Size | undefined = () => undefined): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const t of model.tables) {
    const estimate = estimateTableNode(t, layout?.nodes[t.id]?.collapsed).measured;
    const m = measured(t.id);
    sizes.set(t.id, m ? { width: Math.max(m.width, estimate.width), height: Math.max(m.height, estimate.height) } : estimate);
  }
  for (const v of model.views) sizes.set(v.id, measured(v.id) ?? { width: OTHER_WIDTH, height: estimatedHeight(v.columns?.length ?? 1) });
  for (const e of model.enums) sizes.set(e.id, measured(e.id) ?? { width: OTHER_WIDTH, height: estimatedHeight(e.values.length) });
  return sizes;
}
