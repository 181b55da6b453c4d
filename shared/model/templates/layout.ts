/**
 * A tidy starting layout for template models: tables in columns by foreign-key direction (a table
 * stands to the right of every table it references), stacked top to bottom in model order.
 */
import type { Layout, Model } from '../document.ts';
import { emptyLayout } from '../empty.ts';

// Table nodes are at most 360 px wide, 36 px of header plus 24 px per column (client/canvas).
const COLUMN_WIDTH = 440;
const ROW_GAP = 56;
const HEADER_HEIGHT = 40;
const ROW_HEIGHT = 24;

/** Level of each table: 0 when it references nothing (self-references ignored), else 1 + its deepest reference. */
function levels(model: Model): Map<string, number> {
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    if (level.has(id)) return level.get(id)!;
    if (visiting.has(id)) return 0; // a cycle: break it here
    visiting.add(id);
    const refs = (tables.get(id)?.foreignKeys ?? []).map((fk) => fk.refTableId).filter((ref) => ref !== id && tables.has(ref));
    const value = refs.length ? 1 + Math.max(...refs.map(visit)) : 0;
    visiting.delete(id);
    level.set(id, value);
    return value;
  };
  for (const t of model.tables) visit(t.id);
  return level;
}

/** Ex: `layeredLayout(model).nodes['table:public.orders']` → `{ x: 880, y: 0 }`. */
export function layeredLayout(model: Model): Layout {
  const layout = emptyLayout();
  const level = levels(model);
  const nextY = new Map<number, number>();
  for (const t of model.tables) {
    const column = level.get(t.id) ?? 0;
    const y = nextY.get(column) ?? 0;
    layout.nodes[t.id] = { x: column * COLUMN_WIDTH, y };
    nextY.set(column, y + HEADER_HEIGHT + ROW_HEIGHT * t.columns.length + ROW_GAP);
  }
  const lastColumn = Math.max(0, ...nextY.keys()) + 1;
  let y = 0;
  for (const v of model.views) {
    layout.nodes[v.id] = { x: lastColumn * COLUMN_WIDTH, y };
    y += HEADER_HEIGHT + ROW_HEIGHT * Math.max(2, v.columns?.length ?? 2) + ROW_GAP;
  }
  return layout;
}
