/**
 * The first picture of an imported model. Small models get ELK's layered layout (import-apply runs
 * it after the first paint); past `ELK_LIMIT` objects ELK needs tens of seconds and spreads a schema
 * like musicbrainz (538 objects) over a plane too large to read, so big models get a compact grid
 * instead, in foreign-key neighbourhood order (each table near the tables it references), roughly as
 * wide as a screen is wide. Pure.
 */
import type { Layout, Model } from '../../shared/model/document.ts';
import { estimatedHeight, neighbourOrder } from '../../shared/model/initial-layout.ts';

/** Above this many tables, views and enums the grid is kept and ELK is not run. */
export const ELK_LIMIT = 150;

const CELL_WIDTH = 300;
const ROW_GAP = 60;

/** Ex: 100 one-column tables → 13 per row (wider than tall, like a screen). */
export function clusteredGrid(model: Model, layout: Layout): Layout {
  const heights = new Map<string, number>();
  for (const t of model.tables) heights.set(t.id, estimatedHeight(t.columns.length));
  for (const v of model.views) heights.set(v.id, estimatedHeight(v.columns?.length ?? 1));
  for (const e of model.enums) heights.set(e.id, estimatedHeight(e.values.length));
  const ids = [...neighbourOrder(model), ...model.views.map((v) => v.id), ...model.enums.map((e) => e.id)];
  const perRow = Math.max(1, Math.ceil(Math.sqrt(ids.length * 1.6)));
  const nodes: Layout['nodes'] = {};
  let y = 0;
  for (let start = 0; start < ids.length; start += perRow) {
    const row = ids.slice(start, start + perRow);
    row.forEach((id, i) => { nodes[id] = { ...layout.nodes[id], x: i * CELL_WIDTH, y }; });
    y += Math.max(...row.map((id) => heights.get(id) ?? 100)) + ROW_GAP;
  }
  return { ...layout, nodes };
}
