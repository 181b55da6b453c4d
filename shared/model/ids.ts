/**
 * Stable ids. Objects drawn in the editor get random ids; objects read from SQL or a live database
 * get ids derived from their names, so the same schema read twice has the same ids and a diff
 * between the two matches every object. Once given, an id never changes, even on rename.
 */

let counter = 0;

/** A fresh random id, e.g. `newId('table')` → `table_k3x9q0ab12`. */
export function newId(prefix: string): string {
  const random = globalThis.crypto?.randomUUID?.().replace(/-/g, '').slice(0, 10);
  counter += 1;
  return `${prefix}_${random ?? `${Date.now().toString(36)}${counter.toString(36)}`}`;
}

/** Name-derived ids, e.g. `derivedId.table('public', 'orders')` → `table:public.orders`. */
export const derivedId = {
  schema: (name: string) => `schema:${name}`,
  extension: (name: string) => `ext:${name}`,
  table: (schema: string, name: string) => `table:${schema}.${name}`,
  column: (schema: string, table: string, column: string) => `col:${schema}.${table}.${column}`,
  primaryKey: (schema: string, table: string) => `pk:${schema}.${table}`,
  constraint: (kind: 'uq' | 'ck' | 'fk', schema: string, table: string, name: string) =>
    `${kind}:${schema}.${table}.${name}`,
  index: (schema: string, name: string) => `idx:${schema}.${name}`,
  enum: (schema: string, name: string) => `enum:${schema}.${name}`,
  domain: (schema: string, name: string) => `domain:${schema}.${name}`,
  domainCheck: (schema: string, domain: string, name: string) => `dck:${schema}.${domain}.${name}`,
  sequence: (schema: string, name: string) => `seq:${schema}.${name}`,
  view: (schema: string, name: string) => `view:${schema}.${name}`,
  raw: (kind: string, schema: string | undefined, name: string) => `raw:${kind}:${schema ?? ''}.${name}`,
};
