/** A view's WITH options (plain views only) and its output columns' comments and defaults. */
import type { View } from '../../shared/model/document.ts';
import { removeViewColumn, setViewColumnComment, setViewColumnDefault, setViewOption, VIEW_OPTIONS, type ViewOption } from '../../shared/model/ops/index.ts';
import type { Edit } from '../inspector/edit.ts';
import { SelectField, TextField } from '../inspector/TextField.tsx';

const OPTION_LABELS: Record<ViewOption, string> = { security_barrier: 'security_barrier', security_invoker: 'security_invoker', check_option: 'check option' };

export function ViewOptions({ view, edit }: { view: View; edit: Edit }) {
  if (view.materialized) return null;
  const viewId = view.id;
  return (
    <div className="row seq-options" data-testid="view-options">
      {(Object.keys(VIEW_OPTIONS) as ViewOption[]).map((option) => (
        <label key={option} className="caption-field wide">
          <span>{OPTION_LABELS[option]}</span>
          <SelectField
            label={`View ${option}`}
            testId={`view-option-${option}`}
            value={view.with?.[option] ?? ''}
            options={[['', 'default'], ...VIEW_OPTIONS[option].map((v) => [v, v] as const)]}
            onChange={(value) => edit((m) => setViewOption(m, { viewId, option, value }))}
          />
        </label>
      ))}
    </div>
  );
}

/** The view's listed columns: a comment each and, on a plain view, the DEFAULT an INSERT through it uses. */
export function ViewColumns({ view, edit }: { view: View; edit: Edit }) {
  const viewId = view.id;
  return (
    <div className="view-columns" data-testid="view-columns">
      <span className="label">{view.materialized ? 'column comments' : 'column comments and defaults'}</span>
      {(view.columns ?? []).map((c) => (
        <div key={c.name} className="row" data-testid="view-column" data-column={c.name}>
          <span className="chip">{c.name}</span>
          <TextField value={c.comment ?? ''} placeholder="comment" label={`Comment of view column ${c.name}`} testId="view-column-comment" onCommit={(comment) => edit((m) => setViewColumnComment(m, { viewId, column: c.name, comment }))} />
          {!view.materialized && (
            <TextField value={c.default ?? ''} placeholder="default, e.g. 'new'" mono className="narrow" label={`Default of view column ${c.name}`} testId="view-column-default"
              onCommit={(expression) => edit((m) => setViewColumnDefault(m, { viewId, column: c.name, expression }))} />
          )}
          <button className="btn icon small" data-testid="view-column-remove" title="Stop listing this column (the query still has it)" onClick={() => edit((m) => removeViewColumn(m, { viewId, column: c.name }))}>×</button>
        </div>
      ))}
      <TextField value="" placeholder="+ column to describe (its name, Enter)" label="New view column" testId="view-column-add" onCommit={(column) => column.trim() && edit((m) => setViewColumnComment(m, { viewId, column, comment: '' }))} />
    </div>
  );
}
