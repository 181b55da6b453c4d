/** The Objects tab: the editors for enums, domains, views, schemas and sequences, and raw SQL objects, on the open model. */
import { useCallback } from 'react';
import { useStore } from '../store/index.ts';
import { selectModel } from '../store/selectors.ts';
import { EnumEditor } from './EnumEditor.tsx';
import { DomainEditor } from './DomainEditor.tsx';
import { ViewEditor } from './ViewEditor.tsx';
import { SchemaEditor } from './SchemaEditor.tsx';
import { RawObjectEditor } from './RawObjectEditor.tsx';

export function ObjectsTab() {
  const model = useStore(selectModel);
  const editModel = useStore((s) => s.editModel);
  const onError = useCallback((message: string) => useStore.getState().notify({ kind: 'error', message }), []);
  // A lint jump names the object; otherwise the one selected node (a view, an enum).
  const selectedId = useStore((s) => s.objectFocus ?? (s.selection.size === 1 ? [...s.selection][0] : undefined));
  return (
    <div className="pane-scroll">
      <EnumEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <DomainEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <ViewEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <SchemaEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <RawObjectEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
    </div>
  );
}
