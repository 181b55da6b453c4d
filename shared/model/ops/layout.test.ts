import { describe, expect, it } from 'vitest';
import type { Layout } from '../document.ts';
import { documentZod } from '../document.ts';
import { emptyLayout, emptyModel, makeDocument } from '../empty.ts';
import * as ops from './layout.ts';
import { ModelOpError } from './model-op-error.ts';

const base = (): Layout => ({
  ...emptyLayout(),
  nodes: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 } },
  areas: [{ id: 'area1', name: 'Billing', color: '#2f6fed', tableIds: ['a', 'b'] }],
  notes: [{ id: 'n1', text: 'why', x: 0, y: 400 }],
});

interface Case {
  title: string;
  run: (l: Layout) => Layout;
  expected: (l: Layout) => unknown;
  value: unknown;
}

const cases: Case[] = [
  { title: 'addArea trims the name and drops repeated tables', run: (l) => ops.addArea(l, { id: 'area2', name: ' Sales ', color: '#2f8f5b', tableIds: ['a', 'a'] }),
    expected: (l) => l.areas[1], value: { id: 'area2', name: 'Sales', color: '#2f8f5b', tableIds: ['a'] } },
  { title: 'addTablesToArea appends only new tables', run: (l) => ops.addTablesToArea(l, { areaId: 'area1', tableIds: ['b', 'c', 'c'] }),
    expected: (l) => l.areas[0].tableIds, value: ['a', 'b', 'c'] },
  { title: 'removeTablesFromArea keeps the tables on the diagram', run: (l) => ops.removeTablesFromArea(l, { areaId: 'area1', tableIds: ['a'] }),
    expected: (l) => [l.areas[0].tableIds, Object.keys(l.nodes)], value: [['b'], ['a', 'b']] },
  { title: 'renameArea trims', run: (l) => ops.renameArea(l, { areaId: 'area1', name: '  Invoicing ' }),
    expected: (l) => l.areas[0].name, value: 'Invoicing' },
  { title: 'setAreaColor', run: (l) => ops.setAreaColor(l, { areaId: 'area1', color: '#c93b3b' }),
    expected: (l) => l.areas[0].color, value: '#c93b3b' },
  { title: 'setAreaNote sets, and an empty text removes the key', run: (l) => ops.setAreaNote(ops.setAreaNote(l, { areaId: 'area1', note: 'x' }), { areaId: 'area1', note: '' }),
    expected: (l) => 'note' in l.areas[0], value: false },
  { title: 'setNoteColor sets a colour', run: (l) => ops.setNoteColor(l, { noteId: 'n1', color: '#fde68a' }),
    expected: (l) => l.notes[0].color, value: '#fde68a' },
  { title: 'setNoteColor(undefined) gives back the theme colour', run: (l) => ops.setNoteColor(ops.setNoteColor(l, { noteId: 'n1', color: '#fde68a' }), { noteId: 'n1', color: undefined }),
    expected: (l) => 'color' in l.notes[0], value: false },
  { title: 'updateNote changes text and size', run: (l) => ops.updateNote(l, { noteId: 'n1', patch: { text: 'because', width: 240 } }),
    expected: (l) => l.notes[0], value: { id: 'n1', text: 'because', x: 0, y: 400, width: 240 } },
  { title: 'setNodeColor sets a table colour, keeping its position', run: (l) => ops.setNodeColor(l, { nodeId: 'b', color: '#8a4fd8' }),
    expected: (l) => l.nodes.b, value: { x: 300, y: 0, color: '#8a4fd8' } },
  { title: 'setNodeColor(undefined) removes it', run: (l) => ops.setNodeColor(ops.setNodeColor(l, { nodeId: 'b', color: '#8a4fd8' }), { nodeId: 'b', color: undefined }),
    expected: (l) => l.nodes.b, value: { x: 300, y: 0 } },
  { title: 'setViewport rounds pan and zoom', run: (l) => ops.setViewport(l, { x: 10.4, y: -20.6, zoom: 0.87654 }),
    expected: (l) => l.viewport, value: { x: 10, y: -21, zoom: 0.877 } },
];

describe('layout ops', () => {
  it.each(cases)('$title', ({ run, expected, value }) => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = run(before);
    expect(expected(after)).toEqual(value);
    expect(before).toEqual(snapshot); // pure: the input is untouched
    expect(documentZod.safeParse({ ...makeDocument(emptyModel()), layout: after }).success).toBe(true);
  });

  const noOps: Array<[string, (l: Layout) => Layout]> = [
    ['renameArea to the same name', (l) => ops.renameArea(l, { areaId: 'area1', name: 'Billing' })],
    ['setAreaColor to the same colour', (l) => ops.setAreaColor(l, { areaId: 'area1', color: '#2f6fed' })],
    ['removeTablesFromArea of a table not in it', (l) => ops.removeTablesFromArea(l, { areaId: 'area1', tableIds: ['z'] })],
    ['addTablesToArea of tables already in it', (l) => ops.addTablesToArea(l, { areaId: 'area1', tableIds: ['a'] })],
    ['an unknown area', (l) => ops.setAreaColor(l, { areaId: 'nope', color: '#000000' })],
    ['an unknown note', (l) => ops.setNoteColor(l, { noteId: 'nope', color: '#000000' })],
    ['setNodeColor(undefined) of a node without colour', (l) => ops.setNodeColor(l, { nodeId: 'a', color: undefined })],
    ['updateNote with the same text', (l) => ops.updateNote(l, { noteId: 'n1', patch: { text: 'why' } })],
    ['setViewport to where it already is (after rounding)', (l) => ops.setViewport(l, { x: 1.2, y: 2, zoom: 1 })],
  ];
  it.each(noOps)('%s returns the same layout', (_, run) => {
    const before = { ...base(), viewport: { x: 1, y: 2, zoom: 1 } };
    expect(run(before)).toBe(before);
  });

  const refused: Array<[string, (l: Layout) => Layout, RegExp]> = [
    ['an empty area name', (l) => ops.renameArea(l, { areaId: 'area1', name: '  ' }), /needs a name/],
    ['a new area without a name', (l) => ops.addArea(l, { id: 'x', name: '', color: '#000000', tableIds: [] }), /needs a name/],
    ['an area colour that is not #rrggbb', (l) => ops.setAreaColor(l, { areaId: 'area1', color: 'blue' }), /Subject area "Billing".*"blue"/],
    ['a note colour that is not #rrggbb', (l) => ops.setNoteColor(l, { noteId: 'n1', color: '#fff' }), /Sticky note.*"#fff"/],
    ['a zero zoom', (l) => ops.setViewport(l, { x: 0, y: 0, zoom: 0 }), /positive zoom/],
    ['a pan that is not finite', (l) => ops.setViewport(l, { x: Number.NaN, y: 0, zoom: 1 }), /finite/],
  ];
  it.each(refused)('refuses %s with a clear error', (_, run, message) => {
    expect(() => run(base())).toThrow(ModelOpError);
    expect(() => run(base())).toThrow(message);
  });
});
