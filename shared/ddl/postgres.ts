/**
 * PostgreSQL SQL for one object at a time: CREATE statements, clauses (column definitions,
 * constraints) and comments. The script generator (`generate.ts`) orders these; the migration
 * planner (`postgres-alter.ts`) reuses the clauses in its ALTER statements, so a column or a
 * constraint is written the same way everywhere.
 *
 * Every function takes the model's objects as they are. Constraint and index names are printed when
 * present: run the model through `withEffectiveNames` first to always name them explicitly.
 */
import type { Check, Column, ForeignKey, Index, PrimaryKey, RawObject, ReferentialAction, Sequence, Table, Unique, View } from '../model/document.ts';
import { formatType } from '../model/types.ts';
import { sequenceOptions } from './postgres-types.ts';
import { quoteIdent, quoteLiteral, quoteName, quoteQualified } from './quote.ts';

export { commentOn, commentStatements, type CommentTarget } from './postgres-comment.ts';
export { createDomain, createEnum, createExtension, createSchema, createSequence, sequenceOptions } from './postgres-types.ts';
export { quoteName } from './quote.ts';

/** The columns of a table (or view), for turning column ids into names. */
export type ColumnOwner = Pick<Table, 'schema' | 'name'> & { columns: Pick<Column, 'id' | 'name'>[] };

/** `public.orders` style name of a table, view or type. */
export function qualifiedName(object: { schema?: string; name: string }): string {
  return quoteQualified(object.schema, object.name);
}

/** Column ids → `a, b` (quoted). Unknown ids are printed as they are so the error shows in PostgreSQL. */
export function columnList(owner: ColumnOwner, ids: string[]): string {
  return ids.map((id) => quoteIdent(owner.columns.find((c) => c.id === id)?.name ?? id)).join(', ');
}

function withClause(options: Record<string, string> | undefined): string {
  const entries = Object.entries(options ?? {});
  if (!entries.length) return '';
  const option = ([key, value]: [string, string]) =>
    `${/^[a-z_][a-z0-9_.]*$/.test(key) ? key : quoteIdent(key)}=${/^[A-Za-z0-9_.]+$/.test(value) ? value : quoteLiteral(value)}`;
  return ` WITH (${entries.map(option).join(', ')})`;
}

function deferrableClause(o: { deferrable?: boolean; initiallyDeferred?: boolean }): string {
  if (!o.deferrable) return '';
  return o.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

// ── sequences owned by a column ─────────────────────────────────────────────────────────────────

/** Run after the table exists. */
export function sequenceOwnedBy(p: { sequence: Pick<Sequence, 'schema' | 'name'>; table: ColumnOwner; columnId: string }): string {
  return `ALTER SEQUENCE ${qualifiedName(p.sequence)} OWNED BY ${qualifiedName(p.table)}.${columnList(p.table, [p.columnId])};`;
}

// ── columns and constraints ─────────────────────────────────────────────────────────────────────

/** `email character varying(255) COLLATE "C" DEFAULT '' NOT NULL`, as inside CREATE TABLE. */
export function columnDefinition(p: { column: Column }): string {
  const c = p.column;
  let sql = `${quoteIdent(c.name)} ${formatType(c.type)}`;
  if (c.collation) sql += ` COLLATE ${quoteName(c.collation)}`;
  if (c.generated !== undefined) sql += ` GENERATED ALWAYS AS (${c.generated}) STORED`;
  else if (c.identity) {
    const options = c.identity.options ? sequenceOptions(c.identity.options) : '';
    sql += ` GENERATED ${c.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options ? ` (${options})` : ''}`;
  } else if (c.default !== undefined) sql += ` DEFAULT ${c.default}`;
  if (c.notNull) sql += ' NOT NULL';
  return sql;
}

const ACTIONS: Record<ReferentialAction, string> = {
  'no-action': 'NO ACTION', restrict: 'RESTRICT', cascade: 'CASCADE', 'set-null': 'SET NULL', 'set-default': 'SET DEFAULT',
};

/** A table constraint, as inside CREATE TABLE or after ALTER TABLE … ADD. */
export type ConstraintSpec =
  | { kind: 'primary-key'; constraint: PrimaryKey }
  | { kind: 'unique'; constraint: Unique }
  | { kind: 'check'; constraint: Check }
  | { kind: 'foreign-key'; constraint: ForeignKey; refTable: ColumnOwner };

/**
 * `CONSTRAINT orders_pkey PRIMARY KEY (id)`, `… UNIQUE NULLS NOT DISTINCT (a) DEFERRABLE`,
 * `… CHECK (x > 0) NO INHERIT`, `… FOREIGN KEY (a) REFERENCES t (id) MATCH FULL ON DELETE CASCADE`.
 * `NOT VALID` is included for checks and foreign keys that carry it (valid only in ALTER TABLE).
 */
export function constraintClause(p: { table: ColumnOwner } & ConstraintSpec): string {
  const name = p.constraint.name ? `CONSTRAINT ${quoteIdent(p.constraint.name)} ` : '';
  switch (p.kind) {
    case 'primary-key':
      return `${name}PRIMARY KEY (${columnList(p.table, p.constraint.columns)})${deferrableClause(p.constraint)}`;
    case 'unique': {
      const nulls = p.constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
      return `${name}UNIQUE${nulls} (${columnList(p.table, p.constraint.columns)})${deferrableClause(p.constraint)}`;
    }
    case 'check':
      return `${name}CHECK (${p.constraint.expression})${p.constraint.noInherit ? ' NO INHERIT' : ''}${p.constraint.notValid ? ' NOT VALID' : ''}`;
    case 'foreign-key': {
      const fk = p.constraint;
      let sql = `${name}FOREIGN KEY (${columnList(p.table, fk.columns)}) REFERENCES ${qualifiedName(p.refTable)} (${columnList(p.refTable, fk.refColumns)})`;
      if (fk.match === 'full') sql += ' MATCH FULL';
      if (fk.match === 'partial') sql += ' MATCH PARTIAL';
      if (fk.onUpdate !== 'no-action') sql += ` ON UPDATE ${ACTIONS[fk.onUpdate]}`;
      if (fk.onDelete !== 'no-action') sql += ` ON DELETE ${ACTIONS[fk.onDelete]}`;
      return sql + deferrableClause(fk) + (fk.notValid ? ' NOT VALID' : '');
    }
  }
}

/** `ALTER TABLE … ADD CONSTRAINT …;` for any constraint kind. */
export function addConstraint(p: { table: ColumnOwner } & ConstraintSpec): string {
  return `ALTER TABLE ${qualifiedName(p.table)} ADD ${constraintClause(p)};`;
}

/** `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY …;` (after every table exists, so cycles work). */
export function addForeignKey(p: { table: ColumnOwner; foreignKey: ForeignKey; refTable: ColumnOwner }): string {
  return addConstraint({ table: p.table, kind: 'foreign-key', constraint: p.foreignKey, refTable: p.refTable });
}

// ── tables ──────────────────────────────────────────────────────────────────────────────────────

type KeySpec = Extract<ConstraintSpec, { kind: 'primary-key' | 'unique' }>;

/**
 * The primary key, uniques and checks of a table, split into those written inside CREATE TABLE and
 * those added after it with ALTER TABLE: checks marked NOT VALID (only ALTER TABLE keeps that), and
 * a unique key identical to an earlier one (CREATE TABLE would merge the two into one index).
 * A partition leaves out the keys its parent already gives it.
 */
export function tableConstraints(p: { table: Table; parent?: Table }): { inline: ConstraintSpec[]; after: ConstraintSpec[] } {
  const t = p.table;
  const parent = p.parent;
  const names = (owner: Table, ids: string[]) => ids.map((id) => owner.columns.find((c) => c.id === id)?.name).join(',');
  const fromParent = (ids: string[]) =>
    parent !== undefined && [parent.primaryKey, ...parent.uniques].some((c) => c && names(parent, c.columns) === names(t, ids));
  const signature = (k: KeySpec) => {
    const c = k.constraint as Unique;
    return [names(t, c.columns), c.nullsNotDistinct ?? false, c.deferrable ?? false, c.initiallyDeferred ?? false].join('|');
  };
  const keys: KeySpec[] = [
    ...(t.primaryKey ? [{ kind: 'primary-key' as const, constraint: t.primaryKey }] : []),
    ...t.uniques.map((u) => ({ kind: 'unique' as const, constraint: u })),
  ].filter((k) => !fromParent(k.constraint.columns));
  const seen = new Set<string>();
  const inline: ConstraintSpec[] = [];
  const after: ConstraintSpec[] = [];
  for (const key of keys) {
    (seen.has(signature(key)) ? after : inline).push(key);
    seen.add(signature(key));
  }
  for (const c of t.checks) (c.notValid ? after : inline).push({ kind: 'check', constraint: c });
  return { inline, after };
}

/** The constraints written inside CREATE TABLE (see `tableConstraints` for those that come after). */
export function tableConstraintClauses(p: { table: Table; parent?: Table }): string[] {
  return tableConstraints(p).inline.map((spec) => constraintClause({ table: p.table, ...spec }));
}

/** `col WITH OPTIONS NOT NULL DEFAULT …` where a partition's column says more than its parent's. */
function partitionColumnOptions(t: Table, parent: Table | undefined): string[] {
  return t.columns.flatMap((c) => {
    const inherited = parent?.columns.find((pc) => pc.name === c.name);
    const parts: string[] = [];
    if (c.notNull && !inherited?.notNull) parts.push('NOT NULL');
    if (c.default !== undefined && c.default !== inherited?.default) parts.push(`DEFAULT ${c.default}`);
    return parts.length ? [`${quoteIdent(c.name)} WITH OPTIONS ${parts.join(' ')}`] : [];
  });
}

/**
 * A partition whose columns are in another order than its parent's (it was attached; PARTITION OF
 * would take the parent's order): its column list, with what ATTACH PARTITION requires of it (the
 * parent's NOT NULL, generated columns and checks: NOT VALID ones added before the ATTACH).
 */
function attachedPartition(t: Table, parent: Table, tables: ReadonlyMap<string, Table>): { columns: string[]; checks: string[]; beforeAttach: string[] } {
  const columns = t.columns.map((c) => {
    const inherited = parent.columns.find((pc) => pc.name === c.name);
    const generated = c.generated ?? inherited?.generated;
    return columnDefinition({ column: { ...c, notNull: c.notNull || !!inherited?.notNull, ...(generated === undefined ? {} : { generated }) } });
  });
  // The checks of the parent and of its own parents, when it is a partition too.
  const inherited: Check[] = [];
  for (let at: Table | undefined = parent; at && at !== t; at = at.partitionOf && tables.get(at.partitionOf.parentId)) inherited.push(...at.checks);
  const names = new Set(t.checks.map((c) => c.name));
  const checks: Array<{ kind: 'check'; constraint: Check }> = [];
  for (const constraint of inherited) {
    if (constraint.noInherit || names.has(constraint.name)) continue;
    names.add(constraint.name);
    checks.push({ kind: 'check', constraint });
  }
  return {
    columns,
    checks: checks.filter((c) => !c.constraint.notValid).map((c) => constraintClause({ table: t, ...c })),
    beforeAttach: checks.filter((c) => c.constraint.notValid).map((c) => `\n${addConstraint({ table: t, ...c })}`),
  };
}

const sameColumnOrder = (a: Table, b: Table) => a.columns.map((c) => c.name).join('\0') === b.columns.map((c) => c.name).join('\0');

/**
 * CREATE TABLE with columns, primary key, uniques and checks (foreign keys come later, see
 * `addForeignKey`). `tables` resolves the ids of partition parents and inheritance parents.
 */
export function createTable(p: { table: Table; tables: ReadonlyMap<string, Table> }): string {
  const t = p.table;
  const head = `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${qualifiedName(t)}`;
  const parent = t.partitionOf ? p.tables.get(t.partitionOf.parentId) : undefined;
  const constraints = tableConstraintClauses({ table: t, parent });
  let sql: string;
  let attach = '';
  if (t.partitionOf && parent && !sameColumnOrder(t, parent)) {
    const { columns, checks, beforeAttach } = attachedPartition(t, parent, p.tables);
    sql = `${head} (\n${[...columns, ...constraints, ...checks].map((line) => `    ${line}`).join(',\n')}\n)`;
    attach = `${beforeAttach.join('')}\nALTER TABLE ${qualifiedName(parent)} ATTACH PARTITION ${qualifiedName(t)} ${t.partitionOf.bound};`;
  } else if (t.partitionOf) {
    // Columns come from the parent; only what the partition adds is written.
    const lines = [...partitionColumnOptions(t, parent), ...constraints];
    const body = lines.length ? ` (\n    ${lines.join(',\n    ')}\n)` : '';
    sql = `${head} PARTITION OF ${qualifiedName(parent ?? { name: t.partitionOf.parentId })}${body}\n${t.partitionOf.bound}`;
  } else {
    const lines = [...t.columns.map((column) => columnDefinition({ column })), ...constraints];
    sql = `${head} (\n${lines.map((line) => `    ${line}`).join(',\n')}\n)`;
    if (t.inherits?.length) {
      sql += ` INHERITS (${t.inherits.map((id) => qualifiedName(p.tables.get(id) ?? { name: id })).join(', ')})`;
    }
  }
  if (t.partitioning) sql += ` PARTITION BY ${t.partitioning.strategy.toUpperCase()} (${t.partitioning.key})`;
  return `${sql}${withClause(t.with)};${attach}`;
}

// ── indexes, views, carried objects ─────────────────────────────────────────────────────────────

function indexItem(owner: ColumnOwner, item: Index['items'][number]): string {
  const expression = item.expression?.trim() ?? '';
  // A bare column name needs no parentheses (PostgreSQL treats `(col)` as the column anyway).
  const bare = /^[a-z_][a-z0-9_]*$/.test(expression) && quoteIdent(expression) === expression;
  let sql = item.column ? columnList(owner, [item.column]) : bare ? expression : `(${expression})`;
  if (item.collation) sql += ` COLLATE ${quoteName(item.collation)}`;
  if (item.opclass) sql += ` ${quoteName(item.opclass)}`;
  if (item.order === 'desc') sql += ' DESC';
  if (item.nulls) sql += ` NULLS ${item.nulls.toUpperCase()}`;
  return sql;
}

/**
 * `CREATE [UNIQUE] INDEX name ON table [USING method] (items) [INCLUDE (…)] [NULLS NOT DISTINCT]
 * [WITH (…)] [WHERE …];` — `owner` is the table, or the materialized view (whose index items are
 * expressions or column names by id in `columns`).
 */
export function createIndex(p: { owner: ColumnOwner; index: Index }): string {
  const x = p.index;
  let sql = `CREATE ${x.unique ? 'UNIQUE ' : ''}INDEX ${x.name ? `${quoteIdent(x.name)} ` : ''}ON ${qualifiedName(p.owner)}`;
  if (x.method && x.method !== 'btree') sql += ` USING ${quoteIdent(x.method)}`;
  sql += ` (${x.items.map((item) => indexItem(p.owner, item)).join(', ')})`;
  if (x.include?.length) sql += ` INCLUDE (${columnList(p.owner, x.include)})`;
  if (x.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  sql += withClause(x.with);
  if (x.where) sql += ` WHERE ${x.where}`;
  return `${sql};`;
}

/** `CREATE [MATERIALIZED] VIEW name [WITH (…)] AS query [WITH NO DATA];` (its own line: the query may end in a comment). */
export function createView(p: { view: View }): string {
  const v = p.view;
  const kind = v.materialized ? 'MATERIALIZED VIEW' : 'VIEW';
  const definition = v.definition.trim().replace(/;\s*$/, '');
  const noData = v.materialized && v.withNoData ? '\nWITH NO DATA' : '';
  return `CREATE ${kind} ${qualifiedName(v)}${withClause(v.with)} AS\n${definition}${noData};`;
}

/** Carried objects are emitted exactly as written, with a final semicolon guaranteed. */
export function rawObjectSql(p: { raw: RawObject }): string {
  const text = p.raw.definition.trim();
  return text.endsWith(';') ? text : `${text};`;
}
