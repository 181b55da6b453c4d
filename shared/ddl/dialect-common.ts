/**
 * What the MySQL and SQLite generators share: a warning list that groups the columns each loss
 * touches, schema flattening (neither target has PostgreSQL schemas), database-wide unique names,
 * and the model-level objects neither target can take.
 */
import type { Model, Table } from '../model/document.ts';

/** Output of a dialect generator: the script and one line per kind of loss. */
export interface DialectDdl {
  sql: string;
  warnings: string[];
}

/** Warnings grouped by message: `uuid became CHAR(36): orders.id, users.id`. */
export class WarningList {
  private readonly bySubject = new Map<string, string[]>();

  add(message: string, subject?: string): void {
    const list = this.bySubject.get(message) ?? [];
    if (subject && !list.includes(subject)) list.push(subject);
    this.bySubject.set(message, list);
  }

  list(): string[] {
    return [...this.bySubject].map(([message, subjects]) => (subjects.length ? `${message}: ${subjects.join(', ')}` : message));
  }
}

/** Hands out names unique within one namespace (case-insensitively), clipped to `maxLength`. */
export class NameSpace {
  private readonly used = new Set<string>();
  constructor(private readonly maxLength: number) {}

  /** Marks a name as taken (e.g. table names, which SQLite index names must not reuse). */
  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }

  take(wanted: string): string {
    const base = wanted.slice(0, this.maxLength);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, this.maxLength - String(n).length - 1)}_${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/**
 * Target table names: the bare name, or `<schema>_<name>` when two schemas hold the same name.
 * Partitions are left out (their rows live in the parent there). Ex: `sales.orders` → `orders`.
 */
export function flatTableNames(model: Model, warnings: WarningList, maxLength: number): Map<string, string> {
  const tables = exportedTables(model);
  const count = new Map<string, number>();
  for (const t of tables) count.set(t.name.toLowerCase(), (count.get(t.name.toLowerCase()) ?? 0) + 1);
  const space = new NameSpace(maxLength);
  const names = new Map<string, string>();
  for (const t of tables) {
    const clash = (count.get(t.name.toLowerCase()) ?? 0) > 1 && t.schema !== 'public';
    if (t.schema !== 'public') warnings.add(clash ? 'schema flattened into the table name' : 'schema flattened (tables placed in one database)', `${t.schema}.${t.name}`);
    names.set(t.id, space.take(clash ? `${t.schema}_${t.name}` : t.name));
  }
  return names;
}

/** Tables that become tables in the target: partitions are folded into their parent. */
export function exportedTables(model: Model): Table[] {
  return model.tables.filter((t) => !t.partitionOf);
}

/** Table features neither target keeps, warned once per table. */
export function tableFeatureWarnings(table: Table, warnings: WarningList): void {
  const label = `${table.schema}.${table.name}`;
  if (table.partitioning) warnings.add('partitioning dropped (partitions folded into the parent table)', label);
  if (table.inherits?.length) warnings.add('table inheritance dropped', label);
  if (table.unlogged) warnings.add('UNLOGGED dropped', label);
  if (table.with) warnings.add('storage parameters dropped', label);
  if (table.primaryKey?.deferrable || table.uniques.some((u) => u.deferrable)) warnings.add('DEFERRABLE primary key/unique became immediate', label);
  if (table.uniques.some((u) => u.nullsNotDistinct)) warnings.add('NULLS NOT DISTINCT dropped (NULLs are distinct in unique keys)', label);
  for (const c of table.columns) if (c.collation) warnings.add('column collation dropped', `${label}.${c.name}`);
  const constraints = [table.primaryKey, ...table.uniques, ...table.checks, ...table.foreignKeys];
  if (constraints.some((c) => c?.comment)) warnings.add('constraint comments dropped', label);
  if ([...table.checks, ...table.foreignKeys].some((c) => c.notValid)) warnings.add('NOT VALID dropped (the target checks existing rows)', label);
}

/** The sequence a `nextval('…')` default draws on, schema-qualified (`public` when bare). */
function nextvalSequence(expression: string | undefined): string | undefined {
  const name = expression?.match(/^nextval\('((?:[^']|'')+)'/i)?.[1].replace(/''/g, "'").replace(/"/g, '');
  return name && (name.includes('.') ? name : `public.${name}`);
}

/**
 * Column ids whose `nextval()` default draws on a sequence another column draws on too: the
 * target's per-table auto-increment does not keep them apart, so values may repeat across them.
 */
export function sharedSequenceColumns(model: Model): Map<string, string> {
  const users = new Map<string, string[]>();
  for (const t of model.tables) {
    for (const c of t.columns) {
      const sequence = nextvalSequence(c.default);
      if (sequence) users.set(sequence, [...(users.get(sequence) ?? []), c.id]);
    }
  }
  return new Map([...users].filter(([, ids]) => ids.length > 1).flatMap(([sequence, ids]) => ids.map((id): [string, string] => [id, sequence])));
}

/** Model objects outside tables that the targets cannot take. */
export function modelWarnings(model: Model, warnings: WarningList, dialectName: string): void {
  const partitions = model.tables.filter((t) => t.partitionOf).map((t) => `${t.schema}.${t.name}`);
  if (partitions.length) warnings.add('partitions left out (rows live in the parent table)', partitions.join(', '));
  const views = model.views.map((v) => `${v.schema}.${v.name}`);
  if (views.length) warnings.add(`views and materialized views not exported (their SQL is PostgreSQL's; recreate them in ${dialectName})`, views.join(', '));
  // Sequences behind a serial column's nextval() default become the target's auto-increment.
  const defaults = model.tables.flatMap((t) => t.columns.map((c) => c.default ?? '')).filter((d) => /^nextval\(/i.test(d)).join('\n');
  const sequences = model.sequences.filter((s) => !defaults.includes(s.name)).map((s) => `${s.schema}.${s.name}`);
  if (sequences.length) warnings.add(`sequences not exported (${dialectName} has no portable sequences)`, sequences.join(', '));
  if (model.extensions.length) warnings.add('extensions not exported', model.extensions.map((e) => e.name).join(', '));
  if (model.rawObjects.length) warnings.add('functions, triggers and other PostgreSQL objects not exported', model.rawObjects.map((o) => `${o.kind} ${o.name}`).join(', '));
  const commented = [...model.schemas, ...model.enums, ...model.domains].filter((o) => o.comment).map((o) => o.name);
  if (commented.length) warnings.add('schema, enum and domain comments dropped', commented.join(', '));
  for (const d of model.domains) if (d.checks.length || d.notNull || d.default) warnings.add('domain checks, NOT NULL and default dropped (columns use the base type)', `${d.schema}.${d.name}`);
}
