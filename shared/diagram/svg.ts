/**
 * The diagram as a standalone SVG document: shapes and <text> only, no foreignObject, no embedded
 * fonts, no CSS, so ImageMagick, rsvg, Inkscape, resvg, slide tools and PDF converters draw what the
 * browser draws. Pure: model + layout + node sizes → SVG text. Used by the canvas's File ▸ Export
 * (SVG, and PDF through svg2pdf) and usable by any export that wants a picture of the model.
 *
 * Example: `diagramSvg({ model, layout, sizes, theme: 'light' })` → `'<svg xmlns=… viewBox=…>…</svg>'`.
 */
import type { Layout, Model, Table } from '../model/document.ts';
import { estimatedHeight } from '../model/initial-layout.ts';
import { isUniqueSet } from '../model/column-rows.ts';
import { areaRect, type Rect } from './areas.ts';
import { edgePath, fanLanes, type FanEdge, type Point, type Side } from './edge-route.ts';
import { CROWS_FOOT, FONT, PALETTES, type EndKind, type Palette, type Theme } from './look.ts';
import { areaSvg, listSvg, noteSvg, rowMiddle, shownRows, tableSvg, type Box } from './svg-nodes.ts';

export type Size = { width: number; height: number };

export interface DiagramSvgInput {
  model: Model;
  layout: Layout;
  /** Drawn (or estimated) size of each table, view and enum; missing ones get a rough estimate. */
  sizes?: ReadonlyMap<string, Size>;
  /** Where each object is; defaults to `layout.nodes`. Objects with no position are left out. */
  positions?: ReadonlyMap<string, Point>;
  theme?: Theme;
  /** Draw only these tables, views, enums, notes and areas (the selection); all when absent. */
  only?: ReadonlySet<string>;
  padding?: number;
}

/** Handles sit just outside the node's border, as on the canvas. */
const HANDLE_OUT = 4;
const ROUGH_WIDTH = { min: 220, max: 360, char: 7 };

function roughSize(kind: 'table' | 'other', names: string[], rows: number): Size {
  const widest = Math.max(0, ...names.map((s) => s.length));
  const width = kind === 'table' ? Math.min(ROUGH_WIDTH.max, Math.max(ROUGH_WIDTH.min, 60 + widest * ROUGH_WIDTH.char)) : ROUGH_WIDTH.max;
  return { width, height: estimatedHeight(rows) };
}

interface Placed { box: Box; table?: Table }

function place(input: DiagramSvgInput): Map<string, Placed> {
  const { model, layout } = input;
  const placed = new Map<string, Placed>();
  const at = (id: string) => input.positions?.get(id) ?? layout.nodes[id];
  const wanted = (id: string) => !input.only || input.only.has(id);
  const add = (id: string, rough: () => Size, table?: Table) => {
    const p = at(id);
    if (!p || !wanted(id)) return;
    const size = input.sizes?.get(id) ?? rough();
    placed.set(id, { box: { x: p.x, y: p.y, ...size }, table });
  };
  for (const t of model.tables) {
    const rows = shownRows(t, layout.nodes[t.id]?.collapsed ?? false).shown.length;
    add(t.id, () => roughSize('table', t.columns.map((c) => `${c.name} ${c.type.name}`).concat(t.name), rows), t);
  }
  for (const v of model.views) add(v.id, () => roughSize('other', [], v.columns?.length ?? 1));
  for (const e of model.enums) add(e.id, () => roughSize('other', [], e.values.length));
  return placed;
}

interface EdgeDraw { id: string; fan: FanEdge; ends: { sx: number; sy: number; sourceSide: Side; tx: number; ty: number; targetSide: Side }; source: EndKind; target: EndKind }

/** Same side rule as the canvas (client/canvas/to-flow.ts): lines leave towards the other table. */
function sides(from: Box, to: Box, self: boolean): [Side, Side] {
  if (self) return ['r', 'r'];
  if (to.x > from.x + 60) return ['r', 'l'];
  if (to.x < from.x - 60) return ['l', 'r'];
  return ['r', 'r'];
}

function edges(input: DiagramSvgInput, placed: Map<string, Placed>): EdgeDraw[] {
  const out: EdgeDraw[] = [];
  const rowIndex = (t: Table, columnId: string) => shownRows(t, input.layout.nodes[t.id]?.collapsed ?? false).shown.findIndex((r) => r.id === columnId);
  for (const { box, table } of placed.values()) {
    if (!table) continue;
    for (const fk of table.foreignKeys) {
      const other = placed.get(fk.refTableId);
      if (!other?.table || !fk.columns.length) continue;
      const [si, ti] = [rowIndex(table, fk.columns[0]), rowIndex(other.table, fk.refColumns[0])];
      const [sourceSide, targetSide] = sides(box, other.box, table.id === other.table.id);
      const xOf = (b: Box, side: Side) => (side === 'r' ? b.x + b.width + HANDLE_OUT : b.x - HANDLE_OUT);
      // A column hidden by collapsing: the line meets the header, as on the canvas.
      const yOf = (b: Box, i: number) => b.y + (i < 0 ? 18 : rowMiddle(i));
      const ends = { sx: xOf(box, sourceSide), sy: yOf(box, si), sourceSide, tx: xOf(other.box, targetSide), ty: yOf(other.box, ti), targetSide };
      const fkColumns = table.columns.filter((c) => fk.columns.includes(c.id));
      out.push({
        id: fk.id, ends,
        fan: { id: fk.id, sourceKey: `${table.id}/${fk.columns[0]}/${sourceSide}`, targetKey: `${other.table.id}/${fk.refColumns[0]}/${targetSide}`, sourceY: ends.sy, targetY: ends.ty },
        source: isUniqueSet(table, fk.columns) ? 'one-optional' : 'many-optional',
        target: fkColumns.some((c) => !c.notNull) ? 'one-optional' : 'one',
      });
    }
  }
  return out;
}

/** A crow's foot drawn in place: the 20×20 drawing turned to face the table on `side`. */
function endSvg(kind: EndKind, x: number, y: number, side: Side, p: Palette): string {
  const glyph = CROWS_FOOT[kind];
  // The drawing's x = 20 is at the table: on a right-hand side it is mirrored.
  const transform = side === 'l' ? `translate(${x - 20} ${y - 10})` : `translate(${x + 20} ${y - 10}) scale(-1 1)`;
  const circle = glyph.circle ? `<circle cx="${glyph.circle.cx}" cy="${glyph.circle.cy}" r="${glyph.circle.r}" fill="${p.bg}"/>` : '';
  return `<g class="cf-${kind}" transform="${transform}"><path d="${glyph.path}"/>${circle}</g>`;
}

function edgesSvg(list: EdgeDraw[], p: Palette): string {
  const lanes = fanLanes(list.map((e) => e.fan));
  return list.map((e) => `<g data-fk="${e.id}"><path d="${edgePath(e.ends, lanes.get(e.id))}"/>` +
    `${endSvg(e.source, e.ends.sx, e.ends.sy, e.ends.sourceSide, p)}${endSvg(e.target, e.ends.tx, e.ends.ty, e.ends.targetSide, p)}</g>`).join('');
}

function areaRects(input: DiagramSvgInput, placed: Map<string, Placed>): Array<[Layout['areas'][number], Rect]> {
  const sizes = new Map([...placed].map(([id, { box }]) => [id, { width: box.width, height: box.height }]));
  const counts = new Map(input.model.tables.map((t) => [t.id, t.columns.length]));
  const nodes = { ...input.layout.nodes };
  for (const [id, { box }] of placed) nodes[id] = { ...nodes[id], x: box.x, y: box.y };
  return input.layout.areas.flatMap((area) => {
    if (input.only && !input.only.has(area.id)) return [];
    const rect = areaRect({ ...area, tableIds: area.tableIds.filter((id) => placed.has(id)) }, nodes, sizes, counts);
    return rect ? [[area, rect] as [typeof area, Rect]] : [];
  });
}

export function diagramSvg(input: DiagramSvgInput): string {
  const p = PALETTES[input.theme ?? 'light'];
  const pad = input.padding ?? 40;
  const placed = place(input);
  const notes = input.layout.notes.filter((note) => !input.only || input.only.has(note.id));
  const areas = areaRects(input, placed);
  const edgeList = edges(input, placed);
  const boxes: Box[] = [
    ...[...placed.values()].map((x) => x.box),
    ...notes.map((note) => ({ x: note.x, y: note.y, width: note.width ?? 200, height: note.height ?? 120 })),
    ...areas.map(([, rect]) => rect),
    // Lines that go around a table reach past it.
    ...edgeList.map((e) => ({ x: Math.min(e.ends.sx, e.ends.tx) - 40, y: Math.min(e.ends.sy, e.ends.ty), width: Math.abs(e.ends.sx - e.ends.tx) + 80, height: Math.abs(e.ends.sy - e.ends.ty) })),
  ];
  const [minX, minY] = boxes.length ? [Math.floor(Math.min(...boxes.map((b) => b.x)) - pad), Math.floor(Math.min(...boxes.map((b) => b.y)) - pad)] : [-pad, -pad];
  const width = boxes.length ? Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) + pad - minX) : pad * 2;
  const height = boxes.length ? Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + pad - minY) : pad * 2;
  const views = new Map(input.model.views.map((v) => [v.id, v]));
  const enums = new Map(input.model.enums.map((e) => [e.id, e]));
  const nodes = [...placed.entries()].map(([id, { box, table }]) => {
    const look = input.layout.nodes[id];
    if (table) return tableSvg(table, box, look?.collapsed ?? false, look?.color, p);
    const view = views.get(id);
    if (view) return listSvg(view, 'view', box, look?.color, p);
    const enumType = enums.get(id);
    return enumType ? listSvg(enumType, 'enum', box, look?.color, p) : '';
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="${FONT}">`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${p.bg}"/>`,
    `<g data-layer="areas">${areas.map(([area, rect]) => areaSvg(area, rect)).join('')}</g>`,
    `<g data-layer="notes">${notes.map((note) => noteSvg(note, p)).join('')}</g>`,
    `<g data-layer="edges" fill="none" stroke="${p.edge}" stroke-width="1.4">${edgesSvg(edgeList, p)}</g>`,
    `<g data-layer="nodes">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
