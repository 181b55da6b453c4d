/**
 * How the diagram looks outside the browser: the theme colors (the values of client/theme.css's
 * variables, which an SVG file cannot read) and the crow's-foot drawings, which the canvas uses as
 * SVG markers and the export draws as plain paths.
 */
export type Theme = 'light' | 'dark';

export interface Palette {
  bg: string; panel: string; panel2: string; border: string; text: string; muted: string;
  accent: string; ok: string; edge: string; badge: string; badgePk: string; badgeFk: string;
  note: string; noteBorder: string; noteText: string;
}

/** Keep in step with client/theme.css and the note colors in client/canvas/canvas.css. */
export const PALETTES: Record<Theme, Palette> = {
  light: {
    bg: '#f6f7f9', panel: '#ffffff', panel2: '#f1f3f6', border: '#dde1e7', text: '#1d2330', muted: '#6b7385',
    accent: '#2f6fed', ok: '#2f8f5b', edge: '#8a93a6', badge: '#7b8396', badgePk: '#b7791f', badgeFk: '#2f6fed',
    note: '#fff6c9', noteBorder: '#e8d77c', noteText: '#3d3520',
  },
  dark: {
    bg: '#15181e', panel: '#1d2128', panel2: '#252a33', border: '#333a46', text: '#e4e7ee', muted: '#949cae',
    accent: '#6b9bff', ok: '#5cc98b', edge: '#6d7689', badge: '#99a1b3', badgePk: '#e0b050', badgeFk: '#7ea7ff',
    note: '#4a4320', noteBorder: '#6b5f2a', noteText: '#f1e7bf',
  },
};

/**
 * Generic font stacks, no embedded fonts: Arial's metrics (or its metric twin Liberation Sans) are
 * what the width estimates assume, and every renderer finds one of these by name.
 */
export const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";
export const MONO = "'Liberation Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

export type EndKind = 'one' | 'one-optional' | 'many-optional';

/**
 * Each end in a 20×20 box with the table at x = 20, y = 10; the line comes in from x = 0.
 * "one" = exactly one (‖), "one-optional" = zero or one (o|), "many-optional" = zero or many (o<).
 */
export const CROWS_FOOT: Record<EndKind, { path: string; circle?: { cx: number; cy: number; r: number } }> = {
  one: { path: 'M13,4 L13,16 M9,4 L9,16' },
  'one-optional': { path: 'M14,4 L14,16', circle: { cx: 7, cy: 10, r: 3.2 } },
  'many-optional': { path: 'M20,3.5 L11,10 L20,16.5 M11,10 L20,10', circle: { cx: 6.5, cy: 10, r: 3.2 } },
};
