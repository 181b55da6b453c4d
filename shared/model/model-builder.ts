/**
 * A small builder for models in tests and templates: tables written as short specs, ids derived
 * from names (`derivedId`), so a test can name any object's id without looking it up.
 *
 * Ex: `buildModel({ tables: [{ name: 'users', columns: ['id bigint!', 'email text!'], pk: ['id'] }] })`.
 */
import type { Column, ForeignKey, Index, Model, Table } from './document.ts';
import { emptyModel } from './empty.ts';
import { derivedId } from './ids.ts';
import { parseTypeText } from './types.ts';

export interface TableSpec {
  name: string;
  schema?: string;
  /** `'<name> <type>'`; a trailing `!` means NOT NULL, ` = <expr>` a default: `'created_at timestamptz! = now()'`. */
  columns: string[];
  pk?: string[];
  uniques?: string[][];
  checks?: string[];
  /** `{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }`; `ref` may be `schema.table`. */
  fks?: Array<{ columns: string[]; ref: string; refColumns: string[]; name?: string }>;
  /** Column names; an entry starting with `(` is an expression item. */
  indexes?: Array<string[] | { items: string[]; unique?: boolean; where?: string; name?: string }>;
}

export interface ModelSpec {
  tables: TableSpec[];
  enums?: Array<{ name: string; values: string[]; schema?: string }>;
  domains?: Array<{ name: string; type: string; schema?: string }>;
}

/** The derived id of a column in a built model. */
export const colId = (table: string, column: string, schema = 'public') => derivedId.column(schema, table, column);
/** The derived id of a table in a built model. */
export const tableId = (table: string, schema = 'public') => derivedId.table(schema, table);

function parseColumn(schema: string, table: string, spec: string): Column {
  const [head, defaultExpr] = spec.split(' = ');
  const space = head.indexOf(' ');
  const name = head.slice(0, space);
  let typeText = head.slice(space + 1).trim();
  const notNull = typeText.endsWith('!');
  if (notNull) typeText = typeText.slice(0, -1);
  return {
    id: colId(table, name, schema),
    name,
    type: parseTypeText(typeText),
    notNull,
    ...(defaultExpr ? { default: defaultExpr } : {}),
  };
}

function buildTable(spec: TableSpec): Table {
  const schema = spec.schema ?? 'public';
  const col = (name: string) => colId(spec.name, name, schema);
  const ref = (qualified: string) => {
    const [s, t] = qualified.includes('.') ? qualified.split('.') : ['public', qualified];
    return { id: tableId(t, s), col: (c: string) => colId(t, c, s) };
  };
  const fk = (f: NonNullable<TableSpec['fks']>[number], i: number): ForeignKey => ({
    id: derivedId.constraint('fk', schema, spec.name, f.name ?? `fk${i}`),
    ...(f.name ? { name: f.name } : {}),
    columns: f.columns.map(col),
    refTableId: ref(f.ref).id,
    refColumns: f.refColumns.map(ref(f.ref).col),
    onDelete: 'no-action',
    onUpdate: 'no-action',
    match: 'simple',
  });
  const index = (x: NonNullable<TableSpec['indexes']>[number], i: number): Index => {
    const o = Array.isArray(x) ? { items: x } : x;
    return {
      id: derivedId.index(schema, o.name ?? `${spec.name}_idx${i}`),
      ...(o.name ? { name: o.name } : {}),
      unique: o.unique ?? false,
      items: o.items.map((item) => (item.startsWith('(') ? { expression: item.slice(1, -1) } : { column: col(item) })),
      ...(o.where ? { where: o.where } : {}),
    };
  };
  return {
    id: tableId(spec.name, schema),
    schema,
    name: spec.name,
    columns: spec.columns.map((c) => parseColumn(schema, spec.name, c)),
    ...(spec.pk ? { primaryKey: { id: derivedId.primaryKey(schema, spec.name), columns: spec.pk.map(col) } } : {}),
    uniques: (spec.uniques ?? []).map((u, i) => ({ id: derivedId.constraint('uq', schema, spec.name, `uq${i}`), columns: u.map(col) })),
    checks: (spec.checks ?? []).map((expression, i) => ({ id: derivedId.constraint('ck', schema, spec.name, `ck${i}`), expression })),
    foreignKeys: (spec.fks ?? []).map(fk),
    indexes: (spec.indexes ?? []).map(index),
  };
}

export function buildModel(spec: ModelSpec): Model {
  const model = emptyModel();
  const schemas = new Set(['public', ...spec.tables.map((t) => t.schema ?? 'public')]);
  model.schemas = [...schemas].map((name) => ({ id: derivedId.schema(name), name }));
  model.tables = spec.tables.map(buildTable);
  model.enums = (spec.enums ?? []).map((e) => ({ id: derivedId.enum(e.schema ?? 'public', e.name), schema: e.schema ?? 'public', name: e.name, values: e.values }));
  model.domains = (spec.domains ?? []).map((d) => ({
    id: derivedId.domain(d.schema ?? 'public', d.name),
    schema: d.schema ?? 'public',
    name: d.name,
    type: parseTypeText(d.type),
    notNull: false,
    checks: [],
  }));
  return model;
}
