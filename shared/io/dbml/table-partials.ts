/**
 * DBML table partials (`TablePartial base { … }` injected with `~base`): the parser leaves them
 * as references, so their fields, indexes and checks are merged into each table here. A table's
 * own field wins over a partial's field of the same name; among partials the last one wins.
 */
import type { Database as RawDatabase, Table as RawTable, Column as RawColumn } from '@dbml/parse';

/** The table with its partials' fields (at the injection points), indexes and checks merged in. */
export function withPartials(table: RawTable, db: RawDatabase): RawTable {
  if (!table.partials?.length) return table;
  const partials = [...table.partials].sort((a, b) => a.order - b.order);
  const byName = new Map(db.tablePartials.map((p) => [p.name, p]));
  const own = new Set(table.fields.map((f) => f.name));
  const lastSource = new Map<string, string>();
  for (const injection of partials) for (const f of byName.get(injection.name)?.fields ?? []) lastSource.set(f.name, injection.name);
  const fields: RawColumn[] = [];
  let next = 0;
  const total = table.fields.length + partials.length;
  for (let position = 0; position < total; position += 1) {
    const injection = partials.find((p) => p.order === position);
    if (!injection) {
      if (next < table.fields.length) fields.push(table.fields[next++]);
      continue;
    }
    for (const f of byName.get(injection.name)?.fields ?? []) {
      if (!own.has(f.name) && lastSource.get(f.name) === injection.name) fields.push(f);
    }
  }
  fields.push(...table.fields.slice(next));
  const injected = partials.map((p) => byName.get(p.name)).filter((p) => p !== undefined);
  return {
    ...table,
    fields,
    indexes: [...injected.flatMap((p) => p.indexes), ...table.indexes],
    checks: [...injected.flatMap((p) => p.checks), ...table.checks],
    headerColor: table.headerColor ?? injected.find((p) => p.headerColor)?.headerColor,
    note: table.note ?? injected.find((p) => p.note)?.note,
  };
}
