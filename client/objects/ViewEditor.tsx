/**
 * Views and materialized views: name, schema, materialized (and created WITH NO DATA), the query, WITH options,
 * comments (of the view and its columns), column defaults; add and delete.
 */
import type { Model, View } from '../../shared/model/document.ts';
import { addView, firstFree, removeView, setViewWithNoData, updateView } from '../../shared/model/ops/index.ts';
import { useSafeEdit, type Edit } from '../inspector/edit.ts';
import { FocusItem } from '../inspector/FocusItem.tsx';
import { CheckField, TextField } from '../inspector/TextField.tsx';
import { ViewColumns, ViewOptions } from './ViewDetails.tsx';
import { ObjectSection } from './ObjectSection.tsx';
import '../inspector/panels.css';

export interface ViewEditorProps {
  model: Model;
  onEdit: Edit;
  onError?: (message: string) => void;
  selectedId?: string;
}

function ViewItem({ view, edit, selected }: { view: View; edit: Edit; selected: boolean }) {
  const viewId = view.id;
  const patch = (p: Parameters<typeof updateView>[1]['patch']) => edit((m) => updateView(m, { viewId, patch: p }));
  return (
    <FocusItem focused={selected} testId="view-item" data={{ 'data-view': `${view.schema}.${view.name}` }}>
      <div className="row">
        <TextField value={view.name} label="View name" testId="view-name" onCommit={(name) => patch({ name })} />
        <TextField value={view.schema} label="View schema" testId="view-schema" className="narrow" onCommit={(schema) => patch({ schema })} />
        <button className="btn icon small danger" data-testid="view-remove" title="Delete view" onClick={() => edit((m) => removeView(m, { viewId }))}>×</button>
      </div>
      <div className="row">
        <CheckField label="materialized" testId="view-materialized" checked={view.materialized} onChange={(materialized) => patch({ materialized })} />
        {/* An apply then creates it without running its query (a heavy one would run inside the migration). */}
        {view.materialized && (
          <CheckField label="create without data (WITH NO DATA)" testId="view-with-no-data" checked={Boolean(view.withNoData)}
            onChange={(withNoData) => edit((m) => setViewWithNoData(m, { viewId, withNoData }))} />
        )}
        {/* From a pg_dump file: its WITH NO DATA said nothing; plans leave the rows as the database has them until ticked or unticked. */}
        {view.materialized && view.populationUnspecified && (
          <span className="muted" data-testid="view-population-unspecified">rows: as the database has them (from a pg_dump)</span>
        )}
      </div>
      <TextField value={view.definition} multiline rows={5} mono label="View query (Ctrl+Enter to apply)" testId="view-definition" onCommit={(definition) => patch({ definition })} />
      <ViewOptions view={view} edit={edit} />
      <TextField value={view.comment ?? ''} placeholder="comment" label="View comment" testId="view-comment" onCommit={(comment) => patch({ comment })} />
      <ViewColumns view={view} edit={edit} />
    </FocusItem>
  );
}

export function ViewEditor({ model, onEdit, onError, selectedId }: ViewEditorProps) {
  const edit = useSafeEdit(onEdit, onError);
  const add = () => edit((m) => addView(m, { name: firstFree('view', m.views.map((v) => v.name)), definition: 'SELECT 1 AS one' }));
  return (
    <ObjectSection id="views" title="Views" count={model.views.length} empty="No views yet." testId="view-editor"
      holdsFocus={model.views.some((v) => v.id === selectedId)} actions={<button className="btn small" data-testid="view-add" onClick={add}>+ view</button>}>
      {model.views.map((v) => <ViewItem key={v.id} view={v} edit={edit} selected={v.id === selectedId} />)}
    </ObjectSection>
  );
}
