/**
 * The line of a foreign key on the diagram, shared by the canvas and the SVG/PDF export so both
 * draw the same thing. Several lines at one column would otherwise share a trunk and hide where
 * each goes: they meet at the column (one crow's foot), then fan out onto their own lanes a few
 * pixels apart and stay apart, each turning at its own x.
 *
 *   column ──marker── ╲ lane -7 ───────┐
 *                     ─ lane  0 ──────┐│
 *                     ╱ lane +7 ─────┐││
 */
export type Side = 'l' | 'r';
export interface Point { x: number; y: number }

/** Where an edge leaves its source handle and reaches its target handle, and on which side. */
export interface EdgeEnds {
  sx: number; sy: number; sourceSide: Side;
  tx: number; ty: number; targetSide: Side;
}

/** Vertical offsets (px) of an edge's lane after the fan, at its source and at its target. */
export interface Lanes { source: number; target: number }
export const NO_LANES: Lanes = { source: 0, target: 0 };

/** The straight run that carries the end marker (crow's foot), as wide as the marker drawing. */
export const MARKER_RUN = 20;
const FAN_RUN = 12;
const LANE_GAP = 7;
/** However many lines share a column, the fan stays this tall. */
const MAX_FAN = 56;
const RADIUS = 8;
const END_RADIUS = 3;

const dir = (side: Side) => (side === 'r' ? 1 : -1);

/** The corner points of the route, ends included. Ex: a left-to-right edge gives 6 points. */
export function routePoints(e: EdgeEnds, lanes: Lanes = NO_LANES): Point[] {
  const ds = dir(e.sourceSide);
  const dt = dir(e.targetSide);
  const s1 = { x: e.sx + ds * MARKER_RUN, y: e.sy };
  const a = { x: e.sx + ds * (MARKER_RUN + FAN_RUN), y: e.sy + lanes.source };
  const t1 = { x: e.tx + dt * MARKER_RUN, y: e.ty };
  const b = { x: e.tx + dt * (MARKER_RUN + FAN_RUN), y: e.ty + lanes.target };
  let middle: Point[];
  if (ds === dt) {
    // Both ends on the same side (a self-reference, or tables one above the other): out and back.
    const x = ds > 0 ? Math.max(a.x, b.x) : Math.min(a.x, b.x);
    middle = [{ x, y: a.y }, { x, y: b.y }];
  } else if (ds * (b.x - a.x) >= 0) {
    // Lines from one column turn at different x, ordered so lines bound for the same direction never cross.
    const down = Math.sign(b.y - a.y);
    const x = (a.x + b.x) / 2 - (lanes.source + lanes.target) * down * ds;
    middle = [{ x, y: a.y }, { x, y: b.y }];
  } else {
    // The target lies behind the source: go between them vertically, then across.
    const y = (a.y + b.y) / 2;
    middle = [{ x: a.x, y }, { x: b.x, y }];
  }
  // The marker runs stay whole (the crow's foot is drawn along them); the rest loses straight-through points.
  return [{ x: e.sx, y: e.sy }, s1, ...dropStraight([a, ...middle, b]), t1, { x: e.tx, y: e.ty }];
}

/** Removes repeated points and points in the middle of a straight run (nothing to round there). */
function dropStraight(points: Point[]): Point[] {
  const unique = points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y);
  return unique.filter((p, i) => {
    if (i === 0 || i === unique.length - 1) return true;
    const [a, b] = [unique[i - 1], unique[i + 1]];
    return (p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x) !== 0;
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

/** SVG path data through the points with rounded corners (each radius at most half its runs). */
export function roundedPath(points: Point[], radius = RADIUS): string {
  if (!points.length) return '';
  let d = `M${round(points[0].x)},${round(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, p, b] = [points[i - 1], points[i], points[i + 1]];
    const la = Math.hypot(p.x - a.x, p.y - a.y);
    const lb = Math.hypot(b.x - p.x, b.y - p.y);
    // The corners next to the ends stay tight so the line leaves the crow's foot straight.
    const r = Math.min(i === 1 || i === points.length - 2 ? END_RADIUS : radius, la / 2, lb / 2);
    if (r === 0 || (p.x - a.x) * (b.y - p.y) === (p.y - a.y) * (b.x - p.x)) {
      d += ` L${round(p.x)},${round(p.y)}`;
      continue;
    }
    const c1 = { x: p.x + ((a.x - p.x) / la) * r, y: p.y + ((a.y - p.y) / la) * r };
    const c2 = { x: p.x + ((b.x - p.x) / lb) * r, y: p.y + ((b.y - p.y) / lb) * r };
    d += ` L${round(c1.x)},${round(c1.y)} Q${round(p.x)},${round(p.y)} ${round(c2.x)},${round(c2.y)}`;
  }
  const last = points[points.length - 1];
  return `${d} L${round(last.x)},${round(last.y)}`;
}

export function edgePath(e: EdgeEnds, lanes: Lanes = NO_LANES): string {
  return roundedPath(routePoints(e, lanes));
}

/** One edge as the fan sees it: the handle at each end and the height of the other end. */
export interface FanEdge {
  id: string;
  /** Same key = same handle (table, column and side). */
  sourceKey: string;
  targetKey: string;
  sourceY: number;
  targetY: number;
}

function spread(group: FanEdge[], otherY: (e: FanEdge) => number, set: (id: string, offset: number) => void): void {
  if (group.length < 2) return;
  const gap = Math.min(LANE_GAP, MAX_FAN / (group.length - 1));
  const sorted = [...group].sort((x, y) => otherY(x) - otherY(y) || (x.id < y.id ? -1 : 1));
  sorted.forEach((e, i) => set(e.id, round((i - (sorted.length - 1) / 2) * gap)));
}

/**
 * Lanes for every edge: edges sharing a handle get lanes a few pixels apart, the one bound
 * highest on top, so the fanned lines do not cross each other. Edges alone at a handle get 0.
 */
export function fanLanes(edges: FanEdge[]): Map<string, Lanes> {
  const lanes = new Map(edges.map((e) => [e.id, { source: 0, target: 0 }]));
  const groups = (key: (e: FanEdge) => string) => {
    const by = new Map<string, FanEdge[]>();
    for (const e of edges) {
      const group = by.get(key(e));
      if (group) group.push(e);
      else by.set(key(e), [e]);
    }
    return by.values();
  };
  for (const group of groups((e) => e.sourceKey)) spread(group, (e) => e.targetY, (id, o) => { lanes.get(id)!.source = o; });
  for (const group of groups((e) => e.targetKey)) spread(group, (e) => e.sourceY, (id, o) => { lanes.get(id)!.target = o; });
  return lanes;
}
