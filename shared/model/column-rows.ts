/**
 * What a table's column rows show: badges and a short type text. Pure, so the node component only
 * renders and the rules are tested without a DOM.
 */
import type { ColumnType, Table } from './document.ts';
import { formatType } from './types.ts';

export type Badge = 'PK' | 'FK' | 'UQ' | 'NN' | 'DEF' | 'ID' | 'GEN';

export interface ColumnRow {
  id: string;
  name: string;
  type: string;
  badges: Badge[];
  /** Part of the primary key or of a foreign key: kept when the node is collapsed. */
  isKey: boolean;
}

/** Short type names for narrow rows; the SQL pane shows the full canonical form. */
const SHORT: Record<string, string> = {
  'character varying': 'varchar',
  character: 'char',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
  'double precision': 'float8',
  'bit varying': 'varbit',
};

/** Ex: `{name: 'character varying', args: [80]}` → `varchar(80)`; `public.order_status` → `order_status`. */
export function displayType(type: ColumnType): string {
  const dims = '[]'.repeat(type.arrayDims ?? 0);
  if (type.schema) return `${type.schema === 'public' ? '' : `${type.schema}.`}${type.name}${dims}`;
  const short = SHORT[type.name];
  if (!short) return formatType(type);
  const args = type.args?.length ? `(${type.args.join(',')})` : '';
  return `${short}${args}${dims}`;
}

/** Column ids covered by a single-column unique constraint or unique index. */
function uniqueColumnIds(table: Table): Set<string> {
  const ids = new Set<string>();
  for (const u of table.uniques) if (u.columns.length === 1) ids.add(u.columns[0]);
  for (const x of table.indexes) {
    const only = x.items.length === 1 ? x.items[0].column : undefined;
    if (x.unique && only && !x.where) ids.add(only);
  }
  return ids;
}

/** The rows of a table node, in column order. */
export function columnRows(table: Table): ColumnRow[] {
  const pk = new Set(table.primaryKey?.columns ?? []);
  const fk = new Set(table.foreignKeys.flatMap((f) => f.columns));
  const unique = uniqueColumnIds(table);
  return table.columns.map((column) => {
    const badges: Badge[] = [];
    if (pk.has(column.id)) badges.push('PK');
    if (fk.has(column.id)) badges.push('FK');
    if (unique.has(column.id) && !pk.has(column.id)) badges.push('UQ');
    if (column.notNull && !pk.has(column.id)) badges.push('NN');
    if (column.identity) badges.push('ID');
    else if (column.generated) badges.push('GEN');
    else if (column.default !== undefined) badges.push('DEF');
    return {
      id: column.id,
      name: column.name,
      type: displayType(column.type),
      badges,
      isKey: pk.has(column.id) || fk.has(column.id),
    };
  });
}

/** True when the columns are exactly a primary key or a unique constraint (one row per value). */
export function isUniqueSet(table: Table, columnIds: string[]): boolean {
  const same = (ids: string[]) => ids.length === columnIds.length && ids.every((id) => columnIds.includes(id));
  if (table.primaryKey && same(table.primaryKey.columns)) return true;
  if (table.uniques.some((u) => same(u.columns))) return true;
  return table.indexes.some((x) => x.unique && !x.where && same(x.items.map((i) => i.column ?? '')));
}
