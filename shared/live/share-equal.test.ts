import { describe, expect, it } from 'vitest';
import { shareEqual } from './share-equal.ts';

describe('shareEqual', () => {
  const prev = {
    name: 'shop',
    tables: [{ id: 'a', name: 'orders', columns: [{ id: 'c1', name: 'id' }] }, { id: 'b', name: 'customers', columns: [] }],
    layout: { nodes: { a: { x: 1, y: 2 } } },
  };
  const copy = () => JSON.parse(JSON.stringify(prev)) as typeof prev;

  const cases: Array<{ what: string; change: (d: typeof prev) => void; kept: (p: typeof prev) => unknown[]; renewed: (n: typeof prev) => unknown[] }> = [
    { what: 'an equal copy is the previous object itself', change: () => undefined, kept: (p) => [p], renewed: () => [] },
    {
      what: 'one changed field renews only its path',
      change: (d) => { d.tables[0].name = 'purchases'; },
      kept: (p) => [p.tables[1], p.tables[0].columns, p.layout],
      renewed: (n) => [n, n.tables, n.tables[0]],
    },
    {
      what: 'a reordered list keeps its elements (matched by id)',
      change: (d) => { d.tables.reverse(); },
      kept: (p) => [p.tables[0], p.tables[1], p.layout],
      renewed: (n) => [n.tables],
    },
    {
      what: 'a removed key renews its object',
      change: (d) => { delete (d.layout.nodes as Record<string, unknown>).a; },
      kept: (p) => [p.tables],
      renewed: (n) => [n.layout, n.layout.nodes],
    },
  ];

  for (const { what, change, kept, renewed } of cases) {
    it(what, () => {
      const next = copy();
      change(next);
      const shared = shareEqual(prev, next);
      expect(shared).toEqual(next);
      const objectsOf = (root: unknown) => {
        const found = new Set<unknown>();
        const walk = (v: unknown) => {
          if (typeof v !== 'object' || v === null) return;
          found.add(v);
          Object.values(v).forEach(walk);
        };
        walk(root);
        return found;
      };
      const inShared = objectsOf(shared);
      const inPrev = objectsOf(prev);
      for (const object of kept(prev)) expect(inShared.has(object), JSON.stringify(object)).toBe(true);
      for (const object of renewed(shared as typeof prev)) expect(inPrev.has(object), JSON.stringify(object)).toBe(false);
    });
  }
});
