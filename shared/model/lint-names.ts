/**
 * Naming rules: names PostgreSQL would reject (empty, over 63 bytes, taken twice in the same
 * namespace) and names that only work quoted (upper case, spaces, reserved words).
 */
import { needsQuoting, quoteIdent } from '../ddl/quote.ts';
import type { Model } from './document.ts';
import type { LintIssue } from './lint-types.ts';
import { MAX_IDENTIFIER_BYTES, utf8Length } from './names.ts';

interface NamedObject {
  name: string;
  kind: string;
  objectId: string;
  tableId?: string;
  /** How to say where it is, e.g. `public.orders.email`. */
  where: string;
  /** Namespaces the name must be unique in, e.g. `rel:public` or `col:<table id>`. */
  spaces: string[];
}

/** Every named object with the namespaces PostgreSQL keeps its name unique in. */
function namedObjects(model: Model): NamedObject[] {
  const out: NamedObject[] = [];
  for (const s of model.schemas) out.push({ name: s.name, kind: 'schema', objectId: s.id, where: s.name, spaces: ['schema'] });
  for (const t of model.tables) {
    const table = `${t.schema}.${t.name}`;
    // A table also defines a composite type of the same name.
    out.push({ name: t.name, kind: 'table', objectId: t.id, tableId: t.id, where: table, spaces: [`rel:${t.schema}`, `type:${t.schema}`] });
    for (const c of t.columns) out.push({ name: c.name, kind: 'column', objectId: c.id, tableId: t.id, where: `${table}.${c.name}`, spaces: [`col:${t.id}`] });
    const constraint = (o: { id: string; name?: string }, kind: string, indexBacked: boolean) => {
      if (o.name === undefined) return;
      const spaces = [`con:${t.id}`, ...(indexBacked ? [`rel:${t.schema}`] : [])];
      out.push({ name: o.name, kind, objectId: o.id, tableId: t.id, where: `${o.name} on ${table}`, spaces });
    };
    if (t.primaryKey) constraint(t.primaryKey, 'primary key', true);
    for (const u of t.uniques) constraint(u, 'unique constraint', true);
    for (const c of t.checks) constraint(c, 'check', false);
    for (const f of t.foreignKeys) constraint(f, 'foreign key', false);
    for (const x of t.indexes) {
      if (x.name !== undefined) out.push({ name: x.name, kind: 'index', objectId: x.id, tableId: t.id, where: `${x.name} on ${table}`, spaces: [`rel:${t.schema}`] });
    }
  }
  for (const e of model.enums) out.push({ name: e.name, kind: 'enum', objectId: e.id, where: `${e.schema}.${e.name}`, spaces: [`type:${e.schema}`] });
  for (const d of model.domains) out.push({ name: d.name, kind: 'domain', objectId: d.id, where: `${d.schema}.${d.name}`, spaces: [`type:${d.schema}`] });
  for (const s of model.sequences) out.push({ name: s.name, kind: 'sequence', objectId: s.id, where: `${s.schema}.${s.name}`, spaces: [`rel:${s.schema}`] });
  for (const v of model.views) {
    out.push({ name: v.name, kind: 'view', objectId: v.id, where: `${v.schema}.${v.name}`, spaces: [`rel:${v.schema}`, `type:${v.schema}`] });
  }
  return out;
}

function quotingReason(name: string): string {
  if (/\s/.test(name)) return 'contains spaces';
  if (name !== name.toLowerCase()) return 'has upper-case letters';
  if (/^[a-z_][a-z0-9_$]*$/.test(name)) return 'is a reserved word';
  return 'has characters outside a-z, 0-9 and _';
}

export function lintNames(model: Model): LintIssue[] {
  const out: LintIssue[] = [];
  const seen = new Map<string, NamedObject>();
  for (const o of namedObjects(model)) {
    const issue = (code: string, severity: LintIssue['severity'], message: string) =>
      out.push({ code, severity, message, objectId: o.objectId, ...(o.tableId ? { tableId: o.tableId } : {}) });
    if (o.name.trim() === '') {
      issue('empty-name', 'error', `a ${o.kind} in ${o.where} has an empty name`);
      continue;
    }
    if (utf8Length(o.name) > MAX_IDENTIFIER_BYTES) {
      issue('name-too-long', 'error', `${o.kind} ${o.where}: the name is ${utf8Length(o.name)} bytes; PostgreSQL truncates names to ${MAX_IDENTIFIER_BYTES}`);
    } else if (needsQuoting(o.name)) {
      issue('name-needs-quoting', 'warning', `${o.kind} ${o.where} ${quotingReason(o.name)}: wherever it is named it must be quoted: ${quoteIdent(o.name)}`);
    }
    for (const space of o.spaces) {
      const key = `${space}\u0000${o.name}`;
      const first = seen.get(key);
      if (!first) { seen.set(key, o); continue; }
      if (first.objectId === o.objectId) continue;
      issue('duplicate-name', 'error', `${o.kind} ${o.where}: the name "${o.name}" is already used by ${first.kind} ${first.where}`);
      break;
    }
  }
  return out;
}
