import { describe, expect, it } from 'vitest';
import { generatePostgres } from '../../ddl/generate.ts';
import { parseDocument } from '../upgrade.ts';
import { templates } from './index.ts';

describe.each(templates.map((t) => [t.name, t] as const))('template %s', (_name, template) => {
  it('is a valid document (zod and references)', () => {
    const result = parseDocument(JSON.parse(JSON.stringify(template.build())));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('places every table and view on the canvas, without overlaps in a column', () => {
    const doc = template.build();
    const ids = [...doc.model.tables, ...doc.model.views].map((o) => o.id);
    expect(Object.keys(doc.layout.nodes).sort()).toEqual([...ids].sort());
    const positions = Object.values(doc.layout.nodes).map((n) => `${n.x},${n.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('lays tables out left to right by foreign-key direction', () => {
    const { model, layout } = template.build();
    for (const t of model.tables) {
      for (const fk of t.foreignKeys.filter((f) => f.refTableId !== t.id)) {
        expect(layout.nodes[t.id].x, `${t.name} → ${fk.refTableId}`).toBeGreaterThan(layout.nodes[fk.refTableId].x);
      }
    }
  });

  it('builds a fresh document each time and generates the same DDL', () => {
    const first = template.build();
    first.model.tables[0].name = 'changed';
    const second = template.build();
    expect(second.model.tables[0].name).not.toBe('changed');
    expect(generatePostgres(second.model)).toBe(generatePostgres(template.build().model));
  });
});

it('template names are unique and have titles and descriptions', () => {
  expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
  for (const t of templates) expect(t.title.length * t.description.length).toBeGreaterThan(0);
});
