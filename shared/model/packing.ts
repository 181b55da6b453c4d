/**
 * Rectangle packing for the diagram: boxes (tables, or whole groups of tables already laid out)
 * put side by side in shelves so the whole is compact and about as wide as a screen (16:10) rather
 * than one long strip. Boxes never overlap: each shelf starts below the tallest box of the shelf
 * before. Pure; sizes in diagram pixels.
 */

export interface Box { id: string; width: number; height: number }
export interface Point { x: number; y: number }

export interface Packed {
  positions: Record<string, Point>;
  width: number;
  height: number;
}

export interface PackOptions {
  /** Space between neighbouring boxes. */
  gap?: number;
  /** Wanted width / height of the whole (a 16:10 screen by default). */
  aspect?: number;
  /** Keep the given order (neighbours stay neighbours) instead of sorting by height. */
  keepOrder?: boolean;
}

export const SCREEN_ASPECT = 1.6;

/** Boxes in order, in shelves no wider than `maxWidth` (one box alone may be wider). */
export function shelves(boxes: readonly Box[], maxWidth: number, gap: number): Packed {
  const positions: Record<string, Point> = {};
  let x = 0;
  let y = 0;
  let shelfHeight = 0;
  let width = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.width > maxWidth) {
      y += shelfHeight + gap;
      x = 0;
      shelfHeight = 0;
    }
    positions[b.id] = { x, y };
    x += b.width + gap;
    shelfHeight = Math.max(shelfHeight, b.height);
    width = Math.max(width, x - gap);
  }
  return { positions, width, height: boxes.length ? y + shelfHeight : 0 };
}

/** How far an extent is from the wanted aspect (0 = exactly), on a log scale so 2× and ½× weigh alike. */
export function aspectMiss(width: number, height: number, aspect: number): number {
  return Math.abs(Math.log(Math.max(width, 1) / Math.max(height, 1) / aspect));
}

/**
 * Ex: 100 boxes of 240 × 200 with gap 40 → 10 shelves of 10, 2,760 × 2,360 px.
 * Tries shelf widths around the one the total area suggests and keeps the packing whose extent is
 * nearest the wanted aspect, the smaller of two equally near.
 */
export function packBoxes(input: readonly Box[], options: PackOptions = {}): Packed {
  const gap = options.gap ?? 40;
  const aspect = options.aspect ?? SCREEN_ASPECT;
  if (!input.length) return { positions: {}, width: 0, height: 0 };
  const boxes = options.keepOrder ? input : [...input].sort((a, b) => b.height - a.height || b.width - a.width);
  const area = boxes.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  const widest = Math.max(...boxes.map((b) => b.width));
  const ideal = Math.sqrt(area * aspect);
  let best: Packed | undefined;
  let bestScore = Infinity;
  for (let f = 0.5; f <= 2.5; f += 0.1) {
    const packed = shelves(boxes, Math.max(widest, ideal * f), gap);
    // Nearness to the aspect, traded against wasted room (0.15 of a log-unit per doubling of the area).
    const score = aspectMiss(packed.width, packed.height, aspect) + 0.15 * Math.log2((packed.width * packed.height) / area);
    if (score < bestScore) {
      best = packed;
      bestScore = score;
    }
  }
  return best!;
}

/** True when two placed boxes share any area (touching edges do not count). */
export function intersects(a: Point & { width: number; height: number }, b: Point & { width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every pair of ids whose placed boxes intersect (a sweep along x; fine for thousands of boxes). */
export function overlappingPairs(boxes: ReadonlyArray<Point & { id: string; width: number; height: number }>): Array<[string, string]> {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j += 1) {
      if (intersects(sorted[i], sorted[j])) pairs.push([sorted[i].id, sorted[j].id]);
    }
  }
  return pairs;
}
