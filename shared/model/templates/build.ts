/**
 * A compact way to write template models by name: columns, constraints and foreign keys are given
 * as names and SQL text, and get the ids an import of the same SQL would give them (`derivedId`),
 * so a template and the schema it describes match object for object.
 */
import type {
  Check, Column, ForeignKey, Identity, Index, IndexItem, Model, ReferentialAction, Table, Unique,
} from '../document.ts';
import { derivedId } from '../ids.ts';
import { effectiveName, resolveNames } from '../names.ts';
import { parseTypeText } from '../types.ts';

export interface ColumnSpec {
  /** Type as written in SQL: `character varying(255)`, `numeric(10,2)`, `public.order_status`, `text[]`. */
  type: string;
  notNull?: boolean;
  default?: string;
  identity?: Identity;
  generated?: string;
  collation?: string;
  comment?: string;
}

export interface ForeignKeySpec {
  name?: string;
  columns: string[];
  /** `orders` (same schema) or `sales.orders`. */
  references: string;
  refColumns?: string[];
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  match?: ForeignKey['match'];
  deferrable?: boolean;
  initiallyDeferred?: boolean;
}

export interface IndexSpec extends Omit<Index, 'id' | 'items' | 'include' | 'unique'> {
  unique?: boolean;
  /** Column names, or `{ expression }` items (column items may also be given by name). */
  items: (string | (Omit<IndexItem, 'column'> & { column?: string }))[];
  include?: string[];
}

export interface TableSpec {
  schema?: string;
  name: string;
  comment?: string;
  /** Column name → definition, in table order. */
  columns: Record<string, ColumnSpec>;
  primaryKey?: string[];
  uniques?: (Omit<Unique, 'id' | 'columns'> & { columns: string[] })[];
  checks?: Omit<Check, 'id'>[];
  foreignKeys?: ForeignKeySpec[];
  indexes?: IndexSpec[];
}

function resolveRef(schema: string, ref: string): { schema: string; name: string } {
  const dot = ref.indexOf('.');
  return dot < 0 ? { schema, name: ref } : { schema: ref.slice(0, dot), name: ref.slice(dot + 1) };
}

function buildColumn(schema: string, table: string, name: string, spec: ColumnSpec): Column {
  const column: Column = { id: derivedId.column(schema, table, name), name, type: parseTypeText(spec.type), notNull: spec.notNull ?? false };
  for (const key of ['default', 'identity', 'generated', 'collation', 'comment'] as const) {
    if (spec[key] !== undefined) Object.assign(column, { [key]: spec[key] });
  }
  return column;
}

/** Ex: `table({ name: 'tags', columns: { id: { type: 'integer', notNull: true } }, primaryKey: ['id'] })`. */
export function table(spec: TableSpec): Table {
  const schema = spec.schema ?? 'public';
  const { name } = spec;
  const colId = (column: string) => derivedId.column(schema, name, column);
  const t: Table = {
    id: derivedId.table(schema, name), schema, name,
    columns: Object.entries(spec.columns).map(([column, c]) => buildColumn(schema, name, column, c)),
    uniques: [], checks: [], foreignKeys: [], indexes: [],
  };
  if (spec.comment) t.comment = spec.comment;
  if (spec.primaryKey) t.primaryKey = { id: derivedId.primaryKey(schema, name), columns: spec.primaryKey.map(colId) };
  const used = new Set<string>();
  // Two unnamed look-alikes would share a derived id; PostgreSQL suffixes the second name, so do we.
  const unique = (id: string) => {
    let out = id;
    for (let n = 1; used.has(out); n += 1) out = `${id}${n}`;
    used.add(out);
    return out;
  };
  const idFor = (kind: 'uq' | 'ck' | 'fk', object: Unique | Check | ForeignKey, nameKind: 'key' | 'check' | 'fkey') =>
    unique(derivedId.constraint(kind, schema, name, effectiveName(t, object, nameKind)));
  for (const u of spec.uniques ?? []) {
    const unique: Unique = { ...u, id: '', columns: u.columns.map(colId) };
    t.uniques.push({ ...unique, id: idFor('uq', unique, 'key') });
  }
  for (const c of spec.checks ?? []) t.checks.push({ ...c, id: idFor('ck', { ...c, id: '' }, 'check') });
  for (const f of spec.foreignKeys ?? []) {
    const ref = resolveRef(schema, f.references);
    const fk: ForeignKey = {
      id: '', columns: f.columns.map(colId), refTableId: derivedId.table(ref.schema, ref.name),
      refColumns: (f.refColumns ?? ['id']).map((c) => derivedId.column(ref.schema, ref.name, c)),
      onDelete: f.onDelete ?? 'no-action', onUpdate: f.onUpdate ?? 'no-action', match: f.match ?? 'simple',
      ...(f.name ? { name: f.name } : {}),
      ...(f.deferrable ? { deferrable: true, initiallyDeferred: f.initiallyDeferred ?? false } : {}),
    };
    t.foreignKeys.push({ ...fk, id: idFor('fk', fk, 'fkey') });
  }
  for (const x of spec.indexes ?? []) {
    const items = x.items.map((item) => (typeof item === 'string' ? { column: colId(item) } : { ...item, ...(item.column ? { column: colId(item.column) } : {}) }));
    const index: Index = { ...x, id: '', unique: x.unique ?? false, items, ...(x.include ? { include: x.include.map(colId) } : {}) };
    t.indexes.push({ ...index, id: unique(derivedId.index(schema, effectiveName(t, index, 'idx'))) });
  }
  return t;
}

/**
 * Gives every constraint and index the id an import of the generated SQL would give it: derived
 * from its resolved name, which is unique in its schema even where two tables' default names
 * collide after truncation (`table()` alone only sees one table). Call once the model is complete.
 */
export function withDerivedIds(input: Model): Model {
  // Provisional ids that are surely distinct, so names resolve object by object.
  const model: Model = {
    ...input,
    tables: input.tables.map((t) => ({
      ...t,
      uniques: t.uniques.map((u, i) => ({ ...u, id: `${t.id}#uq${i}` })),
      checks: t.checks.map((c, i) => ({ ...c, id: `${t.id}#ck${i}` })),
      foreignKeys: t.foreignKeys.map((f, i) => ({ ...f, id: `${t.id}#fk${i}` })),
      indexes: t.indexes.map((x, i) => ({ ...x, id: `${t.id}#ix${i}` })),
    })),
  };
  const names = resolveNames(model);
  const name = (o: { id: string; name?: string }) => names.get(o.id) ?? o.name ?? o.id;
  return {
    ...model,
    tables: model.tables.map((t) => ({
      ...t,
      uniques: t.uniques.map((u) => ({ ...u, id: derivedId.constraint('uq', t.schema, t.name, name(u)) })),
      checks: t.checks.map((c) => ({ ...c, id: derivedId.constraint('ck', t.schema, t.name, name(c)) })),
      foreignKeys: t.foreignKeys.map((f) => ({ ...f, id: derivedId.constraint('fk', t.schema, t.name, name(f)) })),
      indexes: t.indexes.map((x) => ({ ...x, id: derivedId.index(t.schema, name(x)) })),
    })),
  };
}
