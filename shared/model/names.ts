/**
 * PostgreSQL's default names for constraints and indexes created without a name, so a model whose
 * constraint or index has no `name` means exactly the object PostgreSQL would have created.
 *
 * Mirrors PostgreSQL (src/backend/commands/indexcmds.c and catalog/pg_constraint.c):
 * `makeObjectName` (truncation to 63 bytes, taking from the longer part first),
 * `ChooseIndexNameAddition` / `ChooseIndexColumnNames` (column parts, `expr` or the function name for
 * expressions), `ChooseRelationName` / `ChooseConstraintName` (a numeric suffix on the label —
 * `orders_customer_id_fkey1` — when the name is taken in the schema).
 */
import type { Check, ForeignKey, Index, Model, PrimaryKey, Table, Unique } from './document.ts';
import { MAX_IDENTIFIER_BYTES, utf8Length } from './identifier-bytes.ts';
import { checkColumnName, indexItemName } from './name-parts.ts';

export { MAX_IDENTIFIER_BYTES, utf8Length } from './identifier-bytes.ts';

export type NameKind = 'pkey' | 'key' | 'fkey' | 'check' | 'idx';

/** The longest prefix of `text` within `maxBytes` bytes that does not split a character (pg_mbcliplen). */
export function clipBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/**
 * `makeObjectName('orders', 'customer_id', 'fkey')` → `orders_customer_id_fkey`; parts are shortened,
 * longer one first, so the whole stays within 63 bytes and the label survives.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  const overhead = (name2 !== undefined ? 1 : 0) + (label ? utf8Length(label) + 1 : 0);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  let chars1 = utf8Length(name1);
  let chars2 = name2 !== undefined ? utf8Length(name2) : 0;
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1 -= 1;
    else chars2 -= 1;
  }
  let name = clipBytes(name1, chars1);
  if (name2 !== undefined) name += `_${clipBytes(name2, chars2)}`;
  if (label) name += `_${label}`;
  return name;
}

/** `ChooseIndexNameAddition`: column parts joined by `_`, stopping once past 63 bytes. */
export function nameAddition(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (out.length > 0) out += '_';
    out += clipBytes(part, MAX_IDENTIFIER_BYTES);
    if (utf8Length(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
}

/** `ChooseIndexColumnNames`: repeated parts get a number (`lower`, `lower1`). */
export function uniqueColumnParts(parts: string[]): string[] {
  const result: string[] = [];
  for (const original of parts) {
    let current = original;
    for (let i = 1; result.includes(current); i += 1) {
      const digits = String(i);
      current = clipBytes(original, MAX_IDENTIFIER_BYTES - digits.length) + digits;
    }
    result.push(current);
  }
  return result;
}

type Named = PrimaryKey | Unique | Check | ForeignKey | Index;

function columnNames(table: Table, ids: string[]): string[] {
  return ids.map((id) => table.columns.find((c) => c.id === id)?.name ?? id);
}

function indexParts(table: Pick<Table, 'columns'> & { name: string }, index: Index): string[] {
  const parts = index.items.map((item) => indexItemName(item, table.columns));
  const include = (index.include ?? []).map((id) => table.columns.find((c) => c.id === id)?.name ?? id);
  return uniqueColumnParts([...parts, ...include]);
}

/** The parts PostgreSQL builds a default name from, before any collision suffix. */
export function defaultNameParts(
  table: Pick<Table, 'name' | 'columns'>,
  object: Named,
  kind: NameKind,
): { name2?: string; label: string } {
  const full = table as Table;
  switch (kind) {
    case 'pkey':
      return { label: 'pkey' };
    case 'key':
      return { name2: nameAddition(uniqueColumnParts(columnNames(full, (object as Unique).columns))), label: 'key' };
    case 'fkey':
      return { name2: nameAddition(columnNames(full, (object as ForeignKey).columns)), label: 'fkey' };
    case 'check':
      return { name2: checkColumnName((object as Check).expression, table.columns), label: 'check' };
    case 'idx':
      // A CREATE UNIQUE INDEX is not a constraint: it gets `_idx` too.
      return { name2: nameAddition(indexParts(full, object as Index)), label: 'idx' };
  }
}

/**
 * The name PostgreSQL gives `object` on `table`: its own name if set, otherwise the default (without
 * the collision suffix: use `withEffectiveNames` for a whole model).
 * Ex: `effectiveName(orders, fk, 'fkey')` → `orders_customer_id_fkey`.
 */
export function effectiveName(table: Pick<Table, 'name' | 'columns'>, object: Named, kind: NameKind): string {
  if (object.name) return object.name;
  const { name2, label } = defaultNameParts(table, object, kind);
  return makeObjectName(table.name, name2, label);
}

type Space = { relations: Set<string>; constraints: Set<string> };

/** Names already used per schema: relations (pg_class) and constraints (pg_constraint). */
function explicitNames(model: Model): Map<string, Space> {
  const spaces = new Map<string, Space>();
  const space = (schema: string) => {
    if (!spaces.has(schema)) spaces.set(schema, { relations: new Set(), constraints: new Set() });
    return spaces.get(schema)!;
  };
  for (const s of model.sequences) space(s.schema).relations.add(s.name);
  for (const v of model.views) {
    space(v.schema).relations.add(v.name);
    for (const x of v.indexes ?? []) if (x.name) space(v.schema).relations.add(x.name);
  }
  for (const d of model.domains) for (const c of d.checks) if (c.name) space(d.schema).constraints.add(c.name);
  for (const t of model.tables) {
    const sp = space(t.schema);
    sp.relations.add(t.name);
    for (const x of t.indexes) if (x.name) sp.relations.add(x.name);
    for (const c of [t.primaryKey, ...t.uniques]) {
      if (c?.name) { sp.relations.add(c.name); sp.constraints.add(c.name); }
    }
    for (const c of [...t.checks, ...t.foreignKeys]) if (c.name) sp.constraints.add(c.name);
  }
  return spaces;
}

/** ChooseRelationName / ChooseConstraintName: the first free `label`, `label1`, `label2`, … */
function choose(space: Space, parts: { name1: string; name2?: string; label: string }, kind: NameKind | 'seq'): string {
  const relation = kind !== 'check' && kind !== 'fkey';
  const constraint = kind !== 'idx' && kind !== 'seq';
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(parts.name1, parts.name2, pass ? `${parts.label}${pass}` : parts.label);
    if ((relation && space.relations.has(name)) || (constraint && space.constraints.has(name))) continue;
    if (relation) space.relations.add(name);
    if (constraint) space.constraints.add(name);
    return name;
  }
}

/**
 * Every constraint and index id → the name it has in PostgreSQL, default names included with their
 * collision suffixes, assigned in the order the generated script creates the objects.
 */
export function resolveNames(model: Model): Map<string, string> {
  const names = new Map<string, string>();
  const spaces = explicitNames(model);
  const spaceOf = (schema: string) => spaces.get(schema)!;
  const assign = (table: Table, object: Named | undefined, kind: NameKind, schema = table.schema) => {
    if (!object) return;
    if (object.name) { names.set(object.id, object.name); return; }
    names.set(object.id, choose(spaceOf(schema), { name1: table.name, ...defaultNameParts(table, object, kind) }, kind));
  };
  for (const d of model.domains) {
    for (const c of d.checks) {
      names.set(c.id, c.name ?? choose(spaceOf(d.schema), { name1: d.name, label: 'check' }, 'check'));
    }
  }
  for (const t of model.tables) {
    // Identity columns create `<table>_<column>_seq`, which takes a relation name.
    for (const c of t.columns) if (c.identity) choose(spaceOf(t.schema), { name1: t.name, name2: c.name, label: 'seq' }, 'seq');
    for (const c of t.checks) assign(t, c, 'check');
    assign(t, t.primaryKey, 'pkey');
    for (const u of t.uniques) assign(t, u, 'key');
  }
  for (const t of model.tables) for (const fk of t.foreignKeys) assign(t, fk, 'fkey');
  for (const t of model.tables) for (const x of t.indexes) assign(t, x, 'idx');
  for (const v of model.views) {
    const asTable = { ...v, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [] } as unknown as Table;
    for (const x of v.indexes ?? []) assign(asTable, x, 'idx');
  }
  return names;
}

/**
 * A copy of the model where every constraint and index carries its effective name, so DDL and diff
 * never have to guess. Ex: an unnamed primary key on `orders` gets `name: 'orders_pkey'`.
 */
export function withEffectiveNames(model: Model): Model {
  const names = resolveNames(model);
  const named = <T extends { id: string; name?: string }>(o: T): T => ({ ...o, name: names.get(o.id) ?? o.name });
  return {
    ...model,
    domains: model.domains.map((d) => ({ ...d, checks: d.checks.map(named) })),
    tables: model.tables.map((t) => ({
      ...t,
      ...(t.primaryKey ? { primaryKey: named(t.primaryKey) } : {}),
      uniques: t.uniques.map(named),
      checks: t.checks.map(named),
      foreignKeys: t.foreignKeys.map(named),
      indexes: t.indexes.map(named),
    })),
    views: model.views.map((v) => (v.indexes ? { ...v, indexes: v.indexes.map(named) } : v)),
  };
}
