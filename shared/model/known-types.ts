/**
 * Whether a column's or domain's type exists where the model will be loaded: a PostgreSQL built-in
 * (every type of pg_catalog but the catalogs' row types, under its name and `format_type`'s),
 * a type the model defines (enum, domain, a table's or view's row type, a carried CREATE TYPE), or
 * one an extension of the model brings. A type nothing defines (`txet`) fails the load with
 * `type "txet" does not exist`; import, lint and plan say so first, with where it is used.
 */
import type { Column, ColumnType, Model, Table } from './document.ts';
import { canonicalTypeName } from './types.ts';
import { memoByObject } from './memo-by-object.ts';

/** pg_catalog's types on PostgreSQL 12–18 (`typname` and `format_type`), and the SQL spellings the grammar maps to them. */
const BUILT_IN_TYPES: ReadonlySet<string> = new Set([
  '"any"', '"char"', 'aclitem', 'any', 'anyarray', 'anycompatible', 'anycompatiblearray', 'anycompatiblemultirange',
  'anycompatiblenonarray', 'anycompatiblerange', 'anyelement', 'anyenum', 'anymultirange', 'anynonarray', 'anyrange',
  'bigint', 'bit', 'bit varying', 'bool', 'boolean', 'box', 'bpchar', 'bytea', 'char', 'character', 'character varying',
  'cid', 'cidr', 'circle', 'cstring', 'date', 'datemultirange', 'daterange', 'double precision', 'event_trigger',
  'fdw_handler', 'float4', 'float8', 'gtsvector', 'index_am_handler', 'inet', 'int2', 'int2vector', 'int4',
  'int4multirange', 'int4range', 'int8', 'int8multirange', 'int8range', 'integer', 'internal', 'interval', 'json',
  'jsonb', 'jsonpath', 'language_handler', 'line', 'lseg', 'macaddr', 'macaddr8', 'money', 'name', 'numeric',
  'nummultirange', 'numrange', 'oid', 'oidvector', 'path', 'pg_brin_bloom_summary', 'pg_brin_minmax_multi_summary',
  'pg_ddl_command', 'pg_dependencies', 'pg_lsn', 'pg_mcv_list', 'pg_ndistinct', 'pg_node_tree', 'pg_snapshot',
  'point', 'polygon', 'real', 'record', 'refcursor', 'regclass', 'regcollation', 'regconfig', 'regdictionary',
  'regnamespace', 'regoper', 'regoperator', 'regproc', 'regprocedure', 'regrole', 'regtype', 'smallint',
  'table_am_handler', 'text', 'tid', 'time', 'time with time zone', 'time without time zone', 'timestamp',
  'timestamp with time zone', 'timestamp without time zone', 'timestamptz', 'timetz', 'trigger', 'tsm_handler',
  'tsmultirange', 'tsquery', 'tsrange', 'tstzmultirange', 'tstzrange', 'tsvector', 'txid_snapshot', 'unknown',
  'uuid', 'varbit', 'varchar', 'void', 'xid', 'xid8', 'xml',
  'serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8', 'int', 'dec', 'decimal', 'float', 'double',
  'nchar', 'national character', 'national character varying', 'char varying', 'national char varying',
]);

/**
 * Column types of common extensions; an extension not listed here may define any type, so a model
 * that has one is trusted for every type it does not otherwise know.
 */
const EXTENSION_TYPES: Record<string, string[]> = {
  citext: ['citext'], hstore: ['hstore'], ltree: ['ltree', 'lquery', 'ltxtquery'], cube: ['cube'], seg: ['seg'],
  earthdistance: ['earth'], lo: ['lo'], isn: ['ean13', 'isbn', 'isbn13', 'ismn', 'ismn13', 'issn', 'issn13', 'upc'],
  vector: ['vector', 'halfvec', 'sparsevec'],
  intarray: ['query_int'], pgcrypto: [], 'uuid-ossp': [], pg_trgm: [], unaccent: [], btree_gin: [], btree_gist: [],
  fuzzystrmatch: [], tablefunc: [], pg_stat_statements: [], plpgsql: [], tsm_system_rows: [], tsm_system_time: [],
};

export interface UnknownType {
  type: ColumnType;
  /** Where it is used: `public.note.body`, or `domain public.d`. */
  where: string;
  objectId: string;
  tableId?: string;
  column?: Column;
}

/** PostgreSQL's error for the type, with where it is used. Ex: `public.note.body: type "txet" does not exist`. */
export const typeDoesNotExist = (u: UnknownType) =>
  `${u.where}: type "${u.type.schema ? `${u.type.schema}.` : ''}${u.type.name}" does not exist`;

/** What `name` / `schema.name` the model itself knows; undefined when an extension may define anything. */
function knownNames(model: Model): { qualified: Set<string>; bare: Set<string> } | undefined {
  if (model.extensions.some((e) => !(e.name in EXTENSION_TYPES))) return undefined;
  const carried = model.rawObjects.filter((r) => r.kind === 'type');
  // A range type brings its multirange (PostgreSQL 14+), named after it unless the definition names it.
  const multiranges = carried.filter((r) => /\bAS\s+RANGE\b/i.test(r.definition))
    .map((r) => ({ schema: r.schema, name: r.name.includes('range') ? r.name.replace('range', 'multirange') : `${r.name}_multirange` }));
  const defined = [...model.enums, ...model.domains, ...model.tables, ...model.views, ...carried, ...multiranges];
  const fromExtensions = model.extensions.flatMap((e) => EXTENSION_TYPES[e.name]);
  return {
    qualified: new Set(defined.map((o) => `${o.schema ?? ''}.${o.name}`)),
    bare: new Set([...defined.map((o) => o.name), ...fromExtensions]),
  };
}

/** A type every database has, whatever the model defines. */
function isBuiltIn(type: ColumnType): boolean {
  // information_schema's domains (`cardinal_number`, `sql_identifier`, …) exist in every database too.
  if (type.schema === 'pg_catalog' || type.schema === 'information_schema') return true;
  if (!type.schema && BUILT_IN_TYPES.has(canonicalTypeName(type.name))) return true;
  return !type.schema && type.name.startsWith('interval ');
}

function isKnown(type: ColumnType, names: { qualified: Set<string>; bare: Set<string> }): boolean {
  // An extension's type is read back qualified by the schema it was installed in.
  return isBuiltIn(type) || names.qualified.has(`${type.schema ?? ''}.${type.name}`) || names.bare.has(type.name);
}

/**
 * Per table object: its columns of a type that is not built in, the only ones the model's names
 * decide. Most tables have none, and an edit replaces only the tables it changes, so the lint of
 * an edit reads the types of one table instead of every column (2,000 tables: ~11 → ~1 ms).
 */
const columnsOfModelTypes = memoByObject((table: Table): Column[] => table.columns.filter((column) => !isBuiltIn(column.type)));

/** Columns and domains whose type nothing defines. Ex: a column typed `txet` → `[{ where: 'public.note.body', … }]`. */
export function unknownTypes(model: Model): UnknownType[] {
  const names = knownNames(model);
  if (!names) return [];
  const out: UnknownType[] = [];
  for (const table of model.tables) {
    for (const column of columnsOfModelTypes(table)) {
      if (!isKnown(column.type, names)) out.push({ type: column.type, where: `${table.schema}.${table.name}.${column.name}`, objectId: column.id, tableId: table.id, column });
    }
  }
  for (const domain of model.domains) {
    if (!isKnown(domain.type, names)) out.push({ type: domain.type, where: `domain ${domain.schema}.${domain.name}`, objectId: domain.id });
  }
  return out;
}
