/**
 * DBML many-to-many refs (`<>`) have no single foreign key: like dbdiagram.io's SQL export, they
 * become a junction table `<left>_<right>` whose columns reference both sides.
 */
import type { Column, Model, Table } from '../../model/document.ts';
import { derivedId } from '../../model/ids.ts';

export interface ColumnRef {
  table: Table;
  columnId: string;
}

export interface ManyToManyParams {
  model: Model;
  left: ColumnRef[];
  right: ColumnRef[];
  /** Reserves an id (adds a numeric suffix when it is taken). */
  useId: (id: string) => string;
  warn: (message: string) => void;
}

function columnOf(ref: ColumnRef): Column {
  return ref.table.columns.find((c) => c.id === ref.columnId)!;
}

function freeTableName(model: Model, schema: string, base: string): string {
  let name = base;
  for (let n = 1; model.tables.some((t) => t.schema === schema && t.name === name); n += 1) name = `${base}_${n}`;
  return name;
}

/** Adds the junction table for `left <> right`. Ex: `users.id <> teams.id` → `users_teams(users_id, teams_id)`. */
export function addManyToMany({ model, left, right, useId, warn }: ManyToManyParams): void {
  const leftTable = left[0].table;
  const rightTable = right[0].table;
  const schema = leftTable.schema;
  const name = freeTableName(model, schema, `${leftTable.name}_${rightTable.name}`);
  const table: Table = {
    id: useId(derivedId.table(schema, name)), schema, name,
    columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [],
  };
  const sideColumns = (side: ColumnRef[]) => side.map((ref) => {
    const target = columnOf(ref);
    let colName = `${ref.table.name}_${target.name}`;
    while (table.columns.some((c) => c.name === colName)) colName += '_';
    const column: Column = { id: derivedId.column(schema, name, colName), name: colName, type: { ...target.type }, notNull: true };
    table.columns.push(column);
    return column.id;
  });
  const leftIds = sideColumns(left);
  const rightIds = sideColumns(right);
  table.primaryKey = { id: derivedId.primaryKey(schema, name), columns: [...leftIds, ...rightIds] };
  for (const [ids, side] of [[leftIds, left], [rightIds, right]] as const) {
    const names = ids.map((id) => table.columns.find((c) => c.id === id)!.name);
    table.foreignKeys.push({
      id: useId(derivedId.constraint('fk', schema, name, `${name}_${names.join('_')}_fkey`)),
      columns: [...ids], refTableId: side[0].table.id, refColumns: side.map((r) => r.columnId),
      onDelete: 'no-action', onUpdate: 'no-action', match: 'simple',
    });
  }
  model.tables.push(table);
  warn(`many-to-many ${leftTable.name} <> ${rightTable.name} became the junction table ${name}`);
}
