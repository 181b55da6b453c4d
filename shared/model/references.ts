import type { ModelDocument, Table } from './document.ts';
import type { DocumentProblem } from './document-problem.ts';

/** Checks what zod cannot: ids that constraints and foreign keys point to exist, ids are unique. */
export function referenceProblems(doc: ModelDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const tables = new Map(doc.model.tables.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const noteId = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: `duplicate id "${id}"` });
    seen.add(id);
  };
  const m = doc.model;
  for (const [key, list] of Object.entries({ schemas: m.schemas, extensions: m.extensions, enums: m.enums, domains: m.domains, sequences: m.sequences, views: m.views, rawObjects: m.rawObjects })) {
    list.forEach((o, i) => noteId(o.id, `model.${key}[${i}].id`));
  }
  m.tables.forEach((table, ti) => {
    const base = `model.tables[${ti}]`;
    noteId(table.id, `${base}.id`);
    const columnIds = new Set(table.columns.map((c) => c.id));
    table.columns.forEach((c, ci) => noteId(c.id, `${base}.columns[${ci}].id`));
    const checkColumns = (ids: string[], path: string, owner: Table = table) => {
      const own = owner === table ? columnIds : new Set(owner.columns.map((c) => c.id));
      ids.forEach((cid, k) => {
        if (!own.has(cid)) problems.push({ path: `${path}[${k}]`, message: `no column with id "${cid}" in table ${owner.name}` });
      });
    };
    if (table.primaryKey) checkColumns(table.primaryKey.columns, `${base}.primaryKey.columns`);
    table.uniques.forEach((u, i) => checkColumns(u.columns, `${base}.uniques[${i}].columns`));
    table.indexes.forEach((x, i) => {
      x.items.forEach((item, k) => item.column && checkColumns([item.column], `${base}.indexes[${i}].items[${k}].column`));
      if (x.include) checkColumns(x.include, `${base}.indexes[${i}].include`);
    });
    table.foreignKeys.forEach((fk, i) => {
      const path = `${base}.foreignKeys[${i}]`;
      checkColumns(fk.columns, `${path}.columns`);
      const target = tables.get(fk.refTableId);
      if (!target) problems.push({ path: `${path}.refTableId`, message: `no table with id "${fk.refTableId}"` });
      else checkColumns(fk.refColumns, `${path}.refColumns`, target);
      if (fk.columns.length !== fk.refColumns.length) {
        problems.push({ path, message: `${fk.columns.length} column(s) reference ${fk.refColumns.length} column(s)` });
      }
    });
    if (table.partitionOf && !tables.has(table.partitionOf.parentId)) {
      problems.push({ path: `${base}.partitionOf.parentId`, message: `no table with id "${table.partitionOf.parentId}"` });
    }
  });
  return problems;
}
