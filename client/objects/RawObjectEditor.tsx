/**
 * SQL objects the model keeps as text (functions, procedures, triggers, policies, …): kind, name,
 * schema, owning table, and the definition; add and delete.
 */
import type { Model, RawObject, RawObjectKind } from '../../shared/model/document.ts';
import { rawObjectKindZod } from '../../shared/model/document.ts';
import { addRawObject, removeRawObject, updateRawObject } from '../../shared/model/ops/index.ts';
import { useSafeEdit, type Edit } from '../inspector/edit.ts';
import { FocusItem } from '../inspector/FocusItem.tsx';
import { SelectField, TextField } from '../inspector/TextField.tsx';
import { ObjectSection } from './ObjectSection.tsx';
import '../inspector/panels.css';

export interface RawObjectEditorProps {
  model: Model;
  onEdit: Edit;
  onError?: (message: string) => void;
  selectedId?: string;
}

const KINDS = rawObjectKindZod.options.map((k) => [k, k] as const);
const STARTER: Partial<Record<RawObjectKind, string>> = {
  function: 'CREATE FUNCTION public.new_function() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;',
  trigger: 'CREATE TRIGGER new_trigger BEFORE UPDATE ON public.some_table FOR EACH ROW EXECUTE FUNCTION public.some_function();',
};

function RawItem({ model, raw, edit, selected }: { model: Model; raw: RawObject; edit: Edit; selected: boolean }) {
  const rawId = raw.id;
  const patch = (p: Parameters<typeof updateRawObject>[1]['patch']) => edit((m) => updateRawObject(m, { rawId, patch: p }));
  return (
    <FocusItem focused={selected} testId="raw-item" data={{ 'data-raw': `${raw.kind}:${raw.name}` }}>
      <div className="row">
        <SelectField label="Kind" testId="raw-kind" value={raw.kind} options={KINDS} onChange={(kind) => patch({ kind })} />
        <TextField value={raw.name} label="Name" testId="raw-name" onCommit={(name) => patch({ name })} />
        <TextField value={raw.schema ?? ''} placeholder="schema" label="Schema" testId="raw-schema" className="narrow" onCommit={(schema) => patch({ schema })} />
        <button className="btn icon small danger" data-testid="raw-remove" title="Delete" onClick={() => edit((m) => removeRawObject(m, { rawId }))}>×</button>
      </div>
      <select className="field" value={raw.tableId ?? ''} aria-label="Table" data-testid="raw-table" onChange={(e) => patch({ tableId: e.target.value || null })}>
        <option value="">no table</option>
        {model.tables.map((t) => <option key={t.id} value={t.id}>{t.schema}.{t.name}</option>)}
      </select>
      <TextField value={raw.definition} multiline rows={6} mono label="SQL definition (Ctrl+Enter to apply)" testId="raw-definition" onCommit={(definition) => patch({ definition })} />
    </FocusItem>
  );
}

export function RawObjectEditor({ model, onEdit, onError, selectedId }: RawObjectEditorProps) {
  const edit = useSafeEdit(onEdit, onError);
  const add = (kind: RawObjectKind) => edit((m) => addRawObject(m, {
    kind,
    name: `new_${kind.replace(/-/g, '_')}`,
    definition: STARTER[kind] ?? `-- ${kind}\nSELECT 1`,
  }));
  return (
    <ObjectSection id="raw" title="SQL objects" count={model.rawObjects.length} empty="No functions, triggers or other SQL objects." testId="raw-editor"
      holdsFocus={model.rawObjects.some((r) => r.id === selectedId)}
      actions={(
        <select className="field" value="" aria-label="Add a SQL object" data-testid="raw-add" onChange={(e) => e.target.value && add(e.target.value as RawObjectKind)}>
          <option value="">+ add…</option>
          {KINDS.map(([k]) => <option key={k} value={k}>{k}</option>)}
        </select>
      )}>
      {model.rawObjects.map((r) => <RawItem key={r.id} model={model} raw={r} edit={edit} selected={r.id === selectedId} />)}
    </ObjectSection>
  );
}
