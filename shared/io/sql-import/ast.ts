/**
 * Small readers for libpg_query's JSON AST. Nodes are `{ Kind: {...} }` objects; lists of names are
 * `String` nodes; numbers that do not fit 32 bits arrive as `Float` with the digits as text; zero
 * and `false` arrive as empty objects (protobuf leaves defaults out).
 */
import type { Node } from '@pgsql/types';

/** `{ CreateStmt: {...} }` → `'CreateStmt'`. */
export function kindOf(node: Node | undefined): string {
  return node ? Object.keys(node)[0] : '';
}

/** The payload of a node of a known kind, or undefined when the node is of another kind. */
export function as<T>(node: Node | undefined, kind: string): T | undefined {
  if (!node) return undefined;
  return (node as Record<string, unknown>)[kind] as T | undefined;
}

/** A `String` node's text. */
export function stringOf(node: Node | undefined): string {
  return as<{ sval?: string }>(node, 'String')?.sval ?? '';
}

/** `[String a, String b]` → `['a', 'b']`; a `List` node is unwrapped first. */
export function namesOf(nodes: Node[] | Node | undefined): string[] {
  if (!nodes) return [];
  const list = Array.isArray(nodes) ? nodes : (as<{ items?: Node[] }>(nodes, 'List')?.items ?? [nodes]);
  return list.map(stringOf);
}

/** A number as text from `Integer`, `Float`, `A_Const` or a unary minus over one; undefined otherwise. */
export function numberText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const integer = as<{ ival?: number }>(node, 'Integer');
  if (integer) return String(integer.ival ?? 0);
  const float = as<{ fval?: string }>(node, 'Float');
  if (float) return float.fval ?? '0';
  const constant = as<{ ival?: { ival?: number }; fval?: { fval?: string } }>(node, 'A_Const');
  if (constant?.ival) return String(constant.ival.ival ?? 0);
  if (constant?.fval) return constant.fval.fval ?? '0';
  const expr = as<{ kind?: string; name?: Node[]; rexpr?: Node; lexpr?: Node }>(node, 'A_Expr');
  if (expr && !expr.lexpr && namesOf(expr.name)[0] === '-') {
    const inner = numberText(expr.rexpr);
    return inner === undefined ? undefined : inner.startsWith('-') ? inner.slice(1) : `-${inner}`;
  }
  return undefined;
}

/** The text of a `String` or string `A_Const`, or the name of a `TypeName`-less `DefElem` argument. */
export function textOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = as<{ sval?: string }>(node, 'String');
  if (s) return s.sval ?? '';
  const constant = as<{ sval?: { sval?: string } }>(node, 'A_Const');
  if (constant?.sval) return constant.sval.sval ?? '';
  return numberText(node);
}

export interface DefElem {
  defname?: string;
  arg?: Node;
  defnamespace?: string;
}

/** The `DefElem` payloads of an options list. */
export function defElems(options: Node[] | undefined): DefElem[] {
  return (options ?? []).map((o) => as<DefElem>(o, 'DefElem')).filter((d): d is DefElem => d !== undefined);
}

/** `WITH (fillfactor = 70, autovacuum_enabled)` → `{ fillfactor: '70', autovacuum_enabled: 'true' }`. */
export function storageOptions(options: Node[] | undefined): Record<string, string> | undefined {
  const elems = defElems(options);
  if (!elems.length) return undefined;
  const out: Record<string, string> = {};
  for (const d of elems) {
    const key = d.defnamespace ? `${d.defnamespace}.${d.defname}` : (d.defname ?? '');
    const value = d.arg ? textOf(d.arg) ?? booleanText(d.arg) ?? wordText(d.arg) : 'true';
    out[key] = value ?? 'true';
  }
  return out;
}

/** An unquoted word value (`check_option = local`, `autovacuum_enabled = off`) comes as a type name. */
function wordText(node: Node): string | undefined {
  const names = as<{ names?: Node[] }>(node, 'TypeName')?.names;
  return names?.length === 1 ? textOf(names[0]) : undefined;
}

function booleanText(node: Node): string | undefined {
  const b = as<{ boolval?: boolean }>(node, 'Boolean');
  return b ? String(b.boolval ?? false) : undefined;
}

/** Depth-first visit of every node under `root` (objects with a single capitalised key). */
export function walk(root: unknown, visit: (kind: string, value: Record<string, unknown>) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) walk(item, visit);
    return;
  }
  if (!root || typeof root !== 'object') return;
  for (const [key, value] of Object.entries(root as Record<string, unknown>)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && /^[A-Z]/.test(key)) {
      visit(key, value as Record<string, unknown>);
    }
    walk(value, visit);
  }
}
