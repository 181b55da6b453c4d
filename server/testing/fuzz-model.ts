/**
 * Seeded random models with awkward names (reserved words, capitals, quotes, `$`, spaces, accents,
 * names near 63 bytes, look-alike unnamed constraints) and random keys and indexes, for tests
 * that check generated DDL against PostgreSQL.
 */
import { quoteIdent } from '../../shared/ddl/quote.ts';
import type { Model, Table } from '../../shared/model/document.ts';
import { emptyModel } from '../../shared/model/empty.ts';
import { table, withDerivedIds, type ColumnSpec, type TableSpec } from '../../shared/model/templates/build.ts';

const NAMES = [
  'user', 'order', 'select', 'Table', 'Order Items', 'a"b', 'price$usd', 'café', 'näme', '1st', 'group', 'desc',
  'CamelCase', 'snake_case', 'x'.repeat(60), `${'long_name_'.repeat(5)}abcdefghijkl`, 'id', 'value', 'end', 'check',
];
const TYPES = ['integer', 'bigint', 'text', 'character varying(40)', 'numeric(12,4)', 'timestamp(3) with time zone', 'uuid', 'jsonb', 'text[]', 'boolean'];

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ex: `fuzzModel(1000).tables.length` → up to 10. */
export function fuzzModel(seed: number): Model {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const model = emptyModel();
  const tableNames = [...new Set(Array.from({ length: 10 }, () => `${pick(NAMES)}${next() < 0.3 ? '_t' : ''}`.slice(0, 63)))];
  for (const name of tableNames) {
    const columnNames = [...new Set(['id', ...Array.from({ length: 5 }, () => pick(NAMES))])];
    const columns: Record<string, ColumnSpec> = {};
    for (const c of columnNames) columns[c] = c === 'id' ? { type: 'integer', notNull: true } : { type: pick(TYPES), notNull: next() < 0.3 };
    const others = columnNames.filter((c) => c !== 'id');
    const spec: TableSpec = { name, columns, primaryKey: ['id'], uniques: [], checks: [], foreignKeys: [], indexes: [] };
    if (others.length) {
      spec.uniques!.push({ columns: [pick(others)] }, { columns: [pick(others), 'id'], nullsNotDistinct: next() < 0.5 });
      spec.checks!.push({ expression: `${quoteIdent(pick(others))} IS NOT NULL OR id > 0` }, { expression: 'id > 0' }, { expression: 'id <> 7' });
      spec.indexes!.push({ items: [pick(others)] }, { items: [pick(others)], where: 'id > 0' }, { items: [{ expression: `(${quoteIdent(pick(others))} IS NULL)` }] });
    }
    const earlier = model.tables.filter((t) => t.schema === 'public');
    if (earlier.length) {
      spec.columns[`${pick(NAMES).slice(0, 20)}_ref`] = { type: 'integer' };
      spec.foreignKeys!.push({ columns: [Object.keys(spec.columns).at(-1)!], references: pick(earlier).name, onDelete: pick(['cascade', 'set-null', 'no-action'] as const) });
    }
    const built: Table = table(spec);
    // Unique constraints over the same columns are merged by PostgreSQL: keep one of each.
    const seen = new Set<string>();
    built.uniques = built.uniques.filter((u) => !seen.has(u.columns.join()) && seen.add(u.columns.join()));
    model.tables.push(built);
  }
  return withDerivedIds(model);
}

