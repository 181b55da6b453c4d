/**
 * The Schemata document: the one JSON shape that client, server, CLI and files share.
 *
 * `model` is the schema (what DDL and diff read); `layout` is how it is drawn (never read by DDL or
 * diff, so moving a table is never a schema change). Every object carries a stable `id`: a rename
 * keeps the id, which is how a diff tells a RENAME from a drop and an add.
 *
 * Objects name their PostgreSQL schema by name (`schema: 'public'`); constraints and indexes name
 * their columns by column id, and foreign keys name their referenced table by table id.
 */
import * as z from 'zod';
import {
  boundedRecord, int8Text, MAX_ARRAY_DIMS, MAX_COLUMNS, MAX_COMMENT_CHARS, MAX_COORDINATE, MAX_KEY_COLUMNS, MAX_OBJECTS,
  MAX_PER_TABLE, MAX_SHORT_CHARS, MAX_SQL_CHARS, nameText, typeArgProblems, typeArgsZod, wholeNumber,
} from './document-bounds.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document-format.ts';

// The format tag and version live alone in document-format.ts (see there); importers may read them here.
export { DOCUMENT_FORMAT, DOCUMENT_VERSION };

// Every bound below is PostgreSQL's own limit or a documented size cap (`document-bounds.ts`).
const id = z.string().min(1).max(MAX_SHORT_CHARS);
const identifier = nameText();
/** Names of things PostgreSQL spells in SQL but the model does not check (types, collations, …). */
const shortText = z.string().max(MAX_SHORT_CHARS);
const comment = z.string().max(MAX_COMMENT_CHARS).optional();
/** A SQL expression or statement kept as text (defaults, checks, view bodies, …). */
const sqlText = z.string().min(1).max(MAX_SQL_CHARS);
/** Sequence numbers are strings: bigint bounds do not fit in a JSON number. */
const bigintText = int8Text;
/** Lists of objects of one kind, of constraints of one table, of a key's columns. */
const objects = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_OBJECTS);
const perTable = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_PER_TABLE);
const keyColumns = z.array(id).min(1).max(MAX_KEY_COLUMNS);
/** `WITH (…)` storage parameters, e.g. `{ fillfactor: '70' }`. */
const storageParameters = boundedRecord(nameText(), shortText);

/** A column or domain type. `name` is PostgreSQL's canonical name (`character varying`, not `varchar`). */
export const columnTypeZod = z.object({
  name: shortText.min(1),
  /** Set for user-defined types (enums, domains, composites) and types from a non-default schema. */
  schema: identifier.optional(),
  /** Type modifiers: length, precision and scale, or fractional-second precision (at most two, within PostgreSQL's limits). */
  args: typeArgsZod.optional(),
  /** Array dimensions: 0 or absent for a scalar, 1 for `integer[]`; PostgreSQL allows at most 6. */
  arrayDims: z.number().int().min(0).max(MAX_ARRAY_DIMS).optional(),
}).superRefine((type, ctx) => {
  for (const problem of typeArgProblems(type.name, type.args ?? [])) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.index === undefined ? ['args'] : ['args', problem.index] });
  }
});

export const sequenceOptionsZod = z.object({
  dataType: z.enum(['smallint', 'integer', 'bigint']).optional(),
  start: bigintText.optional(),
  increment: bigintText.refine((text) => wholeNumber(text) !== 0n, { message: 'increment must not be zero' }).optional(),
  minValue: bigintText.optional(),
  maxValue: bigintText.optional(),
  cache: bigintText.refine((text) => (wholeNumber(text) ?? 1n) >= 1n, { message: 'cache must be at least 1' }).optional(),
  cycle: z.boolean().optional(),
});

export const identityZod = z.object({
  kind: z.enum(['always', 'by-default']),
  options: sequenceOptionsZod.optional(),
});

export const columnZod = z.object({
  id,
  name: identifier,
  type: columnTypeZod,
  notNull: z.boolean(),
  /** Default expression as SQL text, e.g. `now()` or `'pending'::order_status`. */
  default: sqlText.optional(),
  identity: identityZod.optional(),
  /** `GENERATED ALWAYS AS (<expression>) STORED`. */
  generated: sqlText.optional(),
  collation: shortText.optional(),
  comment,
});

const deferrable = {
  deferrable: z.boolean().optional(),
  initiallyDeferred: z.boolean().optional(),
};

export const primaryKeyZod = z.object({
  id,
  /** Absent: PostgreSQL's default name (see `names.ts`). */
  name: identifier.optional(),
  columns: keyColumns,
  comment,
  ...deferrable,
});

export const uniqueZod = z.object({
  id,
  name: identifier.optional(),
  columns: keyColumns,
  nullsNotDistinct: z.boolean().optional(),
  comment,
  ...deferrable,
});

export const checkZod = z.object({
  id,
  name: identifier.optional(),
  expression: sqlText,
  noInherit: z.boolean().optional(),
  /** Added `NOT VALID`: existing rows were not checked. */
  notValid: z.boolean().optional(),
  comment,
});

export const referentialActionZod = z.enum(['no-action', 'restrict', 'cascade', 'set-null', 'set-default']);

export const foreignKeyZod = z.object({
  id,
  name: identifier.optional(),
  columns: keyColumns,
  refTableId: id,
  refColumns: keyColumns,
  onDelete: referentialActionZod,
  onUpdate: referentialActionZod,
  match: z.enum(['simple', 'full', 'partial']),
  notValid: z.boolean().optional(),
  comment,
  ...deferrable,
});

export const indexItemZod = z
  .object({
    /** Either a column id … */
    column: id.optional(),
    /** … or an expression, as SQL text without the surrounding parentheses. */
    expression: sqlText.optional(),
    order: z.enum(['asc', 'desc']).optional(),
    nulls: z.enum(['first', 'last']).optional(),
    opclass: shortText.optional(),
    collation: shortText.optional(),
  })
  .refine((item) => (item.column === undefined) !== (item.expression === undefined), {
    message: 'an index item has either a column or an expression',
  });

export const indexZod = z.object({
  id,
  name: identifier.optional(),
  unique: z.boolean(),
  /** Access method: btree (default), hash, gist, gin, brin, spgist, … */
  method: shortText.optional(),
  items: z.array(indexItemZod).min(1).max(MAX_KEY_COLUMNS),
  include: z.array(id).max(MAX_KEY_COLUMNS).optional(),
  /** Partial index predicate, as SQL text. */
  where: sqlText.optional(),
  nullsNotDistinct: z.boolean().optional(),
  /** Storage parameters, e.g. `{ fillfactor: '70' }`. */
  with: storageParameters.optional(),
  comment,
});

export const partitioningZod = z.object({
  strategy: z.enum(['range', 'list', 'hash']),
  /** The key as written after the strategy, e.g. `payment_date` or `lower(name), id`. */
  key: sqlText,
});

export const partitionOfZod = z.object({
  parentId: id,
  /** The bound as PostgreSQL prints it: `FOR VALUES FROM (…) TO (…)` or `DEFAULT`. */
  bound: sqlText,
});

export const tableZod = z.object({
  id,
  schema: identifier,
  name: identifier,
  comment,
  columns: z.array(columnZod).max(MAX_COLUMNS),
  primaryKey: primaryKeyZod.optional(),
  uniques: perTable(uniqueZod),
  checks: perTable(checkZod),
  foreignKeys: perTable(foreignKeyZod),
  indexes: perTable(indexZod),
  unlogged: z.boolean().optional(),
  partitioning: partitioningZod.optional(),
  /** This table is a partition of another; its columns mirror the parent's. */
  partitionOf: partitionOfZod.optional(),
  /** Parents for table inheritance (`INHERITS`), by table id. */
  inherits: z.array(id).max(MAX_PER_TABLE).optional(),
  /** Storage parameters, e.g. `{ fillfactor: '70' }`. */
  with: storageParameters.optional(),
});

export const viewZod = z.object({
  id,
  schema: identifier,
  name: identifier,
  materialized: z.boolean(),
  /**
   * A materialized view created without running its query (`WITH NO DATA`, as `pg_dump
   * --schema-only` writes every one): it holds no rows and cannot be read until `REFRESH
   * MATERIALIZED VIEW`. Absent means populated; only meaningful when `materialized`.
   */
  withNoData: z.literal(true).optional(),
  /**
   * Whether the materialized view holds rows is not said: it comes from a `pg_dump` file, whose
   * WITH NO DATA (kept in `withNoData`, so its DDL is the dump's) is how it writes every one, and a
   * schema-only dump never refreshes them. A plan neither empties nor refreshes it, and one that
   * recreates it keeps what the database had. Ticking or unticking "create without data" says it.
   */
  populationUnspecified: z.literal(true).optional(),
  /** The query, as SQL text (`SELECT …`), without a trailing semicolon. */
  definition: sqlText,
  /**
   * Output columns the model says something about: comments and, on a plain view, the DEFAULT an
   * INSERT or UPDATE through the view uses (`ALTER VIEW … ALTER COLUMN … SET DEFAULT`). The query
   * defines which columns there are.
   */
  columns: z.array(z.object({ name: identifier, comment, default: sqlText.optional() })).max(MAX_COLUMNS).optional(),
  /** Ids of the tables and views this view reads, when known; orders the script. */
  dependsOn: objects(id).optional(),
  /** `WITH (...)` options such as `security_barrier` or `check_option`. */
  with: storageParameters.optional(),
  /** Indexes of a materialized view (their items name columns by expression). */
  indexes: perTable(indexZod).optional(),
  comment,
});

export const enumZod = z.object({
  id,
  schema: identifier,
  name: identifier,
  /** Labels: at most 63 bytes each, like identifiers (NAMEDATALEN). */
  values: objects(nameText()),
  comment,
});

export const domainZod = z.object({
  id,
  schema: identifier,
  name: identifier,
  type: columnTypeZod,
  notNull: z.boolean(),
  default: sqlText.optional(),
  collation: shortText.optional(),
  checks: perTable(z.object({ id, name: identifier.optional(), expression: sqlText })),
  comment,
});

export const sequenceZod = sequenceOptionsZod.extend({
  id,
  schema: identifier,
  name: identifier,
  /** `OWNED BY table.column`: dropping the column drops the sequence. */
  ownedBy: z.object({ tableId: id, columnId: id }).optional(),
  comment,
});

export const schemaZod = z.object({ id, name: identifier, comment });

export const extensionZod = z.object({
  id,
  name: identifier,
  schema: identifier.optional(),
  version: shortText.optional(),
  comment,
});

/**
 * Objects the model does not type (functions, procedures, triggers, aggregates, collations, text
 * search configurations, policies, rules, …), carried as their full definition so nothing is lost.
 */
export const rawObjectKindZod = z.enum([
  'function', 'procedure', 'aggregate', 'trigger', 'rule', 'policy', 'collation', 'type',
  'text-search', 'operator', 'cast', 'event-trigger', 'grant', 'other',
]);
export const rawObjectZod = z.object({
  id,
  kind: rawObjectKindZod,
  schema: shortText.optional(),
  name: shortText.min(1),
  /** Complete SQL statement(s), each ending with a semicolon. */
  definition: sqlText,
  /** For triggers, rules and policies: the table they belong to. */
  tableId: id.optional(),
});

export const modelZod = z.object({
  schemas: objects(schemaZod),
  extensions: objects(extensionZod),
  enums: objects(enumZod),
  domains: objects(domainZod),
  sequences: objects(sequenceZod),
  tables: objects(tableZod),
  views: objects(viewZod),
  rawObjects: objects(rawObjectZod),
});

/** Finite canvas numbers (JSON cannot carry NaN or Infinity; zod refuses them too). */
const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const size = z.number().min(0).max(MAX_COORDINATE);
const point = { x: coordinate, y: coordinate };
export const layoutZod = z.object({
  /** Position and look of each drawn object (tables, views, enums), keyed by object id. */
  nodes: boundedRecord(
    id,
    z.object({ ...point, color: shortText.optional(), collapsed: z.boolean().optional() }),
    MAX_OBJECTS,
  ),
  /** Subject areas: named, colored groups of tables (domain boundaries). */
  areas: objects(z.object({ id, name: shortText, color: shortText, tableIds: objects(id), note: z.string().max(MAX_COMMENT_CHARS).optional() })),
  notes: objects(
    z.object({ id, text: z.string().max(MAX_COMMENT_CHARS), ...point, width: size.optional(), height: size.optional(), color: shortText.optional() }),
  ),
  viewport: z.object({ ...point, zoom: z.number().positive().max(1000) }).optional(),
});

export const documentZod = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  name: shortText.optional(),
  model: modelZod,
  layout: layoutZod,
});

export type ColumnType = z.infer<typeof columnTypeZod>;
export type SequenceOptions = z.infer<typeof sequenceOptionsZod>;
export type Identity = z.infer<typeof identityZod>;
export type Column = z.infer<typeof columnZod>;
export type PrimaryKey = z.infer<typeof primaryKeyZod>;
export type Unique = z.infer<typeof uniqueZod>;
export type Check = z.infer<typeof checkZod>;
export type ReferentialAction = z.infer<typeof referentialActionZod>;
export type ForeignKey = z.infer<typeof foreignKeyZod>;
export type IndexItem = z.infer<typeof indexItemZod>;
export type Index = z.infer<typeof indexZod>;
export type Table = z.infer<typeof tableZod>;
export type View = z.infer<typeof viewZod>;
export type ViewColumn = NonNullable<View['columns']>[number];
export type Enum = z.infer<typeof enumZod>;
export type Domain = z.infer<typeof domainZod>;
export type Sequence = z.infer<typeof sequenceZod>;
export type Schema = z.infer<typeof schemaZod>;
export type Extension = z.infer<typeof extensionZod>;
export type RawObjectKind = z.infer<typeof rawObjectKindZod>;
export type RawObject = z.infer<typeof rawObjectZod>;
export type Model = z.infer<typeof modelZod>;
export type Layout = z.infer<typeof layoutZod>;
export type ModelDocument = z.infer<typeof documentZod>;
