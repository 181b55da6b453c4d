/**
 * What Delete removes: the selected tables (with the foreign keys pointing at them), views, enums
 * (their columns become text), relationships, areas and notes, through the pure ops. Pure: the
 * command wraps it in one undoable step.
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { deleteTables, removeEnum, removeForeignKey, removeView } from '../../shared/model/ops/index.ts';

/** The document without the selected objects; the same object when nothing selected exists. */
export function withoutSelection(doc: ModelDocument, selection: ReadonlySet<string>): ModelDocument {
  const has = (o: { id: string }) => selection.has(o.id);
  // A selected edge is its foreign key's id.
  let model = doc.model.tables.reduce((m, t) => t.foreignKeys
    .filter(has)
    .reduce((acc, fk) => removeForeignKey(acc, { tableId: t.id, foreignKeyId: fk.id }), m), doc.model);
  const tableIds = model.tables.filter(has).map((t) => t.id);
  if (tableIds.length) model = deleteTables(model, { tableIds });
  for (const view of doc.model.views.filter(has)) model = removeView(model, { viewId: view.id });
  for (const item of doc.model.enums.filter(has)) model = removeEnum(model, { enumId: item.id });

  const gone = new Set([...doc.model.tables, ...doc.model.views, ...doc.model.enums].filter(has).map((o) => o.id));
  const notes = doc.layout.notes.filter((n) => !selection.has(n.id));
  const areas = doc.layout.areas
    .filter((a) => !selection.has(a.id))
    .map((a) => (a.tableIds.some((t) => gone.has(t)) ? { ...a, tableIds: a.tableIds.filter((t) => !gone.has(t)) } : a));
  const touched = model !== doc.model || notes.length !== doc.layout.notes.length || areas.length !== doc.layout.areas.length;
  if (!touched) return doc;
  const nodes = { ...doc.layout.nodes };
  for (const id of gone) delete nodes[id];
  return { ...doc, model, layout: { ...doc.layout, nodes, notes, areas } };
}
