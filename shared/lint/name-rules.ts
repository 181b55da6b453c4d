/**
 * Naming rules: names PostgreSQL would reject (empty, over 63 bytes, taken twice in the same
 * namespace) and names that only work quoted (upper case, spaces, reserved words).
 *
 * What depends on one table alone (its columns, its constraint names) is cached per table object;
 * only schema-wide namespaces (relations, types) are checked across tables on every run.
 */
import { needsQuoting, quoteIdent } from '../ddl/quote.ts';
import type { Model, Table } from '../model/document.ts';
import type { LintIssue } from './issue.ts';
import { MAX_IDENTIFIER_BYTES, utf8Length } from '../model/names.ts';
import { memoByObject } from '../model/memo-by-object.ts';

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

/** A table's named objects: the table, its columns, named constraints and indexes. */
function tableObjects(t: Table): NamedObject[] {
  const table = `${t.schema}.${t.name}`;
  // A table also defines a composite type of the same name.
  const out: NamedObject[] = [{ name: t.name, kind: 'table', objectId: t.id, tableId: t.id, where: table, spaces: [`rel:${t.schema}`, `type:${t.schema}`] }];
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
  return out;
}

function otherObjects(model: Model): { before: NamedObject[]; after: NamedObject[] } {
  const before = model.schemas.map((s) => ({ name: s.name, kind: 'schema', objectId: s.id, where: s.name, spaces: ['schema'] }));
  const after: NamedObject[] = [];
  for (const v of model.views) {
    after.push({ name: v.name, kind: 'view', objectId: v.id, where: `${v.schema}.${v.name}`, spaces: [`rel:${v.schema}`, `type:${v.schema}`] });
  }
  for (const s of model.sequences) after.push({ name: s.name, kind: 'sequence', objectId: s.id, where: `${s.schema}.${s.name}`, spaces: [`rel:${s.schema}`] });
  for (const e of model.enums) after.push({ name: e.name, kind: 'enum', objectId: e.id, where: `${e.schema}.${e.name}`, spaces: [`type:${e.schema}`] });
  for (const d of model.domains) after.push({ name: d.name, kind: 'domain', objectId: d.id, where: `${d.schema}.${d.name}`, spaces: [`type:${d.schema}`] });
  return { before, after };
}

function quotingReason(name: string): string {
  if (/\s/.test(name)) return 'contains spaces';
  if (name !== name.toLowerCase()) return 'has upper-case letters';
  if (/^[a-z_][a-z0-9_$]*$/.test(name)) return 'is a reserved word';
  return 'has characters outside a-z, 0-9 and _';
}

const isShared = (space: string) => space.startsWith('rel:') || space.startsWith('type:') || space === 'schema';

/**
 * Checks names of `objects`: their shape when `shapes` (empty, too long, needs quoting), and
 * duplicates within the namespaces `inScope` accepts, using `seen` (namespace + name → first holder).
 */
function checkNames(objects: NamedObject[], seen: Map<string, NamedObject>, inScope: (space: string) => boolean, shapes: boolean, out: LintIssue[]): void {
  for (const o of objects) {
    const issue = (code: string, severity: LintIssue['severity'], message: string) =>
      out.push({ code, severity, message, objectId: o.objectId, ...(o.tableId ? { tableId: o.tableId } : {}) });
    if (o.name.trim() === '') {
      if (shapes) issue('empty-name', 'error', `a ${o.kind} in ${o.where} has an empty name`);
      continue;
    }
    if (shapes && utf8Length(o.name) > MAX_IDENTIFIER_BYTES) {
      issue('name-too-long', 'error', `${o.kind} ${o.where}: the name is ${utf8Length(o.name)} bytes; PostgreSQL truncates names to ${MAX_IDENTIFIER_BYTES}`);
    } else if (shapes && needsQuoting(o.name)) {
      issue('name-needs-quoting', 'warning', `${o.kind} ${o.where} ${quotingReason(o.name)}: wherever it is named it must be quoted: ${quoteIdent(o.name)}`);
    }
    for (const space of o.spaces) {
      if (!inScope(space)) continue;
      const key = `${space}\u0000${o.name}`;
      const first = seen.get(key);
      if (!first) { seen.set(key, o); continue; }
      if (first.objectId === o.objectId) continue;
      issue('duplicate-name', 'error', `${o.kind} ${o.where}: the name "${o.name}" is already used by ${first.kind} ${first.where}`);
      break;
    }
  }
}

interface TableNames { local: LintIssue[]; shared: NamedObject[] }

/** Shape issues and table-local duplicates of one table (once per table object), plus its schema-wide names. */
const tableNames = memoByObject((table: Table): TableNames => {
  const objects = tableObjects(table);
  const local: LintIssue[] = [];
  checkNames(objects, new Map(), (space) => !isShared(space), true, local);
  return { local, shared: objects.filter((o) => o.spaces.some(isShared)) };
});

export function lintNames(model: Model): LintIssue[] {
  const out: LintIssue[] = [];
  const { before, after } = otherObjects(model);
  const seen = new Map<string, NamedObject>();
  checkNames(before, seen, isShared, true, out);
  const perTable = model.tables.map(tableNames);
  for (const t of perTable) out.push(...t.local);
  // Schema-wide duplicates: table names, index and key names, then views, sequences and types.
  checkNames(perTable.flatMap((t) => t.shared), seen, isShared, false, out);
  checkNames(after, seen, isShared, true, out);
  return out;
}
