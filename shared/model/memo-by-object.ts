/**
 * A function computed once per object. The model is immutable (an edit replaces what it changes and
 * shares the rest), so work keyed by a table, a model or another object of it stays valid as long as
 * that object lives; a WeakMap lets the entry go with it.
 *
 * Ex: `const issuesOf = memoByObject((table: Table) => lintTable(table))`: `issuesOf(t)` lints `t` once.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const computed = new WeakMap<K, V>();
  return (key) => {
    if (!computed.has(key)) computed.set(key, compute(key));
    return computed.get(key) as V;
  };
}
