/**
 * The inspector wired to the store: the selected table, `editModel` for edits, the layout for the
 * color, `notify` for refused edits; delete and duplicate are the editor's commands (the table is the selection). Mount it where the inspector belongs; `Inspector` itself stays
 * store-free.
 */
import { useCallback } from 'react';
import { deleteSelection, duplicateSelection } from '../commands.ts';
import { useStore } from '../store/index.ts';
import { selectModel, selectSelectedTableId } from '../store/selectors.ts';
import { Inspector } from './Inspector.tsx';

/** `focusId`: an object of the selected table to show (e.g. from a lint jump). */
export function InspectorPanel({ focusId }: { focusId?: string } = {}) {
  const model = useStore(selectModel);
  const tableId = useStore(selectSelectedTableId);
  const color = useStore((s) => (tableId ? s.doc.layout.nodes[tableId]?.color : undefined));
  const editModel = useStore((s) => s.editModel);
  const onError = useCallback((message: string) => useStore.getState().notify({ kind: 'error', message }), []);
  const onColorChange = useCallback((next: string | undefined) => {
    if (!tableId) return;
    useStore.getState().editLayout((layout) => {
      const node = layout.nodes[tableId] ?? { x: 0, y: 0 };
      const { color: _old, ...rest } = node;
      return { ...layout, nodes: { ...layout.nodes, [tableId]: next ? { ...rest, color: next } : rest } };
    });
  }, [tableId]);
  if (!tableId) return <div className="inspector empty" data-testid="inspector-empty">Select a table to edit it.</div>;
  return <Inspector model={model} tableId={tableId} onEdit={editModel} color={color} onColorChange={onColorChange} onError={onError} onDuplicate={duplicateSelection} onDelete={deleteSelection} focusId={focusId} />;
}
