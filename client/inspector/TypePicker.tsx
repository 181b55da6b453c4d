/**
 * Column/domain type: the type field (search by name or alias, or type any type: extension types,
 * `vector(3)`, `integer[][]`, checked before it is saved), modifiers (length, precision), array.
 */
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { formatType } from '../../shared/model/types.ts';
import { TextField } from './TextField.tsx';
import { argsText, baseValue, composeType, parseArgs, takesArgs } from './type-picker.ts';
import { TypeCombobox } from './TypeCombobox.tsx';

export interface TypePickerProps {
  model: Model;
  type: ColumnType;
  onChange: (type: ColumnType) => void;
  /** Offers the serials: a serial chosen is its integer type, handed here to add the identity. */
  onSerial?: (type: ColumnType) => void;
  /** Prefix for the controls' test ids, e.g. `column` → `column-type`, `column-type-args`, `column-type-array`. */
  testId: string;
  /** Domains cannot be arrays of themselves in our editor; hide the array box there. */
  allowArray?: boolean;
}

export function TypePicker({ model, type, onChange, onSerial, testId, allowArray = true }: TypePickerProps) {
  const change = (parts: { base?: string; args?: number[]; arrayDims?: number }) =>
    onChange(composeType({
      base: parts.base ?? baseValue(type),
      args: 'args' in parts ? parts.args : type.args,
      arrayDims: 'arrayDims' in parts ? parts.arrayDims : type.arrayDims,
    }));
  return (
    <span className="type-picker">
      <TypeCombobox
        model={model}
        type={type}
        testId={testId}
        withSerials={!!onSerial}
        onChoose={(chosen, serial) => {
          if (serial) onSerial?.(chosen);
          else if (formatType(chosen) !== formatType(type)) onChange(chosen);
        }}
      />
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
