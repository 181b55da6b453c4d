/**
 * The state of one import: the model being built, name look-ups that honour `search_path` the way
 * PostgreSQL does, the report, and foreign keys waiting for the end of the script (a schema's
 * elements may reference tables created after them).
 */
import type { Domain, Enum, ForeignKey, Model, PrimaryKey, RawObject, Sequence, Table, Unique, View } from '../../model/document.ts';
import { emptyModel } from '../../model/empty.ts';
import { derivedId } from '../../model/ids.ts';
import { PG_CATALOG_FUNCTION_NAMES } from '../postgres-catalog-functions/names.ts';
import { emptyReport, type ImportReport } from './report.ts';

/** The search_path of a new session. */
export const DEFAULT_SEARCH_PATH = ['$user', 'public'];

/** Where a relation reference points, as written: `schema.name` or a bare `name`. */
export interface RelationRef {
  schemaname?: string;
  relname?: string;
}

export interface PendingForeignKey {
  table: Table;
  foreignKey: Omit<ForeignKey, 'refTableId' | 'refColumns'>;
  ref: RelationRef;
  refColumnNames: string[];
  searchPath: string[];
  line: number;
}

const key = (schema: string, name: string) => `${schema}.${name}`;

export class ImportContext {
  readonly model: Model = emptyModel();
  readonly report: ImportReport = emptyReport();
  searchPath: string[];
  /** Line of the statement being imported, for the report. */
  line = 0;
  /** The script is a pg_dump file (its header says so): its WITH NO DATA is how it writes every materialized view. */
  fromPgDump = false;
  /** Where each column type object was written (statement line, TypeName byte offset), to point a warning at it. */
  readonly typeLocations = new WeakMap<object, { line: number; byte?: number }>();
  readonly pendingForeignKeys: PendingForeignKey[] = [];
  /** Raw callable id → `name(input types)`, how COMMENT ON and DROP name a function. */
  readonly rawKeys = new Map<string, string>();
  /** Default names PostgreSQL gave primary keys (by id), for when a rename must pin them. */
  readonly chosenNames = new Map<string, string>();
  /** `COMMENT ON INDEX` of a key's index, by key object; written as raw SQL at the end of the script. */
  readonly keyIndexComments = new Map<PrimaryKey | Unique, string>();
  private readonly tables = new Map<string, Table>();
  private readonly views = new Map<string, View>();
  private readonly sequences = new Map<string, Sequence>();
  private readonly enums = new Map<string, Enum>();
  private readonly domains = new Map<string, Domain>();
  /** Types kept as raw definitions (composite, range, base) and types that extensions bring. */
  private readonly otherTypes = new Set<string>();
  /** `kind:name` of raw objects (functions, collations) → schemas that define one, to qualify references. */
  private readonly rawNames = new Map<string, Set<string>>();
  /** Text after `SET client_encoding = latin1` is read as Latin-1, as the server would. */
  clientEncoding = 'UTF8';
  /** Relation and index names taken per schema, for PostgreSQL's default names. */
  private readonly relationNames = new Map<string, Set<string>>();
  /** Constraint names taken per schema. */
  private readonly constraintNames = new Map<string, Set<string>>();

  constructor(searchPath: string[] = DEFAULT_SEARCH_PATH) {
    this.searchPath = [...searchPath];
  }

  skip(statement: string, reason: string, line = this.line): void {
    this.report.skipped.push({ line, statement, reason });
  }

  warn(message: string, line = this.line, column?: number): void {
    this.report.warnings.push({ line, ...(column ? { column } : {}), message });
  }

  hasSchema(name: string): boolean {
    return name === 'pg_catalog' || this.model.schemas.some((s) => s.name === name);
  }

  /** Schemas an unqualified name is looked up in, in order (`$user` never exists here). */
  lookupPath(path = this.searchPath): string[] {
    return path.filter((s) => s !== '$user' && s !== 'pg_catalog' && s !== '');
  }

  /** The schema an unqualified CREATE puts its object in: the first existing one of the path. */
  creationSchema(explicit?: string): string {
    if (explicit) return explicit;
    const found = this.lookupPath().find((s) => this.hasSchema(s));
    if (found) return found;
    this.warn(`no schema of search_path (${this.searchPath.join(', ') || 'empty'}) exists; created in public`);
    return 'public';
  }

  private find<T>(map: Map<string, T>, ref: RelationRef, path?: string[]): T | undefined {
    if (!ref.relname) return undefined;
    if (ref.schemaname) return map.get(key(ref.schemaname, ref.relname));
    for (const schema of this.lookupPath(path)) {
      const found = map.get(key(schema, ref.relname));
      if (found) return found;
    }
    return undefined;
  }

  table(ref: RelationRef, path?: string[]): Table | undefined {
    return this.find(this.tables, ref, path);
  }
  view(ref: RelationRef, path?: string[]): View | undefined {
    return this.find(this.views, ref, path);
  }
  sequence(ref: RelationRef, path?: string[]): Sequence | undefined {
    return this.find(this.sequences, ref, path);
  }
  enumType(ref: RelationRef): Enum | undefined {
    return this.find(this.enums, ref);
  }
  domain(ref: RelationRef): Domain | undefined {
    return this.find(this.domains, ref);
  }

  /** The schema holding a user-defined type named `ref`, if any (enum, domain, raw type, row type). */
  typeSchema(ref: RelationRef): string | undefined {
    // Tables and views define a composite type of the same name (a function may take a row: `f(e editor)`).
    const e = this.enumType(ref) ?? this.domain(ref) ?? this.table(ref) ?? this.view(ref);
    if (e) return e.schema;
    if (!ref.relname) return undefined;
    if (ref.schemaname) return this.otherTypes.has(key(ref.schemaname, ref.relname)) ? ref.schemaname : undefined;
    return this.lookupPath().find((s) => this.otherTypes.has(key(s, ref.relname!)));
  }

  /**
   * The schema a call to an unqualified `name` is printed with: the first schema of the search path
   * where the model defines such a function, unless pg_catalog (searched first unless the path names
   * it later) also has one: PostgreSQL then takes its own, as pg_dump's unqualified `lower(x)` means.
   * (A call meant for a user overload of a catalog name must be written qualified.)
   */
  functionSchema(name: string): string | undefined {
    const schemas = this.rawNames.get(`function:${name}`);
    if (!schemas) return undefined;
    const path = this.searchPath.includes('pg_catalog') ? this.searchPath : ['pg_catalog', ...this.searchPath];
    const first = path.find((s) => s === 'pg_catalog' ? PG_CATALOG_FUNCTION_NAMES.has(name) : schemas.has(s) && this.lookupPath().includes(s));
    return first === 'pg_catalog' ? undefined : first;
  }

  /** The schema of the first collation named `name` on the search path, if the model defines one. */
  collationSchema(name: string): string | undefined {
    const schemas = this.rawNames.get(`collation:${name}`);
    return schemas ? this.lookupPath().find((s) => schemas.has(s)) : undefined;
  }

  /** `en_US` → `en_US`; an unqualified collation the model defines → `schema.name`. */
  collationName(names: string[]): string {
    const quote = (part: string) => (/[."]/.test(part) ? `"${part.replace(/"/g, '""')}"` : part);
    if (names.length === 1) {
      const schema = this.collationSchema(names[0]);
      if (schema) return `${quote(schema)}.${quote(names[0])}`;
    }
    return names.map(quote).join('.');
  }

  addTable(table: Table): void {
    this.model.tables.push(table);
    this.tables.set(key(table.schema, table.name), table);
    this.takeRelationName(table.schema, table.name);
  }
  addView(view: View): void {
    this.model.views.push(view);
    this.views.set(key(view.schema, view.name), view);
    this.takeRelationName(view.schema, view.name);
  }
  addSequence(sequence: Sequence): void {
    this.model.sequences.push(sequence);
    this.sequences.set(key(sequence.schema, sequence.name), sequence);
    this.takeRelationName(sequence.schema, sequence.name);
  }
  /** PostgreSQL refuses a second type of the same name: the first one stays. */
  addEnum(value: Enum): void {
    if (this.enums.has(key(value.schema, value.name))) return this.warn(`type ${value.schema}.${value.name} is created twice; the second definition is ignored`);
    this.model.enums.push(value);
    this.enums.set(key(value.schema, value.name), value);
  }
  addDomain(value: Domain): void {
    if (this.domains.has(key(value.schema, value.name))) return this.warn(`domain ${value.schema}.${value.name} is created twice; the second definition is ignored`);
    this.model.domains.push(value);
    this.domains.set(key(value.schema, value.name), value);
  }
  addRaw(raw: RawObject, functionName?: string): void {
    this.model.rawObjects.push(raw);
    if (raw.kind === 'type' && raw.schema) this.otherTypes.add(key(raw.schema, raw.name));
    if (functionName && raw.schema) this.noteName('function', functionName, raw.schema);
    if (raw.kind === 'collation' && raw.schema) this.noteName('collation', raw.name, raw.schema);
  }

  /** Records that `schema` defines a function or collation `name`, for qualifying references. */
  noteName(kind: 'function' | 'collation', name: string, schema: string): void {
    const set = this.rawNames.get(`${kind}:${name}`) ?? new Set<string>();
    set.add(schema);
    this.rawNames.set(`${kind}:${name}`, set);
  }
  addSchema(name: string, comment?: string): void {
    if (this.model.schemas.some((s) => s.name === name)) return;
    this.model.schemas.push({ id: derivedId.schema(name), name, ...(comment ? { comment } : {}) });
  }

  /** The look-up map that holds a table, view or sequence. */
  private relationMap(object: Table | View | Sequence): Map<string, Table | View | Sequence> {
    const k = key(object.schema, object.name);
    return this.tables.get(k) === object ? this.tables : this.views.get(k) === object ? this.views : this.sequences;
  }

  /** Renames a table, view or sequence in place, keeping the look-ups right. */
  renameRelation(object: Table | View | Sequence, to: string): void {
    this.relocate(object, object.schema, to);
  }

  /** Moves a table, view or sequence to another schema in place (ALTER … SET SCHEMA). */
  moveRelation(object: Table | View | Sequence, schema: string): void {
    this.relocate(object, schema, object.name);
  }

  private relocate(object: Table | View | Sequence, schema: string, name: string): void {
    const map = this.relationMap(object);
    map.delete(key(object.schema, object.name));
    this.relationNames.get(object.schema)?.delete(object.name);
    object.schema = schema;
    object.name = name;
    map.set(key(schema, name), object);
    this.takeRelationName(schema, name);
  }

  removeTable(table: Table): void {
    this.model.tables = this.model.tables.filter((t) => t !== table);
    this.tables.delete(key(table.schema, table.name));
    this.relationNames.get(table.schema)?.delete(table.name);
  }
  removeView(view: View): void {
    this.model.views = this.model.views.filter((v) => v !== view);
    this.views.delete(key(view.schema, view.name));
    this.relationNames.get(view.schema)?.delete(view.name);
  }
  removeSequence(sequence: Sequence): void {
    this.model.sequences = this.model.sequences.filter((s) => s !== sequence);
    this.sequences.delete(key(sequence.schema, sequence.name));
    this.relationNames.get(sequence.schema)?.delete(sequence.name);
  }
  removeType(schema: string, name: string): boolean {
    const k = key(schema, name);
    const before = this.model.enums.length + this.model.domains.length + this.model.rawObjects.length;
    this.model.enums = this.model.enums.filter((e) => key(e.schema, e.name) !== k);
    this.model.domains = this.model.domains.filter((d) => key(d.schema, d.name) !== k);
    this.model.rawObjects = this.model.rawObjects.filter((r) => !(r.kind === 'type' && key(r.schema ?? '', r.name) === k));
    this.enums.delete(k);
    this.domains.delete(k);
    this.otherTypes.delete(k);
    return before !== this.model.enums.length + this.model.domains.length + this.model.rawObjects.length;
  }

  /** Records that a relation or index name is taken in a schema. */
  takeRelationName(schema: string, name: string): void {
    const set = this.relationNames.get(schema) ?? new Set<string>();
    set.add(name);
    this.relationNames.set(schema, set);
  }
  relationNameTaken(schema: string, name: string): boolean {
    return this.relationNames.get(schema)?.has(name) ?? false;
  }
  takeConstraintName(schema: string, name: string): void {
    const set = this.constraintNames.get(schema) ?? new Set<string>();
    set.add(name);
    this.constraintNames.set(schema, set);
  }
  constraintNameTaken(schema: string, name: string): boolean {
    return this.constraintNames.get(schema)?.has(name) ?? false;
  }

  /** The table or materialized view that owns an index, found by the index's name. */
  indexOwner(schema: string | undefined, name: string): { owner: Table | View; schema: string } | undefined {
    const schemas = schema ? [schema] : this.lookupPath();
    for (const s of schemas) {
      for (const t of this.model.tables) if (t.schema === s && t.indexes.some((x) => indexName(x) === name)) return { owner: t, schema: s };
      for (const v of this.model.views) if (v.schema === s && v.indexes?.some((x) => indexName(x) === name)) return { owner: v, schema: s };
    }
    return undefined;
  }
}

/** The name an index has in the database: its own, or the one its id was derived from. */
export function indexName(index: { id: string; name?: string }): string {
  return index.name ?? index.id.slice(index.id.indexOf('.') + 1);
}
