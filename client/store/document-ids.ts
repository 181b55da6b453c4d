/** What a selection may name: the ids of the drawn objects, relationships, areas and notes of a document. */
import type { ModelDocument } from '../../shared/model/document.ts';

export function selectableIds(doc: ModelDocument): Set<string> {
  const { model, layout } = doc;
  return new Set([
    ...model.tables.flatMap((t) => [t.id, ...t.foreignKeys.map((fk) => fk.id)]),
    ...model.views.map((v) => v.id),
    ...model.enums.map((e) => e.id),
    ...layout.areas.map((a) => a.id),
    ...layout.notes.map((n) => n.id),
  ]);
}

/** The selection without the ids the document no longer has (after an undo removed them). */
export function withoutGone(selection: ReadonlySet<string>, doc: ModelDocument): string[] {
  const ids = selectableIds(doc);
  return [...selection].filter((id) => ids.has(id));
}
