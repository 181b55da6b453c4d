/**
 * PostgreSQL ALTER, DROP and RENAME statements for migrations. CREATE statements, column definitions
 * and constraint clauses come from `postgres.ts`, so an object is written the same way in an export
 * and in a migration. Every function returns one complete statement ending with `;`.
 */
import type { Column, ColumnType, Identity, RawObject, SequenceOptions, View } from '../model/document.ts';
import { formatType } from '../model/types.ts';
import { columnDefinition, qualifiedName, quoteName, sequenceOptions } from './postgres.ts';
import { quoteIdent, quoteLiteral } from './quote.ts';

/** Anything PostgreSQL names with a schema: tables, views, types, sequences. */
export interface QualifiedName {
  schema?: string;
  name: string;
}

export type RelationKind = 'TABLE' | 'VIEW' | 'MATERIALIZED VIEW' | 'SEQUENCE' | 'INDEX' | 'TYPE' | 'DOMAIN';

const table = (t: QualifiedName) => `ALTER TABLE ${qualifiedName(t)}`;
const column = (c: { name: string }) => `ALTER COLUMN ${quoteIdent(c.name)}`;

// ── schemas and extensions ───────────────────────────────────────────────────────────────────────

export const dropSchema = (p: { name: string }) => `DROP SCHEMA ${quoteIdent(p.name)};`;
export const renameSchema = (p: { from: string; to: string }) => `ALTER SCHEMA ${quoteIdent(p.from)} RENAME TO ${quoteIdent(p.to)};`;
/** One statement for all of them: an extension that requires another (earthdistance → cube) drops with it. */
export const dropExtensions = (p: { names: string[] }) => `DROP EXTENSION ${p.names.map(quoteIdent).join(', ')};`;
export const updateExtension = (p: { name: string; version: string }) =>
  `ALTER EXTENSION ${quoteIdent(p.name)} UPDATE TO ${quoteLiteral(p.version)};`;
export const setExtensionSchema = (p: { name: string; schema: string }) =>
  `ALTER EXTENSION ${quoteIdent(p.name)} SET SCHEMA ${quoteIdent(p.schema)};`;

// ── any schema-qualified object ──────────────────────────────────────────────────────────────────

/** `DROP TABLE public.orders;` and the same for views, types, sequences, indexes. */
export function dropObject(p: { kind: RelationKind; object: QualifiedName; ifExists?: boolean }): string {
  return `DROP ${p.kind} ${p.ifExists ? 'IF EXISTS ' : ''}${qualifiedName(p.object)};`;
}

/**
 * Moves and renames: `ALTER TABLE a.t SET SCHEMA b;` then `ALTER TABLE b.t RENAME TO u;` (only the
 * statements needed). Ex: `renameObject({ kind: 'TABLE', from: {schema:'public',name:'a'}, to: {schema:'public',name:'b'} })`.
 */
export function renameObject(p: { kind: RelationKind; from: QualifiedName; to: QualifiedName }): string[] {
  const out: string[] = [];
  let current = p.from;
  if (p.kind !== 'INDEX' && (p.from.schema ?? '') !== (p.to.schema ?? '') && p.to.schema) {
    out.push(`ALTER ${p.kind} ${qualifiedName(current)} SET SCHEMA ${quoteIdent(p.to.schema)};`);
    current = { schema: p.to.schema, name: p.from.name };
  }
  if (current.name !== p.to.name) out.push(`ALTER ${p.kind} ${qualifiedName(current)} RENAME TO ${quoteIdent(p.to.name)};`);
  return out;
}

// ── types ────────────────────────────────────────────────────────────────────────────────────────

/** `ALTER TYPE s.e ADD VALUE 'x' BEFORE 'y';` (placement optional: appends). */
export function addEnumValue(p: { type: QualifiedName; value: string; before?: string; after?: string }): string {
  const place = p.before !== undefined ? ` BEFORE ${quoteLiteral(p.before)}` : p.after !== undefined ? ` AFTER ${quoteLiteral(p.after)}` : '';
  return `ALTER TYPE ${qualifiedName(p.type)} ADD VALUE ${quoteLiteral(p.value)}${place};`;
}

export const domainSetDefault = (p: { domain: QualifiedName; expression?: string }) =>
  `ALTER DOMAIN ${qualifiedName(p.domain)} ${p.expression === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${p.expression}`};`;
export const domainSetNotNull = (p: { domain: QualifiedName; notNull: boolean }) =>
  `ALTER DOMAIN ${qualifiedName(p.domain)} ${p.notNull ? 'SET' : 'DROP'} NOT NULL;`;
export const domainAddCheck = (p: { domain: QualifiedName; name?: string; expression: string }) =>
  `ALTER DOMAIN ${qualifiedName(p.domain)} ADD ${p.name ? `CONSTRAINT ${quoteIdent(p.name)} ` : ''}CHECK (${p.expression});`;
export const domainDropCheck = (p: { domain: QualifiedName; name: string }) =>
  `ALTER DOMAIN ${qualifiedName(p.domain)} DROP CONSTRAINT ${quoteIdent(p.name)};`;

// ── sequences ────────────────────────────────────────────────────────────────────────────────────

/**
 * `ALTER SEQUENCE s AS integer INCREMENT BY 2 …;` with the options given (nothing when none);
 * `noBounds`: bounds that go back to their type's default (`NO MINVALUE`, `NO MAXVALUE`).
 */
export function alterSequence(p: { sequence: QualifiedName; options: SequenceOptions; noBounds?: Array<'minValue' | 'maxValue'> }): string | undefined {
  const reset = (p.noBounds ?? []).map((bound) => (bound === 'minValue' ? 'NO MINVALUE' : 'NO MAXVALUE'));
  const options = [sequenceOptions(p.options), ...reset].filter(Boolean).join(' ');
  return options ? `ALTER SEQUENCE ${qualifiedName(p.sequence)} ${options};` : undefined;
}

export const sequenceOwnedByNone = (p: { sequence: QualifiedName }) => `ALTER SEQUENCE ${qualifiedName(p.sequence)} OWNED BY NONE;`;

// ── tables ───────────────────────────────────────────────────────────────────────────────────────

export const setLogged = (p: { table: QualifiedName; unlogged: boolean }) => `${table(p.table)} SET ${p.unlogged ? 'UNLOGGED' : 'LOGGED'};`;

/** `ALTER TABLE t SET (fillfactor=70);` / `RESET (fillfactor);`. */
export function setStorage(p: { table: QualifiedName; set: Record<string, string>; reset: string[]; kind?: RelationKind }): string[] {
  const head = `ALTER ${p.kind ?? 'TABLE'} ${qualifiedName(p.table)}`;
  const out: string[] = [];
  if (p.reset.length) out.push(`${head} RESET (${p.reset.join(', ')});`);
  const set = Object.entries(p.set);
  if (set.length) out.push(`${head} SET (${set.map(([k, v]) => `${k}=${/^[A-Za-z0-9_.]+$/.test(v) ? v : quoteLiteral(v)}`).join(', ')});`);
  return out;
}

export const inherit = (p: { table: QualifiedName; parent: QualifiedName; add: boolean }) =>
  `${table(p.table)} ${p.add ? '' : 'NO '}INHERIT ${qualifiedName(p.parent)};`;
export const attachPartition = (p: { parent: QualifiedName; partition: QualifiedName; bound: string }) =>
  `${table(p.parent)} ATTACH PARTITION ${qualifiedName(p.partition)} ${p.bound};`;
export const detachPartition = (p: { parent: QualifiedName; partition: QualifiedName }) =>
  `${table(p.parent)} DETACH PARTITION ${qualifiedName(p.partition)};`;

// ── columns ──────────────────────────────────────────────────────────────────────────────────────

export const addColumn = (p: { table: QualifiedName; column: Column }) => `${table(p.table)} ADD COLUMN ${columnDefinition({ column: p.column })};`;
/** `only`: the column stays in inheritance children, as their own (`ALTER TABLE ONLY parent DROP COLUMN`). */
export const dropColumn = (p: { table: QualifiedName; column: { name: string }; only?: boolean }) =>
  `ALTER TABLE ${p.only ? 'ONLY ' : ''}${qualifiedName(p.table)} DROP COLUMN ${quoteIdent(p.column.name)};`;
export const renameColumn = (p: { table: QualifiedName; from: string; to: string }) =>
  `${table(p.table)} RENAME COLUMN ${quoteIdent(p.from)} TO ${quoteIdent(p.to)};`;

/** `ALTER TABLE t ALTER COLUMN c TYPE integer COLLATE "C" USING c::integer;` */
export function alterColumnType(p: { table: QualifiedName; column: { name: string }; type: ColumnType; collation?: string; using?: string }): string {
  return `${table(p.table)} ${alterColumnTypeClause(p)};`;
}

/** `ALTER COLUMN c TYPE integer USING c::integer`: one clause, for several in one ALTER TABLE. */
export function alterColumnTypeClause(p: { column: { name: string }; type: ColumnType; collation?: string; using?: string }): string {
  const collate = p.collation ? ` COLLATE ${quoteName(p.collation)}` : '';
  const using = p.using ? ` USING ${p.using}` : '';
  return `${column(p.column)} TYPE ${formatType(p.type)}${collate}${using}`;
}

/** `ALTER TABLE public.t ALTER COLUMN a TYPE …, ALTER COLUMN b TYPE …;` */
export function alterTableClauses(p: { table: QualifiedName; clauses: string[] }): string {
  return `${table(p.table)} ${p.clauses.join(', ')};`;
}

/** The cast expression for USING: `col::integer`, or through text (`col::text::public.mood`). */
export function castExpression(p: { column: string; type: ColumnType; viaText?: boolean }): string {
  const text = p.viaText ? `::text${'[]'.repeat(p.type.arrayDims ?? 0)}` : '';
  return `${quoteIdent(p.column)}${text}::${formatType(p.type)}`;
}

export const setDefault = (p: { table: QualifiedName; column: { name: string }; expression?: string }) =>
  `${table(p.table)} ${column(p.column)} ${p.expression === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${p.expression}`};`;
export const setNotNull = (p: { table: QualifiedName; column: { name: string }; notNull: boolean }) =>
  `${table(p.table)} ${column(p.column)} ${p.notNull ? 'SET' : 'DROP'} NOT NULL;`;

export function addIdentity(p: { table: QualifiedName; column: { name: string }; identity: Identity }): string {
  const options = p.identity.options ? sequenceOptions(p.identity.options) : '';
  const kind = p.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT';
  return `${table(p.table)} ${column(p.column)} ADD GENERATED ${kind} AS IDENTITY${options ? ` (${options})` : ''};`;
}
export const dropIdentity = (p: { table: QualifiedName; column: { name: string } }) => `${table(p.table)} ${column(p.column)} DROP IDENTITY;`;

/**
 * After an existing column becomes an identity: its new sequence starts at START, under the values
 * the rows already hold, so the next insert would collide. This moves it past the largest value
 * (no row, or all below START: nothing to do). `undefined` for a descending identity.
 */
export function continueIdentity(p: { table: QualifiedName; column: { name: string }; identity: Identity }): string | undefined {
  const o = p.identity.options ?? {};
  if (o.increment?.startsWith('-')) return undefined;
  const sequence = `pg_catalog.pg_get_serial_sequence(${quoteLiteral(qualifiedName(p.table))}, ${quoteLiteral(p.column.name)})`;
  const name = quoteIdent(p.column.name);
  return `SELECT pg_catalog.setval(${sequence}, max(${name})) FROM ${qualifiedName(p.table)} HAVING max(${name}) >= ${o.start ?? o.minValue ?? '1'};`;
}

/** Kind and sequence options of an existing identity column. */
export function alterIdentity(p: { table: QualifiedName; column: { name: string }; identity: Identity }): string {
  const parts = [`SET GENERATED ${p.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`];
  const o = p.identity.options ?? {};
  if (o.increment !== undefined) parts.push(`SET INCREMENT BY ${o.increment}`);
  if (o.minValue !== undefined) parts.push(`SET MINVALUE ${o.minValue}`);
  if (o.maxValue !== undefined) parts.push(`SET MAXVALUE ${o.maxValue}`);
  if (o.start !== undefined) parts.push(`SET START WITH ${o.start}`);
  if (o.cache !== undefined) parts.push(`SET CACHE ${o.cache}`);
  if (o.cycle !== undefined) parts.push(o.cycle ? 'SET CYCLE' : 'SET NO CYCLE');
  return `${table(p.table)} ${column(p.column)} ${parts.join(' ')};`;
}

/** Generated column becomes a plain column that keeps its values (PostgreSQL 13+). */
export const dropExpression = (p: { table: QualifiedName; column: { name: string } }) => `${table(p.table)} ${column(p.column)} DROP EXPRESSION;`;

// ── constraints and indexes ──────────────────────────────────────────────────────────────────────

export const dropConstraint = (p: { table: QualifiedName; name: string }) => `${table(p.table)} DROP CONSTRAINT ${quoteIdent(p.name)};`;
export const renameConstraint = (p: { table: QualifiedName; from: string; to: string }) =>
  `${table(p.table)} RENAME CONSTRAINT ${quoteIdent(p.from)} TO ${quoteIdent(p.to)};`;
export const validateConstraint = (p: { table: QualifiedName; name: string }) => `${table(p.table)} VALIDATE CONSTRAINT ${quoteIdent(p.name)};`;

// ── views ────────────────────────────────────────────────────────────────────────────────────────

/**
 * `ALTER VIEW public.v ALTER COLUMN c SET DEFAULT 'x';` (`DROP DEFAULT` without an expression): the
 * value an INSERT through an updatable view gives a column it leaves out.
 */
export const alterViewColumnDefault = (p: { view: QualifiedName; column: { name: string }; expression?: string }) =>
  `ALTER VIEW ${qualifiedName(p.view)} ${column(p.column)} ${p.expression === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${p.expression}`};`;

/**
 * `REFRESH MATERIALIZED VIEW public.mv;` runs the view's query and stores its rows; with
 * `withNoData` (`… WITH NO DATA;`) it throws them away, leaving the view unreadable until the next one.
 */
export const refreshMaterializedView = (p: { view: QualifiedName; withNoData?: boolean }) =>
  `REFRESH MATERIALIZED VIEW ${qualifiedName(p.view)}${p.withNoData ? ' WITH NO DATA' : ''};`;

/** The SET DEFAULT statements of a view's column defaults; none for a materialized view (PostgreSQL refuses them). */
export function viewColumnDefaults(p: { view: View }): string[] {
  if (p.view.materialized) return [];
  return (p.view.columns ?? []).filter((c) => c.default !== undefined)
    .map((c) => alterViewColumnDefault({ view: p.view, column: c, expression: c.default }));
}

// ── carried objects ──────────────────────────────────────────────────────────────────────────────

/** Which text search object a carried definition creates: `CONFIGURATION`, `DICTIONARY`, `PARSER` or `TEMPLATE`. */
export function textSearchKind(definition: string): string | undefined {
  return /^\s*CREATE\s+TEXT\s+SEARCH\s+(CONFIGURATION|DICTIONARY|PARSER|TEMPLATE)\b/i.exec(definition)?.[1].toUpperCase();
}

const RAW_DROP: Partial<Record<RawObject['kind'], string>> = {
  function: 'FUNCTION', procedure: 'PROCEDURE', aggregate: 'AGGREGATE', collation: 'COLLATION', type: 'TYPE',
};

/**
 * The statement that removes a carried object, when it can be named: functions, procedures and
 * aggregates by name and `signature` (the argument list, e.g. `(integer, text)`; without it the
 * name must be unique), operators by their `(left, right)` types, triggers, rules and policies on
 * their table. `undefined` for kinds that cannot be removed by name (grants, casts, DO blocks, …).
 */
export function dropRawObject(p: { object: RawObject; table?: QualifiedName; signature?: string }): string | undefined {
  const o = p.object;
  // A DO block (the SQL import names it `DO@<hash>`) ran once: nothing in the database bears its name.
  if (o.name.startsWith('DO@')) return undefined;
  const name = qualifiedName({ schema: o.schema, name: o.name });
  if (o.kind === 'operator' && p.signature) {
    const types = p.signature.replace(/\bnone\b/gi, 'NONE');
    return `DROP OPERATOR ${o.schema ? `${quoteIdent(o.schema)}.` : ''}${o.name} ${types};`;
  }
  if (RAW_DROP[o.kind]) return `DROP ${RAW_DROP[o.kind]} ${name}${o.kind === 'collation' || o.kind === 'type' ? '' : p.signature ?? ''};`;
  const textSearch = o.kind === 'text-search' ? textSearchKind(o.definition) : undefined;
  if (textSearch) return `DROP TEXT SEARCH ${textSearch} ${name};`;
  if (o.kind === 'event-trigger') return `DROP EVENT TRIGGER ${quoteIdent(o.name)};`;
  // A constraint carried as its own ALTER TABLE … ADD CONSTRAINT (an exclusion constraint, a key to
  // a table outside the model's schemas): the object is named after the constraint.
  if (o.kind === 'other' && p.table && /^\s*ALTER\s+TABLE\b[^;]*?\bADD\s+CONSTRAINT\b/i.test(o.definition)) {
    return `ALTER TABLE ${qualifiedName(p.table)} DROP CONSTRAINT ${quoteIdent(o.name)};`;
  }
  if ((o.kind === 'trigger' || o.kind === 'rule' || o.kind === 'policy') && p.table) {
    return `DROP ${o.kind.toUpperCase()} ${quoteIdent(o.name)} ON ${qualifiedName(p.table)};`;
  }
  return undefined;
}
