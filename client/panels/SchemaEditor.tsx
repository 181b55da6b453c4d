/** Schemas (add, rename — their objects follow — comment, remove when empty), extensions and sequences. */
import type { Model, Sequence } from '../../shared/model/document.ts';
import {
  addExtension, addSchema, addSequence, firstFree, removeExtension, removeSchema, removeSequence, renameSchema,
  setSchemaComment, updateSequence,
} from '../../shared/model/ops.ts';
import { useSafeEdit, type Edit } from './edit.ts';
import { FocusItem } from './FocusItem.tsx';
import { TextField } from './TextField.tsx';
import './panels.css';

export interface SchemaEditorProps {
  model: Model;
  onEdit: Edit;
  onError?: (message: string) => void;
  /** Highlights (and scrolls to) one schema, extension or sequence, e.g. after a lint jump. */
  selectedId?: string;
}

const SEQUENCE_FIELDS = [['start', 'start'], ['increment', 'increment'], ['minValue', 'min'], ['maxValue', 'max'], ['cache', 'cache']] as const;

function SequenceItem({ sequence, edit, selected }: { sequence: Sequence; edit: Edit; selected: boolean }) {
  const sequenceId = sequence.id;
  const patch = (p: Parameters<typeof updateSequence>[1]['patch']) => edit((m) => updateSequence(m, { sequenceId, patch: p }));
  return (
    <FocusItem focused={selected} testId="sequence-item" data={{ 'data-sequence': `${sequence.schema}.${sequence.name}` }}>
      <div className="row">
        <TextField value={sequence.name} label="Sequence name" testId="sequence-name" onCommit={(name) => patch({ name })} />
        <TextField value={sequence.schema} label="Sequence schema" testId="sequence-schema" className="narrow" onCommit={(schema) => patch({ schema })} />
        <button className="btn icon small danger" data-testid="sequence-remove" title="Delete sequence" onClick={() => edit((m) => removeSequence(m, { sequenceId }))}>×</button>
      </div>
      <div className="row">
        {SEQUENCE_FIELDS.map(([key, label]) => (
          <TextField key={key} value={sequence[key] ?? ''} mono className="narrow" placeholder={label} label={`Sequence ${label}`} testId={`sequence-${key}`} onCommit={(v) => patch({ [key]: v.trim() })} />
        ))}
      </div>
    </FocusItem>
  );
}

export function SchemaEditor({ model, onEdit, onError, selectedId }: SchemaEditorProps) {
  const edit = useSafeEdit(onEdit, onError);
  return (
    <div className="type-editor" data-testid="schema-editor">
      <h4>
        Schemas
        <button className="btn small" data-testid="schema-add" onClick={() => edit((m) => addSchema(m, { name: firstFree('schema', m.schemas.map((s) => s.name)) }))}>+ schema</button>
      </h4>
      {model.schemas.map((s) => (
        <FocusItem base="row" key={s.id} focused={s.id === selectedId} testId="schema-item" data={{ 'data-schema': s.name }}>
          <TextField value={s.name} label="Schema name" testId="schema-name" onCommit={(name) => edit((m) => renameSchema(m, { schemaId: s.id, name }))} />
          <TextField value={s.comment ?? ''} placeholder="comment" label="Schema comment" testId="schema-comment" onCommit={(comment) => edit((m) => setSchemaComment(m, { schemaId: s.id, comment }))} />
          <button className="btn icon small danger" data-testid="schema-remove" title="Remove schema (only when empty)" onClick={() => edit((m) => removeSchema(m, { schemaId: s.id }))}>×</button>
        </FocusItem>
      ))}
      <h4>Extensions</h4>
      {model.extensions.map((e) => (
        <FocusItem base="row" key={e.id} focused={e.id === selectedId} testId="extension-item" data={{ 'data-extension': e.name }}>
          <span className="chip">{e.name}{e.schema ? ` (${e.schema})` : ''}{e.version ? ` ${e.version}` : ''}</span>
          <button className="btn icon small danger" data-testid="extension-remove" title="Remove extension" onClick={() => edit((m) => removeExtension(m, { extensionId: e.id }))}>×</button>
        </FocusItem>
      ))}
      <TextField value="" placeholder="+ extension, e.g. citext (Enter)" label="New extension" testId="extension-add" onCommit={(name) => name.trim() && edit((m) => addExtension(m, { name: name.trim() }))} />
      <h4>
        Sequences
        <button className="btn small" data-testid="sequence-add" onClick={() => edit((m) => addSequence(m, { name: firstFree('sequence', m.sequences.map((s) => s.name)) }))}>+ sequence</button>
      </h4>
      {model.sequences.map((s) => <SequenceItem key={s.id} sequence={s} edit={edit} selected={s.id === selectedId} />)}
    </div>
  );
}
