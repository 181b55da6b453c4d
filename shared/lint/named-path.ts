/**
 * A document path as a person reads it: `model.tables[4].columns[9].default` →
 * `public.orders.total_amount default`. Objects are named by their (schema-qualified) names, an
 * unnamed list item by its kind and number (`item 1`), fields by their keys. A path that leaves the
 * model (or one the model no longer has) keeps its remaining keys as they are.
 */
import type { Model } from '../model/document.ts';

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** `columns` → `column`, `indexes` → `index`, `items` → `item`. */
const singular = (key: string) => key.replace(/(x|ss)es$/, '$1').replace(/s$/, '');

function nameOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { name, schema } = value as { name?: unknown; schema?: unknown };
  if (typeof name !== 'string') return undefined;
  return typeof schema === 'string' ? `${schema}.${name}` : name;
}

export function namedPath(model: Model, path: string): string {
  const segments = [...path.replace(/^model\.?/, '').matchAll(SEGMENT)].map((m) => (m[2] === undefined ? m[1] : Number(m[2])));
  const names: string[] = [];
  const fields: string[] = [];
  let at: unknown = model;
  segments.forEach((segment, i) => {
    const next = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const key = String(segments[i - 1] ?? '');
      fields.pop(); // the list's own key, named by its item instead
      const name = nameOf(next);
      // Only an object and its column read as one dotted name (`public.orders.total`); an index or
      // a named check is a field of its table (`index orders_total`), an unnamed item is numbered.
      if (name && fields.length === 0 && (names.length === 0 || key === 'columns')) names.push(name);
      else fields.push(`${singular(key)} ${name ?? segment + 1}`);
    } else fields.push(segment);
    at = next;
  });
  const named = names.join('.');
  return [named, fields.join(' ')].filter(Boolean).join(' ');
}
