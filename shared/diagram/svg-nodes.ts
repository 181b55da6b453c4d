/**
 * The boxes of the diagram as SVG text: tables, views, enums, notes and subject areas, drawn with
 * rects, paths and <text> only (no foreignObject), after the canvas's CSS (client/canvas/canvas.css).
 * Text cannot be measured here, so widths come in from the caller and names are cut to the
 * estimated room.
 */
import type { Enum, Layout, Table, View } from '../model/document.ts';
import { columnRows } from '../model/column-rows.ts';
import type { Rect } from './areas.ts';
import { MONO, type Palette } from './look.ts';

export interface Box { x: number; y: number; width: number; height: number }
export type Note = Layout['notes'][number];
export type Area = Layout['areas'][number];

/** The canvas's node metrics (canvas.css: .node-header, .col-row). */
export const NODE = { header: 35, row: 24, more: 22, border: 1 };
/** Average glyph widths in Arial: 12px text, bold 12px (mixed and lower case), 11px mono, 9px bold badge letters. */
const CHAR = { text: 6.7, bold: 7.4, lower: 5.8, lowerBold: 6.9, mono: 6.7, badge: 6.2, note: 6.4 };
const BADGE = { height: 14, gap: 3, pad: 7 };

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts text to about `room` pixels with an ellipsis, as CSS text-overflow does on the canvas. */
export function fit(text: string, room: number, charWidth: number): string {
  const max = Math.floor(room / charWidth);
  if (text.length <= max) return text;
  return max <= 1 ? '…' : `${text.slice(0, max - 1)}…`;
}

const n = (v: number) => Math.round(v * 10) / 10;

/** The frame every node shares: rounded panel, header band in its color, a kind label, the name. */
function frame(id: string, box: Box, p: Palette, color: string, header: { kind?: string; schema: string; name: string; title?: string }): string {
  const { x, y, width: w, height: h } = box;
  const clip = `clip-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const kind = header.kind ? `<tspan font-size="10" fill="${p.muted}" letter-spacing="0.5">${esc(header.kind.toUpperCase())} </tspan>` : '';
  // Header text is mostly lower case, narrower than the row averages: cut only what cannot fit.
  const kindWidth = header.kind ? header.kind.length * 6.5 + 6 : 0;
  const room = w - 20 - kindWidth - (header.schema.length + 1) * CHAR.lower;
  return [
    `<clipPath id="${clip}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="8"/></clipPath>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="8" fill="${p.panel}"/>`,
    `<g clip-path="url(#${clip})">`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${NODE.header}" fill="${p.panel2}"/>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="4" fill="${esc(color)}"/>`,
    `<line x1="${n(x)}" y1="${n(y + NODE.header)}" x2="${n(x + w)}" y2="${n(y + NODE.header)}" stroke="${p.border}"/>`,
    '</g>',
    `<rect x="${n(x + 0.5)}" y="${n(y + 0.5)}" width="${n(w - 1)}" height="${n(h - 1)}" rx="7.5" fill="none" stroke="${p.border}"/>`,
    `<text x="${n(x + 10)}" y="${n(y + 23)}" font-size="12" fill="${p.text}">${kind}<tspan fill="${p.muted}">${esc(header.schema)}.</tspan>` +
      `<tspan font-weight="bold">${esc(fit(header.name, room, CHAR.lowerBold))}</tspan></text>`,
  ].join('');
}

/** The y of row `i`'s middle, from the node's top: where its edges attach. */
export const rowMiddle = (i: number) => NODE.header + NODE.border + i * NODE.row + NODE.row / 2;

function rowLine(box: Box, i: number, p: Palette): string {
  const y = n(box.y + NODE.header + NODE.border + i * NODE.row);
  return i === 0 ? '' : `<line x1="${n(box.x + 1)}" y1="${y}" x2="${n(box.x + box.width - 1)}" y2="${y}" stroke="${p.border}" stroke-opacity="0.55"/>`;
}

function badge(label: string, right: number, middle: number, p: Palette): { svg: string; width: number } {
  const width = label.length * CHAR.badge + BADGE.pad;
  const color = label === 'PK' ? p.badgePk : label === 'FK' ? p.badgeFk : p.badge;
  const x = right - width;
  return {
    width,
    svg: `<rect x="${n(x + 0.5)}" y="${n(middle - BADGE.height / 2)}" width="${n(width - 1)}" height="${BADGE.height}" rx="3" fill="none" stroke="${color}"/>` +
      `<text x="${n(x + width / 2)}" y="${n(middle + 3.2)}" font-size="9" font-weight="bold" text-anchor="middle" fill="${color}">${label}</text>`,
  };
}

function moreLine(box: Box, i: number, text: string, p: Palette): string {
  const y = box.y + NODE.header + NODE.border + i * NODE.row + 15;
  return `<text x="${n(box.x + 10)}" y="${n(y)}" font-size="11" font-style="italic" fill="${p.muted}">${esc(text)}</text>`;
}

/** Which rows a table shows (all, or its key columns when collapsed), for drawing and for edges. */
export function shownRows(table: Table, collapsed: boolean) {
  const rows = columnRows(table);
  return { rows, shown: collapsed ? rows.filter((r) => r.isKey) : rows };
}

export function tableSvg(table: Table, box: Box, collapsed: boolean, color: string | undefined, p: Palette): string {
  const { rows, shown } = shownRows(table, collapsed);
  const parts = [frame(table.id, box, p, color ?? p.accent, { schema: table.schema, name: table.name })];
  shown.forEach((row, i) => {
    const middle = box.y + rowMiddle(i);
    let right = box.x + box.width - 10;
    parts.push(rowLine(box, i, p));
    for (const label of [...row.badges].reverse()) {
      const b = badge(label, right, middle, p);
      parts.push(b.svg);
      right -= b.width + BADGE.gap;
    }
    const typeRight = right - (row.badges.length ? 5 : 0);
    parts.push(`<text x="${n(typeRight)}" y="${n(middle + 4)}" font-size="11" font-family="${MONO}" text-anchor="end" fill="${p.muted}">${esc(row.type)}</text>`);
    const room = typeRight - row.type.length * CHAR.mono - 8 - (box.x + 10);
    const weight = row.isKey ? ' font-weight="bold"' : '';
    parts.push(`<text x="${n(box.x + 10)}" y="${n(middle + 4)}" font-size="12"${weight} fill="${p.text}">${esc(fit(row.name, room, row.isKey ? CHAR.bold : CHAR.text))}</text>`);
  });
  const hidden = rows.length - shown.length;
  if (collapsed && hidden > 0) parts.push(moreLine(box, shown.length, `${hidden} more column${hidden > 1 ? 's' : ''}`, p));
  if (!rows.length) parts.push(moreLine(box, 0, 'no columns', p));
  return `<g data-table="${esc(`${table.schema}.${table.name}`)}">${parts.join('')}</g>`;
}

/** Views and enums: a header and one plain line per column or value. */
export function listSvg(object: View | Enum, kind: 'view' | 'enum', box: Box, color: string | undefined, p: Palette): string {
  const view = kind === 'view' ? (object as View) : undefined;
  const lines = view ? (view.columns ?? []).map((c) => c.name) : (object as Enum).values;
  const kindLabel = view ? (view.materialized ? 'mat. view' : 'view') : 'enum';
  const parts = [frame(object.id, box, p, color ?? (view ? p.ok : p.badgePk), { kind: kindLabel, schema: object.schema, name: object.name })];
  lines.forEach((line, i) => {
    parts.push(rowLine(box, i, p));
    parts.push(`<text x="${n(box.x + 10)}" y="${n(box.y + rowMiddle(i) + 4)}" font-size="12" fill="${p.text}">${esc(fit(line, box.width - 20, CHAR.text))}</text>`);
  });
  if (view && !lines.length) {
    const sql = fit(view.definition.replace(/\s+/g, ' ').slice(0, 80), box.width - 20, CHAR.mono);
    parts.push(`<text x="${n(box.x + 10)}" y="${n(box.y + NODE.header + 16)}" font-size="11" font-family="${MONO}" fill="${p.muted}">${esc(sql)}</text>`);
  }
  return `<g data-table="${esc(`${object.schema}.${object.name}`)}" data-kind="${kind}">${parts.join('')}</g>`;
}

/** Wraps note text into lines of about `width` pixels (words kept whole when they fit). */
export function wrapLines(text: string, width: number): string[] {
  const max = Math.max(4, Math.floor(width / CHAR.note));
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      for (let rest = word; ; rest = rest.slice(max)) {
        const joined = line ? `${line} ${rest}` : rest;
        if (joined.length <= max) { line = joined; break; }
        if (line) { lines.push(line); line = ''; }
        if (rest.length <= max) { line = rest; break; }
        lines.push(rest.slice(0, max));
      }
    }
    return [...lines, line];
  });
}

export function noteSvg(note: Note, p: Palette): string {
  const [w, h] = [note.width ?? 200, note.height ?? 120];
  const fill = note.color ?? p.note;
  const color = note.color ? '#2b2a26' : p.noteText;
  const rows = Math.max(0, Math.floor((h - 20) / 16));
  const lines = wrapLines(note.text, w - 16).slice(0, rows);
  const text = lines.map((line, i) => `<tspan x="${n(note.x + 8)}" y="${n(note.y + 30 + i * 16)}">${esc(line)}</tspan>`).join('');
  return `<g data-note="${esc(note.id)}"><rect x="${n(note.x + 0.5)}" y="${n(note.y + 0.5)}" width="${n(w - 1)}" height="${n(h - 1)}" rx="6" fill="${esc(fill)}" stroke="${p.noteBorder}"/>` +
    `<text font-size="12" fill="${color}" xml:space="preserve">${text}</text></g>`;
}

export function areaSvg(area: Area, rect: Rect): string {
  const color = esc(area.color);
  const labelWidth = area.name.length * CHAR.bold + 16;
  return `<g data-area="${esc(area.name)}"><rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.width)}" height="${n(rect.height)}" rx="12" ` +
    `fill="${color}" fill-opacity="0.07" stroke="${color}" stroke-opacity="0.55" stroke-width="1.5"/>` +
    `<rect x="${n(rect.x + 10)}" y="${n(rect.y + 8)}" width="${n(labelWidth)}" height="20" rx="6" fill="${color}"/>` +
    `<text x="${n(rect.x + 18)}" y="${n(rect.y + 22)}" font-size="12" font-weight="bold" fill="#ffffff">${esc(area.name)}</text></g>`;
}
