/**
 * Schemas (add, rename — their objects follow — comment, remove when empty), extensions (schema,
 * version) and sequences (options, owned by).
 */
import type { Extension, Model, Sequence } from '../../shared/model/document.ts';
import {
  addExtension, addSchema, addSequence, firstFree, removeExtension, removeSchema, removeSequence, renameSchema,
  setSchemaComment, setSequenceOption, setSequenceOwner, updateExtension, updateSequence,
} from '../../shared/model/ops/index.ts';
import { useSafeEdit, type Edit } from '../inspector/edit.ts';
import { FocusItem } from '../inspector/FocusItem.tsx';
import { SelectField, TextField } from '../inspector/TextField.tsx';
import { SequenceOptionsFields } from '../inspector/SequenceOptionsFields.tsx';
import { ObjectSection } from './ObjectSection.tsx';
import '../inspector/panels.css';

export interface SchemaEditorProps {
  model: Model;
  onEdit: Edit;
  onError?: (message: string) => void;
  /** Highlights (and scrolls to) one schema, extension or sequence, e.g. after a lint jump. */
  selectedId?: string;
}

/** Each column a sequence may be owned by (tables of its own schema), as `["tableId","columnId"]` (ids may hold any character). */
const ownerValue = (owner: { tableId: string; columnId: string }) => JSON.stringify([owner.tableId, owner.columnId]);
function ownerChoices(model: Model, schema: string): Array<readonly [string, string]> {
  const columns = model.tables.filter((t) => t.schema === schema).flatMap((t) => t.columns.map((c) => [ownerValue({ tableId: t.id, columnId: c.id }), `${t.name}.${c.name}`] as const));
  return [['', 'owned by none'], ...columns];
}

function SequenceItem({ model, sequence, edit, selected }: { model: Model; sequence: Sequence; edit: Edit; selected: boolean }) {
  const sequenceId = sequence.id;
  const patch = (p: Parameters<typeof updateSequence>[1]['patch']) => edit((m) => updateSequence(m, { sequenceId, patch: p }));
  const owner = sequence.ownedBy ? ownerValue(sequence.ownedBy) : '';
  const setOwner = (value: string) => {
    const [tableId, columnId] = value ? (JSON.parse(value) as [string, string]) : [];
    edit((m) => setSequenceOwner(m, { sequenceId, owner: tableId && columnId ? { tableId, columnId } : null }));
  };
  return (
    <FocusItem focused={selected} testId="sequence-item" data={{ 'data-sequence': `${sequence.schema}.${sequence.name}` }}>
      <div className="row">
        <TextField value={sequence.name} label="Sequence name" testId="sequence-name" onCommit={(name) => patch({ name })} />
        <TextField value={sequence.schema} label="Sequence schema" testId="sequence-schema" className="narrow" onCommit={(schema) => patch({ schema })} />
        <button className="btn icon small danger" data-testid="sequence-remove" title="Delete sequence" onClick={() => edit((m) => removeSequence(m, { sequenceId }))}>×</button>
      </div>
      <SequenceOptionsFields options={sequence} testIdPrefix="sequence" labelPrefix="Sequence" onChange={(change) => edit((m) => setSequenceOption(m, { sequenceId, change }))} />
      <div className="row">
        <SelectField label="Sequence owned by" testId="sequence-owned-by" value={owner} options={ownerChoices(model, sequence.schema)} onChange={setOwner} />
      </div>
    </FocusItem>
  );
}

function ExtensionItem({ extension, edit, selected }: { extension: Extension; edit: Edit; selected: boolean }) {
  const extensionId = extension.id;
  return (
    <FocusItem base="row" focused={selected} testId="extension-item" data={{ 'data-extension': extension.name }}>
      <span className="chip">{extension.name}</span>
      <TextField value={extension.schema ?? ''} placeholder="schema" label="Extension schema" testId="extension-schema" className="narrow" onCommit={(schema) => edit((m) => updateExtension(m, { extensionId, patch: { schema } }))} />
      <TextField value={extension.version ?? ''} placeholder="version" label="Extension version" testId="extension-version" className="narrow" mono onCommit={(version) => edit((m) => updateExtension(m, { extensionId, patch: { version } }))} />
      <button className="btn icon small danger" data-testid="extension-remove" title="Remove extension" onClick={() => edit((m) => removeExtension(m, { extensionId }))}>×</button>
    </FocusItem>
  );
}

export function SchemaEditor({ model, onEdit, onError, selectedId }: SchemaEditorProps) {
  const edit = useSafeEdit(onEdit, onError);
  return (
    <>
      <ObjectSection id="schemas" title="Schemas" count={model.schemas.length} empty="No schemas." testId="schema-editor"
        holdsFocus={model.schemas.some((s) => s.id === selectedId)}
        actions={<button className="btn small" data-testid="schema-add" onClick={() => edit((m) => addSchema(m, { name: firstFree('schema', m.schemas.map((s) => s.name)) }))}>+ schema</button>}>
        {model.schemas.map((s) => (
          <FocusItem base="row" key={s.id} focused={s.id === selectedId} testId="schema-item" data={{ 'data-schema': s.name }}>
            <TextField value={s.name} label="Schema name" testId="schema-name" onCommit={(name) => edit((m) => renameSchema(m, { schemaId: s.id, name }))} />
            <TextField value={s.comment ?? ''} placeholder="comment" label="Schema comment" testId="schema-comment" onCommit={(comment) => edit((m) => setSchemaComment(m, { schemaId: s.id, comment }))} />
            <button className="btn icon small danger" data-testid="schema-remove" title="Remove schema (only when empty)" onClick={() => edit((m) => removeSchema(m, { schemaId: s.id }))}>×</button>
          </FocusItem>
        ))}
      </ObjectSection>
      <ObjectSection id="extensions" title="Extensions" count={model.extensions.length} empty="No extensions." testId="extension-editor"
        holdsFocus={model.extensions.some((e) => e.id === selectedId)}
        footer={<TextField value="" placeholder="+ extension, e.g. citext (Enter)" label="New extension" testId="extension-add" onCommit={(name) => name.trim() && edit((m) => addExtension(m, { name: name.trim() }))} />}>
        {model.extensions.map((e) => <ExtensionItem key={e.id} extension={e} edit={edit} selected={e.id === selectedId} />)}
      </ObjectSection>
      <ObjectSection id="sequences" title="Sequences" count={model.sequences.length} empty="No sequences yet." testId="sequence-editor"
        holdsFocus={model.sequences.some((s) => s.id === selectedId)}
        actions={<button className="btn small" data-testid="sequence-add" onClick={() => edit((m) => addSequence(m, { name: firstFree('sequence', m.sequences.map((s) => s.name)) }))}>+ sequence</button>}>
        {model.sequences.map((s) => <SequenceItem key={s.id} model={model} sequence={s} edit={edit} selected={s.id === selectedId} />)}
      </ObjectSection>
    </>
  );
}
