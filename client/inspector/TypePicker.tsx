/**
 * Column/domain type: base type (built-ins, enums, domains), modifiers (length, precision), array;
 * or "Other type…", typed as text (extension types, `vector(3)`, `integer[][]`) and checked before
 * it is saved.
 */
import { useMemo, useState } from 'react';
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { formatType } from '../../shared/model/types.ts';
import { TextField } from './TextField.tsx';
import { argsText, baseValue, composeType, parseArgs, takesArgs, typeOptions, type TypeOption } from './type-picker.ts';
import { readTypeText } from './type-text.ts';

export interface TypePickerProps {
  model: Model;
  type: ColumnType;
  onChange: (type: ColumnType) => void;
  /** Prefix for the controls' test ids, e.g. `column` → `column-type`, `column-type-args`, `column-type-array`. */
  testId: string;
  /** Domains cannot be arrays of themselves in our editor; hide the array box there. */
  allowArray?: boolean;
}

const GROUPS: TypeOption['group'][] = ['Built-in', 'Enums', 'Domains', 'Other'];
/** The select's value for "type it yourself". */
const TYPED = '\u0000typed';

/** The typed type: kept as typed, with the reason, until it is one (Enter or blur); Escape gives up. */
function TypeText({ model, type, testId, onChange, onDone }: { model: Model; type: ColumnType; testId: string; onChange: (type: ColumnType) => void; onDone: () => void }) {
  const [text, setText] = useState(() => formatType(type));
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    const result = readTypeText(text, model);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    onChange(result.type);
    onDone();
  };
  return (
    <span className="type-text">
      <input
        type="text"
        className={`field mono${error ? ' invalid' : ''}`}
        value={text}
        autoFocus
        spellCheck={false}
        aria-label="Type, as text"
        aria-invalid={!!error}
        placeholder="e.g. hstore, vector(3), integer[][]"
        data-testid={`${testId}-type-text`}
        onChange={(e) => { setText(e.target.value); setError(undefined); }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); commit(); }
          if (e.key === 'Escape') onDone();
        }}
      />
      {error && <span className="field-error" role="alert" data-testid={`${testId}-type-error`}>{error}</span>}
    </span>
  );
}

export function TypePicker({ model, type, onChange, testId, allowArray = true }: TypePickerProps) {
  const options = useMemo(() => typeOptions(model, type), [model.enums, model.domains, type]);
  const [typing, setTyping] = useState(false);
  const change = (parts: { base?: string; args?: number[]; arrayDims?: number }) =>
    onChange(composeType({
      base: parts.base ?? baseValue(type),
      args: 'args' in parts ? parts.args : type.args,
      arrayDims: 'arrayDims' in parts ? parts.arrayDims : type.arrayDims,
    }));
  return (
    <span className="type-picker">
      <select
        className="field"
        value={baseValue(type)}
        aria-label="Type"
        data-testid={`${testId}-type`}
        onChange={(e) => (e.target.value === TYPED ? setTyping(true) : change({ base: e.target.value }))}
      >
        {GROUPS.map((group) => {
          const inGroup = options.filter((o) => o.group === group);
          return inGroup.length ? (
            <optgroup key={group} label={group}>
              {inGroup.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ) : null;
        })}
        <option value={TYPED}>Other type…</option>
      </select>
      {typing && <TypeText model={model} type={type} testId={testId} onChange={onChange} onDone={() => setTyping(false)} />}
      {takesArgs(type) && (
        <TextField
          className="args"
          value={argsText(type)}
          placeholder="n or p,s"
          label="Length or precision"
          testId={`${testId}-type-args`}
          onCommit={(text) => {
            const args = parseArgs(text);
            if (args !== null) change({ args });
          }}
        />
      )}
      {allowArray && (
        <label className="check" title="Array">
          <input
            type="checkbox"
            checked={(type.arrayDims ?? 0) > 0}
            data-testid={`${testId}-type-array`}
            onChange={(e) => change({ arrayDims: e.target.checked ? 1 : 0 })}
          />
          <span>[]</span>
        </label>
      )}
    </span>
  );
}
