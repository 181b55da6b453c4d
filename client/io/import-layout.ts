/**
 * The first picture of an imported model: a grid in foreign-key neighbourhood order (each table near
 * the tables it references), roughly as wide as a screen is wide, each cell as wide as its table's
 * estimated size so a wide table never covers its neighbour. It shows at once; import-apply then
 * runs the auto-layout (canvas/auto-layout.ts, milliseconds even for 2,000 tables) after the first
 * paint, up to `ARRANGE_AFTER_IMPORT_LIMIT` objects. Pure.
 */
import type { Layout, Model } from '../../shared/model/document.ts';
import { neighbourOrder } from '../../shared/model/initial-layout.ts';
import { drawnSizes } from '../canvas/node-sizes.ts';

/** Above this many tables, views and enums the grid is kept and the auto-layout is not run. */
export const ARRANGE_AFTER_IMPORT_LIMIT = 5000;

const CELL_WIDTH = 300;
const ROW_GAP = 60;
const COLUMN_GAP = 40;

/** Ex: 100 one-column tables → 13 per row (wider than tall, like a screen). */
export function clusteredGrid(model: Model, layout: Layout): Layout {
  const sizes = drawnSizes(model, layout);
  const ids = [...neighbourOrder(model), ...model.views.map((v) => v.id), ...model.enums.map((e) => e.id)];
  const perRow = Math.max(1, Math.ceil(Math.sqrt(ids.length * 1.6)));
  const nodes: Layout['nodes'] = {};
  let y = 0;
  for (let start = 0; start < ids.length; start += perRow) {
    const row = ids.slice(start, start + perRow);
    let x = 0;
    for (const id of row) {
      nodes[id] = { ...layout.nodes[id], x, y };
      x += Math.max(CELL_WIDTH, Math.ceil(sizes.get(id)!.width) + COLUMN_GAP);
    }
    y += Math.max(...row.map((id) => sizes.get(id)!.height)) + ROW_GAP;
  }
  return { ...layout, nodes };
}
