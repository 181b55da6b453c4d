/** Column/domain type: base type (built-ins, enums, domains), modifiers (length, precision), array. */
import { useMemo } from 'react';
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { TextField } from './TextField.tsx';
import { argsText, baseValue, composeType, parseArgs, takesArgs, typeOptions, type TypeOption } from './type-picker.ts';

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

export function TypePicker({ model, type, onChange, testId, allowArray = true }: TypePickerProps) {
  const options = useMemo(() => typeOptions(model, type), [model.enums, model.domains, type]);
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
        onChange={(e) => change({ base: e.target.value })}
      >
        {GROUPS.map((group) => {
          const inGroup = options.filter((o) => o.group === group);
          return inGroup.length ? (
            <optgroup key={group} label={group}>
              {inGroup.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ) : null;
        })}
      </select>
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
