/** A view's WITH options (plain views only) and the comments of its output columns. */
import type { View } from '../../shared/model/document.ts';
import { removeViewColumn, setViewColumnComment, setViewOption, VIEW_OPTIONS, type ViewOption } from '../../shared/model/ops.ts';
import type { Edit } from './edit.ts';
import { SelectField, TextField } from './TextField.tsx';

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

export function ViewColumnComments({ view, edit }: { view: View; edit: Edit }) {
  const viewId = view.id;
  return (
    <div className="view-columns" data-testid="view-columns">
      <span className="label">column comments</span>
      {(view.columns ?? []).map((c) => (
        <div key={c.name} className="row" data-testid="view-column" data-column={c.name}>
          <span className="chip">{c.name}</span>
          <TextField value={c.comment ?? ''} placeholder="comment" label={`Comment of view column ${c.name}`} testId="view-column-comment" onCommit={(comment) => edit((m) => setViewColumnComment(m, { viewId, column: c.name, comment }))} />
          <button className="btn icon small" data-testid="view-column-remove" title="Stop listing this column (the query still has it)" onClick={() => edit((m) => removeViewColumn(m, { viewId, column: c.name }))}>×</button>
        </div>
      ))}
      <TextField value="" placeholder="+ column to comment on (its name, Enter)" label="New view column comment" testId="view-column-add" onCommit={(column) => column.trim() && edit((m) => setViewColumnComment(m, { viewId, column, comment: '' }))} />
    </div>
  );
}
