/**
 * Subject areas (named, colored groups of tables) are drawn as a rectangle around their tables.
 * The rectangle follows the tables, so it is computed, never stored.
 */
import type { Layout } from '../model/document.ts';
import { estimatedHeight } from '../model/initial-layout.ts';

export type Area = Layout['areas'][number];
export interface Rect { x: number; y: number; width: number; height: number }

const PAD = { side: 24, top: 44, bottom: 24 };
const DEFAULT_WIDTH = 240;

/** The rectangle around an area's tables (with room for its label), or undefined if none is drawn. */
export function areaRect(
  area: Area,
  nodes: Layout['nodes'],
  sizes: ReadonlyMap<string, { width: number; height: number }> | undefined,
  columnCounts: ReadonlyMap<string, number>,
): Rect | undefined {
  const boxes = area.tableIds.flatMap((id) => {
    const at = nodes[id];
    if (!at || !columnCounts.has(id)) return [];
    const size = sizes?.get(id) ?? { width: DEFAULT_WIDTH, height: estimatedHeight(columnCounts.get(id) ?? 1) };
    return [{ x: at.x, y: at.y, right: at.x + size.width, bottom: at.y + size.height }];
  });
  if (!boxes.length) return undefined;
  const x = Math.min(...boxes.map((b) => b.x)) - PAD.side;
  const y = Math.min(...boxes.map((b) => b.y)) - PAD.top;
  const right = Math.max(...boxes.map((b) => b.right)) + PAD.side;
  const bottom = Math.max(...boxes.map((b) => b.bottom)) + PAD.bottom;
  return { x, y, width: right - x, height: bottom - y };
}

/** Colors offered for new areas, in turn. */
export const AREA_COLORS = ['#2f6fed', '#2f8f5b', '#b7791f', '#9b4dca', '#c93b3b', '#0e8a9a'];
