/**
 * MySQL/MariaDB column types for a whole model, with the rules MySQL adds on top of the type map:
 * key columns must be bounded strings that fit InnoDB's 3072-byte key limit, foreign key columns
 * must match the referenced integer type, one AUTO_INCREMENT per table and it must lead a key.
 */
import type { Column, Model, Table } from '../model/document.ts';
import { mapColumnType, type MappedColumnType } from './type-maps.ts';
import { sharedSequenceColumns, type WarningList } from './dialect-common.ts';

/** InnoDB's key limit in bytes. */
const MYSQL_KEY_BYTES = 3072;
/** Prefix length used to index long text in a non-unique index. */
export const MYSQL_PREFIX_CHARS = 191;

export interface MysqlColumnPlan {
  type: MappedColumnType;
  autoIncrement: boolean;
}

export interface MysqlColumns {
  columns: Map<string, MysqlColumnPlan>;
  /** `AUTO_INCREMENT=<n>` per table id, from an identity's START WITH. */
  autoIncrementStart: Map<string, string>;
}

const isSerial = (c: Column) => Boolean(c.identity) || /^nextval\(/i.test(c.default ?? '');
const label = (t: Table, c: Column) => `${t.schema}.${t.name}.${c.name}`;

/**
 * The most utf8mb4 characters each of `strings` text columns may take in one key, leaving room
 * for the other columns (counted at 16 bytes, a safe bound for numbers and times).
 */
export function keyCharLimit(strings: number, others: number): number {
  const n = Math.max(1, strings);
  return Math.floor((MYSQL_KEY_BYTES - 16 * others - 2 * n) / 4 / n);
}

/** Column id lists that MySQL indexes as keys (primary, unique, unique index, foreign key). */
function keysOf(table: Table): string[][] {
  const keys = [
    ...(table.primaryKey ? [table.primaryKey.columns] : []),
    ...table.uniques.map((u) => u.columns),
    ...table.foreignKeys.map((fk) => fk.columns),
  ];
  for (const x of table.indexes) if (x.unique && !x.where && x.items.every((i) => i.column)) keys.push(x.items.map((i) => i.column!));
  return keys;
}

/** Shortens text in keys to a VARCHAR that fits; each shortening is a warning. */
function fitKeys(table: Table, plans: Map<string, MysqlColumnPlan>, warnings: WarningList): void {
  const limits = new Map<string, number>();
  for (const key of keysOf(table)) {
    const strings = key.filter((id) => ['string', 'text', 'blob'].includes(plans.get(id)?.type.family ?? ''));
    const cap = keyCharLimit(strings.length, key.length - strings.length);
    for (const id of strings) limits.set(id, Math.min(limits.get(id) ?? Infinity, cap));
  }
  for (const [id, limit] of limits) {
    const plan = plans.get(id)!;
    const column = table.columns.find((c) => c.id === id)!;
    const { family, length } = plan.type;
    if (family === 'string' && (length ?? 0) <= limit) continue;
    const binary = family === 'blob';
    plan.type = { sql: `${binary ? 'VARBINARY' : 'VARCHAR'}(${limit})`, family: binary ? 'blob' : 'string', length: limit };
    warnings.add(`key column shortened to ${binary ? 'VARBINARY' : 'VARCHAR'}(${limit}) to fit InnoDB's key length limit`, label(table, column));
  }
}

/** Foreign key columns take the referenced column's integer type, as InnoDB requires. */
function alignForeignKeys(model: Model, plans: Map<string, MysqlColumnPlan>, warnings: WarningList): void {
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  for (const table of model.tables) {
    for (const fk of table.foreignKeys) {
      if (!tables.has(fk.refTableId)) continue;
      fk.columns.forEach((id, i) => {
        const child = plans.get(id);
        const parent = plans.get(fk.refColumns[i]);
        if (!child || !parent || child.type.family !== 'integer' || parent.type.family !== 'integer' || child.type.sql === parent.type.sql) return;
        const column = table.columns.find((c) => c.id === id)!;
        warnings.add(`foreign key column changed to the referenced column's type (${parent.type.sql})`, label(table, column));
        child.type = { ...parent.type };
      });
    }
  }
}

/** The first serial/identity integer column becomes AUTO_INCREMENT; the rest lose it. */
function pickAutoIncrement(p: { table: Table; plans: Map<string, MysqlColumnPlan>; out: MysqlColumns; warnings: WarningList; shared: Map<string, string> }): void {
  const { table, plans, out, warnings } = p;
  let chosen: Column | undefined;
  for (const column of table.columns.filter(isSerial)) {
    const plan = plans.get(column.id)!;
    if (!chosen && plan.type.family === 'integer' && !column.generated) {
      chosen = column;
      plan.autoIncrement = true;
      const options = column.identity?.options;
      if (options?.start && options.start !== '1') out.autoIncrementStart.set(table.id, options.start);
      const extra = options && Object.keys(options).some((k) => !['start', 'dataType'].includes(k));
      if (column.identity?.kind === 'always' || extra) warnings.add('identity became AUTO_INCREMENT (ALWAYS, INCREMENT BY, MIN/MAX and CYCLE dropped)', label(table, column));
      const sequence = p.shared.get(column.id);
      if (sequence) warnings.add(`AUTO_INCREMENT counts per table, not shared as sequence ${sequence} was with other columns (values may repeat across tables)`, label(table, column));
    } else {
      warnings.add('second identity/serial column lost its generator (one AUTO_INCREMENT per table)', label(table, column));
    }
  }
}

/** MySQL's row limit, not counting TEXT/BLOB (stored off the row). */
const MYSQL_ROW_BYTES = 65535;
const FIXED_BYTES: Partial<Record<MappedColumnType['family'], number>> = {
  integer: 8, decimal: 30, float: 8, boolean: 1, date: 3, time: 6, datetime: 8, enum: 2, text: 12, blob: 12, json: 12,
};
const rowBytes = (type: MappedColumnType) => (type.family === 'string' ? (type.length ?? 1) * 4 + 2 : FIXED_BYTES[type.family] ?? 8);

/** Turns the longest non-key VARCHARs of a too-wide table into LONGTEXT until the row fits. */
function fitRow(table: Table, plans: Map<string, MysqlColumnPlan>, warnings: WarningList): void {
  const planOf = (c: Column) => plans.get(c.id)!;
  let total = table.columns.reduce((n, c) => n + rowBytes(planOf(c).type), 0);
  if (total <= MYSQL_ROW_BYTES) return;
  const keyed = new Set(keysOf(table).flat());
  const candidates = table.columns
    .filter((c) => !keyed.has(c.id) && planOf(c).type.family === 'string')
    .sort((a, b) => (planOf(b).type.length ?? 0) - (planOf(a).type.length ?? 0));
  for (const column of candidates) {
    if (total <= MYSQL_ROW_BYTES) break;
    total -= rowBytes(planOf(column).type) - FIXED_BYTES.text!;
    warnings.add(`${planOf(column).type.sql} became LONGTEXT to fit MySQL's 65,535-byte row (length not enforced)`, label(table, column));
    planOf(column).type = { sql: 'LONGTEXT', family: 'text' };
  }
}

/** Plans every column type of the exported tables. */
export function planMysqlColumns(model: Model, tables: Table[], warnings: WarningList): MysqlColumns {
  const out: MysqlColumns = { columns: new Map(), autoIncrementStart: new Map() };
  for (const table of tables) {
    for (const column of table.columns) {
      const type = mapColumnType('mysql', column.type, model);
      if (type.lossy) warnings.add(type.lossy, label(table, column));
      out.columns.set(column.id, { type, autoIncrement: false });
    }
  }
  for (const table of tables) fitKeys(table, out.columns, warnings);
  alignForeignKeys(model, out.columns, warnings);
  for (const table of tables) fitRow(table, out.columns, warnings);
  const shared = sharedSequenceColumns(model);
  for (const table of tables) pickAutoIncrement({ table, plans: out.columns, out, warnings, shared });
  return out;
}

