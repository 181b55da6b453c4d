/**
 * A model read with a schema filter (`introspect --schema s2`) may carry SQL that names a relation
 * in a schema it does not hold: a foreign key `REFERENCES s1.a(id)` kept as a raw object. An empty
 * shadow database has no `s1.a`, so such objects are held out of the shadow load and compared as
 * they are written (introspection wrote them in PostgreSQL's own spelling).
 */
import type { Model, RawObject } from '../../shared/model/document.ts';
import { loadSqlParser, parseNodes } from '../../shared/io/parser.ts';

/** Schemas every database has: naming them never leaves the model. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema'];

/**
 * The schemas a model names: its schema list and the schema of every object in it, sorted.
 * Ex: a model with schema `s2` and a table `s2.b` → `['s2']`.
 */
export function namedSchemas(model: Model): string[] {
  const names = new Set(model.schemas.map((s) => s.name));
  const objects = [...model.extensions, ...model.enums, ...model.domains, ...model.sequences, ...model.tables, ...model.views, ...model.rawObjects];
  for (const o of objects) if (o.schema) names.add(o.schema);
  return [...names].sort();
}

/** Schemas of every relation (`schemaname` + `relname`: RangeVar, wrapped or not) in an AST. */
function relationSchemas(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) relationSchemas(item, out);
  else if (node && typeof node === 'object') {
    const fields = node as Record<string, unknown>;
    if (typeof fields.relname === 'string' && typeof fields.schemaname === 'string') out.add(fields.schemaname);
    for (const value of Object.values(fields)) relationSchemas(value, out);
  }
  return out;
}

function namesOutside(raw: RawObject, inside: ReadonlySet<string>): boolean {
  let nodes;
  try {
    nodes = parseNodes(raw.definition);
  } catch {
    return false; // SQL that does not parse is loaded, so PostgreSQL says what is wrong with it
  }
  return [...relationSchemas(nodes, new Set())].some((schema) => !inside.has(schema));
}

/**
 * Splits off the raw objects whose SQL names a relation outside `schemas` (default: the model's
 * own). Ex: `(await holdOutsideReferences(model)).heldOut` → the `REFERENCES s1.a` key of s2.b.
 */
export async function holdOutsideReferences(model: Model, schemas = namedSchemas(model)): Promise<{ loadable: Model; heldOut: RawObject[] }> {
  if (!model.rawObjects.length) return { loadable: model, heldOut: [] };
  await loadSqlParser();
  const inside = new Set([...schemas, ...SYSTEM_SCHEMAS]);
  const heldOut = model.rawObjects.filter((raw) => namesOutside(raw, inside));
  if (!heldOut.length) return { loadable: model, heldOut };
  return { loadable: { ...model, rawObjects: model.rawObjects.filter((raw) => !heldOut.includes(raw)) }, heldOut };
}
