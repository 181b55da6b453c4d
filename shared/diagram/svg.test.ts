import { describe, expect, it } from 'vitest';
import { buildEcommerce } from '../model/templates/ecommerce.ts';
import type { ModelDocument } from '../model/document.ts';
import { PALETTES } from './look.ts';
import { diagramSvg } from './svg.ts';
import { fit, wrapLines } from './svg-nodes.ts';

const texts = (svg: string) => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)(?=<)/g)].map((m) => m[1]);
const viewBox = (svg: string) => svg.match(/viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/)!.slice(1).map(Number);

function withExtras(): ModelDocument {
  const doc = buildEcommerce();
  const [customers, orders] = ['customers', 'orders'].map((name) => doc.model.tables.find((t) => t.name === name)!);
  return {
    ...doc,
    layout: {
      ...doc.layout,
      nodes: {
        ...doc.layout.nodes,
        [orders.id]: { ...doc.layout.nodes[orders.id], collapsed: true, color: '#c93b3b' },
        ...Object.fromEntries(doc.model.enums.map((e, i) => [e.id, { x: i * 200, y: 900 }])),
      },
      areas: [{ id: 'area-sales', name: 'Sales & <billing>', color: '#2f8f5b', tableIds: [customers.id, orders.id] }],
      notes: [{ id: 'note-1', text: 'Orders are never deleted', x: -400, y: -300, width: 180, height: 80 }],
    },
  };
}

describe('diagramSvg', () => {
  const doc = withExtras();
  const svg = diagramSvg({ model: doc.model, layout: doc.layout });

  it('is plain SVG: shapes and text, no HTML, no CSS, no external fonts', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/foreignObject|<style|@font-face|<div|xlink:href|url\(data:/);
  });

  it.each([
    ['every table name', () => doc.model.tables.map((t) => t.name)],
    ['the enum and its values', () => doc.model.enums.flatMap((e) => [e.name, ...e.values])],
    ['the area name, escaped', () => ['Sales &amp; &lt;billing&gt;']],
    ['the note text', () => ['Orders are never deleted']],
    ['the key badges', () => ['PK', 'FK']],
  ])('draws %s as text', (_what, expected) => {
    expect(texts(svg)).toEqual(expect.arrayContaining(expected()));
  });

  it('shows a collapsed table by its key columns, with the count of the others', () => {
    const orders = doc.model.tables.find((t) => t.name === 'orders')!;
    const hidden = orders.columns.filter((c) => !orders.primaryKey?.columns.includes(c.id) && !orders.foreignKeys.some((f) => f.columns.includes(c.id)));
    expect(texts(svg)).toContain(`${hidden.length} more columns`);
    expect(texts(svg)).not.toContain(hidden[0].name);
    expect(svg).toContain('fill="#c93b3b"');
  });

  it('is sized to its content: the note far up left is inside the view box', () => {
    const [x, y, w, h] = viewBox(svg);
    expect([x, y]).toEqual([-440, -340]);
    const right = Math.max(...Object.values(doc.layout.nodes).map((n) => n.x));
    expect(x + w).toBeGreaterThan(right);
    expect(h).toBeGreaterThan(300);
  });

  it('draws one line per foreign key, and lines sharing a column take different routes', () => {
    const fks = doc.model.tables.flatMap((t) => t.foreignKeys);
    const paths = [...svg.matchAll(/<g data-fk="[^"]+"><path d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(fks.length);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each(['light', 'dark'] as const)('uses the %s palette', (theme) => {
    const themed = diagramSvg({ model: doc.model, layout: doc.layout, theme });
    expect(themed).toContain(`fill="${PALETTES[theme].bg}"`);
    expect(themed).toContain(`stroke="${PALETTES[theme].edge}"`);
  });

  it('draws only the selection, and the lines between selected tables', () => {
    const customers = doc.model.tables.find((t) => t.name === 'customers')!;
    const addresses = doc.model.tables.find((t) => t.name === 'addresses')!;
    const only = diagramSvg({ model: doc.model, layout: doc.layout, only: new Set([customers.id, addresses.id]) });
    expect(texts(only).filter((t) => doc.model.tables.some((x) => x.name === t)).sort()).toEqual(['addresses', 'customers']);
    expect(only.match(/data-fk=/g)).toHaveLength(1);
  });

  it('takes sizes from the caller', () => {
    const customers = doc.model.tables.find((t) => t.name === 'customers')!;
    const sized = diagramSvg({ model: doc.model, layout: doc.layout, only: new Set([customers.id]), sizes: new Map([[customers.id, { width: 500, height: 300 }]]), padding: 10 });
    const at = doc.layout.nodes[customers.id];
    expect(viewBox(sized)).toEqual([at.x - 10, at.y - 10, 520, 320]);
  });
});

describe('text fitting', () => {
  it.each([
    ['short', 100, 'short'],
    ['a_rather_long_column_name', 70, 'a_rather_…'],
    ['x', 0, '…'],
  ])('fit(%s, %d px)', (text, room, expected) => {
    expect(fit(text, room, 7)).toBe(expected);
  });

  it.each([
    ['two words', 200, ['two words']],
    ['first line\nsecond', 200, ['first line', 'second']],
    ['aaaa bbbb cccc', 64, ['aaaa bbbb', 'cccc']],
    ['abcdefghijkl', 26, ['abcd', 'efgh', 'ijkl']],
  ])('wrapLines(%j, %d)', (text, width, expected) => {
    expect(wrapLines(text, width)).toEqual(expected);
  });
});
