/** Enums of the model: add, rename, move to a schema, edit values (add, rename, reorder, remove), delete. */
import type { Enum, Model } from '../../shared/model/document.ts';
import { addEnum, firstFree, removeEnum, renameEnumValue, updateEnum } from '../../shared/model/ops/index.ts';
import { useSafeEdit, type Edit } from '../inspector/edit.ts';
import { FocusItem } from '../inspector/FocusItem.tsx';
import { TextField } from '../inspector/TextField.tsx';
import { ObjectSection } from './ObjectSection.tsx';
import '../inspector/panels.css';

export interface EnumEditorProps {
  model: Model;
  onEdit: Edit;
  onError?: (message: string) => void;
  /** Highlights (and scrolls to) one enum, e.g. after a lint jump. */
  selectedId?: string;
}

function moved<T>(list: T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

function EnumItem({ item, edit, selected }: { item: Enum; edit: Edit; selected: boolean }) {
  const enumId = item.id;
  const setValues = (values: string[]) => edit((m) => updateEnum(m, { enumId, patch: { values } }));
  return (
    <FocusItem focused={selected} testId="enum-item" data={{ 'data-enum': `${item.schema}.${item.name}` }}>
      <div className="row">
        <TextField value={item.name} label="Enum name" testId="enum-name" onCommit={(name) => edit((m) => updateEnum(m, { enumId, patch: { name } }))} />
        <TextField value={item.schema} label="Enum schema" testId="enum-schema" className="narrow" onCommit={(schema) => edit((m) => updateEnum(m, { enumId, patch: { schema } }))} />
        <button className="btn icon small danger" data-testid="enum-remove" title="Delete enum (its columns become text)" onClick={() => edit((m) => removeEnum(m, { enumId }))}>×</button>
      </div>
      <ol className="values">
        {item.values.map((value, i) => (
          // Keyed by position and value: a document may repeat a value (the lint flags it).
          <li key={`${i}:${value}`} className="row" data-testid="enum-value">
            <TextField value={value} label="Enum value" testId="enum-value-name" onCommit={(to) => edit((m) => renameEnumValue(m, { enumId, from: value, to }))} />
            <button className="btn icon small" data-testid="enum-value-up" title="Move up" disabled={i === 0} onClick={() => setValues(moved(item.values, i, i - 1))}>↑</button>
            <button className="btn icon small" data-testid="enum-value-down" title="Move down" disabled={i === item.values.length - 1} onClick={() => setValues(moved(item.values, i, i + 1))}>↓</button>
            <button className="btn icon small danger" data-testid="enum-value-remove" title="Remove value" onClick={() => setValues(item.values.filter((v) => v !== value))}>×</button>
          </li>
        ))}
      </ol>
      <TextField value="" placeholder="+ value (Enter)" label="New enum value" testId="enum-value-add" onCommit={(value) => value && setValues([...item.values, value])} />
      <TextField value={item.comment ?? ''} placeholder="comment" label="Enum comment" testId="enum-comment" onCommit={(comment) => edit((m) => updateEnum(m, { enumId, patch: { comment } }))} />
    </FocusItem>
  );
}

export function EnumEditor({ model, onEdit, onError, selectedId }: EnumEditorProps) {
  const edit = useSafeEdit(onEdit, onError);
  const add = () => edit((m) => addEnum(m, { name: firstFree('enum', m.enums.map((e) => e.name)), values: [] }));
  return (
    <ObjectSection id="enums" title="Enums" count={model.enums.length} empty="No enums yet." testId="enum-editor"
      holdsFocus={model.enums.some((e) => e.id === selectedId)} actions={<button className="btn small" data-testid="enum-add" onClick={add}>+ enum</button>}>
      {model.enums.map((item) => <EnumItem key={item.id} item={item} edit={edit} selected={item.id === selectedId} />)}
    </ObjectSection>
  );
}
