/**
 * The names PostgreSQL gives unnamed constraints, indexes and serial sequences (makeObjectName,
 * ChooseRelationName and ChooseConstraintName in the server), so an imported object's derived id
 * matches the id introspection derives from the name the database actually chose.
 */
import type { ImportContext } from './sql-import-context.ts';

const MAX_IDENTIFIER = 63;

/** Truncates `s` to at most `bytes` UTF-8 bytes without cutting a character. */
function clipBytes(s: string, bytes: number): string {
  let used = 0;
  let out = '';
  for (const ch of s) {
    const size = new TextEncoder().encode(ch).length;
    if (used + size > bytes) break;
    used += size;
    out += ch;
  }
  return out;
}

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** Ex: `makeObjectName('orders', 'customer_id', 'fkey')` → `orders_customer_id_fkey`, clipped to 63 bytes. */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  let name1Bytes = byteLength(name1);
  let name2Bytes = name2 ? byteLength(name2) : 0;
  let overhead = name2 ? 1 : 0;
  if (label) overhead += byteLength(label) + 1;
  const available = MAX_IDENTIFIER - overhead;
  while (name1Bytes + name2Bytes > available) {
    if (name1Bytes > name2Bytes) name1Bytes -= 1;
    else name2Bytes -= 1;
  }
  let out = clipBytes(name1, name1Bytes);
  if (name2) out += `_${clipBytes(name2, name2Bytes)}`;
  if (label) out += `_${label}`;
  return out;
}

/** Column names joined for an index or foreign key name, stopping once 63 bytes are reached. */
export function nameAddition(columns: string[]): string {
  let out = '';
  for (const column of columns) {
    if (out) out += '_';
    out += column;
    if (byteLength(out) >= MAX_IDENTIFIER) break;
  }
  return out;
}

/** A relation name not yet taken in `schema`: `label`, then `label1`, `label2`, … */
export function chooseRelationName(ctx: ImportContext, schema: string, name1: string, name2: string | undefined, label: string, isConstraint = false): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass ? `${label}${pass}` : label);
    if (!ctx.relationNameTaken(schema, name) && !(isConstraint && ctx.constraintNameTaken(schema, name))) return name;
  }
}

/** A constraint name not yet taken in `schema`. */
export function chooseConstraintName(ctx: ImportContext, schema: string, name1: string, name2: string | undefined, label: string): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass ? `${label}${pass}` : label);
    if (!ctx.constraintNameTaken(schema, name)) return name;
  }
}
