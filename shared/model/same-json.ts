/**
 * Deep equality of JSON values whatever the order of their members; a member holding `undefined`
 * counts as absent (JSON.stringify drops it). A document read back from the store (PostgreSQL jsonb)
 * orders keyed members differently from the page that wrote it, so JSON text cannot be compared.
 * Example: `sameJson({ a: 1, b: [2] }, { b: [2], a: 1 })` is true.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameJson(item, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const present = (o: Record<string, unknown>) => Object.keys(o).filter((key) => o[key] !== undefined);
  const keys = present(x);
  return keys.length === present(y).length && keys.every((key) => sameJson(x[key], y[key]));
}
