/**
 * Lint rules that look at one table alone (keys, column types, indexes). They are cached per table
 * object by `lintModel`, so an edit re-checks only the tables it replaced.
 */
import type { Column, Index, Table } from '../model/document.ts';
import type { LintIssue } from './issue.ts';
import { formatType } from '../model/types.ts';

const q = (t: Table) => `${t.schema}.${t.name}`;

export function lintTable(table: Table): LintIssue[] {
  const out: LintIssue[] = [];
  const add = (code: string, severity: LintIssue['severity'], message: string, objectId = table.id) =>
    out.push({ code, severity, message, objectId, tableId: table.id });
  if (table.columns.length === 0) add('no-columns', 'warning', `${q(table)} has no columns`);
  if (!table.primaryKey && !table.partitionOf) {
    add('no-primary-key', 'warning', `${q(table)} has no primary key: rows cannot be identified, updated or referenced reliably`);
  }
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  for (const id of table.primaryKey?.columns ?? []) {
    const column = byId.get(id);
    if (column && !column.notNull) {
      add('nullable-primary-key', 'warning', `${q(table)}.${column.name} is in the primary key but nullable (PostgreSQL makes it NOT NULL)`, column.id);
    }
  }
  for (const column of table.columns) lintColumn(table, column, add);
  lintForeignKeyActions(table, byId, add);
  lintPartitionKey(table, add);
  lintRedundantIndexes(table, add);
  return out;
}

type Add = (code: string, severity: LintIssue['severity'], message: string, objectId?: string) => void;

const MONEY_NAMES = /(^|_)(price|amount|total|cost|balance|fee|subtotal|tax)(_|$)/;

function lintColumn(table: Table, column: Column, add: Add): void {
  const where = `${q(table)}.${column.name}`;
  const type = column.type.schema ? '' : column.type.name;
  if (type === 'timestamp without time zone') {
    add('timestamp-without-time-zone', 'info', `${where} is timestamp without time zone; timestamptz stores an unambiguous instant`, column.id);
  }
  if (type === 'character varying' && !column.type.args?.length) {
    add('varchar-without-length', 'info', `${where} is varchar without a length: text is the same and says so`, column.id);
  }
  if (type === 'character') {
    add('char-type', 'info', `${where} is ${formatType(column.type)}: char pads with spaces; text or varchar is usually meant`, column.id);
  }
  if (type === 'money') add('money-type', 'warning', `${where} uses money, which depends on lc_monetary: prefer numeric`, column.id);
  if ((type === 'real' || type === 'double precision') && MONEY_NAMES.test(column.name)) {
    add('float-for-money', 'warning', `${where} stores an amount in a floating-point type: use numeric to avoid rounding errors`, column.id);
  }
  if (type === 'json') add('json-type', 'info', `${where} is json; jsonb is indexable and usually preferred`, column.id);
  if (column.default && /^nextval\(/i.test(column.default) && !column.identity) {
    add('serial-default', 'info', `${where} takes its value from a sequence default: an identity column is the standard form`, column.id);
  }
  if (column.identity && column.default) add('identity-with-default', 'error', `${where} is an identity column and also has a default`, column.id);
  if (column.identity && (column.type.schema || column.type.arrayDims || !['smallint', 'integer', 'bigint'].includes(column.type.name))) {
    add('identity-not-integer', 'error', `${where} is an identity column of type ${formatType(column.type)}: identity needs smallint, integer or bigint`, column.id);
  }
  if (column.generated && (column.default || column.identity)) {
    add('generated-with-default', 'error', `${where} is generated and also has a default or identity`, column.id);
  }
}

function lintForeignKeyActions(table: Table, byId: Map<string, Column>, add: Add): void {
  for (const fk of table.foreignKeys) {
    const columns = fk.columns.map((id) => byId.get(id)).filter((c): c is Column => !!c);
    const nullable = columns.filter((c) => !c.notNull);
    if (fk.match === 'simple' && columns.length > 1 && nullable.length > 0 && nullable.length < columns.length) {
      add('fk-partly-nullable', 'warning', `${q(table)}: with MATCH SIMPLE a row whose ${nullable.map((c) => c.name).join(', ')} is NULL skips the whole composite key check (use MATCH FULL or NOT NULL)`, fk.id);
    }
    for (const [action, label] of [[fk.onDelete, 'ON DELETE'], [fk.onUpdate, 'ON UPDATE']] as const) {
      if (action === 'set-null' && columns.some((c) => c.notNull)) {
        add('fk-set-null-not-null', 'error', `${q(table)}: ${label} SET NULL on NOT NULL column(s) ${columns.map((c) => c.name).join(', ')} will fail`, fk.id);
      }
      if (action === 'set-default' && columns.some((c) => !c.default)) {
        add('fk-set-default-without-default', 'warning', `${q(table)}: ${label} SET DEFAULT but ${columns.map((c) => c.name).join(', ')} has no default`, fk.id);
      }
    }
  }
}

/**
 * PostgreSQL refuses a primary key or unique constraint on a partitioned table that does not
 * include every partition-key column (checked when the key is plain column names).
 */
function lintPartitionKey(table: Table, add: Add): void {
  if (!table.partitioning) return;
  const keyColumns = table.partitioning.key.split(',').map((part) => part.trim().replace(/^"(.*)"$/, '$1'));
  if (!keyColumns.every((name) => table.columns.some((c) => c.name === name))) return;
  const idsOf = new Map(table.columns.map((c) => [c.name, c.id]));
  const keyIds = keyColumns.map((name) => idsOf.get(name)!);
  const constraints = [...(table.primaryKey ? [{ id: table.primaryKey.id, columns: table.primaryKey.columns, what: 'the primary key' }] : []),
    ...table.uniques.map((u) => ({ id: u.id, columns: u.columns, what: `unique constraint ${u.name ?? ''}`.trim() }))];
  for (const c of constraints) {
    if (keyIds.every((id) => c.columns.includes(id))) continue;
    add('partition-key-not-in-key', 'error', `${q(table)} is partitioned by ${table.partitioning.key}, so ${c.what} must include ${keyColumns.join(', ')}`, c.id);
  }
}

/** Key of an index item for comparison: column id or expression, with order and opclass. */
function itemKey(item: Index['items'][number]): string {
  return [item.column ?? `(${item.expression})`, item.order ?? 'asc', item.nulls ?? '', item.opclass ?? '', item.collation ?? ''].join('|');
}

interface KeyList { id: string; keys: string[]; unique: boolean; label: string }

/** `orders_status_idx`, or for an unnamed index its items: `index on (status, lower(email))`. */
function describeIndex(table: Table, x: Index): string {
  if (x.name) return `index ${x.name}`;
  const items = x.items.map((i) => (i.column ? table.columns.find((c) => c.id === i.column)?.name ?? '?' : i.expression));
  return `index on (${items.join(', ')})`;
}

function btreeKeyLists(table: Table): KeyList[] {
  const plain = (ids: string[]) => ids.map((column) => itemKey({ column }));
  const lists: KeyList[] = [];
  if (table.primaryKey) lists.push({ id: table.primaryKey.id, keys: plain(table.primaryKey.columns), unique: true, label: 'the primary key' });
  for (const u of table.uniques) lists.push({ id: u.id, keys: plain(u.columns), unique: true, label: u.name ? `unique constraint ${u.name}` : 'a unique constraint' });
  for (const x of table.indexes) {
    if (x.where || (x.method && x.method !== 'btree')) continue;
    lists.push({ id: x.id, keys: x.items.map(itemKey), unique: x.unique, label: describeIndex(table, x) });
  }
  return lists;
}

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((k, i) => k === b[i]);

/** An index whose keys are a prefix of another btree index (or key) does no extra work, only costs writes. */
function lintRedundantIndexes(table: Table, add: Add): void {
  const lists = btreeKeyLists(table);
  const indexIds = new Set(table.indexes.map((x) => x.id));
  const pk = table.primaryKey ? lists[0] : undefined;
  lists.forEach((list, i) => {
    if (!indexIds.has(list.id)) {
      if (pk && list !== pk && sameSet(list.keys, pk.keys)) {
        add('redundant-unique', 'warning', `${q(table)}: ${list.label} repeats the primary key columns`, list.id);
      }
      return;
    }
    const cover = lists.find((other, j) => {
      if (j === i || !isPrefix(list.keys, other.keys)) return false;
      const same = other.keys.length === list.keys.length;
      if (list.unique && !(other.unique && same)) return false;
      // Two identical indexes: report the later one only.
      return !same || !indexIds.has(other.id) || j < i;
    });
    if (!cover) return;
    const verb = cover.keys.length === list.keys.length ? 'duplicates' : 'is a prefix of';
    add(verb === 'duplicates' ? 'duplicate-index' : 'redundant-index', 'warning', `${q(table)}: ${list.label} ${verb} ${cover.label}`, list.id);
  });
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/** Column-id lists of keys and btree indexes whose leading columns can serve a lookup (for FK support). */
export function leadingColumnLists(table: Table): string[][] {
  const lists: string[][] = [];
  if (table.primaryKey) lists.push(table.primaryKey.columns);
  for (const u of table.uniques) lists.push(u.columns);
  for (const x of table.indexes) {
    if (x.where || (x.method && !['btree', 'hash'].includes(x.method))) continue;
    const leading: string[] = [];
    for (const item of x.items) {
      if (!item.column) break;
      leading.push(item.column);
    }
    lists.push(leading);
  }
  return lists;
}

/** Column-id sets that are unique in the table: the primary key, uniques, full unique indexes. */
export function uniqueColumnSets(table: Table): string[][] {
  const sets: string[][] = [];
  if (table.primaryKey) sets.push(table.primaryKey.columns);
  for (const u of table.uniques) sets.push(u.columns);
  for (const x of table.indexes) {
    if (x.unique && !x.where && x.items.every((i) => i.column)) sets.push(x.items.map((i) => i.column!));
  }
  return sets;
}

export { sameSet };
