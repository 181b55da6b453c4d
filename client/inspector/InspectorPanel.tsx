/**
 * The inspector wired to the store: the selected table (or subject area, or note), `editModel` for
 * edits, the layout for colours, `notify` for refused edits; delete and duplicate are the editor's
 * commands (the table is the selection). Mount it where the inspector belongs; `Inspector` itself
 * stays store-free.
 */
import { useCallback } from 'react';
import type { Layout } from '../../shared/model/document.ts';
import { setNodeColor } from '../../shared/model/ops/layout.ts';
import { useSafeEdit } from './edit.ts';
import { deleteSelection, duplicateSelection } from '../canvas/commands.ts';
import { useStore } from '../store/index.ts';
import { selectModel, selectSelectedTableId } from '../store/selectors.ts';
import { Inspector } from './Inspector.tsx';
import { AreaInspector, NoteInspector, type LayoutEdit } from './LayoutInspector.tsx';
import type { AppState } from '../store/types.ts';

const notifyError = (message: string) => useStore.getState().notify({ kind: 'error', message });

/** The one selected area or note, if that is the selection. */
const selectLayoutItem = (s: AppState) => {
  if (s.selection.size !== 1) return undefined;
  const [id] = s.selection;
  return s.doc.layout.areas.find((a) => a.id === id) ?? s.doc.layout.notes.find((n) => n.id === id);
};

function LayoutInspectorPanel() {
  const model = useStore(selectModel);
  const item = useStore(selectLayoutItem);
  const edit: LayoutEdit = useSafeEdit<Layout>(useStore.getState().editLayout, notifyError);
  if (item && 'tableIds' in item) return <AreaInspector model={model} area={item} edit={edit} />;
  if (item) return <NoteInspector note={item} edit={edit} />;
  return <div className="inspector empty" data-testid="inspector-empty">Select a table, a subject area or a note to edit it.</div>;
}

/** `focusId`: an object of the selected table to show (e.g. from a lint jump). */
export function InspectorPanel({ focusId }: { focusId?: string } = {}) {
  const model = useStore(selectModel);
  const tableId = useStore(selectSelectedTableId);
  const color = useStore((s) => (tableId ? s.doc.layout.nodes[tableId]?.color : undefined));
  const editModel = useStore((s) => s.editModel);
  const nameFocus = useStore((s) => s.nameFocus);
  const focusName = useStore((s) => s.focusName);
  const commentOn = useStore((s) => s.commentOn);
  const onColorChange = useCallback((next: string | undefined) => {
    if (!tableId) return;
    useStore.getState().editLayout((layout) => setNodeColor(layout, { nodeId: tableId, color: next }));
  }, [tableId]);
  if (!tableId) return <LayoutInspectorPanel />;
  return <Inspector model={model} tableId={tableId} onEdit={editModel} color={color} onColorChange={onColorChange} onError={notifyError} onDuplicate={duplicateSelection} onDelete={deleteSelection} focusId={focusId}
    nameFocus={nameFocus} onFocusName={focusName} onComment={commentOn} />;
}
